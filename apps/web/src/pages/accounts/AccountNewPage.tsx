import { useNavigate, useSearchParams } from 'react-router';
import { App } from 'antd';
import { PLATFORMS, type TPlatform } from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useCreateAccount } from '../../modules/accounts/api';
import { AccountForm } from '../../modules/accounts/components/AccountForm';
import { EMPTY_ACCOUNT_FORM, toCreateAccountBody } from '../../modules/accounts/utils/account-form';
import { PageHeader } from '../../ui/PageHeader';
import { Forbidden } from '../../ui/Forbidden';

export default function AccountNewPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const create = useCreateAccount(ws.workspaceId);
  const preset = params.get('platform');
  const platform = PLATFORMS.includes(preset as TPlatform) ? (preset as TPlatform) : undefined;

  if (!ws.can('accounts.write')) return <Forbidden />;

  return (
    <>
      <PageHeader title={t('account.create.title')} subtitle={t('account.create.subtitle')} />
      <AccountForm
        mode="create"
        initialValues={{ ...EMPTY_ACCOUNT_FORM, platform }}
        save={(values) => create.mutateAsync(toCreateAccountBody(values))}
        onSaved={(account) => {
          void message.success(t('account.create.done'));
          void navigate(ws.path(`accounts/${account.id}`), { replace: true });
        }}
        onCancel={() => void navigate(ws.path('accounts'))}
      />
    </>
  );
}
