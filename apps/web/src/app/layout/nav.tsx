import type { ReactNode } from 'react';
import {
  AimOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  ProfileOutlined,
  CommentOutlined,
  ContactsOutlined,
  FileTextOutlined,
  FundProjectionScreenOutlined,
  GiftOutlined,
  MailOutlined,
  NotificationOutlined,
  ReadOutlined,
  SettingOutlined,
  SunOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  IdcardOutlined,
  AlertOutlined,
  BookOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import type { TPermission } from '@yunce/contracts';
import type { MessageKey } from '../i18n/messages';

export interface NavItem {
  /** Path inside the workspace; also the menu key and the test id (`nav-` + key with / → -). */
  key: string;
  label: MessageKey;
  icon: ReactNode;
  /** Hidden when the role lacks this permission. */
  permission?: TPermission;
  children?: readonly NavItem[];
  /** Rendered as an always-open group (settings) rather than a collapsible submenu. */
  group?: boolean;
}

/** Every module of the SPEC, in the SPEC's order, then settings. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'today', label: 'nav.today', icon: <SunOutlined /> },
  { key: 'accounts', label: 'nav.accounts', icon: <IdcardOutlined />, permission: 'accounts.read' },
  { key: 'goals', label: 'nav.goals', icon: <AimOutlined />, permission: 'analytics.read' },
  {
    key: 'content',
    label: 'nav.content',
    icon: <FileTextOutlined />,
    children: [
      { key: 'content/library', label: 'nav.contentLibrary', icon: <BookOutlined /> },
      { key: 'content/calendar', label: 'nav.contentCalendar', icon: <CalendarOutlined /> },
    ],
  },
  { key: 'inbox', label: 'nav.inbox', icon: <CommentOutlined /> },
  { key: 'contacts', label: 'nav.contacts', icon: <ContactsOutlined /> },
  { key: 'communities', label: 'nav.communities', icon: <TeamOutlined /> },
  { key: 'campaigns', label: 'nav.campaigns', icon: <GiftOutlined /> },
  {
    key: 'analytics',
    label: 'nav.analytics',
    icon: <BarChartOutlined />,
    children: [
      {
        key: 'analytics/dashboard',
        label: 'nav.analyticsDashboard',
        icon: <DashboardOutlined />,
        permission: 'analytics.read',
      },
      {
        key: 'analytics/import',
        label: 'nav.analyticsImport',
        icon: <CloudUploadOutlined />,
        permission: 'analytics.import',
      },
      {
        key: 'analytics/reports',
        label: 'nav.analyticsReports',
        icon: <ProfileOutlined />,
        permission: 'analytics.read',
      },
    ],
  },
  { key: 'competitors', label: 'nav.competitors', icon: <FundProjectionScreenOutlined /> },
  { key: 'monitoring', label: 'nav.monitoring', icon: <AlertOutlined /> },
  { key: 'academy', label: 'nav.academy', icon: <ReadOutlined /> },
  {
    key: 'settings',
    label: 'nav.settings',
    icon: <SettingOutlined />,
    group: true,
    children: [
      {
        key: 'settings/workspace',
        label: 'nav.settingsWorkspace',
        icon: <SettingOutlined />,
        permission: 'workspace.read',
      },
      {
        key: 'settings/members',
        label: 'nav.settingsMembers',
        icon: <UsergroupAddOutlined />,
        permission: 'members.read',
      },
      {
        key: 'settings/invitations',
        label: 'nav.settingsInvitations',
        icon: <MailOutlined />,
        permission: 'members.manage',
      },
      {
        key: 'settings/api-tokens',
        label: 'nav.settingsApiTokens',
        icon: <ApiOutlined />,
        permission: 'tokens.manage',
      },
      {
        key: 'settings/content',
        label: 'nav.settingsContent',
        icon: <SafetyCertificateOutlined />,
        permission: 'content.read',
      },
      {
        key: 'settings/notifications',
        label: 'nav.settingsNotifications',
        icon: <NotificationOutlined />,
        permission: 'notifications.manage',
      },
      {
        key: 'settings/audit',
        label: 'nav.settingsAudit',
        icon: <AuditOutlined />,
        permission: 'audit.read',
      },
    ],
  },
];

export function navTestId(key: string): string {
  return `nav-${key.replace(/\//g, '-')}`;
}

/** The menu key to highlight for a path inside the workspace: the longest item key it starts with. */
export function selectedNavKey(
  subPath: string,
  items: readonly NavItem[] = NAV_ITEMS,
): string | undefined {
  let best: string | undefined;
  const visit = (list: readonly NavItem[]) => {
    for (const item of list) {
      if (subPath === item.key || subPath.startsWith(`${item.key}/`)) {
        if (!best || item.key.length > best.length) best = item.key;
      }
      if (item.children) visit(item.children);
    }
  };
  visit(items);
  return best;
}
