import { sql } from 'drizzle-orm';
import {
  METRIC_KEYS,
  METRICS,
  normalizeCellText,
  type TImportGrain,
  type TMetricKey,
  type TNormalizedRow,
} from '@yunce/core';
import type { DbOrTx } from '../../platform/db/client';
import { pgArray, rowsOf, textOf } from '../../platform/db/sql';
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

const metricList = sql.raw(METRIC_KEYS.map((k) => `"${metricColumn(k)}"`).join(', '));
const num = (v: number | undefined) => (v === undefined ? null : String(v));
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
function metricParts(rows: readonly TNormalizedRow[], table: string) {
  const keys = METRIC_KEYS.filter((k) => rows.some((r) => r.metrics[k] !== undefined));
  const names = keys.map((k) => `"${metricColumn(k)}"`);
  return {
    columns: sql.raw(names.map((n) => `, ${n}`).join('')),
    values: sql.raw(names.map((n) => `, v.${n}`).join('')),
    aliases: sql.raw(names.map((n) => `, ${n}`).join('')),
    arrays: sql.join(
      keys.map((k) => sql`, ${pgArray(rows.map((r) => num(r.metrics[k])))}::float8[]`),
      sql``,
    ),
    keepOld: sql.raw(names.map((n) => `${n} = COALESCE(EXCLUDED.${n}, ${table}.${n}), `).join('')),
  };
}

/**
 * Writes normalised rows into posts/post_metrics or account_metrics inside the caller's
 * transaction, updating what an earlier import wrote (never duplicating it), then rebuilds the
 * rollups of the days touched. A handful of set-based statements per 2,000 rows.
 */
export async function ingestRows(tx: DbOrTx, input: IngestInput): Promise<IngestResult> {
  const result: IngestResult = { created: 0, updated: 0, skipped: 0 };
  const days = new Set<string>();
  const touched = new Set<string>();
  for (let i = 0; i < input.rows.length; i += CHUNK) {
    const chunk = input.rows.slice(i, i + CHUNK);
    const r =
      input.grain === 'content'
        ? await ingestPosts(tx, input, chunk)
        : await ingestAccountRows(tx, input, chunk);
    result.created += r.created;
    result.updated += r.updated;
    result.skipped += r.skipped;
    for (const d of r.days) days.add(d);
    for (const id of r.postIds) touched.add(id);
  }
  await rebuildRollups(tx, input.workspaceId, input.accountId, [...days], input.at);
  await rebuildPostTotals(tx, input.accountId, [...touched]);
  return result;
}

async function ingestAccountRows(
  tx: DbOrTx,
  input: IngestInput,
  rows: readonly TNormalizedRow[],
): Promise<IngestResult & { days: string[]; postIds: string[] }> {
  // The last row for a (day, channel) wins, as it would in the spreadsheet.
  const byKey = new Map<string, TNormalizedRow>();
  for (const r of rows) byKey.set(`${r.date}|${r.channel ?? 'all'}`, r);
  const list = [...byKey.values()];
  // Joined through the unique key's index (a text comparison would scan the whole table).
  const existing = rowsOf(
    await tx.execute(sql`
      SELECT 1 FROM account_metrics am
      JOIN unnest(${pgArray(list.map((r) => r.date))}::date[], ${pgArray(list.map((r) => r.channel ?? 'all'))}::text[]) AS v(date, channel)
        ON am.account_id = ${input.accountId}::uuid AND am.date = v.date AND am.channel = v.channel`),
  );
  const updated = existing.length;
  const m = metricParts(list, 'account_metrics');
  await tx.execute(sql`
    INSERT INTO account_metrics (workspace_id, account_id, date, channel${m.columns}, source, import_id, imported_at)
    SELECT ${input.workspaceId}::uuid, ${input.accountId}::uuid, v.date, v.channel${m.values}, ${input.source}, ${input.importId}::uuid, ${input.at.toISOString()}::timestamptz
    FROM unnest(
      ${pgArray(list.map((r) => r.date))}::date[],
      ${pgArray(list.map((r) => r.channel ?? 'all'))}::text[]${m.arrays}
    ) AS v(date, channel${m.aliases})
    ON CONFLICT (account_id, date, channel) DO UPDATE SET ${m.keepOld}
      source = EXCLUDED.source, import_id = EXCLUDED.import_id, imported_at = EXCLUDED.imported_at`);
  return {
    created: list.length - updated,
    updated,
    skipped: rows.length - list.length,
    days: [...new Set(list.map((r) => r.date))],
    postIds: [],
  };
}

