import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { TImportMappingBody } from '@yunce/contracts';
import { METRIC_KEYS, type TMetricKey } from '@yunce/core';
import { accounts } from '../accounts/accounts.tables';
import { workspaces } from '../workspaces/workspaces.tables';

/** `followersGained` → `followers_gained`: the column of a metric. */
export function metricColumn(key: TMetricKey): string {
  return key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

type MetricColumns = { [K in TMetricKey]: ReturnType<typeof doublePrecision> };

/** One nullable column per metric: absent means "the platform did not say", never zero. */
function metricColumns(): MetricColumns {
  const cols = {} as MetricColumns;
  for (const key of METRIC_KEYS) cols[key] = doublePrecision(metricColumn(key));
  return cols;
}

/**
 * Keys averaged with a weight (rates, seconds): rollups keep their weighted sums. Spelled out so
 * the column types are exact; analytics.test.ts checks the list against METRICS.
 */
export const WEIGHTED_KEYS = ['completionRate', 'ctr', 'avgWatchSeconds'] as const;
type WeightedKey = (typeof WEIGHTED_KEYS)[number];
type WeightedColumns = Record<
  `${WeightedKey}W` | `${WeightedKey}Wb`,
  ReturnType<typeof doublePrecision>
>;
/** Σ rate × base (`_w`) and Σ base where the rate is known (`_wb`), per weighted metric. */
function weightedColumns(): WeightedColumns {
  const cols = {} as WeightedColumns;
  for (const key of WEIGHTED_KEYS) {
    cols[`${key}W`] = doublePrecision(`${metricColumn(key)}_w`);
    cols[`${key}Wb`] = doublePrecision(`${metricColumn(key)}_wb`);
  }
  return cols;
}

/**
 * A post as it exists on a platform: one published by Yunce (linked to its item and publication)
 * or one found in an imported export, with its metrics over all its days (sums, weighted means
 * for rates, the largest lifetime total) kept by every ingest: rankings, breakdowns and the
 * heatmap read one row per post.
 *
 * posts and post_metrics are written 10^5 rows at a time by imports, and a per-row foreign key
 * check costs more than the row itself. Their references to accounts and posts are therefore
 * kept by statement-level triggers instead (migrations 0004 and 0005): one set-based check per
 * statement that the account exists in the row's workspace, the post in the row's account and a
 * post's item and publication exist; cascading deletes from accounts to posts to metrics, and a
 * deleted item or publication set to NULL on its posts. An import, which checks its account and
 * posts itself, skips those two checks for its own statements (see ingestPosts).
 */
export const posts = pgTable(
  'posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The account's workspace (checked by trigger; see above). */
    workspaceId: uuid('workspace_id').notNull(),
    /** Checked by trigger, deleted with the account. */
    accountId: uuid('account_id').notNull(),
    /** The content item Yunce published it from (checked by trigger, set to NULL with the item). */
    itemId: uuid('item_id'),
    /** The publication that put it out (checked by trigger, set to NULL with the publication). */
    publicationId: uuid('publication_id'),
    externalId: text('external_id'),
    url: text('url'),
    title: text('title').notNull(),
    /** The identity for re-imports when the export has neither id nor URL: title + minute. */
    titleKey: text('title_key'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The publish day in the workspace zone (exports often give no time of day). */
    publishedOn: date('published_on', { mode: 'string' }),
    format: text('format'),
    /** From the linked item, or set on the post itself (imported posts have none until linked). */
    pillar: text('pillar'),
    origin: text('origin', { enum: ['yunce', 'imported', 'api'] }).notNull(),
    /** The post's totals over its post_metrics rows. */
    ...metricColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('posts_account_external_key')
      .on(t.accountId, t.externalId)
      .where(sql`external_id IS NOT NULL`),
    uniqueIndex('posts_account_url_key')
      .on(t.accountId, t.url)
      .where(sql`url IS NOT NULL`),
    uniqueIndex('posts_account_title_key')
      .on(t.accountId, t.titleKey)
      .where(sql`title_key IS NOT NULL`),
    index('posts_workspace_published_idx').on(t.workspaceId, t.publishedOn),
    // For the deletes of items and publications: few posts have either, so these stay small.
    index('posts_item_idx')
      .on(t.itemId)
      .where(sql`item_id IS NOT NULL`),
    index('posts_publication_idx')
      .on(t.publicationId)
      .where(sql`publication_id IS NOT NULL`),
  ],
);

/** A post's metrics on a day (lifetime totals as exported are kept on the post's publish day). */
export const postMetrics = pgTable(
  'post_metrics',
  {
    /** The post's workspace and account, copied for the rollups' index (checked by trigger). */
    workspaceId: uuid('workspace_id').notNull(),
    accountId: uuid('account_id').notNull(),
    /** Checked by trigger, deleted with the post. */
    postId: uuid('post_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    ...metricColumns(),
    source: text('source').notNull(),
    importId: uuid('import_id'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('post_metrics_key').on(t.postId, t.date),
    index('post_metrics_account_date_idx').on(t.accountId, t.date),
  ],
);

/** An account's own metrics on a day, per channel ('all' is the day's total). */
export const accountMetrics = pgTable(
  'account_metrics',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    channel: text('channel').notNull().default('all'),
    ...metricColumns(),
    source: text('source').notNull(),
    importId: uuid('import_id'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('account_metrics_key').on(t.accountId, t.date, t.channel)],
);

/**
 * Per account per day, what dashboards read: for each metric the account's own figure when it
 * has one for that day, else the sum over its posts of that day (so a 公众号 that imports both
 * 数据明细 and 已通知内容 is not counted twice). Rates keep weighted sums (`*_w`) so any period's
 * rate is Σw / Σbase. Rebuilt for the touched days inside each import's transaction.
 */
export const metricRollups = pgTable(
  'metric_rollups',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    posts: integer('posts').notNull().default(0),
    ...metricColumns(),
    ...weightedColumns(),
    /** When the day was last rebuilt (the dashboard's "data as of"). */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('metric_rollups_key').on(t.accountId, t.date),
    index('metric_rollups_workspace_date_idx').on(t.workspaceId, t.date),
  ],
);

/** One uploaded file (or API batch) and what became of it. */
export const metricImports = pgTable(
  'metric_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    /** The upload, kept until the job has run (then removed). */
    storageKey: text('storage_key'),
    presetId: text('preset_id'),
    presetName: text('preset_name'),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] }).notNull(),
    progress: real('progress').notNull().default(0),
    rows: integer('rows').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errors: jsonb('errors')
      .$type<
        { row: number; column: string; value: string; message: string; rowSkipped: boolean }[]
      >()
      .notNull()
      .default([]),
    failure: text('failure'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('metric_imports_workspace_idx').on(t.workspaceId, t.createdAt),
    index('metric_imports_file_idx').on(t.accountId, t.fileSha256),
  ],
);

