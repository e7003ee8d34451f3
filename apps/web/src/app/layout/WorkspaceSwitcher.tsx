import { useState } from 'react';
import { Button, Dropdown, Space } from 'antd';
import { CheckOutlined, DownOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../i18n/context';
import { useSession } from '../session';
import { useWorkspace } from '../workspace';
import { CreateWorkspaceModal } from '../../modules/workspaces/components/CreateWorkspaceModal';
import { switchWorkspacePath } from './workspace-path';

const CREATE_KEY = '__create__';

/** The person's workspaces; picking one keeps the current section under the new /w/<id>. */
export function WorkspaceSwitcher() {
  const t = useT();
  const session = useSession();
  const current = useWorkspace();
  const navigate = useNavigate();
  const location = useLocation();
  const [createOpen, setCreateOpen] = useState(false);

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          selectedKeys: [current.workspaceId],
          items: [
            {
              key: 'heading',
              type: 'group',
              label: t('workspace.switcher.heading'),
              children: session.workspaces.map((w) => ({
                key: w.id,
                icon:
                  w.id === current.workspaceId ? <CheckOutlined /> : <span style={{ width: 14 }} />,
                label: (
                  <span data-testid={`workspace-option-${w.id}`}>
                    {w.name} <span className="yc-muted">· {t(`role.${w.role}`)}</span>
                  </span>
                ),
              })),
            },
            { type: 'divider' },
            {
              key: CREATE_KEY,
              icon: <PlusOutlined />,
              label: <span data-testid="workspace-create">{t('workspace.create.title')}</span>,
            },
          ],
          onClick: ({ key }) => {
            if (key === CREATE_KEY) setCreateOpen(true);
            else if (key !== current.workspaceId)
              void navigate(switchWorkspacePath(location.pathname, key));
          },
        }}
      >
        <Button data-testid="workspace-switcher" aria-label={t('workspace.switcher.label')}>
          <Space size={6}>
            <ShopOutlined />
            <span className="yc-ellipsis yc-ws-name">{current.name}</span>
            <DownOutlined style={{ fontSize: 10 }} />
          </Space>
        </Button>
      </Dropdown>
      <CreateWorkspaceModal open={createOpen} onClose={() => setCreateOpen(false)} />
    </>
  );
}
