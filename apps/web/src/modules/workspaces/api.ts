import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TCreateWorkspaceBody, TUpdateWorkspaceBody, TWorkspace } from '@yunce/contracts';
import { api } from '../../app/api';
import { SESSION_KEY } from '../../app/session';
import { workspaceKey } from '../../app/workspace';

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateWorkspaceBody) => api.post<TWorkspace>('/workspaces', body),
    onSuccess: async (workspace) => {
      queryClient.setQueryData(workspaceKey(workspace.id), workspace);
      // The session lists the person's workspaces; the new one must be in it before we go there.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}

export function useUpdateWorkspace(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateWorkspaceBody) =>
      api.patch<TWorkspace>(`/workspaces/${workspaceId}`, body),
    onSuccess: async (workspace) => {
      queryClient.setQueryData(workspaceKey(workspaceId), workspace);
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });
}
