import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'lead', 'operator', 'analyst', 'trainee'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const PERMISSIONS = [
  'workspace.read',
  'workspace.update',
  'members.read',
  'members.manage',
  'accounts.read',
  'accounts.write',
  'accounts.archive',
  'audit.read',
  'tokens.manage',
  'content.read',
  'content.write',
  'content.approve',
  'content.override',
  'content.settings',
  'notifications.manage',
  'analytics.read',
  'analytics.import',
  'goals.write',
] as const;
export type TPermission = (typeof PERMISSIONS)[number];

const ALL: readonly TPermission[] = PERMISSIONS;

/**
 * Role → permissions. Owners and admins manage the workspace; leads run the team; operators do
 * the daily work; analysts read; trainees only see the academy (and the workspace they are in).
 */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  owner: ALL,
  admin: ALL,
  lead: [
    'workspace.read',
    'members.read',
    'accounts.read',
    'accounts.write',
    'accounts.archive',
    'content.read',
    'content.write',
    'content.approve',
    'content.override',
    'analytics.read',
    'analytics.import',
    'goals.write',
  ],
  operator: [
    'workspace.read',
    'members.read',
    'accounts.read',
    'accounts.write',
    'content.read',
    'content.write',
    'analytics.read',
    'analytics.import',
  ],
  analyst: ['workspace.read', 'accounts.read', 'content.read', 'analytics.read'],
  trainee: ['workspace.read'],
};

/** Whether a role holds a permission. */
export function can(role: TRole, permission: TPermission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Which roles a member of `role` may hand out or change: nobody but an owner touches owners. */
export function assignableRoles(role: TRole): readonly TRole[] {
  if (role === 'owner') return ROLES;
  if (role === 'admin') return ROLES.filter((r) => r !== 'owner');
  return [];
}
