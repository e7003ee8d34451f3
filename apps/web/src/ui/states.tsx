import type { ReactNode } from 'react';
import { Button, Empty, Result, Spin } from 'antd';
import { useT } from '../app/i18n/context';
import { useErrorMessage } from './use-error-message';

export function LoadingState({ tip }: { tip?: string }) {
  const t = useT();
  return (
    <div className="yc-center" role="status" aria-live="polite" data-testid="loading">
      <Spin size="large" />
      <div className="yc-muted">{tip ?? t('common.loading')}</div>
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const t = useT();
  const message = useErrorMessage();
  return (
    <Result
      status="error"
      title={title ?? t('errors.loadFailed')}
      subTitle={message(error)}
      data-testid="error-state"
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function EmptyState({
  description,
  action,
  testId,
}: {
  description: ReactNode;
  action?: ReactNode;
  testId?: string;
}) {
  return (
    <Empty description={description} data-testid={testId ?? 'empty-state'}>
      {action}
    </Empty>
  );
}
