import { workspaceTimeZone } from '../workspaces/time-zone';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import {
  ZGoalBody,
  ZGoalPatch,
  type TGoal,
  type TGoalBody,
  type TGoalDetail,
  type TGoalMetric,
  type TGoalPatch,
  type TLocale,
} from '@yunce/contracts';
import {
  addDays,
  checkSmart,
  forecastGoal,
  SMART_LETTERS,
  zonedDate,
  type TGoalForecast,
} from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/audit.service';
import { accounts } from '../accounts/accounts.tables';
import { users } from '../auth/auth.tables';
import { assertCan } from '../workspaces/workspaces.service';
import type { AnalyticsQueries, Scope } from './analytics.queries';
import { goals } from './analytics.tables';

type GoalRow = typeof goals.$inferSelect;
type Parsed = ReturnType<typeof ZGoalBody.parse>;

const DAY = 86_400_000;

/** Levels are read as they are; amounts per day add up from the start on top of the baseline. */
const modeOf = (metric: TGoalMetric) =>
  metric === 'followersTotal' || metric === 'engagementRate' ? 'level' : 'cumulative_sum';

export function createGoalsService(deps: {
  database: Database;
  clock: Clock;
  queries: AnalyticsQueries;
}) {
  const { db } = deps.database;
  const { clock, queries } = deps;

  async function zoneAndToday(workspaceId: string) {
    const timeZone = await workspaceTimeZone(db, workspaceId);
    const today = zonedDate(clock.now(), timeZone);
    return { timeZone, today };
  }

  function scopeFor(
    workspaceId: string,
    g: { accountId: string | null },
    from: string,
    to: string,
  ): Scope {
    return {
      workspaceId,
      from,
      to,
      accountIds: g.accountId ? [g.accountId] : null,
      platform: null,
    };
  }

  async function series(workspaceId: string, g: Parsed | GoalRow, from: string, to: string) {
    const s = scopeFor(workspaceId, g, from, to);
    const metric = g.metric as TGoalMetric;
    return metric === 'engagementRate'
      ? queries.dailyEngagement(s)
      : queries.dailySeries(s, metric);
  }

  async function validate(workspaceId: string, b: Parsed): Promise<void> {
    if (b.endDate < b.startDate) throw invalid('endDate', 'must be on or after the start date');
    if (b.scope === 'account' && !b.accountId) throw invalid('accountId', 'choose the account');
    if (b.scope === 'workspace' && b.accountId)
      throw invalid('accountId', 'a workspace goal has no account');
    if (b.accountId) {
      const acc = await db.query.accounts.findFirst({
        where: and(eq(accounts.id, b.accountId), eq(accounts.workspaceId, workspaceId)),
      });
      if (!acc) throw invalid('accountId', 'no such account in this workspace');
    }
    if (b.parentId) {
      const parent = await db.query.goals.findFirst({
        where: and(eq(goals.id, b.parentId), eq(goals.workspaceId, workspaceId)),
      });
      if (!parent) throw invalid('parentId', 'no such goal in this workspace');
    }
    if (b.target === b.baseline) throw invalid('target', 'must differ from the baseline');
  }

  /** The SMART check of a goal against its scope's own history. */
  async function smartOf(workspaceId: string, b: Parsed, locale: TLocale) {
    const { today } = await zoneAndToday(workspaceId);
    const from = addDays(today, -365);
    const [history, tracked, purpose] = await Promise.all([
      series(workspaceId, b, from, today),
      queries.trackedMetrics(scopeFor(workspaceId, b, from, today)),
      b.accountId
        ? db.query.accounts.findFirst({
            columns: { purpose: true },
            where: eq(accounts.id, b.accountId),
          })
        : db.query.accounts.findFirst({
            columns: { purpose: true },
            where: and(eq(accounts.workspaceId, workspaceId), isNotNull(accounts.purpose)),
          }),
    ]);
    const check = checkSmart({
      metric: b.metric,
      scope: { kind: b.scope, id: b.accountId },
      baseline: b.baseline,
      target: b.target,
      start: b.startDate,
      end: b.endDate,
      purposeLinked: Boolean(purpose?.purpose),
      trackedMetrics: tracked,
      history,
      historyMode: modeOf(b.metric),
    });
    return SMART_LETTERS.map((l) => ({
      letter: l,
      status: check[l].status,
      reason: check[l].reason[locale],
    }));
  }

  async function forecastOf(
    workspaceId: string,
    g: GoalRow,
  ): Promise<{ f: TGoalForecast; actual: { date: string; value: number }[] }> {
    const { today } = await zoneAndToday(workspaceId);
    const metric = g.metric as TGoalMetric;
    const mode = modeOf(metric);
    // A level goal's trend may use what came before the start; amounts count from the start.
    const from = mode === 'level' ? addDays(g.startDate, -60) : g.startDate;
    const to = today < g.endDate ? today : g.endDate;
    const data = from <= to ? await series(workspaceId, g, from, to) : [];
    const f = forecastGoal({
      series: data,
      mode,
      start: g.startDate,
      end: g.endDate,
      baseline: g.baseline,
      target: g.target,
      today,
      valueFormat: metric === 'engagementRate' ? 'rate' : metric === 'revenue' ? 'money' : 'number',
    });
    let running = g.baseline;
    const actual =
      mode === 'level'
        ? data.filter((d) => d.date >= g.startDate)
        : data.map((d) => ({ date: d.date, value: (running += d.value) }));
    return { f, actual };
  }

  async function present(row: GoalRow, locale: TLocale): Promise<TGoal> {
    const [{ f }, acc, owner] = await Promise.all([
      forecastOf(row.workspaceId, row),
      row.accountId
        ? db.query.accounts.findFirst({
            columns: { name: true },
            where: eq(accounts.id, row.accountId),
          })
        : Promise.resolve(undefined),
      row.ownerId
        ? db.query.users.findFirst({
            columns: { displayName: true },
            where: eq(users.id, row.ownerId),
          })
        : Promise.resolve(undefined),
    ]);
    const body: Parsed = {
      name: row.name,
      metric: row.metric as TGoalMetric,
      scope: row.scope,
      accountId: row.accountId,
      baseline: row.baseline,
      target: row.target,
      startDate: row.startDate,
      endDate: row.endDate,
      ownerId: row.ownerId,
      parentId: row.parentId,
      note: row.note,
    };
    return {
      id: row.id,
      ...body,
      accountName: acc?.name ?? null,
      ownerName: owner?.displayName ?? null,
      smart: await smartOf(row.workspaceId, body, locale),
      progress: {
        current: f.asOf ? f.current : null,
        ratio: f.asOf ? f.progress : null,
        status: f.status,
        probability: f.probability,
        projected: f.projected,
        low: f.interval?.low ?? null,
        high: f.interval?.high ?? null,
        explanation: f.explanation[locale],
      },
      createdAt: row.createdAt.toISOString(),
    };
  }

  async function getRow(member: MemberActor, id: string): Promise<GoalRow> {
    const row = await db.query.goals.findFirst({
      where: and(eq(goals.id, id), eq(goals.workspaceId, member.workspaceId)),
    });
    if (!row) throw notFound('Goal');
    return row;
  }

  const service = {
    /** The SMART check of a goal being written, without saving it. */
    async check(member: MemberActor, input: TGoalBody, locale: TLocale) {
      assertCan(member, 'analytics.read');
      const body = ZGoalBody.parse(input);
      return { smart: await smartOf(member.workspaceId, body, locale) };
    },

    async list(member: MemberActor, locale: TLocale): Promise<TGoal[]> {
      assertCan(member, 'analytics.read');
      const rows = await db
        .select()
        .from(goals)
        .where(eq(goals.workspaceId, member.workspaceId))
        .orderBy(goals.endDate, goals.createdAt);
      return Promise.all(rows.map((r) => present(r, locale)));
    },

    async get(member: MemberActor, id: string, locale: TLocale): Promise<TGoalDetail> {
      assertCan(member, 'analytics.read');
      const row = await getRow(member, id);
      const [goal, { f, actual }, children] = await Promise.all([
        present(row, locale),
        forecastOf(member.workspaceId, row),
        db
          .select({ id: goals.id, name: goals.name })
          .from(goals)
          .where(and(eq(goals.workspaceId, member.workspaceId), eq(goals.parentId, row.id))),
      ]);
      // The projection: a straight line from the last actual value to the projected end value,
      // its band widening from nothing to the end's interval.
      const projection: TGoalDetail['projection'] = [];
      // Without data yet the line starts from the baseline on the start day.
      const last = actual.at(-1) ?? { date: row.startDate, value: row.baseline };
      if (last && f.projected !== null && f.interval && last.date < row.endDate) {
        const days = (Date.parse(row.endDate) - Date.parse(last.date)) / DAY;
        for (let i = 0; i <= days; i += Math.max(1, Math.ceil(days / 30))) {
          const w = i / days;
          const date = addDays(last.date, i);
          const value = last.value + (f.projected - last.value) * w;
          projection.push({
            date,
            value,
            low: value - (f.projected - f.interval.low) * w,
            high: value + (f.interval.high - f.projected) * w,
          });
        }
        if (projection.at(-1)?.date !== row.endDate)
          projection.push({
            date: row.endDate,
            value: f.projected,
            low: f.interval.low,
            high: f.interval.high,
          });
      }
      return { ...goal, actual, projection, children };
    },

    async create(member: MemberActor, input: TGoalBody, locale: TLocale): Promise<TGoal> {
      assertCan(member, 'goals.write');
      const body = ZGoalBody.parse(input);
      await validate(member.workspaceId, body);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(goals)
          .values({
            ...body,
            workspaceId: member.workspaceId,
            createdBy: member.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'goal.create',
          entityType: 'goal',
          entityId: created.id,
          before: null,
          after: body,
        });
        return created;
      });
      return present(row, locale);
    },

    async update(
      member: MemberActor,
      id: string,
      input: TGoalPatch,
      locale: TLocale,
    ): Promise<TGoal> {
      assertCan(member, 'goals.write');
      const patch = ZGoalPatch.parse(input);
      const cur = await getRow(member, id);
      const merged = ZGoalBody.parse({ ...cur, ...patch });
      if (merged.parentId === cur.id) throw invalid('parentId', 'a goal cannot be its own parent');
      await validate(member.workspaceId, merged);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(goals)
          .set({ ...merged, updatedAt: now })
          .where(eq(goals.id, cur.id))
          .returning();
        if (!updated) throw notFound('Goal');
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'goal.update',
          entityType: 'goal',
          entityId: cur.id,
          before: cur,
          after: merged,
        });
        return updated;
      });
      return present(row, locale);
    },

    async remove(member: MemberActor, id: string): Promise<void> {
      assertCan(member, 'goals.write');
      const cur = await getRow(member, id);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx
          .update(goals)
          .set({ parentId: null })
          .where(and(eq(goals.workspaceId, member.workspaceId), eq(goals.parentId, cur.id)));
        await tx.delete(goals).where(eq(goals.id, cur.id));
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'goal.delete',
          entityType: 'goal',
          entityId: cur.id,
          before: cur,
          after: null,
        });
      });
    },

    /** Every goal of every workspace with its current forecast (the alert job). */
    async evaluateAll(): Promise<{ row: GoalRow; forecast: TGoalForecast }[]> {
      const rows = await db
        .select()
        .from(goals)
        .where(sql`true`);
      const out: { row: GoalRow; forecast: TGoalForecast }[] = [];
      for (const row of rows)
        out.push({ row, forecast: (await forecastOf(row.workspaceId, row)).f });
      return out;
    },

    /** Goals whose forecast says they will miss (for Today and reports). */
    async offTrack(member: MemberActor, locale: TLocale): Promise<TGoal[]> {
      const list = await service.list(member, locale);
      return list.filter(
        (g) => g.progress.status === 'off_track' || g.progress.status === 'at_risk',
      );
    },
  };
  return service;
}

export type GoalsService = ReturnType<typeof createGoalsService>;
