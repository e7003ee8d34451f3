import { useMemo } from 'react';
import type { TRole } from '@yunce/contracts';
import { useT } from '../app/i18n/context';

/** Select options for roles, each with its one-line description. */
export function useRoleOptions(roles: readonly TRole[]) {
  const t = useT();
  return useMemo(
    () =>
      roles.map((role) => ({
        value: role,
        label: t(`role.${role}`),
        title: t(`role.${role}.description`),
      })),
    [roles, t],
  );
}
