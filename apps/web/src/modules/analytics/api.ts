import { useEffect } from 'react';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type {
  TAlert,
  TAnalyticsQuery,
  TBreakdown,
  TContentRow,
  TCreatePresetBody,
  TFunnel,
  THeatmap,
  TImport,
  TImportMappingBody,
  TImportPresetView,
  TImportPreview,
  TOverview,
  TReport,
  TReportQuery,
  TTrend,
} from '@yunce/contracts';
import { api } from '../../app/api';

export const analyticsKey = (workspaceId: string) => ['analytics', workspaceId] as const;
const base = (workspaceId: string) => `/workspaces/${workspaceId}/analytics`;

export type TTrendInterval = TTrend['interval'];
export type TBreakdownBy = TBreakdown['by'];

/** The query object of a dashboard tile, as the API takes it. */
function tileQuery(query: TAnalyticsQuery) {
  return {
    from: query.from,
    to: query.to,
    accountIds: query.accountIds,
    platform: query.platform,
  };
}

function useTile<T>(
  workspaceId: string,
  tile: string,
  query: TAnalyticsQuery,
  extra: Record<string, string | number | undefined> = {},
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: [...analyticsKey(workspaceId), tile, query, extra],
    queryFn: ({ signal }) =>
      api.get<T>(`${base(workspaceId)}/${tile}`, {
        signal,
        query: { ...tileQuery(query), ...extra },
      }),
    // A filter change keeps the old chart on screen until the new numbers arrive.
    placeholderData: keepPreviousData,
  });
}

export function useOverview(workspaceId: string, query: TAnalyticsQuery, enabled = true) {
  return useTile<TOverview>(workspaceId, 'overview', query, {}, enabled);
}

export function useTrend(
  workspaceId: string,
  query: TAnalyticsQuery,
  metrics: readonly string[],
  interval: TTrendInterval,
  enabled = true,
) {
  return useTile<TTrend>(
    workspaceId,
    'trend',
    query,
    { metrics: metrics.join(','), interval },
    enabled && metrics.length > 0,
  );
}

export function useContentRows(
  workspaceId: string,
  query: TAnalyticsQuery,
  sort: string,
  order: 'desc' | 'asc',
  limit = 10,
  enabled = true,
) {
  return useTile<{ rows: TContentRow[] }>(
    workspaceId,
    'content',
    query,
    { sort, order, limit },
    enabled,
  );
}

export function useBreakdown(
  workspaceId: string,
  query: TAnalyticsQuery,
  by: TBreakdownBy,
  enabled = true,
) {
  return useTile<TBreakdown>(workspaceId, 'breakdown', query, { by }, enabled);
}

export function useHeatmap(workspaceId: string, query: TAnalyticsQuery, enabled = true) {
  return useTile<THeatmap>(workspaceId, 'heatmap', query, {}, enabled);
}

export function useFunnel(workspaceId: string, query: TAnalyticsQuery, enabled = true) {
  return useTile<TFunnel>(workspaceId, 'funnel', query, {}, enabled);
}

/** The path of a tile's Excel export (downloaded with the tile's own query). */
export function exportPath(workspaceId: string): string {
  return `${base(workspaceId)}/export.xlsx`;
}

export function useAlerts(workspaceId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...analyticsKey(workspaceId), 'alerts'],
    queryFn: ({ signal }) =>
      api
        .get<{ alerts: TAlert[] }>(`${base(workspaceId)}/alerts`, { signal })
        .then((r) => r.alerts),
  });
}

export function useReport(workspaceId: string, query: TReportQuery, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...analyticsKey(workspaceId), 'report', query],
    queryFn: ({ signal }) =>
      api.get<TReport>(`${base(workspaceId)}/reports`, {
        signal,
        query: { kind: query.kind, date: query.date, accountId: query.accountId },
      }),
    placeholderData: keepPreviousData,
  });
}

export function reportExportPath(workspaceId: string): string {
  return `${base(workspaceId)}/reports/export`;
}

// ---- presets and imports -----------------------------------------------------------------------

const presetsKey = (workspaceId: string) => [...analyticsKey(workspaceId), 'presets'] as const;
const importsKey = (workspaceId: string) => [...analyticsKey(workspaceId), 'imports'] as const;

export function usePresets(workspaceId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: presetsKey(workspaceId),
    queryFn: ({ signal }) =>
      api
        .get<{ presets: TImportPresetView[] }>(`${base(workspaceId)}/presets`, { signal })
        .then((r) => r.presets),
  });
}

export function useCreatePreset(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TCreatePresetBody) =>
      api.post<TImportPresetView>(`${base(workspaceId)}/presets`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: presetsKey(workspaceId) }),
  });
}

export function useDeletePreset(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (presetId: string) =>
      api.delete<{ ok: true }>(`${base(workspaceId)}/presets/${encodeURIComponent(presetId)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: presetsKey(workspaceId) }),
  });
}

/** A file with the options it is read with (the multipart fields of preview and import). */
export interface TImportRequest {
  file: File;
  accountId: string;
  presetId?: string;
  mapping?: TImportMappingBody;
  sheet?: string;
}

function importForm(request: TImportRequest): FormData {
  const form = new FormData();
  // Text fields before the file: a streaming multipart reader sees them before the upload.
  form.append('accountId', request.accountId);
  if (request.presetId) form.append('presetId', request.presetId);
  if (request.mapping) form.append('mapping', JSON.stringify(request.mapping));
  if (request.sheet) form.append('sheet', request.sheet);
  form.append('file', request.file, request.file.name);
  return form;
}

export function usePreviewImport(workspaceId: string) {
  return useMutation({
    mutationFn: (request: TImportRequest) =>
      api.post<TImportPreview>(`${base(workspaceId)}/imports/preview`, importForm(request)),
  });
}

/** New numbers change every tile, report and goal: drop them all. */
function invalidateData(qc: QueryClient, workspaceId: string) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: analyticsKey(workspaceId) }),
    qc.invalidateQueries({ queryKey: ['goals', workspaceId] }),
  ]);
}

export function useStartImport(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (request: TImportRequest) =>
      api.post<TImport>(`${base(workspaceId)}/imports`, importForm(request)),
    onSuccess: (created) => {
      qc.setQueryData([...importsKey(workspaceId), created.id], created);
      return created.status === 'done'
        ? invalidateData(qc, workspaceId)
        : qc.invalidateQueries({ queryKey: importsKey(workspaceId), exact: true });
    },
  });
}

const isActive = (i: TImport | undefined) => i?.status === 'queued' || i?.status === 'running';

export function useImports(workspaceId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: importsKey(workspaceId),
    queryFn: ({ signal }) =>
      api
        .get<{ imports: TImport[] }>(`${base(workspaceId)}/imports`, { signal })
        .then((r) => r.imports),
    // The list shows progress too while an import runs.
    refetchInterval: (q) => (q.state.data?.some(isActive) ? 2000 : false),
  });
}

/** One import, polled every second while it is queued or running. */
export function useImportStatus(workspaceId: string, importId: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    enabled: importId !== null,
    queryKey: [...importsKey(workspaceId), importId],
    queryFn: ({ signal }) =>
      api.get<TImport>(`${base(workspaceId)}/imports/${importId}`, { signal }),
    refetchInterval: (q) => (isActive(q.state.data) ? 1000 : false),
  });
  const status = query.data?.status;
  useEffect(() => {
    if (status === 'done' || status === 'failed') void invalidateData(qc, workspaceId);
  }, [status, qc, workspaceId]);
  return query;
}
