import { sql, type SQL } from 'drizzle-orm';
import {
  METRIC_KEYS,
  METRICS,
  normalizeCellText,
  type TImportGrain,
  type TMetricKey,
  type TNormalizedRow,
} from '@yunce/core';
import type { DbOrTx } from '../../platform/db/client';
import { bulkInsert, type BulkColumn } from '../../platform/db/bulk';
import { binaryArray } from '../../platform/db/binary-array';
import { pgArray, rowsOf } from '../../platform/db/sql';
import { uuidv7 } from '../../platform/ids';
import { metricColumn, WEIGHTED_KEYS } from './analytics.tables';

/** Rows go to the database in statements of this many (unnest arrays stay a sane size). */
const CHUNK = 5000;

export type IngestInput = {
  workspaceId: string;
  accountId: string;
  grain: TImportGrain;
  rows: readonly (TNormalizedRow & { pillar?: string })[];
  /** e.g. `import:douyin.works`, `api`, `demo`. */
  source: string;
  importId: string | null;
  at: Date;
};

export type IngestResult = { created: number; updated: number; skipped: number };

const minute = (d: Date) => d.toISOString().slice(0, 16);

/** The identity of a post without id or URL: its title (normalised) and publish minute or day. */
export function titleKeyOf(row: TNormalizedRow): string {
  const when = row.publishedAt ? minute(row.publishedAt) : row.date;
  return `${normalizeCellText(row.title ?? '').toLowerCase()}|${when}`;
}

/**
 * The metrics some rows carry, as SQL pieces: the column list, typed unnest arrays (one per
 * metric, one element per row) and the re-import rule. Only metrics present in the rows are
 * sent — a file has a dozen of them, not all 23 — and on a re-import a metric the new file leaves
 * blank keeps its stored value.
 */
function metricParts(rows: readonly { metrics: TNormalizedRow['metrics'] }[]) {
  const keys = metricKeysIn(rows.map((r) => r.metrics));
  const names = keys.map((k) => `"${metricColumn(k)}"`);
  return {
    columns: sql.raw(names.map((n) => `, ${n}`).join('')),
    values: sql.raw(names.map((n) => `, v.${n}`).join('')),
    aliases: sql.raw(names.map((n) => `, ${n}`).join('')),
    arrays: sql.join(
      keys.map(
        (k) =>
          sql`, ${binaryArray(
            'float8',
            rows.map((r) => r.metrics[k]),
          )}::float8[]`,
      ),
      sql``,
    ),
    keepOld: (table: string) =>
      sql.raw(names.map((n) => `${n} = COALESCE(EXCLUDED.${n}, ${table}.${n}), `).join('')),
  };
}

/**
 * Writes normalised rows into posts/post_metrics or account_metrics inside the caller's
 * transaction, updating what an earlier import wrote (never duplicating it), then rebuilds the
 * rollups of the days touched. A handful of set-based statements per CHUNK rows.
 */
export async function ingestRows(tx: DbOrTx, input: IngestInput): Promise<IngestResult> {
  const result: IngestResult = { created: 0, updated: 0, skipped: 0 };
  const days = new Set<string>();
  const parts: (IngestResult & { days: string[] })[] = [];
  // The statements below are costed high (10^5 rows) but run once: compiling them with JIT
  // took ~100 ms each on PostgreSQL for nothing (the rollup rebuild, the trigger checks).
  await tx.execute(sql`SET LOCAL jit = off`);
  if (input.grain === 'content') parts.push(await ingestPosts(tx, input, input.rows));
  else
    for (let i = 0; i < input.rows.length; i += CHUNK)
      parts.push(await ingestAccountRows(tx, input, input.rows.slice(i, i + CHUNK)));
  for (const r of parts) {
    result.created += r.created;
    result.updated += r.updated;
    result.skipped += r.skipped;
    for (const d of r.days) days.add(d);
  }
  await rebuildRollups(tx, input.workspaceId, input.accountId, [...days], input.at);
  return result;
}

