import { Tag } from 'antd';
import type { TRole } from '@yunce/contracts';
import { useT } from '../app/i18n/context';

const ROLE_COLORS: Record<TRole, string> = {
  owner: 'gold',
  admin: 'volcano',
  lead: 'purple',
  operator: 'blue',
  analyst: 'cyan',
  trainee: 'green',
};

export function RoleTag({ role }: { role: TRole }) {
  const t = useT();
  return <Tag color={ROLE_COLORS[role]}>{t(`role.${role}`)}</Tag>;
}
