import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccounts } from '../../modules/accounts/api';
import { AccountFilters } from '../../modules/accounts/components/AccountFilters';
import { AccountsTable } from '../../modules/accounts/components/AccountsTable';
import { useAccountFilters } from '../../modules/accounts/hooks';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { Forbidden } from '../../ui/Forbidden';

export default function AccountsPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const { filters, setFilter, isFiltered } = useAccountFilters();
  const canRead = ws.can('accounts.read');
  const accounts = useAccounts(ws.workspaceId, filters, canRead);
  const canWrite = ws.can('accounts.write');
  // An empty "active" list may still hide archived accounts: ask once, only in that case.
  const activeEmpty = !isFiltered && accounts.data?.length === 0;
  const anyAccounts = useAccounts(ws.workspaceId, { status: 'all' }, canRead && activeEmpty);
  const onlyArchived = activeEmpty && (anyAccounts.data?.length ?? 0) > 0;

  if (!canRead) return <Forbidden />;

  const newAccount = canWrite ? (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => void navigate(ws.path('accounts/new'))}
      data-testid="new-account"
    >
      {t('account.create.button')}
    </Button>
  ) : null;

  let body;
  if (accounts.isPending || (activeEmpty && anyAccounts.isPending)) body = <LoadingState />;
  else if (accounts.isError)
    body = <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  else if (onlyArchived)
    body = (
      <EmptyState
        testId="accounts-empty-active"
        description={t('account.empty.noActive')}
        action={
          <Button
            onClick={() => setFilter('status', 'archived')}
            data-testid="accounts-show-archived"
          >
            {t('account.empty.showArchived')}
          </Button>
        }
      />
    );
  else if (accounts.data.length === 0 && !isFiltered)
    body = (
      <EmptyState
        testId="accounts-empty"
        description={canWrite ? t('account.empty.body') : t('account.empty.bodyReadOnly')}
        action={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => void navigate(ws.path('accounts/new'))}
              data-testid="empty-new-account"
            >
              {t('account.empty.cta')}
            </Button>
          ) : null
        }
      />
    );
  else if (accounts.data.length === 0)
    body = (
      <EmptyState
        testId="accounts-empty-filtered"
        description={t('account.empty.filtered')}
        action={
          <Button
            onClick={() => {
              setFilter('q', undefined);
              setFilter('platform', undefined);
              setFilter('status', undefined);
            }}
          >
            {t('common.clearFilters')}
          </Button>
        }
      />
    );
  else body = <AccountsTable accounts={accounts.data} loading={accounts.isFetching} />;

  return (
    <>
      <PageHeader
        title={t('nav.accounts')}
        subtitle={t('account.list.subtitle')}
        extra={newAccount}
      />
      <Card>
        <AccountFilters filters={filters} setFilter={setFilter} />
        {body}
      </Card>
    </>
  );
}