async function ingestAccountRows(
  tx: DbOrTx,
  input: IngestInput,
  rows: readonly TNormalizedRow[],
): Promise<IngestResult & { days: string[] }> {
  // The last row for a (day, channel) wins, as it would in the spreadsheet.
  const byKey = new Map<string, TNormalizedRow>();
  for (const r of rows) byKey.set(`${r.date}|${r.channel ?? 'all'}`, r);
  const list = [...byKey.values()];
  const m = metricParts(list);
  const [counts] = rowsOf(
    await tx.execute(sql`
      WITH up AS (
        INSERT INTO account_metrics (workspace_id, account_id, date, channel${m.columns}, source, import_id, imported_at)
        SELECT ${input.workspaceId}::uuid, ${input.accountId}::uuid, v.date, v.channel${m.values}, ${input.source}, ${input.importId}::uuid, ${input.at.toISOString()}::timestamptz
        FROM unnest(
          ${binaryArray(
            'date',
            list.map((r) => r.date),
          )}::date[],
          ${binaryArray(
            'text',
            list.map((r) => r.channel ?? 'all'),
          )}::text[]${m.arrays}
        ) AS v(date, channel${m.aliases})
        ON CONFLICT (account_id, date, channel) DO UPDATE SET ${m.keepOld('account_metrics')}
          source = EXCLUDED.source, import_id = EXCLUDED.import_id, imported_at = EXCLUDED.imported_at
        RETURNING (xmax = 0) AS inserted
      )
      SELECT count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`),
  );
  const updated = Number(counts?.updated ?? 0);
  return {
    created: list.length - updated,
    updated,
    skipped: rows.length - list.length,
    days: [...new Set(list.map((r) => r.date))],
  };
}

/** A post's identity columns as the ingest matches them. */
type PostKeys = [
  id: string,
  externalId: string | null,
  url: string | null,
  titleKey: string | null,
];

/**
 * Rows of a query written as `SELECT json_agg(…)::text AS j`: one text value crosses from the
 * database however many rows matched (PGlite hands back 10^5 rows several times slower).
 */
function jsonRows<T>(result: unknown): T[] {
  const j = rowsOf(result)[0]?.j;
  return typeof j === 'string' ? (JSON.parse(j) as T[]) : [];
}

/** Rows with the identity the ingest matches them by: platform id, else URL, else title + time. */
export function keyedRows(rows: readonly (TNormalizedRow & { pillar?: string })[]): Keyed[] {
  return rows.map((r) => ({
    r,
    externalId: r.externalId ?? null,
    url: r.externalId ? null : (r.url ?? null),
    titleKey: r.externalId || r.url ? null : titleKeyOf(r),
  }));
}

/** The stored posts of an account that any of these rows names, one lookup per identity. */
export async function findPosts(
  tx: DbOrTx,
  accountId: string,
  rows: readonly Keyed[],
): Promise<PostKeys[]> {
  // Plain loops: flatMap's one-element arrays were 3 × 10^5 allocations for a large file.
  const ext: string[] = [];
  const urls: string[] = [];
  const titles: string[] = [];
  for (const k of rows) {
    if (k.externalId) ext.push(k.externalId);
    if (k.r.url) urls.push(k.r.url);
    if (k.titleKey) titles.push(k.titleKey);
  }
  return jsonRows<PostKeys>(
    await tx.execute(sql`
      SELECT json_agg(json_build_array(id, external_id, url, title_key))::text AS j FROM (
        SELECT id, external_id, url, title_key FROM posts
        WHERE account_id = ${accountId}::uuid AND external_id = ANY(${binaryArray('text', ext)}::text[])
        UNION
        SELECT id, external_id, url, title_key FROM posts
        WHERE account_id = ${accountId}::uuid AND url = ANY(${binaryArray('text', urls)}::text[])
        UNION
        SELECT id, external_id, url, title_key FROM posts
        WHERE account_id = ${accountId}::uuid AND title_key = ANY(${binaryArray('text', titles)}::text[])
      ) f`),
  );
}

