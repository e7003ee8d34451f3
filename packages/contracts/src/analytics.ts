import { z } from 'zod';
import { ZPlatform } from './accounts';

/** Metric keys, mirrored from @yunce/core's METRIC_KEYS (core depends on contracts, not back). */
export const ANALYTICS_METRIC_KEYS = [
  'impressions',
  'reach',
  'views',
  'viewers',
  'clicks',
  'likes',
  'comments',
  'shares',
  'saves',
  'coins',
  'danmaku',
  'profileVisits',
  'deliveries',
  'followersGained',
  'followersLost',
  'followersNet',
  'followersTotal',
  'completionRate',
  'ctr',
  'avgWatchSeconds',
  'conversions',
  'orders',
  'revenue',
] as const;
export const ZMetricKey = z.enum(ANALYTICS_METRIC_KEYS);
export type TAnalyticsMetricKey = z.infer<typeof ZMetricKey>;
export const ZMetricValues = z.partialRecord(ZMetricKey, z.number().finite());
export type TMetricValuesView = z.infer<typeof ZMetricValues>;

const ZDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return Number.isFinite(t) && new Date(t).toISOString().startsWith(d);
  }, 'no such day');

/** Query of every dashboard tile: a period in the workspace zone and optional scope. */
export const ZAnalyticsQuery = z.object({
  from: ZDate,
  to: ZDate,
  /** Comma-separated account ids. */
  accountIds: z.string().max(4000).optional(),
  platform: ZPlatform.optional(),
});
export type TAnalyticsQuery = z.infer<typeof ZAnalyticsQuery>;

// ---- imports ---------------------------------------------------------------------------------

export const ZImportGrain = z.enum(['content', 'account']);
export const ZImportField = z.union([
  ZMetricKey,
  z.enum(['title', 'externalId', 'url', 'publishedAt', 'date', 'channel', 'format', 'status']),
]);
export const ZColumnParse = z.enum([
  'count',
  'signedCount',
  'number',
  'rate',
  'seconds',
  'datetime',
  'text',
]);

export const ZImportPreset = z.object({
  id: z.string(),
  name: z.string(),
  platform: ZPlatform.nullable(),
  grain: ZImportGrain,
  builtin: z.boolean(),
  columns: z.array(
    z.object({
      field: ZImportField,
      headers: z.array(z.string()),
      parse: ZColumnParse,
      required: z.boolean(),
    }),
  ),
  notes: z.string().nullable(),
});
export type TImportPresetView = z.infer<typeof ZImportPreset>;

/** A column mapping made on the mapping screen (and what a saved workspace preset holds). */
export const ZImportMapping = z.object({
  grain: ZImportGrain,
  columns: z
    .array(
      z.object({
        header: z.string().min(1).max(100),
        field: ZImportField,
        parse: ZColumnParse,
        required: z.boolean().optional(),
      }),
    )
    .min(1, 'map at least one column')
    .max(80),
});
export type TImportMappingBody = z.infer<typeof ZImportMapping>;

export const ZCreatePresetBody = z.object({
  name: z.string().trim().min(1, 'is required').max(60),
  platform: ZPlatform.nullable().default(null),
  mapping: ZImportMapping,
});
export type TCreatePresetBody = z.input<typeof ZCreatePresetBody>;

export const ZImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  message: z.string(),
  /** The row was left out (otherwise only that cell was). */
  rowSkipped: z.boolean(),
});
export type TImportErrorView = z.infer<typeof ZImportError>;

