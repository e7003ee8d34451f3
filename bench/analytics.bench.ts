/**
 * Analytics benchmark: dashboard tiles on PGlite (10^6 metric rows) and PostgreSQL (10^7), and
 * import throughput of a 100,000-row file.
 *
 * Method: one workspace of accounts posting twice a day for a year; each post has one metric row
 * per day for a stretch after publishing (as daily trend exports give), so `post_metrics` holds
 * the target number of rows. Rows are generated in SQL, then the rollups and post totals are
 * rebuilt by the same code imports use. Each tile runs the same query the API runs, for the
 * workspace's last 30 days (trend and heatmap: 90 days), 3 warm-ups then 20 timed runs; p50/p95
 * are printed. Import: generated generic-format CSVs of 100,000 new posts each (one row per post,
 * each with its own publish minute, as a works list export gives) through the CLI's
 * path (read → detect → normalise → one-transaction write → rollups), timed end to end: three
 * different files, each figure and the median printed; then the last file again, which updates
 * every row. PGlite runs on a data directory, as `npm start` does (its in-memory file system
 * grows files by copying them and is not what users run). Sizes can be lowered with
 * BENCH_ANALYTICS_ROWS / BENCH_ANALYTICS_PG_ROWS; BENCH_ANALYTICS_ONLY=postgres skips PGlite.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/platform/config';
import { openPglite, openPostgres, type Database } from '../apps/server/src/platform/db/client';
import { migrate } from '../apps/server/src/platform/db/migrate';
import { createSecretBox } from '../apps/server/src/platform/secret-box';
import { createMemoryStorage } from '../apps/server/src/platform/storage';
import { systemClock } from '../apps/server/src/platform/clock';
import { createServices } from '../apps/server/src/services';
import {
  refreshPosts,
  rebuildRollups,
} from '../apps/server/src/modules/analytics/analytics.ingest';
import type { Scope } from '../apps/server/src/modules/analytics/analytics.queries';

const DAY = 86_400_000;

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export async function seed(db: Database, rows: number) {
  const config = loadConfig({ YUNCE_DATA_DIR: '/nonexistent' });
  const services = createServices({
    config,
    database: db,
    clock: systemClock,
    storage: createMemoryStorage(),
    secretBox: createSecretBox(randomBytes(32)),
  });
  const s = await services.auth.signUp(
    {
      email: `bench${Date.now()}@example.com`,
      password: 'benchmark pw',
      displayName: 'b',
      workspaceName: 'bench',
    },
    { ip: null, userAgent: null },
    'zh-CN',
  );
  const ws = s.session.workspaces[0]!.id;
  const accounts = rows >= 5_000_000 ? 100 : 20;
  const postsPerAccount = 730;
  const perPost = Math.max(1, Math.round(rows / (accounts * postsPerAccount)));
  const end = new Date(Date.UTC(2026, 10, 30));
  const start = new Date(end.getTime() - 364 * DAY).toISOString().slice(0, 10);
  const platforms = ['douyin', 'xiaohongshu', 'wechat_oa', 'bilibili', 'weibo'];
  await db.db.execute(sql`INSERT INTO accounts (workspace_id, platform, name, persona)
    SELECT ${ws}::uuid, (${`{${platforms.join(',')}}`}::text[])[1 + g % 5], 'a' || g, '{}'::jsonb FROM generate_series(1, ${accounts}) g`);
  await db.db
    .execute(sql`INSERT INTO posts (workspace_id, account_id, external_id, title, published_at, published_on, format, pillar, origin)
    SELECT ${ws}::uuid, a.id, a.id::text || '-' || n, '帖子 ' || n,
           ${start}::date + (n / 2) * interval '1 day' + ((8 + (n * 7) % 14) * interval '1 hour'),
           ${start}::date + (n / 2),
           (ARRAY['article','short_video','live'])[1 + n % 3], (ARRAY['brand_story','usage_tips','interaction'])[1 + n % 3], 'imported'
    FROM accounts a CROSS JOIN generate_series(0, ${postsPerAccount - 1}) n WHERE a.workspace_id = ${ws}::uuid`);
  const t0 = performance.now();
  await db.db
    .execute(sql`INSERT INTO post_metrics (workspace_id, account_id, post_id, date, impressions, views, likes, comments, shares, saves, completion_rate, source, imported_at)
    SELECT p.workspace_id, p.account_id, p.id, p.published_on + d,
           (1000 + random() * 9000)::int, (100 + random() * 900)::int, (random() * 80)::int, (random() * 10)::int, (random() * 12)::int, (random() * 20)::int,
           random(), 'bench', now()
    FROM posts p CROSS JOIN generate_series(0, ${perPost - 1}) d WHERE p.workspace_id = ${ws}::uuid`);
  const [count] = (await db.executeSql('SELECT count(*)::int AS n FROM post_metrics', [])).rows as {
    n: number;
  }[];
  const accs = (await db.executeSql('SELECT id FROM accounts WHERE workspace_id = $1', [ws]))
    .rows as { id: string }[];
  const days = Array.from({ length: 365 + perPost }, (_, i) =>
    new Date(Date.parse(start) + i * DAY).toISOString().slice(0, 10),
  );
  for (const a of accs) {
    await db.db.transaction(async (tx) => {
      await rebuildRollups(tx, ws, a.id, days);
      await refreshPosts(tx, a.id, null, new Date());
    });
  }
  // A database in use is vacuumed; without this, autovacuum of the 10^7 fresh rows runs during the timings.
  await db.executeSql('VACUUM ANALYZE', []);
  console.log(
    `  seeded ${count?.n ?? 0} metric rows (${accounts} accounts × ${postsPerAccount} posts × ${perPost} days) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
  return { services, ws, end: end.toISOString().slice(0, 10), accountId: accs[0]!.id };
}

async function tiles(label: string, db: Database, rows: number) {
  const { services, ws, end, accountId } = await seed(db, rows);
  const q = services.analytics;
  const back = (n: number) => new Date(Date.parse(end) - n * DAY).toISOString().slice(0, 10);
  const s30: Scope = { workspaceId: ws, from: back(29), to: end, accountIds: null, platform: null };
  const s90: Scope = { ...s30, from: back(89) };
  const cases: [string, () => Promise<unknown>][] = [
    ['overview', () => q.overview(s30, 'zh-CN')],
    ['trend 90 d', () => q.trend(s90, ['views', 'likes', 'followersTotal'], 'day')],
    ['top content', () => q.content(s30, 'views', 'desc', 10)],
    ['bottom by engagement', () => q.content(s30, 'engagementRate', 'asc', 10)],
    ['breakdown by format', () => q.breakdown(s30, 'format', 'zh-CN')],
    ['heatmap 90 d', () => q.heatmap(s90, 'Asia/Shanghai', 'zh-CN')],
    ['funnel', () => q.funnel(s30)],
    ['one account overview', () => q.overview({ ...s30, accountIds: [accountId] }, 'zh-CN')],
  ];
  for (const [name, run] of cases) {
    for (let i = 0; i < 3; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${label}  ${name.padEnd(22)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms`,
    );
  }
  return { services, ws, accountId };
}

async function importThroughput(
  label: string,
  db: Database,
  services: ReturnType<typeof createServices>,
  accountId: string,
) {
  const file = (batch: string) => {
    const lines = [
      'external_id,title,published_at,impressions,views,likes,comments,shares,saves,completion_rate',
    ];
    for (let i = 0; i < 100_000; i++) {
      // Each post its own publish minute, nine minutes apart over ~20 months.
      const d = new Date(Date.UTC(2025, 0, 1) + i * 9 * 60_000)
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ');
      lines.push(
        `imp-${batch}-${i},标题 ${batch} ${i},${d},${1000 + (i % 900)},${100 + (i % 700)},${i % 50},${i % 7},${i % 9},${i % 11},${((i % 100) / 100).toFixed(2)}`,
      );
    }
    return Buffer.from(lines.join('\n'));
  };
  const run = async (bytes: Buffer) => {
    const t = performance.now();
    const r = await services.imports.importForCli(
      bytes,
      'bench.csv',
      { accountId, presetId: 'generic.content' },
      false,
    );
    const secs = (performance.now() - t) / 1000;
    return { r, secs, rate: Math.round(r.rows / secs) };
  };
  // Three different files of new posts (the machine is shared: one run can be off by a third),
  // then the last file again, which updates every row.
  const rates: number[] = [];
  let last = file('a');
  for (const batch of ['a', 'b', 'c']) {
    last = file(batch);
    const { r, secs, rate } = await run(last);
    rates.push(rate);
    console.log(
      `${label}  import 100k-row CSV (${(last.length / 1e6).toFixed(1)} MB) #${rates.length}: ${r.created} created in ${secs.toFixed(2)} s = ${rate} rows/s`,
    );
  }
  const median = [...rates].sort((x, y) => x - y)[1]!;
  console.log(`${label}  import median ${median} rows/s (target ≥ 20,000)`);
  const again = await run(last);
  console.log(
    `${label}  re-import of the last file: ${again.r.updated} updated in ${again.secs.toFixed(2)} s = ${again.rate} rows/s`,
  );
}

/** Runs the analytics benchmark. */
export async function runAnalyticsBench(): Promise<void> {
  const pgliteRows = Number(process.env.BENCH_ANALYTICS_ROWS ?? 1_000_000);
  const pgRows = Number(process.env.BENCH_ANALYTICS_PG_ROWS ?? 10_000_000);
  console.log('method: see bench/analytics.bench.ts header');
  console.log(
    'targets: every tile p95 ≤ 150 ms on PGlite at 10^6 rows, ≤ 50 ms on PostgreSQL at 10^7; import ≥ 20k rows/s',
  );
  if (process.env.BENCH_ANALYTICS_ONLY !== 'postgres') {
    const dir = await mkdtemp(join(tmpdir(), 'yunce-bench-'));
    const db = await openPglite(dir);
    try {
      await migrate(db);
      const { services, accountId } = await tiles('PGlite    ', db, pgliteRows);
      await importThroughput('PGlite    ', db, services, accountId);
    } finally {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    }
  }
  const base =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL: not reachable at ${base}; skipped`);
    return;
  }
  const name = `yunce_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const db = openPostgres(u.toString(), 10);
  try {
    await migrate(db);
    const { services, accountId } = await tiles('PostgreSQL', db, pgRows);
    await importThroughput('PostgreSQL', db, services, accountId);
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
