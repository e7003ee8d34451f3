import { useState } from 'react';
import { Badge, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { CONTENT_STATUSES, type TContentStatus } from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useContentList } from '../../modules/content/api';
import { PageHeader } from '../../ui/PageHeader';
import { DateTime } from '../../ui/DateTime';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { Forbidden } from '../../ui/Forbidden';
import type { MessageKey } from '../../app/i18n/messages';

const STATUS_COLOUR: Record<TContentStatus, string> = {
  draft: 'default',
  in_review: 'processing',
  changes_requested: 'warning',
  approved: 'success',
  scheduled: 'cyan',
  published: 'green',
  failed: 'error',
  cancelled: 'default',
};

/** The content library: every item with its status, plan and compliance state. */
export default function ContentLibraryPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const [q, setQ] = useState<string | undefined>();
  const [status, setStatus] = useState<TContentStatus | undefined>();
  const list = useContentList(ws.workspaceId, { q, status, limit: 200 });
  if (!ws.can('content.read')) return <Forbidden />;

  const newButton = ws.can('content.write') ? (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => void navigate(ws.path('content/new'))}
      data-testid="content-new"
    >
      {t('content.new')}
    </Button>
  ) : null;

  let body;
  if (list.isPending) body = <LoadingState />;
  else if (list.isError)
    body = <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  else if (list.data.length === 0 && !q && !status)
    body = (
      <EmptyState testId="content-empty" description={t('content.empty')} action={newButton} />
    );
  else
    body = (
      <Table
        rowKey="id"
        dataSource={list.data}
        loading={list.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="content-table"
        columns={[
          {
            title: t('content.col.title'),
            dataIndex: 'title',
            render: (title: string, r) => <Link to={ws.path(`content/${r.id}`)}>{title}</Link>,
          },
          {
            title: t('content.col.status'),
            dataIndex: 'status',
            width: 120,
            render: (s: TContentStatus) => (
              <Tag color={STATUS_COLOUR[s]}>{t(`content.status.${s}` as MessageKey)}</Tag>
            ),
          },
          {
            title: t('content.col.format'),
            dataIndex: 'format',
            width: 100,
            render: (f: string) => t(`content.format.${f}` as MessageKey),
          },
          {
            title: t('content.col.accounts'),
            render: (_: unknown, r) => r.variants.map((v) => <Tag key={v.id}>{v.accountName}</Tag>),
          },
          {
            title: t('content.col.planned'),
            dataIndex: 'plannedAt',
            width: 190,
            render: (p: string | null) => <DateTime value={p} />,
          },
          {
            title: t('content.col.blocking'),
            dataIndex: 'blockingFindings',
            width: 100,
            render: (n: number) => (n ? <Badge count={n} /> : '—'),
          },
        ]}
      />
    );

  return (
    <>
      <PageHeader
        title={t('nav.contentLibrary')}
        subtitle={t('content.library.subtitle')}
        extra={newButton}
      />
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Input.Search
            allowClear
            placeholder={t('content.search')}
            onSearch={(v) => setQ(v || undefined)}
            style={{ width: 260 }}
            data-testid="content-search"
          />
          <Select
            allowClear
            placeholder={t('content.col.status')}
            style={{ width: 160 }}
            value={status}
            onChange={(s?: TContentStatus) => setStatus(s)}
            options={CONTENT_STATUSES.map((s) => ({
              value: s,
              label: t(`content.status.${s}` as MessageKey),
            }))}
            data-testid="content-status-filter"
          />
        </Space>
        {body}
      </Card>
    </>
  );
}
