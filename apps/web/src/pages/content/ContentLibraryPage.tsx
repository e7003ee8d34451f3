import { useState } from 'react';
import { Badge, Button, Card, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import {
  CONTENT_FORMATS,
  CONTENT_STATUSES,
  type TContentFormat,
  type TContentStatus,
} from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useContentList, useContentSettings } from '../../modules/content/api';
import { useAccounts } from '../../modules/accounts/api';
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
  const [format, setFormat] = useState<TContentFormat | undefined>();
  const [pillar, setPillar] = useState<string | undefined>();
  const [accountId, setAccountId] = useState<string | undefined>();
  const [tag, setTag] = useState<string | undefined>();
  const list = useContentList(ws.workspaceId, {
    q,
    status,
    format,
    pillar,
    accountId,
    tag,
    limit: 200,
  });
  const accounts = useAccounts(ws.workspaceId, { status: 'active' });
  const settings = useContentSettings(ws.workspaceId);
  const filtered = Boolean(q ?? status ?? format ?? pillar ?? accountId ?? tag);
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
  else if (list.data.length === 0 && !filtered)
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
          <Select
            allowClear
            placeholder={t('content.filter.format')}
            style={{ width: 130 }}
            value={format}
            onChange={(f?: TContentFormat) => setFormat(f)}
            options={CONTENT_FORMATS.map((f) => ({
              value: f,
              label: t(`content.format.${f}` as MessageKey),
            }))}
          />
          <Select
            allowClear
            placeholder={t('content.filter.pillar')}
            style={{ width: 150 }}
            value={pillar}
            onChange={(p?: string) => setPillar(p)}
            options={[
              ...(settings.data?.builtinPillars ?? []).map((p) => ({
                value: p,
                label: t(`content.pillar.${p}` as MessageKey),
              })),
              ...(settings.data?.customPillars ?? []).map((p) => ({
                value: `custom:${p.id}`,
                label: p.name,
              })),
            ]}
          />
          <Select
            allowClear
            placeholder={t('content.filter.account')}
            style={{ width: 180 }}
            value={accountId}
            onChange={(a?: string) => setAccountId(a)}
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
          <Input
            allowClear
            placeholder={t('content.filter.tag')}
            style={{ width: 120 }}
            onChange={(e) => setTag(e.target.value.trim() || undefined)}
          />
        </Space>
        {body}
      </Card>
    </>
  );
}
