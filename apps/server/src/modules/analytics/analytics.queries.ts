import { sql, type SQL } from 'drizzle-orm';
import {
  ZAnalyticsQuery,
  type TAnalyticsQuery,
  type TBreakdown,
  type TContentRow,
  type TFunnel,
  type THeatmap,
  type TLocale,
  type TOverview,
  type TPlatform,
  type TTrend,
} from '@yunce/contracts';
import {
  CONTENT_FORMAT_LABELS,
  CONTENT_PILLAR_LABELS,
  engagement,
  METRIC_KEYS,
  METRICS,
  periodChange,
  platformName,
  previousPeriod,
  recommendSlots,
  type TMetricKey,
  type TMetricValues,
  type TPostingHeatmap,
} from '@yunce/core';
import type { Database } from '../../platform/db/client';
import { pgArray, rowsOf, textOf, textOrNull } from '../../platform/db/sql';
import { invalid } from '../../platform/errors';
import { postAggregateSql } from './analytics.ingest';
import { metricColumn, WEIGHTED_KEYS } from './analytics.tables';

export type Scope = {
  workspaceId: string;
  from: string;
  to: string;
  accountIds: string[] | null;
  platform: TPlatform | null;
};

const MAX_RANGE_DAYS = 3 * 366;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isWeighted = (k: TMetricKey) => (WEIGHTED_KEYS as readonly string[]).includes(k);

/** Parses and checks a dashboard query into a scope; bad input names the field. */
export function scopeOf(workspaceId: string, input: TAnalyticsQuery): Scope {
  const q = ZAnalyticsQuery.parse(input);
  if (q.from > q.to) throw invalid('from', 'must not be after to');
  const days = (Date.parse(`${q.to}T00:00:00Z`) - Date.parse(`${q.from}T00:00:00Z`)) / 86_400_000;
  if (Number.isNaN(days)) throw invalid('from', 'not a calendar date');
  if (days > MAX_RANGE_DAYS) throw invalid('to', 'the period may span at most three years');
  const ids = q.accountIds
    ? q.accountIds
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : null;
  if (ids?.some((id) => !UUID.test(id))) throw invalid('accountIds', 'expected account ids');
  return {
    workspaceId,
    from: q.from,
    to: q.to,
    accountIds: ids && ids.length > 0 ? ids : null,
    platform: q.platform ?? null,
  };
}

/** Keys of a result row back to numbers (pg returns sums of integers as text). */
function metricsFrom(row: Record<string, unknown>, keys: readonly TMetricKey[] = METRIC_KEYS) {
  const out: TMetricValues = {};
  for (const k of keys) {
    const v = row[metricColumn(k)];
    if (v === null || v === undefined) continue;
    const n = Number(v);
    if (Number.isFinite(n)) out[k] = n;
  }
  if (out.followersNet === undefined && out.followersGained !== undefined)
    out.followersNet = out.followersGained - (out.followersLost ?? 0);
  return out;
}

/** Aggregates over rollup rows `r` (additive sums, weighted means). followersTotal is separate. */
function rollupAggregates(): SQL {
  return sql.raw(
    METRIC_KEYS.filter((k) => METRICS[k].kind !== 'total')
      .map((k) => {
        const c = metricColumn(k);
        return isWeighted(k)
          ? `COALESCE(sum(r."${c}_w") / NULLIF(sum(r."${c}_wb"), 0), avg(r."${c}")) AS "${c}"`
          : `sum(r."${c}") AS "${c}"`;
      })
      .join(', '),
  );
}

/** The metric columns of rows `alias` as they are. */
function metricSelect(alias: string): SQL {
  return sql.raw(METRIC_KEYS.map((k) => `${alias}."${metricColumn(k)}"`).join(', '));
}

/** Aggregates over the posts `m` of a group: the same rule as for one post's days. */
const totalsAggregates = (): SQL => sql.raw(postAggregateSql());

function accountFilter(s: Scope, alias: string): SQL {
  const parts: SQL[] = [];
  if (s.accountIds)
    parts.push(sql`AND ${sql.raw(alias)}.account_id = ANY(${pgArray(s.accountIds)}::uuid[])`);
  if (s.platform)
    parts.push(
      sql`AND ${sql.raw(alias)}.account_id IN (SELECT id FROM accounts WHERE workspace_id = ${s.workspaceId}::uuid AND platform = ${s.platform})`,
    );
  return sql.join(parts, sql` `);
}

