import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TMember, TRole } from '@yunce/contracts';
import { api } from '../../app/api';

export const membersKey = (workspaceId: string) => ['members', workspaceId] as const;

export function useMembers(workspaceId: string, enabled = true) {
  return useQuery({
    queryKey: membersKey(workspaceId),
    queryFn: ({ signal }) =>
      api
        .get<{ members: TMember[] }>(`/workspaces/${workspaceId}/members`, { signal })
        .then((r) => r.members),
    enabled,
  });
}

export function useChangeMemberRole(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: TRole }) =>
      api.patch<TMember>(`/workspaces/${workspaceId}/members/${userId}`, { role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}

export function useRemoveMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) =>
      api.delete<{ ok: true }>(`/workspaces/${workspaceId}/members/${userId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(workspaceId) }),
  });
}
