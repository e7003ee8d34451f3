import { useInfiniteQuery } from '@tanstack/react-query';
import type { TAuditPage } from '@yunce/contracts';
import { api } from '../../app/api';

export interface AuditFilters {
  actorUserId?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

const PAGE_SIZE = 50;

/** The audit log, newest first, one page at a time (opaque `before` cursor). */
export function useAuditLog(workspaceId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', workspaceId, filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      api.get<TAuditPage>(`/workspaces/${workspaceId}/audit`, {
        signal,
        query: { ...filters, limit: PAGE_SIZE, before: pageParam },
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