/** A column mapping saved by a workspace for exports no built-in preset fits. */
export const importPresets = pgTable('import_presets', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  platform: text('platform'),
  mapping: jsonb('mapping').$type<TImportMappingBody>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** SMART goals (SPEC §3): progress is always computed from metrics, never typed in. */
export const goals = pgTable(
  'goals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    metric: text('metric').notNull(),
    scope: text('scope', { enum: ['workspace', 'account'] }).notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    baseline: doublePrecision('baseline').notNull(),
    target: doublePrecision('target').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    ownerId: uuid('owner_id'),
    parentId: uuid('parent_id'),
    note: text('note').notNull().default(''),
    /** The status last seen by the alert job, so off-track raises one alert, not one a day. */
    lastStatus: text('last_status'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('goals_workspace_idx').on(t.workspaceId)],
);

/** Anomalies and off-track goals, with the evidence they were judged on. */
export const analyticsAlerts = pgTable(
  'analytics_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['anomaly', 'goal_off_track'] }).notNull(),
    accountId: uuid('account_id').references(() => accounts.id, { onDelete: 'cascade' }),
    goalId: uuid('goal_id').references(() => goals.id, { onDelete: 'cascade' }),
    metric: text('metric').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    direction: text('direction'),
    value: doublePrecision('value'),
    baseline: doublePrecision('baseline'),
    message: text('message').notNull(),
    evidence: jsonb('evidence').$type<{ date: string; value: number }[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('analytics_alerts_workspace_idx').on(t.workspaceId, t.createdAt),
    unique('analytics_alerts_key')
      .on(t.workspaceId, t.kind, t.accountId, t.goalId, t.metric, t.date)
      .nullsNotDistinct(),
  ],
);
