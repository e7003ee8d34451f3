import { Button, Card } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { MembersTable } from '../../modules/members/components/MembersTable';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';

export default function MembersPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  if (!ws.can('members.read')) return <Forbidden />;
  return (
    <>
      <PageHeader
        title={t('nav.settingsMembers')}
        subtitle={t('settings.members.subtitle')}
        extra={
          ws.can('members.manage') ? (
            <Button
              icon={<MailOutlined />}
              onClick={() => void navigate(ws.path('settings/invitations'))}
              data-testid="goto-invitations"
            >
              {t('invitations.create.button')}
            </Button>
          ) : null
        }
      />
      <Card>
        <MembersTable />
      </Card>
    </>
  );
}
