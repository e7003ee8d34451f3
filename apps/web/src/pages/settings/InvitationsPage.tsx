import { Card, Space } from 'antd';
import { assignableRoles } from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { CreateInvitationForm } from '../../modules/invitations/components/CreateInvitationForm';
import { InvitationsTable } from '../../modules/invitations/components/InvitationsTable';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';

export default function InvitationsPage() {
  const t = useT();
  const ws = useWorkspace();
  if (!ws.can('members.manage')) return <Forbidden />;
  return (
    <>
      <PageHeader
        title={t('nav.settingsInvitations')}
        subtitle={t('settings.invitations.subtitle')}
      />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('invitations.create.title')}>
          <CreateInvitationForm workspaceId={ws.workspaceId} roles={assignableRoles(ws.role)} />
        </Card>
        <Card title={t('invitations.list.title')}>
          <InvitationsTable workspaceId={ws.workspaceId} />
        </Card>
      </Space>
    </>
  );
}
