import type { ReactNode } from 'react';
import { Alert, Progress, Result, Space, Typography } from 'antd';
import type { TImport } from '@yunce/contracts';
import { useT } from '../../../../app/i18n/context';
import { useWorkspace } from '../../../../app/workspace';
import { useImportStatus } from '../../api';
import { ImportErrorsTable } from './PreviewPanel';

/** The outcome of an import; while it is queued or running, a progress bar polled every second. */
export function ImportOutcome({ initial, actions }: { initial: TImport; actions: ReactNode }) {
  const t = useT();
  const ws = useWorkspace();
  const status = useImportStatus(ws.workspaceId, initial.id);
  const current = status.data ?? initial;

  if (current.status === 'queued' || current.status === 'running')
    return (
      <div data-testid="import-progress" aria-live="polite">
        <Typography.Paragraph>
          {current.status === 'queued'
            ? t('analytics.import.status.queuedLong')
            : t('analytics.import.status.runningLong', { file: current.fileName })}
        </Typography.Paragraph>
        <Progress
          percent={Math.round(Math.min(1, Math.max(0, current.progress)) * 100)}
          status="active"
          aria-label={t('analytics.import.progress')}
        />
      </div>
    );

  if (current.status === 'failed')
    return (
      <Result
        status="error"
        title={t('analytics.import.failed')}
        subTitle={current.failure ?? undefined}
        extra={actions}
        data-testid="import-failed"
      />
    );

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Result
        status="success"
        title={t('analytics.import.done')}
        subTitle={t('analytics.import.doneSummary', {
          rows: current.rows,
          created: current.created,
          updated: current.updated,
          skipped: current.skipped,
        })}
        extra={actions}
        data-testid="import-done"
      />
      {current.errors.length > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={t('analytics.import.doneWithErrors', { count: current.errors.length })}
          />
          <ImportErrorsTable errors={current.errors} testId="import-done-errors" />
        </>
      ) : null}
    </Space>
  );
}