/** How each metric adds up over a post's days (see postAggregateSql). */
const TOTAL_RULES = METRIC_KEYS.map((k) => ({
  k,
  rule: (WEIGHTED_KEYS as readonly string[]).includes(k)
    ? ('weighted' as const)
    : METRICS[k].kind === 'total'
      ? ('max' as const)
      : ('sum' as const),
  base: METRICS[k].base ?? 'views',
}));

/**
 * One post's totals over its days, as postAggregateSql computes them in SQL (sums; the largest
 * lifetime total; rates weighted by their base, else their plain mean).
 */
export function postTotalsOf(
  days: readonly TNormalizedRow['metrics'][],
): TNormalizedRow['metrics'] {
  const out: TNormalizedRow['metrics'] = {};
  for (const { k, rule, base } of TOTAL_RULES) {
    let value: number | undefined;
    if (rule === 'weighted') {
      let w: number | undefined;
      let wb: number | undefined;
      let sum = 0;
      let n = 0;
      for (const d of days) {
        const c = d[k];
        if (c === undefined) continue;
        sum += c;
        n++;
        const b = d[base];
        if (b === undefined) continue;
        w = (w ?? 0) + c * b;
        wb = (wb ?? 0) + b;
      }
      value = w !== undefined && wb ? w / wb : n > 0 ? sum / n : undefined;
    } else {
      for (const d of days) {
        const c = d[k];
        if (c === undefined) continue;
        if (value === undefined) value = c;
        else value = rule === 'max' ? Math.max(value, c) : value + c;
      }
    }
    if (value !== undefined) out[k] = value;
  }
  return out;
}

/**
 * Runs statements in order on the transaction with one in flight: the caller builds the next
 * statement's arrays while the database writes the previous one.
 */
function statementQueue(tx: DbOrTx) {
  let last: Promise<unknown> = Promise.resolve();
  return {
    /** Waits for the previous statement, sends this one and returns; `use` gets its result. */
    async push(statement: SQL, use?: (result: unknown) => void): Promise<void> {
      await last;
      // drizzle's execute() is a lazy thenable that runs again on every then(): settle it once.
      const p = Promise.resolve(tx.execute(statement)).then((r) => use?.(r));
      // Awaited by the next push() or by done(); until then a failure is not unhandled.
      p.catch(() => undefined);
      last = p;
    },
    /** Waits for the last statement. */
    async done(): Promise<void> {
      await last;
    },
  };
}

export type Keyed = {
  r: TNormalizedRow & { pillar?: string };
  externalId: string | null;
  url: string | null;
  titleKey: string | null;
};

/** A post an import's rows are about, and its rows: one per day, a later row replacing an earlier. */
class Slot {
  readonly rows: TNormalizedRow[] = [];
  /** The row last given (file order), for the newest details of a stored post. */
  last: TNormalizedRow | undefined;
  private dayAt: Map<string, number> | undefined;
  /**
   * @param id the post's id (a stored post's, or the one chosen for a new post)
   * @param fresh for a new post, the row whose details it takes; null for a stored post
   */
  constructor(
    readonly id: string,
    public fresh: Keyed | null,
  ) {}

  add(r: TNormalizedRow): void {
    this.last = r;
    const { rows } = this;
    if (rows.length === 0) {
      rows.push(r);
      return;
    }
    if (!this.dayAt) this.dayAt = new Map(rows.map((x, i) => [x.date, i]));
    const at = this.dayAt.get(r.date);
    if (at === undefined) {
      this.dayAt.set(r.date, rows.length);
      rows.push(r);
    } else rows[at] = r;
  }
}