function bucketsOf(from: string, to: string, interval: 'day' | 'week' | 'month'): string[] {
  const out: string[] = [];
  const start = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const d = new Date(start);
  if (interval === 'week') d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  if (interval === 'month') d.setUTCDate(1);
  while (d <= end) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === 'day') d.setUTCDate(d.getUTCDate() + 1);
    else if (interval === 'week') d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
  }
  return out;
}

/**
 * A post's engagement rate in SQL over metric columns of alias `m` — the definition of
 * engagement() in core: Xiaohongshu per view, the rest per impression, the other when missing.
 */
const engagementSql = (m: string, platform: string) =>
  sql.raw(`(COALESCE(${m}.likes, 0) + COALESCE(${m}.comments, 0) + COALESCE(${m}.shares, 0) + COALESCE(${m}.saves, 0))
  / NULLIF(CASE WHEN ${platform} = 'xiaohongshu' THEN COALESCE(NULLIF(${m}.views, 0), ${m}.impressions)
                ELSE COALESCE(NULLIF(${m}.impressions, 0), ${m}.views) END, 0)`);

const OVERVIEW_KPIS: readonly TMetricKey[] = [
  'impressions',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
  'followersNet',
  'followersTotal',
  'conversions',
  'revenue',
];

export function createAnalyticsQueries(deps: { database: Database }) {
  const { db } = deps.database;

  async function platformsOf(s: Scope): Promise<TPlatform[]> {
    const rows = rowsOf(
      await db.execute(sql`
        SELECT DISTINCT platform FROM accounts WHERE workspace_id = ${s.workspaceId}::uuid
        ${s.accountIds ? sql`AND id = ANY(${pgArray(s.accountIds)}::uuid[])` : sql``}
        ${s.platform ? sql`AND platform = ${s.platform}` : sql``}`),
    );
    return rows.map((r) => textOf(r.platform) as TPlatform);
  }

  /** The scope's metrics over its period (from the rollups). */
  async function totals(s: Scope): Promise<TMetricValues & { posts?: number }> {
    const [row] = rowsOf(
      await db.execute(sql`
        SELECT ${rollupAggregates()}, sum(r.posts) AS posts
        FROM metric_rollups r
        WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
        ${accountFilter(s, 'r')}`),
    );
    // Followers: each account's last known total in the period, added up.
    const [ft] = rowsOf(
      await db.execute(sql`
        SELECT sum(t.v) AS v FROM (
          SELECT DISTINCT ON (r.account_id) r.followers_total AS v
          FROM metric_rollups r
          WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
            AND r.followers_total IS NOT NULL ${accountFilter(s, 'r')}
          ORDER BY r.account_id, r.date DESC) t`),
    );
    const values = row ? metricsFrom(row) : {};
    if (ft?.v !== null && ft?.v !== undefined) values.followersTotal = Number(ft.v);
    return { ...values, posts: Number(row?.posts ?? 0) };
  }

  function engagementFor(values: TMetricValues, platforms: TPlatform[], locale: TLocale) {
    const e = engagement(values, platforms.length === 1 && platforms[0] ? platforms[0] : 'other');
    return { rate: e.rate, formula: e.formula[locale] };
  }

  const queries = {
    /** KPIs of the period against the one before it. */
    async overview(s: Scope, locale: TLocale): Promise<TOverview> {
      const prev = previousPeriod(s.from, s.to);
      const [cur, before, platforms, last] = await Promise.all([
        totals(s),
        totals({ ...s, from: prev.from, to: prev.to }),
        platformsOf(s),
        db.execute(sql`
          SELECT max(r.updated_at) AS at FROM metric_rollups r
          WHERE r.workspace_id = ${s.workspaceId}::uuid ${accountFilter(s, 'r')}`),
      ]);
      const lastAt = rowsOf(last)
        .map((r) => (r.at ? new Date(textOf(r.at)) : null))
        .filter((d): d is Date => d !== null && !Number.isNaN(d.getTime()))
        .sort((a, b) => b.getTime() - a.getTime())[0];
      const e = engagementFor(cur, platforms, locale);
      const ep = engagementFor(before, platforms, locale);
      return {
        from: s.from,
        to: s.to,
        previousFrom: prev.from,
        previousTo: prev.to,
        kpis: OVERVIEW_KPIS.map((key) => {
          const value = cur[key] ?? null;
          const previous = before[key] ?? null;
          const change = periodChange(value ?? undefined, previous ?? undefined);
          return { key, value, previous, delta: change.delta, ratio: change.ratio };
        }),
        posts: cur.posts ?? 0,
        engagement: { rate: e.rate, previous: ep.rate, formula: e.formula },
        lastImportAt: lastAt?.toISOString() ?? null,
      };
    },

    /** Metrics per day, week or month over the period (empty buckets are null). */
    async trend(
      s: Scope,
      metricsList: TMetricKey[],
      interval: 'day' | 'week' | 'month',
    ): Promise<TTrend> {
      const bucket =
        interval === 'day' ? sql.raw('r.date') : sql.raw(`date_trunc('${interval}', r.date)::date`);
      const rows = rowsOf(
        await db.execute(sql`
          SELECT ${bucket}::text AS bucket, ${rollupAggregates()}
          FROM metric_rollups r
          WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
          ${accountFilter(s, 'r')}
          GROUP BY 1`),
      );
      const byBucket = new Map(rows.map((r) => [textOf(r.bucket).slice(0, 10), metricsFrom(r)]));
      if (metricsList.includes('followersTotal')) {
        const ft = rowsOf(
          await db.execute(sql`
            SELECT t.bucket, sum(t.v) AS v FROM (
              SELECT DISTINCT ON (r.account_id, ${bucket}) ${bucket}::text AS bucket, r.followers_total AS v
              FROM metric_rollups r
              WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
                AND r.followers_total IS NOT NULL ${accountFilter(s, 'r')}
              ORDER BY r.account_id, ${bucket}, r.date DESC) t
            GROUP BY t.bucket`),
        );
        for (const r of ft) {
          const key = textOf(r.bucket).slice(0, 10);
          byBucket.set(key, { ...(byBucket.get(key) ?? {}), followersTotal: Number(r.v) });
        }
      }
      const buckets = bucketsOf(s.from, s.to, interval);
      return {
        interval,
        buckets,
        series: metricsList.map((metric) => ({
          metric,
          values: buckets.map((b) => byBucket.get(b)?.[metric] ?? null),
        })),
      };
    },

    /** Posts published in the period, ranked by a metric (or by engagement rate). */
    async content(
      s: Scope,
      sort: TMetricKey | 'engagementRate',
      order: 'asc' | 'desc',
      limit: number,
    ): Promise<TContentRow[]> {
      const orderBy =
        sort === 'engagementRate'
          ? engagementSql('t', 't.platform')
          : sql.raw(`t."${metricColumn(sort)}"`);
      const rows = rowsOf(
        await db.execute(sql`
          SELECT * FROM (
            SELECT p.id, p.item_id, p.title, p.url, p.account_id, a.name AS account_name, a.platform,
                   p.published_at, p.published_on::text AS published_on, p.format, COALESCE(ci.pillar, p.pillar) AS pillar,
                   ${metricSelect('p')}
            FROM posts p
            JOIN accounts a ON a.id = p.account_id
            LEFT JOIN content_items ci ON ci.id = p.item_id
            WHERE p.workspace_id = ${s.workspaceId}::uuid AND p.published_on BETWEEN ${s.from}::date AND ${s.to}::date
            ${accountFilter(s, 'p')}
          ) t
          WHERE ${orderBy} IS NOT NULL
          ORDER BY ${orderBy} ${sql.raw(order === 'asc' ? 'ASC' : 'DESC')}, t.id
          LIMIT ${limit}`),
      );
      return rows.map((r) => {
        const metrics = metricsFrom(r);
        const platform = textOf(r.platform) as TPlatform;
        const publishedAt = r.published_at ? new Date(textOf(r.published_at)).toISOString() : null;
        return {
          postId: textOf(r.id),
          itemId: textOrNull(r.item_id),
          title: textOf(r.title),
          url: textOrNull(r.url),
          accountId: textOf(r.account_id),
          accountName: textOf(r.account_name),
          platform,
          publishedAt:
            publishedAt ?? (r.published_on ? `${textOf(r.published_on)}T00:00:00.000Z` : null),
          format: textOrNull(r.format),
          pillar: textOrNull(r.pillar),
          metrics,
          engagementRate: engagement(metrics, platform).rate,
        };
      });
    },

    /** Posts of the period grouped by pillar, format, account or platform. */
    async breakdown(
      s: Scope,
      by: 'pillar' | 'format' | 'account' | 'platform',
      locale: TLocale,
    ): Promise<TBreakdown> {
      const key = {
        pillar: "COALESCE(ci.pillar, m.pillar, '')",
        format: "COALESCE(ci.format, m.format, '')",
        account: 'm.account_id::text',
        platform: 'a.platform',
      }[by];
      const rows = rowsOf(
        await db.execute(sql`
          SELECT ${sql.raw(key)} AS k, max(a.name) AS account_name, count(*)::int AS posts, ${totalsAggregates()}
          FROM posts m
          JOIN accounts a ON a.id = m.account_id
          LEFT JOIN content_items ci ON ci.id = m.item_id
          WHERE m.workspace_id = ${s.workspaceId}::uuid AND m.published_on BETWEEN ${s.from}::date AND ${s.to}::date
          ${accountFilter(s, 'm')}
          GROUP BY 1
          ORDER BY posts DESC`),
      );
      const platforms = await platformsOf(s);
      const none = locale === 'en-US' ? 'Not set' : '未设置';
      const label = (k: string, row: Record<string, unknown>): string => {
        if (by === 'account') return textOf(row.account_name ?? k);
        if (by === 'platform') return k ? platformName(k as TPlatform, locale) : none;
        if (!k) return none;
        const table = by === 'pillar' ? CONTENT_PILLAR_LABELS : CONTENT_FORMAT_LABELS;
        return (
          table[k]?.[locale] ??
          (k.startsWith('custom:') ? (locale === 'en-US' ? 'Custom pillar' : '自定义支柱') : k)
        );
      };
      return {
        by,
        groups: rows.map((r) => {
          const k = textOf(r.k ?? '');
          const metrics = metricsFrom(r);
          const posts = Number(r.posts);
          const platform =
            by === 'platform'
              ? (k as TPlatform)
              : platforms.length === 1 && platforms[0]
                ? platforms[0]
                : 'other';
          return {
            key: k,
            label: label(k, r),
            posts,
            metrics,
            engagementRate: engagement(metrics, platform).rate,
            viewsPerPost: metrics.views !== undefined && posts > 0 ? metrics.views / posts : null,
          };
        }),
      };
    },

    /** Engagement by weekday × hour of posting, and the best slots. */
    async heatmap(s: Scope, timeZone: string, locale: TLocale): Promise<THeatmap> {
      const heat = await heatmapOf(s, timeZone);
      const rec = recommendSlots(heat);
      return {
        timeZone,
        cells: heat.cells.flat().map((c) => ({
          weekday: c.weekday,
          hour: c.hour,
          posts: c.count,
          meanEngagement: c.meanEngagement,
        })),
        slots: rec.slots.map((x) => ({
          weekday: x.weekday,
          hour: x.hour,
          posts: x.posts,
          reason: x.reason[locale],
        })),
        reason: rec.reason?.[locale] ?? null,
      };
    },

    /** Exposure → click → engage → convert over the period. */
    async funnel(s: Scope): Promise<TFunnel> {
      const t = await totals(s);
      const engaged =
        t.likes === undefined &&
        t.comments === undefined &&
        t.shares === undefined &&
        t.saves === undefined
          ? null
          : (t.likes ?? 0) + (t.comments ?? 0) + (t.shares ?? 0) + (t.saves ?? 0);
      const values = [
        { key: 'impressions' as const, value: t.impressions ?? null },
        { key: 'views' as const, value: t.views ?? t.clicks ?? null },
        { key: 'engagements' as const, value: engaged },
        { key: 'conversions' as const, value: t.conversions ?? t.orders ?? null },
      ];
      return {
        stages: values.map((v, i) => {
          const prev = i > 0 ? values[i - 1]?.value : null;
          return {
            ...v,
            rate: prev && v.value !== null ? v.value / prev : null,
          };
        }),
      };
    },

    /** Daily values of one metric for a scope (goal progress, anomaly detection, SMART history). */
    async dailySeries(s: Scope, metric: TMetricKey): Promise<{ date: string; value: number }[]> {
      const c = metricColumn(metric);
      const expr =
        METRICS[metric].kind === 'total'
          ? `sum(r."${c}")`
          : isWeighted(metric)
            ? `COALESCE(sum(r."${c}_w") / NULLIF(sum(r."${c}_wb"), 0), avg(r."${c}"))`
            : metric === 'followersNet'
              ? `COALESCE(sum(r.followers_net), sum(r.followers_gained) - COALESCE(sum(r.followers_lost), 0))`
              : `sum(r."${c}")`;
      const rows = rowsOf(
        await db.execute(sql`
          SELECT r.date::text AS date, ${sql.raw(expr)} AS v
          FROM metric_rollups r
          WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
          ${accountFilter(s, 'r')}
          GROUP BY r.date ORDER BY r.date`),
      );
      return rows
        .filter((r) => r.v !== null && r.v !== undefined)
        .map((r) => ({ date: textOf(r.date).slice(0, 10), value: Number(r.v) }));
    },

    /** Daily engagement rate (for goals on engagement). */
    async dailyEngagement(s: Scope): Promise<{ date: string; value: number }[]> {
      const platforms = await platformsOf(s);
      const rows = rowsOf(
        await db.execute(sql`
          SELECT r.date::text AS date, ${rollupAggregates()}
          FROM metric_rollups r
          WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
          ${accountFilter(s, 'r')}
          GROUP BY r.date ORDER BY r.date`),
      );
      return rows.flatMap((r) => {
        const rate = engagementFor(metricsFrom(r), platforms, 'zh-CN').rate;
        return rate === null ? [] : [{ date: textOf(r.date).slice(0, 10), value: rate }];
      });
    },

    /** Which metrics a scope has any data for (the SMART check's "measurable"). */
    async trackedMetrics(s: Scope): Promise<string[]> {
      const [row] = rowsOf(
        await db.execute(sql`
          SELECT ${sql.raw(METRIC_KEYS.map((k) => `bool_or(r."${metricColumn(k)}" IS NOT NULL) AS "${metricColumn(k)}"`).join(', '))}
          FROM metric_rollups r
          WHERE r.workspace_id = ${s.workspaceId}::uuid AND r.date BETWEEN ${s.from}::date AND ${s.to}::date
          ${accountFilter(s, 'r')}`),
      );
      const tracked: string[] = METRIC_KEYS.filter((k) => row?.[metricColumn(k)] === true);
      if (tracked.includes('followersGained') && !tracked.includes('followersNet'))
        tracked.push('followersNet');
      if (
        tracked.some((k) => ['likes', 'comments', 'shares', 'saves'].includes(k)) &&
        (tracked.includes('impressions') || tracked.includes('views'))
      )
        tracked.push('engagementRate');
      return tracked;
    },

    heatmapOf,
    platformsOf,
  };

  /**
   * The posting-time heatmap computed in SQL: posts grouped by weekday × hour of publishing in the
   * zone, at most 168 rows back however many posts (same cells as core's postingHeatmap).
   */
  async function heatmapOf(s: Scope, timeZone: string): Promise<TPostingHeatmap> {
    // Posts are first grouped by UTC quarter hour (every zone's offset since 1972 is a whole
    // number of quarter hours), so the zone conversion runs once per quarter hour with posts,
    // not once per post; the inner select is fenced (OFFSET 0) so the engagement expression is
    // computed once per post. date_part, unlike extract, stays in double precision.
    const rows = rowsOf(
      await db.execute(sql`
        SELECT date_part('isodow', to_timestamp(b.q * 900) AT TIME ZONE ${timeZone})::int - 1 AS weekday,
               date_part('hour', to_timestamp(b.q * 900) AT TIME ZONE ${timeZone})::int AS hour,
               sum(b.n)::int AS n, sum(b.e) AS e, sum(b.nv)::int AS nv, sum(b.v) AS v
        FROM (
          SELECT floor(p.epoch / 900)::bigint AS q, count(*) AS n, sum(p.engagement) AS e,
                 count(p.views) AS nv, sum(p.views) AS v
          FROM (
            SELECT date_part('epoch', m.published_at) AS epoch, m.views, ${engagementSql('m', 'a.platform')} AS engagement
            FROM posts m
            JOIN accounts a ON a.id = m.account_id
            WHERE m.workspace_id = ${s.workspaceId}::uuid AND m.published_at IS NOT NULL
              AND m.published_on BETWEEN ${s.from}::date AND ${s.to}::date
              AND (m.likes IS NOT NULL OR m.comments IS NOT NULL OR m.shares IS NOT NULL OR m.saves IS NOT NULL)
              ${accountFilter(s, 'm')}
            OFFSET 0
          ) p
          WHERE p.engagement IS NOT NULL
          GROUP BY 1
        ) b
        GROUP BY 1, 2`),
    );
    const cells = Array.from({ length: 7 }, (_, weekday) =>
      Array.from({ length: 24 }, (_, hour) => ({
        weekday,
        hour,
        count: 0,
        meanEngagement: null as number | null,
        meanViews: null as number | null,
      })),
    );
    let total = 0;
    let sum = 0;
    for (const r of rows) {
      const cell = cells[Number(r.weekday)]?.[Number(r.hour)];
      if (!cell) continue;
      const n = Number(r.n);
      const e = Number(r.e);
      cell.count = n;
      cell.meanEngagement = n > 0 ? e / n : null;
      cell.meanViews = Number(r.nv) > 0 ? Number(r.v) / Number(r.nv) : null;
      total += n;
      sum += e;
    }
    return {
      timeZone,
      cells,
      totalPosts: total,
      overallMeanEngagement: total > 0 ? sum / total : null,
    };
  }

  return queries;
}

export type AnalyticsQueries = ReturnType<typeof createAnalyticsQueries>;
