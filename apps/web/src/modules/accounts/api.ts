import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  TAccount,
  TCreateAccountBody,
  TListAccountsQuery,
  TUpdateAccountBody,
} from '@yunce/contracts';
import { api } from '../../app/api';

export const accountsKey = (workspaceId: string) => ['accounts', workspaceId] as const;
const listKey = (workspaceId: string, query: TListAccountsQuery) =>
  [...accountsKey(workspaceId), 'list', query] as const;
const detailKey = (workspaceId: string, accountId: string) =>
  [...accountsKey(workspaceId), 'detail', accountId] as const;

const base = (workspaceId: string) => `/workspaces/${workspaceId}/accounts`;

export function useAccounts(workspaceId: string, query: TListAccountsQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: listKey(workspaceId, query),
    queryFn: ({ signal }) =>
      api
        .get<{ accounts: TAccount[] }>(base(workspaceId), {
          signal,
          query: { status: query.status, platform: query.platform, q: query.q },
        })
        .then((r) => r.accounts),
    placeholderData: (previous) => previous,
  });
}

export function useAccount(workspaceId: string, accountId: string) {
  return useQuery({
    queryKey: detailKey(workspaceId, accountId),
    queryFn: ({ signal }) => api.get<TAccount>(`${base(workspaceId)}/${accountId}`, { signal }),
  });
}

/** Puts a fresh account in the cache and marks every list stale. */
function remember(queryClient: QueryClient, account: TAccount) {
  queryClient.setQueryData(detailKey(account.workspaceId, account.id), account);
  return queryClient.invalidateQueries({ queryKey: [...accountsKey(account.workspaceId), 'list'] });
}

export function useCreateAccount(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateAccountBody) => api.post<TAccount>(base(workspaceId), body),
    onSuccess: (account) => remember(queryClient, account),
  });
}

export function useUpdateAccount(workspaceId: string, accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateAccountBody) =>
      api.patch<TAccount>(`${base(workspaceId)}/${accountId}`, body),
    onSuccess: (account) => remember(queryClient, account),
  });
}

export function useSetAccountArchived(workspaceId: string, accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) =>
      api.post<TAccount>(`${base(workspaceId)}/${accountId}/${archived ? 'archive' : 'unarchive'}`),
    onSuccess: (account) => remember(queryClient, account),
  });
}

export function useUploadAvatar(workspaceId: string, accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: Blob) =>
      api.upload<TAccount>(`${base(workspaceId)}/${accountId}/avatar`, file),
    onSuccess: (account) => remember(queryClient, account),
  });
}