async function ingestPosts(
  tx: DbOrTx,
  input: IngestInput,
  rows: readonly (TNormalizedRow & { pillar?: string })[],
): Promise<IngestResult & { days: string[]; postIds: string[] }> {
  const keyed = rows.map((r) => ({
    r,
    externalId: r.externalId ?? null,
    url: r.externalId ? null : (r.url ?? null),
    titleKey: r.externalId || r.url ? null : titleKeyOf(r),
  }));
  // Find the posts these rows are about: by platform id, else URL, else title + time.
  // One lookup per identity, each on its own index.
  const ext = keyed.flatMap((k) => (k.externalId ? [k.externalId] : []));
  const urls = keyed.flatMap((k) => (k.r.url ? [k.r.url] : []));
  const titles = keyed.flatMap((k) => (k.titleKey ? [k.titleKey] : []));
  const found = rowsOf(
    await tx.execute(sql`
      SELECT id, external_id, url, title_key FROM posts
      WHERE account_id = ${input.accountId}::uuid AND external_id = ANY(${pgArray(ext)}::text[])
      UNION
      SELECT id, external_id, url, title_key FROM posts
      WHERE account_id = ${input.accountId}::uuid AND url = ANY(${pgArray(urls)}::text[])
      UNION
      SELECT id, external_id, url, title_key FROM posts
      WHERE account_id = ${input.accountId}::uuid AND title_key = ANY(${pgArray(titles)}::text[])`),
  );
  const byExt = new Map<string, string>();
  const byUrl = new Map<string, string>();
  const byTitle = new Map<string, string>();
  for (const f of found) {
    const id = String(f.id);
    if (typeof f.external_id === 'string') byExt.set(f.external_id, id);
    if (typeof f.url === 'string') byUrl.set(f.url, id);
    if (typeof f.title_key === 'string') byTitle.set(f.title_key, id);
  }
  const existedBefore = new Set([...byExt.values(), ...byUrl.values(), ...byTitle.values()]);
  const lookup = (k: (typeof keyed)[number]) =>
    (k.externalId ? byExt.get(k.externalId) : undefined) ??
    (k.r.url ? byUrl.get(k.r.url) : undefined) ??
    (k.titleKey ? byTitle.get(k.titleKey) : undefined);

  // New posts, one per identity (a file may list a post twice: the last row wins).
  const fresh = new Map<string, (typeof keyed)[number]>();
  for (const k of keyed) {
    if (lookup(k)) continue;
    fresh.set(k.externalId ?? k.url ?? k.titleKey ?? '', k);
  }
  if (fresh.size > 0) {
    const list = [...fresh.values()];
    // Link to what Yunce published: same account and the platform id or URL it reported
    // (looked up once for the chunk, not once per row).
    const pubs = rowsOf(
      await tx.execute(sql`
        SELECT id, item_id, external_id, url FROM publications
        WHERE account_id = ${input.accountId}::uuid AND status = 'published' AND (
          external_id = ANY(${pgArray(list.flatMap((k) => (k.externalId ? [k.externalId] : [])))}::text[])
          OR url = ANY(${pgArray(list.flatMap((k) => (k.r.url ? [k.r.url] : [])))}::text[]))`),
    );
    const pubByExt = new Map<string, { id: string; itemId: string }>();
    const pubByUrl = new Map<string, { id: string; itemId: string }>();
    for (const p of pubs) {
      const v = { id: textOf(p.id), itemId: textOf(p.item_id) };
      if (typeof p.external_id === 'string') pubByExt.set(p.external_id, v);
      if (typeof p.url === 'string') pubByUrl.set(p.url, v);
    }
    const pubOf = (k: (typeof list)[number]) =>
      (k.externalId ? pubByExt.get(k.externalId) : undefined) ??
      (k.r.url ? pubByUrl.get(k.r.url) : undefined);
    const origin = input.source === 'api' ? 'api' : 'imported';
    const inserted = rowsOf(
      await tx.execute(sql`
        INSERT INTO posts (workspace_id, account_id, item_id, publication_id, external_id, url, title, title_key,
                           published_at, published_on, format, pillar, origin, created_at, updated_at)
        SELECT ${input.workspaceId}::uuid, ${input.accountId}::uuid, v.item_id, v.publication_id, v.external_id, v.url, v.title,
               v.title_key, v.published_at, v.published_on, COALESCE(ci.format, v.format), COALESCE(ci.pillar, v.pillar),
               CASE WHEN v.publication_id IS NULL THEN ${origin} ELSE 'yunce' END,
               ${input.at.toISOString()}::timestamptz, ${input.at.toISOString()}::timestamptz
        FROM unnest(
          ${pgArray(list.map((k) => k.externalId))}::text[],
          ${pgArray(list.map((k) => k.r.url ?? null))}::text[],
          ${pgArray(list.map((k) => k.r.title?.trim() || k.r.externalId || k.r.url || '（无标题）'))}::text[],
          ${pgArray(list.map((k) => k.titleKey))}::text[],
          ${pgArray(list.map((k) => (k.r.publishedAt ? k.r.publishedAt.toISOString() : null)))}::timestamptz[],
          ${pgArray(list.map((k) => k.r.date))}::date[],
          ${pgArray(list.map((k) => k.r.format ?? null))}::text[],
          ${pgArray(list.map((k) => k.r.pillar ?? null))}::text[],
          ${pgArray(list.map((k) => pubOf(k)?.id ?? null))}::uuid[],
          ${pgArray(list.map((k) => pubOf(k)?.itemId ?? null))}::uuid[]
        ) AS v(external_id, url, title, title_key, published_at, published_on, format, pillar, publication_id, item_id)
        LEFT JOIN content_items ci ON ci.id = v.item_id
        ON CONFLICT DO NOTHING
        RETURNING id, external_id, url, title_key`),
    );
    for (const f of inserted) {
      const id = String(f.id);
      if (typeof f.external_id === 'string') byExt.set(f.external_id, id);
      if (typeof f.url === 'string') byUrl.set(f.url, id);
      if (typeof f.title_key === 'string') byTitle.set(f.title_key, id);
    }
  }
  const metricRows = new Map<string, { postId: string; r: TNormalizedRow }>();
  let skipped = 0;
  for (const k of keyed) {
    const postId = lookup(k);
    if (!postId) {
      skipped++;
      continue;
    }
    metricRows.set(`${postId}|${k.r.date}`, { postId, r: k.r });
  }
  const list = [...metricRows.values()];
  if (list.length === 0) return { created: 0, updated: 0, skipped, days: [], postIds: [] };
  const existing = rowsOf(
    await tx.execute(sql`
      SELECT 1 FROM post_metrics pm
      JOIN unnest(${pgArray(list.map((x) => x.postId))}::uuid[], ${pgArray(list.map((x) => x.r.date))}::date[]) AS v(post_id, date)
        ON pm.post_id = v.post_id AND pm.date = v.date`),
  );
  // Keep the newest details the export gives for posts stored before (title edits, a time of
  // day an earlier export lacked); posts created just now have them already.
  const known = list.filter((x) => existedBefore.has(x.postId));
  if (known.length > 0)
    await tx.execute(sql`
      UPDATE posts p SET
        title = COALESCE(NULLIF(v.title, ''), p.title),
        published_at = COALESCE(v.published_at, p.published_at),
        updated_at = ${input.at.toISOString()}::timestamptz
      FROM unnest(
        ${pgArray(known.map((x) => x.postId))}::uuid[],
        ${pgArray(known.map((x) => x.r.title?.trim() ?? null))}::text[],
        ${pgArray(known.map((x) => (x.r.publishedAt ? x.r.publishedAt.toISOString() : null)))}::timestamptz[]
      ) AS v(id, title, published_at)
      WHERE p.id = v.id`);
  const m = metricParts(
    list.map((x) => x.r),
    'post_metrics',
  );
  await tx.execute(sql`
    INSERT INTO post_metrics (workspace_id, account_id, post_id, date${m.columns}, source, import_id, imported_at)
    SELECT ${input.workspaceId}::uuid, ${input.accountId}::uuid, v.post_id, v.date${m.values}, ${input.source}, ${input.importId}::uuid, ${input.at.toISOString()}::timestamptz
    FROM unnest(
      ${pgArray(list.map((x) => x.postId))}::uuid[],
      ${pgArray(list.map((x) => x.r.date))}::date[]${m.arrays}
    ) AS v(post_id, date${m.aliases})
    ON CONFLICT (post_id, date) DO UPDATE SET ${m.keepOld}
      source = EXCLUDED.source, import_id = EXCLUDED.import_id, imported_at = EXCLUDED.imported_at`);
  const updated = existing.length;
  return {
    created: list.length - updated,
    updated,
    skipped: skipped + (rows.length - skipped - list.length),
    days: [...new Set(list.map((x) => x.r.date))],
    postIds: [...new Set(list.map((x) => x.postId))],
  };
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

/** Rebuilds post_totals for some posts of an account (all of them when `postIds` is null). */
export async function rebuildPostTotals(
  tx: DbOrTx,
  accountId: string,
  postIds: readonly string[] | null,
): Promise<void> {
  if (postIds && postIds.length === 0) return;
  // A join on unnest, not `= ANY(array)`: the latter compares each row with every element.
  const ids = postIds ? pgArray([...postIds]) : null;
  await tx.execute(
    ids
      ? sql`DELETE FROM post_totals t USING unnest(${ids}::uuid[]) AS v(id) WHERE t.post_id = v.id`
      : sql`DELETE FROM post_totals WHERE account_id = ${accountId}::uuid`,
  );
  await tx.execute(sql`
    INSERT INTO post_totals (post_id, workspace_id, account_id, published_on, published_at, ${metricList})
    SELECT p.id, p.workspace_id, p.account_id, p.published_on, p.published_at, ${sql.raw(postAggregateSql())}
    FROM posts p
    ${ids ? sql`JOIN unnest(${ids}::uuid[]) AS v(id) ON v.id = p.id` : sql``}
    JOIN post_metrics m ON m.post_id = p.id
    WHERE p.account_id = ${accountId}::uuid
    GROUP BY p.id`);
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
