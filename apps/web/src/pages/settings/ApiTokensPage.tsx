import { Card, Space } from 'antd';
import { assignableRoles } from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { ApiTokensTable } from '../../modules/api-tokens/components/ApiTokensTable';
import { CreateApiTokenForm } from '../../modules/api-tokens/components/CreateApiTokenForm';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';

export default function ApiTokensPage() {
  const t = useT();
  const ws = useWorkspace();
  if (!ws.can('tokens.manage')) return <Forbidden />;
  return (
    <>
      <PageHeader title={t('nav.settingsApiTokens')} subtitle={t('settings.apiTokens.subtitle')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('apiTokens.create.title')}>
          <CreateApiTokenForm workspaceId={ws.workspaceId} roles={assignableRoles(ws.role)} />
        </Card>
        <Card title={t('apiTokens.list.title')}>
          <ApiTokensTable workspaceId={ws.workspaceId} />
        </Card>
      </Space>
    </>
  );
}