async function ingestPosts(
  tx: DbOrTx,
  input: IngestInput,
  rows: readonly (TNormalizedRow & { pillar?: string })[],
): Promise<IngestResult & { days: string[] }> {
  const acc = input.accountId;
  const at = input.at.toISOString();
  // One import per account at a time: what it reads below stays true until it commits, so it
  // can decide in memory which posts are new and insert them without conflict handling.
  await tx.execute(
    sql`SELECT pg_advisory_xact_lock(hashtextextended(${`yunce.ingest:${acc}`}, 0))`,
  );
  // What the posts and post_metrics triggers check per statement, checked once: the account is
  // the workspace's and is locked as a foreign key would lock it. Every row written below names
  // this account and workspace, and a post of it created or found in this transaction.
  const account = rowsOf(
    await tx.execute(sql`SELECT 1 AS ok FROM accounts
      WHERE id = ${acc}::uuid AND workspace_id = ${input.workspaceId}::uuid FOR KEY SHARE`),
  );
  if (account.length === 0)
    throw new Error(`ingest: account ${acc} is not an account of workspace ${input.workspaceId}`);
  // Every post the rows are about gets a slot: the stored ones the rows name (by platform id,
  // else URL, else title + time), then a new one per identity no stored post has.
  const byExt = new Map<string, Slot>();
  const byUrl = new Map<string, Slot>();
  const byTitle = new Map<string, Slot>();
  const remember = (
    slot: Slot,
    externalId: string | null,
    url: string | null,
    key: string | null,
  ) => {
    if (externalId !== null) byExt.set(externalId, slot);
    if (url !== null) byUrl.set(url, slot);
    if (key !== null) byTitle.set(key, slot);
  };
  const all = keyedRows(rows);
  for (const [id, externalId, url, key] of await findPosts(tx, acc, all))
    remember(new Slot(id, null), externalId, url, key);
  const lookup = (k: Keyed) =>
    (k.externalId ? byExt.get(k.externalId) : undefined) ??
    (k.r.url ? byUrl.get(k.r.url) : undefined) ??
    (k.titleKey ? byTitle.get(k.titleKey) : undefined);

  // A row no known post matches starts a new post; a later row with the same identity (a daily
  // export lists a post once a day) gives the newest details; a row sharing only a URL with a
  // new post belongs to it, as it would to a stored one.
  const touched: Slot[] = [];
  for (const k of all) {
    let slot = lookup(k);
    if (slot === undefined) {
      slot = new Slot(uuidv7(), k);
      remember(slot, k.externalId, k.r.url ?? null, k.titleKey);
    } else if (
      slot.fresh &&
      slot.fresh.externalId === k.externalId &&
      slot.fresh.url === k.url &&
      slot.fresh.titleKey === k.titleKey
    )
      slot.fresh = k;
    if (slot.rows.length === 0) touched.push(slot);
    slot.add(k.r);
  }
  const days = new Set<string>();
  const fresh: Slot[] = [];
  const newRows: { postId: string; r: TNormalizedRow }[] = [];
  const oldRows: { postId: string; r: TNormalizedRow }[] = [];
  for (const slot of touched) {
    if (slot.fresh) fresh.push(slot);
    const into = slot.fresh ? newRows : oldRows;
    for (const r of slot.rows) {
      days.add(r.date);
      into.push({ postId: slot.id, r });
    }
  }

  await referencesChecked(tx, true);
  if (fresh.length > 0) {
    // New posts with their totals over all their days, then their days: plain inserts, since
    // nothing can conflict with posts created just now.
    const links = await publicationLinks(tx, acc);
    const origin = input.source === 'api' ? 'api' : 'imported';
    const part = fresh.map((slot) => slot.fresh!);
    const ids = fresh.map((slot) => slot.id);
    const linked = part.map(links);
    const totals = fresh.map((slot) => postTotalsOf(slot.rows.map((r) => r.metrics)));
    await bulkInsert(
      tx,
      'posts',
      [
        { name: 'id', type: 'uuid', values: ids },
        { name: 'workspace_id', type: 'uuid', value: input.workspaceId },
        { name: 'account_id', type: 'uuid', value: acc },
        { name: 'item_id', type: 'uuid', values: linked.map((l) => l?.itemId ?? null) },
        { name: 'publication_id', type: 'uuid', values: linked.map((l) => l?.id ?? null) },
        { name: 'external_id', type: 'text', values: part.map((k) => k.externalId) },
        { name: 'url', type: 'text', values: part.map((k) => k.r.url ?? null) },
        {
          name: 'title',
          type: 'text',
          values: part.map((k) => k.r.title?.trim() || k.r.externalId || k.r.url || '（无标题）'),
        },
        { name: 'title_key', type: 'text', values: part.map((k) => k.titleKey) },
        {
          name: 'published_at',
          type: 'timestamptz',
          values: part.map((k) => k.r.publishedAt ?? null),
        },
        { name: 'published_on', type: 'date', values: part.map((k) => k.r.date) },
        {
          name: 'format',
          type: 'text',
          values: part.map((k, j) => linked[j]?.format ?? k.r.format ?? null),
        },
        {
          name: 'pillar',
          type: 'text',
          values: part.map((k, j) => linked[j]?.pillar ?? k.r.pillar ?? null),
        },
        { name: 'origin', type: 'text', values: linked.map((l) => (l ? 'yunce' : origin)) },
        { name: 'created_at', type: 'timestamptz', value: at },
        { name: 'updated_at', type: 'timestamptz', value: at },
        ...metricColumnsOf(totals),
      ],
      ids.length,
    );
    await bulkInsert(
      tx,
      'post_metrics',
      [
        { name: 'workspace_id', type: 'uuid', value: input.workspaceId },
        { name: 'account_id', type: 'uuid', value: acc },
        { name: 'post_id', type: 'uuid', values: newRows.map((x) => x.postId) },
        { name: 'date', type: 'date', values: newRows.map((x) => x.r.date) },
        ...metricColumnsOf(newRows.map((x) => x.r.metrics)),
        { name: 'source', type: 'text', value: input.source },
        { name: 'import_id', type: 'uuid', value: input.importId },
        { name: 'imported_at', type: 'timestamptz', value: at },
      ],
      newRows.length,
    );
  }

  // Days of posts stored before: an update where the day is stored, a metric the new file
  // leaves blank keeping its value. Each chunk's statement is built while the previous runs.
  const q = statementQueue(tx);
  let upsertCreated = 0;
  for (let c = 0; c < oldRows.length; c += CHUNK) {
    const chunk = oldRows.slice(c, c + CHUNK);
    const m = metricParts(chunk.map((x) => x.r));
    await q.push(
      sql`
        WITH up AS (
          ${postMetricsInsert(input, chunk)}
          ON CONFLICT (post_id, date) DO UPDATE SET ${m.keepOld('post_metrics')}
            source = EXCLUDED.source, import_id = EXCLUDED.import_id, imported_at = EXCLUDED.imported_at
          RETURNING (xmax = 0) AS inserted
        )
        SELECT count(*) FILTER (WHERE inserted)::int AS created FROM up`,
      (r) => (upsertCreated += Number(rowsOf(r)[0]?.created ?? 0)),
    );
  }
  await q.done();
  await referencesChecked(tx, false);
  // Stored posts the file touched: the newest details the export gives (title edits, a time of
  // day an earlier export lacked) and their totals over all their days.
  await refreshPosts(
    tx,
    acc,
    touched
      .filter((slot) => !slot.fresh)
      .map((slot) => ({
        id: slot.id,
        title: slot.last?.title?.trim() ?? null,
        publishedAt: slot.last?.publishedAt,
      })),
    input.at,
  );
  return {
    created: newRows.length + upsertCreated,
    updated: oldRows.length - upsertCreated,
    skipped: rows.length - newRows.length - oldRows.length,
    days: [...days],
  };
}

