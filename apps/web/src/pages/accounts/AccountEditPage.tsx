import { App } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccount, useUpdateAccount } from '../../modules/accounts/api';
import { AccountForm } from '../../modules/accounts/components/AccountForm';
import {
  accountToFormValues,
  toUpdateAccountBody,
} from '../../modules/accounts/utils/account-form';
import { PageHeader } from '../../ui/PageHeader';
import { Forbidden } from '../../ui/Forbidden';
import { ErrorState, LoadingState } from '../../ui/states';

export default function AccountEditPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { accountId = '' } = useParams();
  const account = useAccount(ws.workspaceId, accountId);
  const update = useUpdateAccount(ws.workspaceId, accountId);

  if (!ws.can('accounts.write')) return <Forbidden />;
  if (account.isPending) return <LoadingState />;
  if (account.isError)
    return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;

  const detail = ws.path(`accounts/${accountId}`);
  return (
    <>
      <PageHeader
        title={t('account.edit.title', { name: account.data.name })}
        documentTitle={t('account.edit.title', { name: account.data.name })}
      />
      <AccountForm
        // A fresh form when another account is opened in the same page.
        key={account.data.id}
        mode="edit"
        initialValues={accountToFormValues(account.data)}
        save={(values) => update.mutateAsync(toUpdateAccountBody(values))}
        onSaved={() => {
          void message.success(t('common.saved'));
          void navigate(detail, { replace: true });
        }}
        onCancel={() => void navigate(detail)}
      />
    </>
  );
}
