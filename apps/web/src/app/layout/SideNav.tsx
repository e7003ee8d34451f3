import { useMemo } from 'react';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/context';
import { useWorkspace } from '../workspace';
import { NAV_ITEMS, navTestId, selectedNavKey, type NavItem } from './nav';
import { workspaceSubPath } from './workspace-path';

type MenuItem = Required<MenuProps>['items'][number];

/** The module menu: every SPEC module in order, items the role may not see left out. */
export function SideNav({
  collapsed,
  onNavigate,
}: {
  collapsed: boolean;
  onNavigate?: () => void;
}) {
  const t = useT();
  const ws = useWorkspace();
  const location = useLocation();
  const subPath = workspaceSubPath(location.pathname);
  const selected = selectedNavKey(subPath);

  const items = useMemo(() => {
    const visible = (item: NavItem) => !item.permission || ws.can(item.permission);
    const toMenu = (item: NavItem): MenuItem | null => {
      if (!visible(item)) return null;
      if (item.children) {
        const children = item.children.map(toMenu).filter((c): c is MenuItem => c !== null);
        if (children.length === 0) return null;
        const label = <span data-testid={navTestId(item.key)}>{t(item.label)}</span>;
        // A group's title cannot shrink to an icon, so a collapsed menu shows it as a submenu.
        return item.group && !collapsed
          ? { key: item.key, type: 'group', label, children }
          : { key: item.key, icon: item.icon, label, children };
      }
      return {
        key: item.key,
        icon: item.icon,
        label: (
          <Link to={ws.path(item.key)} data-testid={navTestId(item.key)}>
            {t(item.label)}
          </Link>
        ),
      };
    };
    return NAV_ITEMS.map(toMenu).filter((c): c is MenuItem => c !== null);
  }, [t, ws, collapsed]);

  const parent = selected?.split('/')[0];
  const openByDefault = parent && selected?.includes('/') && parent !== 'settings' ? [parent] : [];

  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected] : []}
      defaultOpenKeys={collapsed ? [] : openByDefault}
      onClick={() => onNavigate?.()}
      data-testid="side-nav"
    />
  );
}
