import { useState } from 'react';
import { Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useT } from '../i18n/context';
import { useSession, useSignOut } from '../session';
import { ProfileModal } from '../../modules/me/components/ProfileModal';

export function UserMenu() {
  const t = useT();
  const { user } = useSession();
  const signOut = useSignOut();
  const [profileOpen, setProfileOpen] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            {
              key: 'who',
              disabled: true,
              label: (
                <div>
                  <div>{user.displayName}</div>
                  <Typography.Text type="secondary">{user.email}</Typography.Text>
                </div>
              ),
            },
            { type: 'divider' },
            {
              key: 'profile',
              icon: <UserOutlined />,
              label: <span data-testid="profile-open">{t('user.profile')}</span>,
            },
            {
              key: 'sign-out',
              icon: <LogoutOutlined />,
              danger: true,
              label: <span data-testid="sign-out">{t('user.signOut')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === 'profile') setProfileOpen(true);
            if (key === 'sign-out') {
              signOut.mutate();
            }
          },
        }}
      >
        <Button type="text" data-testid="user-menu" aria-label={t('user.menu')}>
          <Space size={6}>
            <Avatar size="small" icon={<UserOutlined />} />
            <span className="yc-hide-narrow">{user.displayName}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <ProfileModal open={profileOpen} onClose={() => setProfileOpen(false)} />
    </>
  );
}