/**
 * Tells the posts and post_metrics triggers that the transaction's next writes have had their
 * references checked by the writer (migration 0005), or no longer. Transaction-local: a failed
 * write that rolls back, to its savepoint or entirely, takes the setting with it.
 */
async function referencesChecked(tx: DbOrTx, on: boolean): Promise<void> {
  await tx.execute(sql`SELECT set_config('yunce.references_checked', ${on ? 'on' : 'off'}, true)`);
}

/**
 * The metrics any of the rows carries, in METRIC_KEYS order. One pass over each row's own keys:
 * asking every row for each of the 23 metrics cost ~0.1 s per 100k rows, mostly for the metrics
 * a file does not have.
 */
export function metricKeysIn(rows: readonly TNormalizedRow['metrics'][]): TMetricKey[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k in r) if (r[k as TMetricKey] !== undefined) seen.add(k);
  return METRIC_KEYS.filter((k) => seen.has(k));
}

/** One float8 column per metric that any of the rows carries. */
function metricColumnsOf(rows: readonly TNormalizedRow['metrics'][]): BulkColumn[] {
  return metricKeysIn(rows).map((k) => ({
    name: metricColumn(k),
    type: 'float8' as const,
    values: rows.map((r) => r[k]),
  }));
}

/** The INSERT … SELECT of some post days into post_metrics (the metrics they carry only). */
function postMetricsInsert(
  input: IngestInput,
  rows: readonly { postId: string; r: TNormalizedRow }[],
): SQL {
  const m = metricParts(rows.map((x) => x.r));
  return sql`
    INSERT INTO post_metrics (workspace_id, account_id, post_id, date${m.columns}, source, import_id, imported_at)
    SELECT ${input.workspaceId}::uuid, ${input.accountId}::uuid, v.post_id, v.date${m.values}, ${input.source}, ${input.importId}::uuid, ${input.at.toISOString()}::timestamptz
    FROM unnest(
      ${binaryArray(
        'uuid',
        rows.map((x) => x.postId),
      )}::uuid[],
      ${binaryArray(
        'date',
        rows.map((x) => x.r.date),
      )}::date[]${m.arrays}
    ) AS v(post_id, date${m.aliases})`;
}

