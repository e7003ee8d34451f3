import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TImport } from '@yunce/contracts';
import { useT } from '../../../../app/i18n/context';
import { useWorkspace } from '../../../../app/workspace';
import { DateTime } from '../../../../ui/DateTime';
import { EmptyState, ErrorState, LoadingState } from '../../../../ui/states';
import { useImports } from '../../api';
import { ImportErrorsTable } from './PreviewPanel';

const STATUS_COLOR: Record<TImport['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** Earlier imports of the workspace, newest first; a row opens to its errors. */
export function ImportHistory() {
  const t = useT();
  const ws = useWorkspace();
  const imports = useImports(ws.workspaceId);
  if (imports.isPending) return <LoadingState />;
  if (imports.isError)
    return <ErrorState error={imports.error} onRetry={() => void imports.refetch()} />;
  if (imports.data.length === 0)
    return (
      <EmptyState description={t('analytics.import.history.empty')} testId="import-history-empty" />
    );
  const columns: TableColumnsType<TImport> = [
    {
      key: 'at',
      title: t('analytics.import.history.at'),
      render: (_, i) => <DateTime value={i.createdAt} />,
    },
    { key: 'account', title: t('analytics.content.account'), dataIndex: 'accountName' },
    { key: 'file', title: t('analytics.import.preview.file'), dataIndex: 'fileName' },
    {
      key: 'preset',
      title: t('analytics.import.preview.preset'),
      render: (_, i) => i.presetName ?? t('analytics.import.history.customMapping'),
    },
    {
      key: 'status',
      title: t('analytics.import.history.status'),
      render: (_, i) => (
        <Tag color={STATUS_COLOR[i.status]}>
          {t(`analytics.import.status.${i.status}`)}
          {i.status === 'running' ? ` ${Math.round(i.progress * 100)}%` : ''}
        </Tag>
      ),
    },
    { key: 'rows', title: t('analytics.import.preview.rows'), dataIndex: 'rows', align: 'right' },
    {
      key: 'created',
      title: t('analytics.import.history.created'),
      dataIndex: 'created',
      align: 'right',
    },
    {
      key: 'updated',
      title: t('analytics.import.history.updated'),
      dataIndex: 'updated',
      align: 'right',
    },
    {
      key: 'skipped',
      title: t('analytics.import.history.skipped'),
      dataIndex: 'skipped',
      align: 'right',
    },
    {
      key: 'errors',
      title: t('analytics.import.preview.errors'),
      align: 'right',
      render: (_, i) =>
        i.errors.length > 0 ? (
          <Typography.Text type="danger">{i.errors.length}</Typography.Text>
        ) : (
          0
        ),
    },
  ];
  return (
    <Table<TImport>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={imports.data}
      pagination={imports.data.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 'max-content' }}
      data-testid="import-history"
      expandable={{
        rowExpandable: (i) => i.errors.length > 0 || i.failure !== null,
        expandedRowRender: (i) => (
          <>
            {i.failure ? (
              <Typography.Paragraph type="danger">{i.failure}</Typography.Paragraph>
            ) : null}
            {i.errors.length > 0 ? <ImportErrorsTable errors={i.errors} /> : null}
          </>
        ),
      }}
    />
  );
}
