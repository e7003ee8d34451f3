import { DEFAULT_TIME_ZONE } from '../workspaces/time-zone';
import { and, desc, eq } from 'drizzle-orm';
import {
  ZReportQuery,
  type TAlert,
  type TGoal,
  type TLocale,
  type TReport,
  type TReportQuery,
} from '@yunce/contracts';
import {
  addDays,
  buildFindings,
  detectAnomalies,
  formatPercent,
  insightMetricLabel,
  type TFindingContent,
  type TMetricAnomaly,
  type TMetricKey,
  zonedDate,
} from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { invalid } from '../../platform/errors';
import { accounts } from '../accounts/accounts.tables';
import { recordNotification } from '../notifications/record';
import { workspaces } from '../workspaces/workspaces.tables';
import { assertCan } from '../workspaces/workspaces.service';
import type { AnalyticsQueries, Scope } from './analytics.queries';
import { analyticsAlerts, goals } from './analytics.tables';
import type { GoalsService } from './goals.service';

/** Metrics watched for sudden jumps and drops. */
const WATCHED: readonly TMetricKey[] = ['views', 'likes', 'followersNet'];
const REPORT_KPIS: readonly TMetricKey[] = [
  'views',
  'impressions',
  'likes',
  'comments',
  'shares',
  'saves',
  'followersNet',
  'conversions',
];

function zonedParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    weekday: 'short',
    hour: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return {
    weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday')),
    hour: Number(get('hour')) % 24,
  };
}

/** The week (Monday–Sunday) or month holding `date`. */
export function reportPeriod(
  kind: 'weekly' | 'monthly',
  date: string,
): { from: string; to: string } {
  const d = new Date(`${date}T00:00:00Z`);
  if (kind === 'weekly') {
    const from = addDays(date, -((d.getUTCDay() + 6) % 7));
    return { from, to: addDays(from, 6) };
  }
  const from = `${date.slice(0, 7)}-01`;
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return { from, to: addDays(next.toISOString().slice(0, 10), -1) };
}

