import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TChannel,
  TChannelList,
  TCreateChannelBody,
  TDelivery,
  TUpdateChannelBody,
} from '@yunce/contracts';
import { api } from '../../app/api';

export const channelsKey = (workspaceId: string) => ['notification-channels', workspaceId] as const;

export function useChannels(workspaceId: string) {
  return useQuery({
    queryKey: channelsKey(workspaceId),
    queryFn: ({ signal }) =>
      api.get<TChannelList>(`/workspaces/${workspaceId}/notification-channels`, { signal }),
  });
}

export function useDeliveries(workspaceId: string, channelId: string) {
  return useQuery({
    queryKey: [...channelsKey(workspaceId), channelId, 'deliveries'],
    queryFn: ({ signal }) =>
      api
        .get<{ deliveries: TDelivery[] }>(
          `/workspaces/${workspaceId}/notification-channels/${channelId}/deliveries`,
          { signal },
        )
        .then((r) => r.deliveries),
  });
}

function useInvalidate(workspaceId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: channelsKey(workspaceId) });
}

export function useCreateChannel(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (body: TCreateChannelBody) =>
      api.post<TChannel>(`/workspaces/${workspaceId}/notification-channels`, body),
    onSuccess: invalidate,
  });
}

export function useUpdateChannel(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateChannelBody }) =>
      api.patch<TChannel>(`/workspaces/${workspaceId}/notification-channels/${id}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteChannel(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      api.delete<{ ok: true }>(`/workspaces/${workspaceId}/notification-channels/${id}`),
    onSuccess: invalidate,
  });
}

export function useTestChannel(workspaceId: string) {
  const invalidate = useInvalidate(workspaceId);
  return useMutation({
    mutationFn: (id: string) =>
      api.post<TDelivery>(`/workspaces/${workspaceId}/notification-channels/${id}/test`, {}),
    onSettled: invalidate,
  });
}