/**
 * What Yunce published that new posts are: same account and the platform id or URL it reported,
 * with the item's format and pillar. An account's published posts are few next to an export's
 * rows, so they are read once and matched here.
 */
async function publicationLinks(tx: DbOrTx, accountId: string) {
  type Link = { id: string; itemId: string; format: string | null; pillar: string | null };
  const found = jsonRows<
    [string, string, string | null, string | null, string | null, string | null]
  >(
    await tx.execute(sql`
      SELECT json_agg(json_build_array(p.id, p.item_id, p.external_id, p.url, ci.format, ci.pillar))::text AS j
      FROM publications p LEFT JOIN content_items ci ON ci.id = p.item_id
      WHERE p.account_id = ${accountId}::uuid AND p.status = 'published'
        AND (p.external_id IS NOT NULL OR p.url IS NOT NULL)`),
  );
  const byExt = new Map<string, Link>();
  const byUrl = new Map<string, Link>();
  for (const [id, itemId, externalId, url, format, pillar] of found) {
    const link = { id, itemId, format, pillar };
    if (externalId !== null) byExt.set(externalId, link);
    if (url !== null) byUrl.set(url, link);
  }
  return (k: Keyed): Link | undefined =>
    (k.externalId ? byExt.get(k.externalId) : undefined) ??
    (k.r.url ? byUrl.get(k.r.url) : undefined);
}

/** A post's metrics over its rows `m`: sums, weighted means for rates, the largest total. */
export function postAggregateSql(): string {
  return METRIC_KEYS.map((k) => {
    const c = metricColumn(k);
    if ((WEIGHTED_KEYS as readonly string[]).includes(k)) {
      const b = metricColumn(METRICS[k].base ?? 'views');
      return `COALESCE(sum(m."${c}" * m."${b}") / NULLIF(sum(CASE WHEN m."${c}" IS NOT NULL THEN m."${b}" END), 0), avg(m."${c}")) AS "${c}"`;
    }
    if (METRICS[k].kind === 'total') return `max(m."${c}") AS "${c}"`;
    return `sum(m."${c}") AS "${c}"`;
  }).join(', ');
}