export const ZPreviewRow = z.object({
  row: z.number().int(),
  title: z.string().nullable(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  publishedAt: z.string().nullable(),
  date: z.string(),
  channel: z.string().nullable(),
  metrics: ZMetricValues,
  /** What importing would do with it: update an existing record or create one. */
  action: z.enum(['create', 'update']),
  /** The Yunce content item it matched, if any. */
  matchedItemTitle: z.string().nullable(),
});
export type TPreviewRow = z.infer<typeof ZPreviewRow>;

/** Options sent with the file (multipart fields, or the CLI's flags). */
export const ZImportOptions = z.object({
  accountId: z.uuid(),
  /** A built-in preset id or a workspace preset's id; detected from the headers when absent. */
  presetId: z.string().max(100).optional(),
  /** A mapping for a file no preset fits (JSON in the multipart field). */
  mapping: ZImportMapping.optional(),
  /** The sheet of a workbook; the first one that fits when absent. */
  sheet: z.string().max(100).optional(),
});
export type TImportOptions = z.infer<typeof ZImportOptions>;

export const ZImportPreview = z.object({
  fileName: z.string(),
  sheet: z.string(),
  sheets: z.array(z.string()),
  /** null: no preset fits; the client shows the mapping screen. */
  preset: z.object({ id: z.string(), name: z.string(), grain: ZImportGrain }).nullable(),
  candidates: z.array(
    z.object({ id: z.string(), name: z.string(), score: z.number(), missing: z.array(z.string()) }),
  ),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  /** The first rows under the header as the file has them (for the mapping screen). */
  rawSample: z.array(z.array(z.string())),
  rows: z.number().int(),
  willCreate: z.number().int(),
  willUpdate: z.number().int(),
  sample: z.array(ZPreviewRow),
  errors: z.array(ZImportError),
  errorCount: z.number().int(),
  ignoredColumns: z.array(z.string()),
  totals: ZMetricValues,
  /** This exact file was imported into this account before (re-importing updates, never duplicates). */
  importedBefore: z.string().nullable(),
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZImportStatus = z.enum(['queued', 'running', 'done', 'failed']);
export const ZImport = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  fileName: z.string(),
  presetId: z.string().nullable(),
  presetName: z.string().nullable(),
  status: ZImportStatus,
  /** 0..1 while running. */
  progress: z.number(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(ZImportError),
  failure: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TImport = z.infer<typeof ZImport>;

/** The JSON summary of `yunce import` and of the metrics API. */
export const ZImportSummary = z.object({
  preset: z.string().nullable(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string(), message: z.string() })),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

/** POST …/analytics/metrics: metrics from another system, the documented generic format as JSON. */
export const ZMetricsBody = z.object({
  accountId: z.uuid(),
  grain: ZImportGrain,
  rows: z
    .array(
      z.object({
        date: ZDate.optional(),
        channel: z.string().max(40).optional(),
        externalId: z.string().max(200).optional(),
        url: z.url().max(1000).optional(),
        title: z.string().max(300).optional(),
        publishedAt: z.iso.datetime({ offset: true }).optional(),
        metrics: ZMetricValues,
      }),
    )
    .min(1)
    .max(5000),
});
export type TMetricsBody = z.input<typeof ZMetricsBody>;

// ---- dashboard -------------------------------------------------------------------------------

export const ZKpi = z.object({
  key: z.string(),
  value: z.number().nullable(),
  previous: z.number().nullable(),
  delta: z.number().nullable(),
  ratio: z.number().nullable(),
});
export type TKpi = z.infer<typeof ZKpi>;

export const ZOverview = z.object({
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  kpis: z.array(ZKpi),
  posts: z.number().int(),
  /** Engagement rate and how it was computed for this scope. */
  engagement: z.object({
    rate: z.number().nullable(),
    previous: z.number().nullable(),
    formula: z.string(),
  }),
  /** When the newest data in scope was imported, or null when there is none. */
  lastImportAt: z.string().nullable(),
});
export type TOverview = z.infer<typeof ZOverview>;

export const ZTrendQuery = ZAnalyticsQuery.extend({
  metrics: z.string().max(400).default('views'),
  interval: z.enum(['day', 'week', 'month']).default('day'),
});
export const ZTrend = z.object({
  interval: z.enum(['day', 'week', 'month']),
  buckets: z.array(z.string()),
  series: z.array(z.object({ metric: ZMetricKey, values: z.array(z.number().nullable()) })),
});
export type TTrend = z.infer<typeof ZTrend>;

export const ZContentRow = z.object({
  postId: z.uuid(),
  itemId: z.uuid().nullable(),
  title: z.string(),
  url: z.string().nullable(),
  accountId: z.uuid(),
  accountName: z.string(),
  platform: ZPlatform,
  publishedAt: z.string().nullable(),
  format: z.string().nullable(),
  pillar: z.string().nullable(),
  metrics: ZMetricValues,
  engagementRate: z.number().nullable(),
});
export type TContentRow = z.infer<typeof ZContentRow>;
export const ZContentQuery = ZAnalyticsQuery.extend({
  sort: z.enum([...ANALYTICS_METRIC_KEYS, 'engagementRate'] as const).default('views'),
  order: z.enum(['desc', 'asc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});

export const ZBreakdownQuery = ZAnalyticsQuery.extend({
  by: z.enum(['pillar', 'format', 'account', 'platform']),
});
export const ZBreakdown = z.object({
  by: z.enum(['pillar', 'format', 'account', 'platform']),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      posts: z.number().int(),
      metrics: ZMetricValues,
      engagementRate: z.number().nullable(),
      /** Per post, so groups of different sizes compare fairly. */
      viewsPerPost: z.number().nullable(),
    }),
  ),
});
export type TBreakdown = z.infer<typeof ZBreakdown>;

export const ZHeatmap = z.object({
  timeZone: z.string(),
  cells: z.array(
    z.object({
      weekday: z.number().int(),
      hour: z.number().int(),
      posts: z.number().int(),
      meanEngagement: z.number().nullable(),
    }),
  ),
  slots: z.array(
    z.object({
      weekday: z.number().int(),
      hour: z.number().int(),
      posts: z.number().int(),
      reason: z.string(),
    }),
  ),
  /** Why there are no recommendations (too little history), else null. */
  reason: z.string().nullable(),
});
export type THeatmap = z.infer<typeof ZHeatmap>;

export const ZFunnel = z.object({
  stages: z.array(
    z.object({
      key: z.enum(['impressions', 'views', 'engagements', 'conversions']),
      value: z.number().nullable(),
      /** Share of the stage before (null for the first or when unknown). */
      rate: z.number().nullable(),
    }),
  ),
});
export type TFunnel = z.infer<typeof ZFunnel>;

// ---- goals -----------------------------------------------------------------------------------

export const GOAL_METRICS = [
  'followersTotal',
  'followersNet',
  'views',
  'impressions',
  'likes',
  'comments',
  'shares',
  'saves',
  'conversions',
  'orders',
  'revenue',
  'engagementRate',
] as const;
export const ZGoalMetric = z.enum(GOAL_METRICS);
export type TGoalMetric = z.infer<typeof ZGoalMetric>;

export const ZGoalBody = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  metric: ZGoalMetric,
  scope: z.enum(['workspace', 'account']),
  accountId: z.uuid().nullable().default(null),
  baseline: z.number().finite(),
  target: z.number().finite(),
  startDate: ZDate,
  endDate: ZDate,
  ownerId: z.uuid().nullable().default(null),
  parentId: z.uuid().nullable().default(null),
  note: z.string().max(1000).default(''),
});
export type TGoalBody = z.input<typeof ZGoalBody>;
export const ZGoalPatch = ZGoalBody.partial();
export type TGoalPatch = z.input<typeof ZGoalPatch>;

export const ZSmartLetter = z.object({
  letter: z.enum(['S', 'M', 'A', 'R', 'T']),
  status: z.enum(['pass', 'warn']),
  reason: z.string(),
});

export const ZGoal = z.object({
  id: z.uuid(),
  name: z.string(),
  metric: ZGoalMetric,
  scope: z.enum(['workspace', 'account']),
  accountId: z.uuid().nullable(),
  accountName: z.string().nullable(),
  baseline: z.number(),
  target: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  parentId: z.uuid().nullable(),
  note: z.string(),
  smart: z.array(ZSmartLetter),
  progress: z.object({
    current: z.number().nullable(),
    /** 0..1 and beyond, from baseline to target. */
    ratio: z.number().nullable(),
    status: z.enum([
      'achieved',
      'on_track',
      'at_risk',
      'off_track',
      'not_started',
      'insufficient_data',
    ]),
    probability: z.number().nullable(),
    projected: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    explanation: z.string(),
  }),
  createdAt: z.string(),
});
export type TGoal = z.infer<typeof ZGoal>;

export const ZGoalDetail = ZGoal.extend({
  /** The goal metric over time (actual), and the projection to the end date. */
  actual: z.array(z.object({ date: z.string(), value: z.number() })),
  projection: z.array(
    z.object({ date: z.string(), value: z.number(), low: z.number(), high: z.number() }),
  ),
  children: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type TGoalDetail = z.infer<typeof ZGoalDetail>;

// ---- alerts and reports ------------------------------------------------------------------------

export const ZAlert = z.object({
  id: z.uuid(),
  kind: z.enum(['anomaly', 'goal_off_track']),
  /** The goal a goal_off_track alert is about. */
  goalId: z.uuid().nullable(),
  accountId: z.uuid().nullable(),
  accountName: z.string().nullable(),
  metric: z.string(),
  date: z.string(),
  direction: z.enum(['spike', 'drop']).nullable(),
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  message: z.string(),
  /** The recent values the judgement was made on, oldest first. */
  evidence: z.array(z.object({ date: z.string(), value: z.number() })),
  createdAt: z.string(),
});
export type TAlert = z.infer<typeof ZAlert>;

export const ZReportQuery = z.object({
  kind: z.enum(['weekly', 'monthly']),
  /** Any date inside the period (its week Monday–Sunday, or its month). Default: the last full one. */
  date: ZDate.optional(),
  accountId: z.uuid().optional(),
});
export type TReportQuery = z.infer<typeof ZReportQuery>;

export const ZReportFinding = z.object({
  kind: z.string(),
  severity: z.enum(['good', 'bad', 'info']),
  text: z.string(),
});

export const ZReport = z.object({
  kind: z.enum(['weekly', 'monthly']),
  title: z.string(),
  workspaceName: z.string(),
  accountName: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  previousFrom: z.string(),
  previousTo: z.string(),
  generatedAt: z.string(),
  timeZone: z.string(),
  kpis: z.array(ZKpi),
  engagement: z.object({
    rate: z.number().nullable(),
    previous: z.number().nullable(),
    formula: z.string(),
  }),
  trend: ZTrend,
  best: z.array(ZContentRow),
  worst: z.array(ZContentRow),
  goals: z.array(ZGoal),
  findings: z.array(ZReportFinding),
  actions: z.array(ZReportFinding),
});
export type TReport = z.infer<typeof ZReport>;
