import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApiToken, TCreateApiTokenBody, TCreatedApiToken } from '@yunce/contracts';
import { api } from '../../app/api';

export const apiTokensKey = (workspaceId: string) => ['api-tokens', workspaceId] as const;

export function useApiTokens(workspaceId: string) {
  return useQuery({
    queryKey: apiTokensKey(workspaceId),
    queryFn: ({ signal }) =>
      api
        .get<{ tokens: TApiToken[] }>(`/workspaces/${workspaceId}/api-tokens`, { signal })
        .then((r) => r.tokens),
  });
}

export function useCreateApiToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateApiTokenBody) =>
      api.post<TCreatedApiToken>(`/workspaces/${workspaceId}/api-tokens`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey(workspaceId) }),
  });
}

export function useRevokeApiToken(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) =>
      api.delete<{ ok: true }>(`/workspaces/${workspaceId}/api-tokens/${tokenId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiTokensKey(workspaceId) }),
  });
}
