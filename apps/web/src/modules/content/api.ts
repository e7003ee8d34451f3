import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TContentItem,
  TContentSummary,
  TContentVersion,
  TCreateContentBody,
  TDecisionBody,
  TListContentQuery,
  TPublication,
  TRole,
  TScheduleBody,
  TUpdateContentBody,
} from '@yunce/contracts';
import type { TComplianceWorkspaceConfig } from '@yunce/core';
import { api } from '../../app/api';

const base = (w: string) => `/workspaces/${w}/content`;
export const contentKey = (w: string) => ['content', w] as const;

export type ContentSettings = {
  approvalFlow: { steps: { name: string; roles: TRole[]; mode: 'any' | 'all' }[] };
  customPillars: { id: string; name: string }[];
  compliance: TComplianceWorkspaceConfig;
  builtinPillars: string[];
};

export function useContentList(w: string, query: TListContentQuery) {
  return useQuery({
    queryKey: [...contentKey(w), 'list', query],
    queryFn: ({ signal }) =>
      api
        .get<{ items: TContentSummary[] }>(base(w), {
          signal,
          query: { ...query } as Record<string, string | number | undefined>,
        })
        .then((r) => r.items),
    placeholderData: (previous) => previous,
  });
}

export function useContentItem(w: string, id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...contentKey(w), 'item', id],
    queryFn: ({ signal }) => api.get<TContentItem>(`${base(w)}/${id}`, { signal }),
  });
}

export function useContentSettings(w: string) {
  return useQuery({
    queryKey: ['content-settings', w],
    queryFn: ({ signal }) =>
      api.get<ContentSettings>(`/workspaces/${w}/content-settings`, { signal }),
    staleTime: 60_000,
  });
}

export function useVersions(w: string, id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: [...contentKey(w), 'versions', id],
    queryFn: ({ signal }) =>
      api
        .get<{ versions: TContentVersion[] }>(`${base(w)}/${id}/versions`, { signal })
        .then((r) => r.versions),
  });
}

export function usePublications(w: string, id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...contentKey(w), 'publications', id],
    queryFn: ({ signal }) =>
      api
        .get<{ publications: TPublication[] }>(`${base(w)}/${id}/publications`, { signal })
        .then((r) => r.publications),
  });
}

/** Every write on an item: the fresh item goes into the cache, lists refresh. */
export function useContentMutations(w: string) {
  const qc = useQueryClient();
  const done = (item: TContentItem) => {
    qc.setQueryData([...contentKey(w), 'item', item.id], item);
    void qc.invalidateQueries({ queryKey: [...contentKey(w), 'list'] });
    void qc.invalidateQueries({ queryKey: [...contentKey(w), 'versions', item.id] });
    void qc.invalidateQueries({ queryKey: [...contentKey(w), 'publications', item.id] });
  };
  return {
    create: useMutation({
      mutationFn: (b: TCreateContentBody) => api.post<TContentItem>(base(w), b),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: TUpdateContentBody }) =>
        api.patch<TContentItem>(`${base(w)}/${id}`, body),
      onSuccess: done,
    }),
    submit: useMutation({
      mutationFn: ({ id, overrideReason }: { id: string; overrideReason?: string }) =>
        api.post<TContentItem>(`${base(w)}/${id}/submit`, overrideReason ? { overrideReason } : {}),
      onSuccess: done,
    }),
    decide: useMutation({
      mutationFn: ({ id, body }: { id: string; body: TDecisionBody }) =>
        api.post<TContentItem>(`${base(w)}/${id}/decisions`, body),
      onSuccess: done,
    }),
    duplicate: useMutation({
      mutationFn: (id: string) => api.post<TContentItem>(`${base(w)}/${id}/duplicate`, {}),
      onSuccess: done,
    }),
    cancel: useMutation({
      mutationFn: (id: string) => api.post<TContentItem>(`${base(w)}/${id}/cancel`, {}),
      onSuccess: done,
    }),
    schedule: useMutation({
      mutationFn: ({ id, body }: { id: string; body: TScheduleBody }) =>
        api.post<{ publications: TPublication[] }>(`${base(w)}/${id}/schedule`, body),
      onSuccess: (_r, v) => {
        void qc.invalidateQueries({ queryKey: [...contentKey(w), 'item', v.id] });
        void qc.invalidateQueries({ queryKey: [...contentKey(w), 'publications', v.id] });
        void qc.invalidateQueries({ queryKey: [...contentKey(w), 'list'] });
      },
    }),
  };
}
