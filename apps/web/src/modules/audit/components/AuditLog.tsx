import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TAuditEntry } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { DateTime } from '../../../ui/DateTime';
import { EmptyState, ErrorState } from '../../../ui/states';
import { useAuditLog } from '../api';
import { useAuditFilters } from '../hooks';
import { AuditChanges } from './AuditChanges';
import { AuditFiltersBar } from './AuditFiltersBar';

function Actor({ actor }: { actor: TAuditEntry['actor'] }) {
  const { t } = useI18n();
  if (actor.displayName) return <>{actor.displayName}</>;
  if (actor.tokenName)
    return (
      <Space size={4}>
        <ApiOutlined />
        {actor.tokenName}
      </Space>
    );
  return <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>;
}

/** Who changed what and when, with before/after of each change; filters live in the URL. */
export function AuditLog() {
  const { t, tMaybe } = useI18n();
  const ws = useWorkspace();
  const { filters, setFilters } = useAuditFilters();
  const log = useAuditLog(ws.workspaceId, filters);
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  const columns: TableColumnsType<TAuditEntry> = [
    { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => <DateTime value={e.at} /> },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 130,
      render: (_, e) => <Actor actor={e.actor} />,
    },
    {
      key: 'action',
      title: t('audit.action'),
      width: 140,
      render: (_, e) => <Tag>{tMaybe(`audit.action.${e.action}`) ?? e.action}</Tag>,
    },
    {
      key: 'entity',
      title: t('audit.entity'),
      width: 100,
      render: (_, e) => {
        const label = tMaybe(`audit.entity.${e.entityType}`) ?? e.entityType;
        if (e.entityType === 'account' && e.entityId) {
          return <Link to={ws.path(`accounts/${e.entityId}`)}>{label}</Link>;
        }
        return label;
      },
    },
    {
      key: 'changes',
      title: t('audit.changes'),
      render: (_, e) => (
        <AuditChanges entityType={e.entityType} before={e.before} after={e.after} />
      ),
    },
  ];

  return (
    <>
      <AuditFiltersBar filters={filters} setFilters={setFilters} />
      {log.isError && entries.length === 0 ? (
        <ErrorState error={log.error} onRetry={() => void log.refetch()} />
      ) : (
        <>
          <Table<TAuditEntry>
            rowKey="id"
            columns={columns}
            dataSource={entries}
            loading={log.isPending}
            pagination={false}
            scroll={{ x: 960 }}
            locale={{ emptyText: <EmptyState description={t('audit.empty')} /> }}
            data-testid="audit-table"
          />
          {log.hasNextPage ? (
            <div style={{ textAlign: 'center', marginTop: 16 }}>
              <Button
                onClick={() => void log.fetchNextPage()}
                loading={log.isFetchingNextPage}
                data-testid="audit-load-more"
              >
                {t('audit.loadMore')}
              </Button>
            </div>
          ) : entries.length > 0 ? (
            <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
              {t('audit.end')}
            </Typography.Paragraph>
          ) : null}
        </>
      )}
    </>
  );
}