/**
 * Recomputes the totals of some posts of an account from their post_metrics rows (all of them
 * when `posts` is null), taking a new title or publish time where one is given. A post whose
 * totals, title and time come out as stored is left alone: rewriting it made a new row version
 * and an entry in each of its indexes, and a re-imported export repeats most of its posts as
 * they were (2.5 s of a 100k-row re-import on PGlite).
 */
export async function refreshPosts(
  tx: DbOrTx,
  accountId: string,
  posts: readonly { id: string; title: string | null; publishedAt?: Date | undefined }[] | null,
  at: Date,
): Promise<void> {
  if (posts && posts.length === 0) return;
  const ids = posts
    ? binaryArray(
        'uuid',
        posts.map((p) => p.id),
      )
    : null;
  const columns = METRIC_KEYS.map((k) => `"${metricColumn(k)}"`);
  const set = sql.raw(columns.map((c) => `${c} = a.${c}`).join(', '));
  const title = sql`COALESCE(NULLIF(v.title, ''), p.title)`;
  const publishedAt = sql`COALESCE(v.published_at, p.published_at)`;
  const stored = sql.raw(columns.map((c) => `p.${c}`).join(', '));
  const computed = sql.raw(columns.map((c) => `a.${c}`).join(', '));
  await tx.execute(sql`
    UPDATE posts p SET ${set},
      ${posts ? sql`title = ${title}, published_at = ${publishedAt},` : sql``}
      updated_at = ${at.toISOString()}::timestamptz
    FROM (
      SELECT m.post_id, ${sql.raw(postAggregateSql())}
      FROM post_metrics m
      ${ids ? sql`JOIN unnest(${ids}::uuid[]) AS i(id) ON m.post_id = i.id` : sql``}
      WHERE m.account_id = ${accountId}::uuid
      GROUP BY m.post_id
    ) a
    ${
      posts
        ? sql`JOIN unnest(
            ${ids}::uuid[],
            ${binaryArray(
              'text',
              posts.map((p) => p.title),
            )}::text[],
            ${binaryArray(
              'timestamptz',
              posts.map((p) => p.publishedAt ?? null),
            )}::timestamptz[]
          ) AS v(id, title, published_at) ON v.id = a.post_id`
        : sql``
    }
    WHERE p.id = a.post_id
      AND (${stored}${posts ? sql`, p.title, p.published_at` : sql``})
        IS DISTINCT FROM (${computed}${posts ? sql`, ${title}, ${publishedAt}` : sql``})`);
}

/** SQL for one rollup column of the account-level side: the 'all' row, else the channel sum. */
function accountSide(k: TMetricKey): string {
  const c = `"${metricColumn(k)}"`;
  const kind = METRICS[k].kind;
  const agg =
    kind === 'total'
      ? `max(${c})`
      : kind === 'rate' || kind === 'seconds'
        ? `avg(${c})`
        : `sum(${c})`;
  return `CASE WHEN bool_or(channel = 'all') THEN max(${c}) FILTER (WHERE channel = 'all') ELSE ${agg} END`;
}

/**
 * Rebuilds the daily rollups of one account for some days from the raw rows: the account's own
 * figure where it has one, else the sum over its posts (see metricRollups).
 */
