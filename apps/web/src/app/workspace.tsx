import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { can, type TPermission, type TRole, type TWorkspace } from '@yunce/contracts';
import { api } from './api';
import { DEFAULT_TIME_ZONE } from './dates';

export const workspaceKey = (workspaceId: string) => ['workspace', workspaceId] as const;

export function useWorkspaceQuery(workspaceId: string) {
  return useQuery({
    queryKey: workspaceKey(workspaceId),
    queryFn: ({ signal }) => api.get<TWorkspace>(`/workspaces/${workspaceId}`, { signal }),
  });
}

export interface WorkspaceContextValue {
  workspaceId: string;
  name: string;
  role: TRole;
  timeZone: string;
  /** The full workspace once loaded (time zone, default language). */
  workspace: TWorkspace | undefined;
  can: (permission: TPermission) => boolean;
  /** An app path inside this workspace: path('accounts') → /w/<id>/accounts. */
  path: (sub: string) => string;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function WorkspaceProvider({
  workspaceId,
  name,
  role,
  children,
}: {
  workspaceId: string;
  name: string;
  role: TRole;
  children: ReactNode;
}) {
  const { data: workspace } = useWorkspaceQuery(workspaceId);
  const value = useMemo<WorkspaceContextValue>(() => {
    // The session's role is known at once; the workspace's answer is fresher once it arrives.
    const effectiveRole = workspace?.role ?? role;
    return {
      workspaceId,
      name: workspace?.name ?? name,
      role: effectiveRole,
      timeZone: workspace?.timeZone ?? DEFAULT_TIME_ZONE,
      workspace,
      can: (permission) => can(effectiveRole, permission),
      path: (sub) => `/w/${workspaceId}/${sub.replace(/^\//, '')}`,
    };
  }, [workspace, workspaceId, name, role]);
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

/** The workspace of the current route, or null outside one (sign-in, invitation pages). */
export function useOptionalWorkspace(): WorkspaceContextValue | null {
  return useContext(WorkspaceContext);
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace outside a workspace route');
  return value;
}
