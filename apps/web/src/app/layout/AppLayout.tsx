import { Suspense, useState } from 'react';
import { Button, Grid, Layout, Result } from 'antd';
import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Link, Outlet, useNavigate, useParams } from 'react-router';
import { useT } from '../i18n/context';
import { useSession } from '../session';
import { WorkspaceProvider } from '../workspace';
import { LoadingState } from '../../ui/states';
import { LanguageSwitch } from './LanguageSwitch';
import { NotificationBell } from './NotificationBell';
import { SideNav } from './SideNav';
import { UserMenu } from './UserMenu';
import { WorkspaceSwitcher } from './WorkspaceSwitcher';

const COLLAPSED_KEY = 'yunce.sider.collapsed';

function readCollapsed(): boolean {
  try {
    return window.localStorage.getItem(COLLAPSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** The app shell for /w/:workspaceId/…: module menu, header with switchers, the page. */
export function AppLayout() {
  const t = useT();
  const { workspaceId = '' } = useParams();
  const session = useSession();
  const summary = session.workspaces.find((w) => w.id === workspaceId);
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const screens = Grid.useBreakpoint();
  // On a phone the menu slides over the page and is opened from a button in the header.
  const isPhone = screens.md === false;

  if (!summary) return <NoWorkspaceAccess />;

  const toggle = (value: boolean, type: 'clickTrigger' | 'responsive') => {
    setCollapsed(value);
    // Only a deliberate click is remembered; a narrow window collapses the menu for now only.
    if (type !== 'clickTrigger') return;
    try {
      window.localStorage.setItem(COLLAPSED_KEY, value ? '1' : '0');
    } catch {
      // Not remembered; harmless.
    }
  };

  return (
    <WorkspaceProvider workspaceId={summary.id} name={summary.name} role={summary.role}>
      <Layout className="yc-shell">
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={toggle}
          breakpoint="lg"
          collapsedWidth={isPhone ? 0 : 80}
          trigger={isPhone ? null : undefined}
          width={216}
          className={isPhone ? 'yc-sider yc-sider-overlay' : 'yc-sider'}
        >
          <Link to={`/w/${summary.id}/today`} className="yc-logo" aria-label={t('app.name')}>
            <span className="yc-logo-mark">策</span>
            {!collapsed && <span className="yc-logo-text">{t('app.name')}</span>}
          </Link>
          <SideNav
            collapsed={collapsed}
            onNavigate={isPhone ? () => setCollapsed(true) : undefined}
          />
        </Layout.Sider>
        {isPhone && !collapsed ? (
          <div className="yc-sider-mask" aria-hidden onClick={() => setCollapsed(true)} />
        ) : null}
        <Layout>
          <Layout.Header className="yc-header">
            {isPhone ? (
              <Button
                type="text"
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
                aria-label={t('nav.toggle')}
                data-testid="nav-toggle"
              />
            ) : null}
            <WorkspaceSwitcher />
            <div className="yc-header-right">
              <NotificationBell />
              <LanguageSwitch />
              <UserMenu />
            </div>
          </Layout.Header>
          <Layout.Content className="yc-content">
            <Suspense fallback={<LoadingState />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
      </Layout>
    </WorkspaceProvider>
  );
}

function NoWorkspaceAccess() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const first = session.workspaces[0];
  return (
    <Result
      status="403"
      title={t('workspace.noAccess.title')}
      subTitle={t('workspace.noAccess.body')}
      extra={
        <Button
          type="primary"
          onClick={() => void navigate(first ? `/w/${first.id}/today` : '/welcome')}
        >
          {t('workspace.noAccess.back')}
        </Button>
      }
    />
  );
}
