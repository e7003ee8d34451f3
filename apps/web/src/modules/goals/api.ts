import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TGoal, TGoalBody, TGoalDetail, TGoalPatch } from '@yunce/contracts';
import { api } from '../../app/api';

export const goalsKey = (workspaceId: string) => ['goals', workspaceId] as const;
const base = (workspaceId: string) => `/workspaces/${workspaceId}/goals`;

export type TSmartResult = TGoal['smart'];
export type TGoalStatus = TGoal['progress']['status'];

export function useGoals(workspaceId: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...goalsKey(workspaceId), 'list'],
    queryFn: ({ signal }) =>
      api.get<{ goals: TGoal[] }>(base(workspaceId), { signal }).then((r) => r.goals),
  });
}

export function useGoal(workspaceId: string, goalId: string) {
  return useQuery({
    queryKey: [...goalsKey(workspaceId), 'detail', goalId],
    queryFn: ({ signal }) => api.get<TGoalDetail>(`${base(workspaceId)}/${goalId}`, { signal }),
  });
}

/** The SMART letters for a draft goal; `body` null while the form is too incomplete to judge. */
export function useSmartCheck(workspaceId: string, body: TGoalBody | null) {
  return useQuery<TSmartResult>({
    enabled: body !== null,
    queryKey: [...goalsKey(workspaceId), 'check', body],
    queryFn: ({ signal }) =>
      api
        .post<{ smart: TSmartResult }>(`${base(workspaceId)}/check`, body, { signal })
        .then((r) => r.smart),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function useCreateGoal(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TGoalBody) => api.post<TGoal>(base(workspaceId), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: goalsKey(workspaceId) }),
  });
}

export function useUpdateGoal(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TGoalPatch }) =>
      api.patch<TGoal>(`${base(workspaceId)}/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: goalsKey(workspaceId) }),
  });
}

export function useDeleteGoal(workspaceId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`${base(workspaceId)}/${id}`),
    // Not the deleted goal's own detail: refetching it would only answer 404.
    onSuccess: (_, id) =>
      qc.invalidateQueries({
        queryKey: goalsKey(workspaceId),
        predicate: (q) => !(q.queryKey[2] === 'detail' && q.queryKey[3] === id),
      }),
  });
}