export async function rebuildRollups(
  tx: DbOrTx,
  workspaceId: string,
  accountId: string,
  days: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  if (days.length === 0) return;
  const additive = METRIC_KEYS.filter((k) => !(WEIGHTED_KEYS as readonly string[]).includes(k));
  const aCols = METRIC_KEYS.map((k) => `${accountSide(k)} AS "${metricColumn(k)}"`);
  const weightedA = WEIGHTED_KEYS.flatMap((k) => {
    const base = METRICS[k].base ?? 'views';
    const c = `"${metricColumn(k)}"`;
    const b = `"${metricColumn(base)}"`;
    const pick = (e: string) =>
      `CASE WHEN bool_or(channel = 'all') THEN sum(${e}) FILTER (WHERE channel = 'all') ELSE sum(${e}) END`;
    return [
      `${pick(`${c} * ${b}`)} AS "${metricColumn(k)}_w"`,
      `${pick(`CASE WHEN ${c} IS NOT NULL THEN ${b} END`)} AS "${metricColumn(k)}_wb"`,
    ];
  });
  const pCols = additive.map((k) => `sum("${metricColumn(k)}") AS "${metricColumn(k)}"`);
  const weightedP = WEIGHTED_KEYS.flatMap((k) => {
    const base = METRICS[k].base ?? 'views';
    const c = `"${metricColumn(k)}"`;
    const b = `"${metricColumn(base)}"`;
    return [
      `sum(${c} * ${b}) AS "${metricColumn(k)}_w"`,
      `sum(CASE WHEN ${c} IS NOT NULL THEN ${b} END) AS "${metricColumn(k)}_wb"`,
    ];
  });
  // Weighted means keep both sides' weights; a side without the base counts by plain average.
  const finalCols = [
    ...additive.map((k) => `COALESCE(a."${metricColumn(k)}", p."${metricColumn(k)}")`),
    ...WEIGHTED_KEYS.map((k) => {
      const c = metricColumn(k);
      return `CASE WHEN a."${c}_wb" > 0 THEN a."${c}_w" / a."${c}_wb"
                   WHEN a."${c}" IS NOT NULL THEN a."${c}"
                   WHEN p."${c}_wb" > 0 THEN p."${c}_w" / p."${c}_wb"
                   ELSE p."${c}_avg" END`;
    }),
    ...WEIGHTED_KEYS.flatMap((k) => {
      const c = metricColumn(k);
      return [
        `CASE WHEN a."${c}_wb" > 0 THEN a."${c}_w" WHEN a."${c}" IS NOT NULL THEN NULL ELSE p."${c}_w" END`,
        `CASE WHEN a."${c}_wb" > 0 THEN a."${c}_wb" WHEN a."${c}" IS NOT NULL THEN NULL ELSE p."${c}_wb" END`,
      ];
    }),
  ];
  const insertCols = [
    ...additive.map((k) => `"${metricColumn(k)}"`),
    ...WEIGHTED_KEYS.map((k) => `"${metricColumn(k)}"`),
    ...WEIGHTED_KEYS.flatMap((k) => [`"${metricColumn(k)}_w"`, `"${metricColumn(k)}_wb"`]),
  ];
  const avgP = WEIGHTED_KEYS.map((k) => `avg("${metricColumn(k)}") AS "${metricColumn(k)}_avg"`);
  const dayList = pgArray([...days]);
  await tx.execute(sql`
    DELETE FROM metric_rollups WHERE account_id = ${accountId}::uuid AND date = ANY(${dayList}::date[])`);
  await tx.execute(sql`
    INSERT INTO metric_rollups (workspace_id, account_id, date, updated_at, posts, ${sql.raw(insertCols.join(', '))})
    SELECT ${workspaceId}::uuid, ${accountId}::uuid, d.date, ${at.toISOString()}::timestamptz, COALESCE(p.posts, 0), ${sql.raw(finalCols.join(',\n'))}
    FROM unnest(${dayList}::date[]) AS d(date)
    LEFT JOIN (
      SELECT date, ${sql.raw([...aCols, ...weightedA].join(', '))}
      FROM account_metrics WHERE account_id = ${accountId}::uuid AND date = ANY(${dayList}::date[])
      GROUP BY date
    ) a ON a.date = d.date
    LEFT JOIN (
      SELECT date, count(*)::int AS posts, ${sql.raw([...pCols, ...weightedP, ...avgP].join(', '))}
      FROM post_metrics WHERE account_id = ${accountId}::uuid AND date = ANY(${dayList}::date[])
      GROUP BY date
    ) p ON p.date = d.date
    WHERE a.date IS NOT NULL OR p.date IS NOT NULL`);
}