export function createInsightsService(deps: {
  database: Database;
  clock: Clock;
  queries: AnalyticsQueries;
  goals: GoalsService;
}) {
  const { db } = deps.database;
  const { clock, queries } = deps;

  async function workspaceOf(id: string) {
    const ws = await db.query.workspaces.findFirst({ where: eq(workspaces.id, id) });
    const timeZone = ws?.timeZone ?? DEFAULT_TIME_ZONE;
    return {
      name: ws?.name ?? '',
      timeZone,
      today: zonedDate(clock.now(), timeZone),
    };
  }

  const service = {
    /** Recent anomalies and off-track goals of the workspace, newest first. */
    async listAlerts(member: MemberActor, limit = 50): Promise<TAlert[]> {
      assertCan(member, 'analytics.read');
      const rows = await db
        .select({ a: analyticsAlerts, name: accounts.name })
        .from(analyticsAlerts)
        .leftJoin(accounts, eq(accounts.id, analyticsAlerts.accountId))
        .where(eq(analyticsAlerts.workspaceId, member.workspaceId))
        .orderBy(desc(analyticsAlerts.createdAt))
        .limit(limit);
      return rows.map(({ a, name }) => ({
        id: a.id,
        kind: a.kind,
        goalId: a.goalId,
        accountId: a.accountId,
        accountName: name,
        metric: a.metric,
        date: a.date,
        direction: a.direction === 'spike' || a.direction === 'drop' ? a.direction : null,
        value: a.value,
        baseline: a.baseline,
        message: a.message,
        evidence: a.evidence,
        createdAt: a.createdAt.toISOString(),
      }));
    },

    /**
     * The daily watch (a worker cron): each account's watched metrics against their own recent
     * baseline, and every goal's forecast; a new anomaly or a goal turning off track raises one
     * alert and one notification.
     */
    async watch(
      opts: { sinceDays?: number; workspaceId?: string } = {},
    ): Promise<{ anomalies: number; goals: number }> {
      let anomalies = 0;
      let offTrack = 0;
      const all = await db
        .select({ id: accounts.id, workspaceId: accounts.workspaceId, name: accounts.name })
        .from(accounts)
        .where(opts.workspaceId ? eq(accounts.workspaceId, opts.workspaceId) : undefined);
      const zones = new Map<string, Awaited<ReturnType<typeof workspaceOf>>>();
      for (const acc of all) {
        const ws = zones.get(acc.workspaceId) ?? (await workspaceOf(acc.workspaceId));
        zones.set(acc.workspaceId, ws);
        const scope: Scope = {
          workspaceId: acc.workspaceId,
          from: addDays(ws.today, -60),
          to: ws.today,
          accountIds: [acc.id],
          platform: null,
        };
        for (const metric of WATCHED) {
          const found = detectAnomalies(await queries.dailySeries(scope, metric)).filter(
            (a) => a.date >= addDays(ws.today, -(opts.sinceDays ?? 3)),
          );
          for (const a of found) {
            const label = insightMetricLabel(metric)['zh-CN'];
            const change = a.baseline !== 0 ? formatPercent(Math.abs(a.change / a.baseline)) : '';
            const message = `「${acc.name}」${a.date} 的${label}${a.direction === 'drop' ? '骤降' : '激增'}${change ? ` ${change}` : ''}（近期中位数 ${Math.round(a.baseline)}，当天 ${Math.round(a.value)}）`;
            const inserted = await db
              .insert(analyticsAlerts)
              .values({
                workspaceId: acc.workspaceId,
                kind: 'anomaly',
                accountId: acc.id,
                metric,
                date: a.date,
                direction: a.direction,
                value: a.value,
                baseline: a.baseline,
                message,
                evidence: a.evidence.map((value, i) => ({
                  date: addDays(a.date, -a.evidence.length + i),
                  value,
                })),
                createdAt: clock.now(),
              })
              .onConflictDoNothing()
              .returning();
            if (inserted.length === 0) continue;
            anomalies++;
            await recordNotification(db, clock.now(), {
              workspaceId: acc.workspaceId,
              kind: 'analytics.anomaly',
              title: '数据异常提醒',
              body: message,
              link: `/w/${acc.workspaceId}/analytics/dashboard?accountIds=${acc.id}`,
              entityId: inserted[0]?.id,
            });
          }
        }
      }
      for (const { row, forecast } of await deps.goals.evaluateAll()) {
        const status = forecast.status;
        if (status !== row.lastStatus)
          await db.update(goals).set({ lastStatus: status }).where(eq(goals.id, row.id));
        if (status !== 'off_track' || row.lastStatus === 'off_track') continue;
        const ws = zones.get(row.workspaceId) ?? (await workspaceOf(row.workspaceId));
        const message = `目标「${row.name}」落后：${forecast.explanation['zh-CN']}`;
        const inserted = await db
          .insert(analyticsAlerts)
          .values({
            workspaceId: row.workspaceId,
            kind: 'goal_off_track',
            accountId: row.accountId,
            goalId: row.id,
            metric: row.metric,
            date: ws.today,
            value: forecast.current,
            baseline: row.target,
            message,
            createdAt: clock.now(),
          })
          .onConflictDoNothing()
          .returning();
        if (inserted.length === 0) continue;
        offTrack++;
        await recordNotification(db, clock.now(), {
          workspaceId: row.workspaceId,
          kind: 'goal.off_track',
          title: '目标可能无法达成',
          body: message,
          link: `/w/${row.workspaceId}/goals/${row.id}`,
          entityId: row.id,
        });
      }
      return { anomalies, goals: offTrack };
    },

    /** A weekly or monthly report built from the data: KPIs, trend, best/worst, goals, findings. */
    async report(member: MemberActor, input: TReportQuery, locale: TLocale): Promise<TReport> {
      assertCan(member, 'analytics.read');
      const q = ZReportQuery.parse(input);
      const ws = await workspaceOf(member.workspaceId);
      let account: { id: string; name: string; platform: string } | undefined;
      if (q.accountId) {
        account = await db.query.accounts.findFirst({
          columns: { id: true, name: true, platform: true },
          where: and(eq(accounts.id, q.accountId), eq(accounts.workspaceId, member.workspaceId)),
        });
        if (!account) throw invalid('accountId', 'no such account in this workspace');
      }
      // By default the last full week or month.
      const anchor =
        q.date ??
        (q.kind === 'weekly' ? addDays(ws.today, -7) : addDays(`${ws.today.slice(0, 7)}-01`, -1));
      const { from, to } = reportPeriod(q.kind, anchor);
      const scope: Scope = {
        workspaceId: member.workspaceId,
        from,
        to,
        accountIds: account ? [account.id] : null,
        platform: null,
      };
      const [overview, trend, best, worst, all, goalList] = await Promise.all([
        queries.overview(scope, locale),
        queries.trend(scope, ['views', 'likes', 'followersNet'], 'day'),
        queries.content(scope, 'engagementRate', 'desc', 5),
        queries.content(scope, 'engagementRate', 'asc', 3),
        queries.content(scope, 'views', 'desc', 100),
        deps.goals.list(member, locale),
      ]);
      const goalsInScope: TGoal[] = goalList.filter(
        (g) => (!account || g.accountId === account.id) && g.endDate >= from && g.startDate <= to,
      );
      const anomalies: TMetricAnomaly[] = [];
      for (const metric of ['views'] as const) {
        const series = await queries.dailySeries({ ...scope, from: addDays(from, -60) }, metric);
        for (const a of detectAnomalies(series))
          if (a.date >= from && a.date <= to) anomalies.push({ ...a, metric });
      }
      const contents: TFindingContent[] = all.flatMap((c) => {
        if (!c.publishedAt) return [];
        const at = new Date(c.publishedAt);
        const { weekday, hour } = zonedParts(at, ws.timeZone);
        return [
          {
            id: c.postId,
            title: c.title,
            format: c.format ?? 'article',
            pillar: c.pillar,
            publishedAt: at,
            weekday,
            hour,
            views: c.metrics.views ?? null,
            engagementRate: c.engagementRate,
          },
        ];
      });
      const platforms = await queries.platformsOf(scope);
      const f = buildFindings({
        period: { from, to },
        kpis: overview.kpis.map((k) => ({
          key: k.key as TMetricKey,
          current: k.value,
          previous: k.previous,
        })),
        contents,
        goals: goalsInScope.map((g) => ({
          name: g.name,
          status: g.progress.status,
          probability: g.progress.probability,
        })),
        anomalies,
        ...(platforms.length === 1 && platforms[0] ? { platform: platforms[0] } : {}),
      });
      const kindLabel =
        q.kind === 'weekly'
          ? locale === 'en-US'
            ? 'Weekly report'
            : '周报'
          : locale === 'en-US'
            ? 'Monthly report'
            : '月报';
      return {
        kind: q.kind,
        title: `${account ? account.name : ws.name} ${kindLabel} ${from} ~ ${to}`,
        workspaceName: ws.name,
        accountName: account?.name ?? null,
        from,
        to,
        previousFrom: overview.previousFrom,
        previousTo: overview.previousTo,
        generatedAt: clock.now().toISOString(),
        timeZone: ws.timeZone,
        kpis: overview.kpis.filter(
          (k) => REPORT_KPIS.includes(k.key as TMetricKey) || k.key === 'followersTotal',
        ),
        engagement: overview.engagement,
        trend,
        best,
        worst: worst.filter((w) => !best.some((b) => b.postId === w.postId)),
        goals: goalsInScope,
        findings: f.findings.map((x) => ({
          kind: x.kind,
          severity: x.severity,
          text: x.text[locale],
        })),
        actions: f.actions.map((x) => ({
          kind: x.kind,
          severity: x.severity,
          text: x.text[locale],
        })),
      };
    },

    /** Announces the new weekly (or monthly) report in every workspace (a worker cron). */
    async announceReports(kind: 'weekly' | 'monthly'): Promise<number> {
      const all = await db.select({ id: workspaces.id }).from(workspaces);
      for (const w of all) {
        await recordNotification(db, clock.now(), {
          workspaceId: w.id,
          kind: 'report.ready',
          title: kind === 'weekly' ? '上周周报已生成' : '上月月报已生成',
          link: `/w/${w.id}/analytics/reports?kind=${kind}`,
        });
      }
      return all.length;
    },
  };
  return service;
}

export type InsightsService = ReturnType<typeof createInsightsService>;
