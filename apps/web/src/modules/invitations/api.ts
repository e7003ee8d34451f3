import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCreateInvitationBody,
  TCreatedInvitation,
  TInvitation,
  TInvitationPreview,
  TSession,
} from '@yunce/contracts';
import { api } from '../../app/api';
import { storeSession } from '../../app/session';

export const invitationsKey = (workspaceId: string) => ['invitations', workspaceId] as const;

/** What an invitation link offers; public, so no sign-in bounce on 401. */
export function useInvitationPreview(token: string | undefined) {
  return useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) =>
      api.get<TInvitationPreview>(`/invitations/${encodeURIComponent(token ?? '')}`, {
        signal,
        allowUnauthorized: true,
      }),
    enabled: Boolean(token),
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<TSession>(`/invitations/${encodeURIComponent(token)}/accept`),
    onSuccess: (session) => storeSession(queryClient, session),
  });
}

export function useInvitations(workspaceId: string) {
  return useQuery({
    queryKey: invitationsKey(workspaceId),
    queryFn: ({ signal }) =>
      api
        .get<{ invitations: TInvitation[] }>(`/workspaces/${workspaceId}/invitations`, { signal })
        .then((r) => r.invitations),
  });
}

export function useCreateInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreateInvitationBody) =>
      api.post<TCreatedInvitation>(`/workspaces/${workspaceId}/invitations`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

export function useRevokeInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      api.delete<{ ok: true }>(`/workspaces/${workspaceId}/invitations/${invitationId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(workspaceId) }),
  });
}

/** The full link for an invitation URL the server may give as a path. */
export function absoluteUrl(url: string, origin: string): string {
  return /^https?:\/\//i.test(url) ? url : new URL(url, origin).toString();
}
