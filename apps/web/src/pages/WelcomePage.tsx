import { useState } from 'react';
import { Button, Result } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../app/i18n/context';
import { useSignOut } from '../app/session';
import { AuthLayout } from '../app/layout/AuthLayout';
import { CreateWorkspaceModal } from '../modules/workspaces/components/CreateWorkspaceModal';

/** For a signed-in person who belongs to no workspace (e.g. after being removed from the last one). */
export default function WelcomePage() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const signOut = useSignOut();
  return (
    <AuthLayout title={t('welcome.title')}>
      <Result
        status="info"
        subTitle={t('welcome.body')}
        extra={[
          <Button key="create" type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {t('workspace.create.title')}
          </Button>,
          <Button
            key="sign-out"
            data-testid="sign-out"
            loading={signOut.isPending}
            onClick={() => signOut.mutate()}
          >
            {t('user.signOut')}
          </Button>,
        ]}
      />
      <CreateWorkspaceModal open={open} onClose={() => setOpen(false)} />
    </AuthLayout>
  );
}
