import type { TGoal, TGoalBody } from '@yunce/contracts';

export type TGoalStatus = TGoal['progress']['status'];

/** Tag colours of the goal statuses: met green, on track blue, at risk orange, behind red. */
export const GOAL_STATUS_COLOR: Record<TGoalStatus, string> = {
  achieved: 'green',
  on_track: 'blue',
  at_risk: 'orange',
  off_track: 'red',
  not_started: 'default',
  insufficient_data: 'default',
};

/** Statuses that need someone's attention (the Today card lists them). */
export function needsAttention(goal: Pick<TGoal, 'progress'>): boolean {
  return goal.progress.status === 'off_track' || goal.progress.status === 'at_risk';
}

/** The progress bar's percentage: 0–100 from baseline to target (beyond target stays full). */
export function progressPercent(ratio: number | null): number {
  if (ratio === null || !Number.isFinite(ratio)) return 0;
  return Math.round(Math.min(1, Math.max(0, ratio)) * 1000) / 10;
}

/** The form's values as they are edited (numbers may be empty while typing). */
export interface GoalDraft {
  name?: string;
  metric?: TGoalBody['metric'];
  scope?: TGoalBody['scope'];
  accountId?: string | null;
  baseline?: number | null;
  target?: number | null;
  startDate?: string | null;
  endDate?: string | null;
  ownerId?: string | null;
  parentId?: string | null;
  note?: string;
}

/** The body for the SMART check and for saving, or null while a required part is missing. */
export function draftToBody(draft: GoalDraft): TGoalBody | null {
  const { metric, scope, startDate, endDate } = draft;
  const name = draft.name?.trim() ?? '';
  if (!metric || !scope || !startDate || !endDate) return null;
  if (typeof draft.baseline !== 'number' || typeof draft.target !== 'number') return null;
  if (scope === 'account' && !draft.accountId) return null;
  return {
    // The check may run before a name is typed; the S letter then says what is missing.
    name: name || '—',
    metric,
    scope,
    accountId: scope === 'account' ? (draft.accountId ?? null) : null,
    baseline: draft.baseline,
    target: draft.target,
    startDate,
    endDate,
    ownerId: draft.ownerId ?? null,
    parentId: draft.parentId ?? null,
    note: draft.note ?? '',
  };
}

/** Goals that may be the parent of `goalId`: not itself and not one of its own descendants. */
export function parentCandidates<G extends Pick<TGoal, 'id' | 'parentId'>>(
  goals: readonly G[],
  goalId: string | null,
): G[] {
  if (!goalId) return [...goals];
  const excluded = new Set([goalId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const g of goals) {
      if (g.parentId && excluded.has(g.parentId) && !excluded.has(g.id)) {
        excluded.add(g.id);
        grew = true;
      }
    }
  }
  return goals.filter((g) => !excluded.has(g.id));
}
