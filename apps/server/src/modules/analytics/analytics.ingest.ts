import { randomUUID } from 'node:crypto';
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
import { pgArray, pgNumberArray, rowsOf } from '../../platform/db/sql';
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
  const keys = METRIC_KEYS.filter((k) => rows.some((r) => r.metrics[k] !== undefined));
  const names = keys.map((k) => `"${metricColumn(k)}"`);
  return {
    columns: sql.raw(names.map((n) => `, ${n}`).join('')),
    values: sql.raw(names.map((n) => `, v.${n}`).join('')),
    aliases: sql.raw(names.map((n) => `, ${n}`).join('')),
    arrays: sql.join(
      keys.map((k) => sql`, ${pgNumberArray(rows.map((r) => r.metrics[k]))}::float8[]`),
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
          ${pgArray(list.map((r) => r.date))}::date[],
          ${pgArray(list.map((r) => r.channel ?? 'all'))}::text[]${m.arrays}
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
  const ext = rows.flatMap((k) => (k.externalId ? [k.externalId] : []));
  const urls = rows.flatMap((k) => (k.r.url ? [k.r.url] : []));
  const titles = rows.flatMap((k) => (k.titleKey ? [k.titleKey] : []));
  return jsonRows<PostKeys>(
    await tx.execute(sql`
      SELECT json_agg(json_build_array(id, external_id, url, title_key))::text AS j FROM (
        SELECT id, external_id, url, title_key FROM posts
        WHERE account_id = ${accountId}::uuid AND external_id = ANY(${pgArray(ext)}::text[])
        UNION
        SELECT id, external_id, url, title_key FROM posts
        WHERE account_id = ${accountId}::uuid AND url = ANY(${pgArray(urls)}::text[])
        UNION
        SELECT id, external_id, url, title_key FROM posts
        WHERE account_id = ${accountId}::uuid AND title_key = ANY(${pgArray(titles)}::text[])
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
  // The stored posts these rows are about: by platform id, else URL, else title + time.
  const byExt = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const byTitle = new Map<string, string>();
  const remember = ([id, externalId, url, titleKey]: PostKeys) => {
    if (externalId !== null) byExt.set(externalId, id);
    if (url !== null) byUrl.set(url, id);
    if (titleKey !== null) byTitle.set(titleKey, id);
  };
  const all = keyedRows(rows);
  for (const f of await findPosts(tx, acc, all)) remember(f);
  const lookup = (k: Keyed) =>
    (k.externalId ? byExt.get(k.externalId) : undefined) ??
    (k.r.url ? byUrl.get(k.r.url) : undefined) ??
    (k.titleKey ? byTitle.get(k.titleKey) : undefined);
  const links = await publicationLinks(tx, acc);
  const origin = input.source === 'api' ? 'api' : 'imported';

  // Chunk by chunk, each chunk's statements built while the database writes the previous ones.
  const q = statementQueue(tx);
  const days = new Set<string>();
  /** Posts stored before this chunk that it touched, with the newest row about each. */
  const revisit = new Map<string, TNormalizedRow>();
  let inserted = 0;
  let upserted = 0;
  let upsertCreated = 0;
  for (let c = 0; c < rows.length; c += CHUNK) {
    const keyed = all.slice(c, c + CHUNK);
    // Rows no known post matches become new posts, one per identity: a later row with the same
    // identity (a daily export lists a post once a day) gives the newest details; a row sharing
    // only a URL with a new post belongs to it, as it would to a stored one.
    const fresh = new Map<string, Keyed>();
    const byDay = new Map<string, { postId: string; r: TNormalizedRow }>();
    for (const k of keyed) {
      let postId = lookup(k);
      if (postId === undefined) {
        postId = randomUUID();
        fresh.set(postId, k);
        remember([postId, k.externalId, k.r.url ?? null, k.titleKey]);
      } else {
        const first = fresh.get(postId);
        if (
          first &&
          first.externalId === k.externalId &&
          first.url === k.url &&
          first.titleKey === k.titleKey
        )
          fresh.set(postId, k);
      }
      byDay.set(`${postId}|${k.r.date}`, { postId, r: k.r });
    }
    const newRows: { postId: string; r: TNormalizedRow }[] = [];
    const oldRows: { postId: string; r: TNormalizedRow }[] = [];
    for (const x of byDay.values()) {
      days.add(x.r.date);
      if (fresh.has(x.postId)) newRows.push(x);
      else {
        oldRows.push(x);
        revisit.set(x.postId, x.r);
      }
    }

    if (fresh.size > 0) {
      // New posts carry their totals over this chunk's days (recomputed if a later chunk adds some).
      const daysOf = new Map<string, TNormalizedRow['metrics'][]>();
      for (const x of newRows) {
        const list = daysOf.get(x.postId);
        if (list) list.push(x.r.metrics);
        else daysOf.set(x.postId, [x.r.metrics]);
      }
      const part = [...fresh];
      const linked = part.map(([, k]) => links(k));
      const t = metricParts(part.map(([id]) => ({ metrics: postTotalsOf(daysOf.get(id) ?? []) })));
      await q.push(sql`
        INSERT INTO posts (id, workspace_id, account_id, item_id, publication_id, external_id, url, title, title_key,
                           published_at, published_on, format, pillar, origin, created_at, updated_at${t.columns})
        SELECT v.id, ${input.workspaceId}::uuid, ${acc}::uuid, v.item_id, v.publication_id, v.external_id, v.url, v.title,
               v.title_key, v.published_at, v.published_on, v.format, v.pillar,
               CASE WHEN v.publication_id IS NULL THEN ${origin} ELSE 'yunce' END,
               ${at}::timestamptz, ${at}::timestamptz${t.values}
        FROM unnest(
          ${pgArray(part.map(([id]) => id))}::uuid[],
          ${pgArray(part.map(([, k]) => k.externalId))}::text[],
          ${pgArray(part.map(([, k]) => k.r.url ?? null))}::text[],
          ${pgArray(part.map(([, k]) => k.r.title?.trim() || k.r.externalId || k.r.url || '（无标题）'))}::text[],
          ${pgArray(part.map(([, k]) => k.titleKey))}::text[],
          ${pgArray(part.map(([, k]) => (k.r.publishedAt ? k.r.publishedAt.toISOString() : null)))}::timestamptz[],
          ${pgArray(part.map(([, k]) => k.r.date))}::date[],
          ${pgArray(part.map(([, k], j) => linked[j]?.format ?? k.r.format ?? null))}::text[],
          ${pgArray(part.map(([, k], j) => linked[j]?.pillar ?? k.r.pillar ?? null))}::text[],
          ${pgArray(linked.map((l) => l?.id ?? null))}::uuid[],
          ${pgArray(linked.map((l) => l?.itemId ?? null))}::uuid[]${t.arrays}
        ) AS v(id, external_id, url, title, title_key, published_at, published_on, format, pillar, publication_id, item_id${t.aliases})`);
      // Metrics of posts created just now cannot exist yet: a plain insert.
      await q.push(postMetricsInsert(input, newRows));
      inserted += newRows.length;
    }
    if (oldRows.length > 0) {
      // Metrics of posts stored before: an update where the day is stored, a metric the new
      // file leaves blank keeping its value.
      const m = metricParts(oldRows.map((x) => x.r));
      await q.push(
        sql`
          WITH up AS (
            ${postMetricsInsert(input, oldRows)}
            ON CONFLICT (post_id, date) DO UPDATE SET ${m.keepOld('post_metrics')}
              source = EXCLUDED.source, import_id = EXCLUDED.import_id, imported_at = EXCLUDED.imported_at
            RETURNING (xmax = 0) AS inserted
          )
          SELECT count(*) FILTER (WHERE inserted)::int AS created FROM up`,
        (r) => (upsertCreated += Number(rowsOf(r)[0]?.created ?? 0)),
      );
      upserted += oldRows.length;
    }
  }
  await q.done();
  // Posts stored before a chunk that touched them: the newest details the export gives (title
  // edits, a time of day an earlier export lacked) and their totals over all their days.
  await refreshPosts(
    tx,
    acc,
    [...revisit].map(([id, r]) => ({
      id,
      title: r.title?.trim() ?? null,
      publishedAt: r.publishedAt,
    })),
    input.at,
  );
  return {
    created: inserted + upsertCreated,
    updated: upserted - upsertCreated,
    skipped: rows.length - inserted - upserted,
    days: [...days],
  };
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
      ${pgArray(rows.map((x) => x.postId))}::uuid[],
      ${pgArray(rows.map((x) => x.r.date))}::date[]${m.arrays}
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
 * when `posts` is null), taking a new title or publish time where one is given.
 */
export async function refreshPosts(
  tx: DbOrTx,
  accountId: string,
  posts: readonly { id: string; title: string | null; publishedAt?: Date | undefined }[] | null,
  at: Date,
): Promise<void> {
  if (posts && posts.length === 0) return;
  const ids = posts ? pgArray(posts.map((p) => p.id)) : null;
  const set = sql.raw(
    METRIC_KEYS.map((k) => `"${metricColumn(k)}" = a."${metricColumn(k)}"`).join(', '),
  );
  await tx.execute(sql`
    UPDATE posts p SET ${set},
      ${
        posts
          ? sql`title = COALESCE(NULLIF(v.title, ''), p.title), published_at = COALESCE(v.published_at, p.published_at),`
          : sql``
      }
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
            ${pgArray(posts.map((p) => p.title))}::text[],
            ${pgArray(posts.map((p) => (p.publishedAt ? p.publishedAt.toISOString() : null)))}::timestamptz[]
          ) AS v(id, title, published_at) ON v.id = a.post_id`
        : sql``
    }
    WHERE p.id = a.post_id`);
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
