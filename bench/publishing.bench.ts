/**
 * Publishing scheduler benchmark, on PGlite and (when reachable) PostgreSQL, with fake connectors.
 *
 * Method: 10,000 variants (100 accounts × 100 items) are scheduled. (1) Throughput: all are due
 * at once and two workers drain them with the same claim-then-publish path the app uses; we count
 * publishes per second and check for duplicates and losses. (2) Latency: 2,000 of them are due
 * spread across a 20-second window on the wall clock, and two workers poll every 0.5 s (as the
 * pg-boss worker does); due→start latency is the claim time minus the due time.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../apps/server/src/platform/config';
import { openPglite, openPostgres, type Database } from '../apps/server/src/platform/db/client';
import { migrate } from '../apps/server/src/platform/db/migrate';
import { createSecretBox } from '../apps/server/src/platform/secret-box';
import { createMemoryStorage } from '../apps/server/src/platform/storage';
import { systemClock, type Clock } from '../apps/server/src/platform/clock';
import { createServices } from '../apps/server/src/services';
import { publications } from '../apps/server/src/modules/publishing/publishing.tables';
import type { ConnectorRegistry } from '../apps/server/src/modules/publishing/publishing.service';

const TOTAL = Number(process.env.BENCH_PUBLISH_N ?? 10_000);
const LATENCY_N = 2_000;

function fakeRegistry(calls: Map<string, number>, starts: Map<string, number>): ConnectorRegistry {
  return {
    get: (type) => ({
      type,
      capabilities: { publish: true, getPublishStatus: false, fetchMetrics: false, fetchComments: false, reply: false },
      publish: (_ctx, req) => {
        calls.set(req.idempotencyKey, (calls.get(req.idempotencyKey) ?? 0) + 1);
        starts.set(req.idempotencyKey, Date.now());
        return Promise.resolve({ kind: 'published' as const, externalId: null, url: null });
      },
    }),
  };
}

/** Builds 100 accounts × 100 approved items with one variant each pair, in bulk SQL. */
async function seed(db: Database, dueAt: (i: number) => Date, n: number): Promise<void> {
  const config = loadConfig({ YUNCE_DATA_DIR: '/nonexistent' });
  const services = createServices({ config, database: db, clock: systemClock, storage: createMemoryStorage(), secretBox: createSecretBox(randomBytes(32)) });
  const s = await services.auth.signUp({ email: `bench${Date.now()}@example.com`, password: 'benchmark pw', displayName: 'b', workspaceName: 'bench' }, { ip: null, userAgent: null }, 'zh-CN');
  const ws = s.session.workspaces[0]!.id;
  const side = Math.ceil(Math.sqrt(n));
  await db.db.execute(sql`INSERT INTO accounts (workspace_id, platform, name, persona) SELECT ${ws}, 'weibo', 'a' || g, '{}'::jsonb FROM generate_series(1, ${side}) g`);
  await db.db.execute(sql`INSERT INTO content_items (workspace_id, title, body, format, status, approved_version) SELECT ${ws}, 't' || g, 'b', 'article', 'scheduled', 1 FROM generate_series(1, ${side}) g`);
  await db.db.execute(sql`INSERT INTO content_variants (workspace_id, item_id, account_id) SELECT ${ws}, i.id, a.id FROM content_items i CROSS JOIN accounts a WHERE i.workspace_id = ${ws} AND a.workspace_id = ${ws} LIMIT ${n}`);
  const variants = (await db.executeSql('SELECT id, item_id, account_id FROM content_variants WHERE workspace_id = $1 ORDER BY id', [ws])).rows as { id: string; item_id: string; account_id: string }[];
  for (let start = 0; start < variants.length; start += 1000) {
    const chunk = variants.slice(start, start + 1000);
    await db.db.insert(publications).values(
      chunk.map((v, k) => ({
        workspaceId: ws,
        itemId: v.item_id,
        variantId: v.id,
        accountId: v.account_id,
        itemVersion: 1,
        scheduledAt: dueAt(start + k),
        nextAttemptAt: dueAt(start + k),
        connector: 'manual' as const,
      })),
    );
  }
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function runOn(label: string, open: () => Promise<{ db: Database; close(): Promise<void> }>): Promise<void> {
  // (1) Throughput: everything due now, two workers.
  {
    const { db, close } = await open();
    await seed(db, () => new Date(Date.now() - 1000), TOTAL);
    const calls = new Map<string, number>();
    const mk = (clock: Clock) =>
      createServices({ config: loadConfig({ YUNCE_DATA_DIR: '/nonexistent' }), database: db, clock, storage: createMemoryStorage(), connectors: fakeRegistry(calls, new Map()), secretBox: createSecretBox(randomBytes(32)) });
    const workers = [mk(systemClock), mk(systemClock)];
    const t0 = performance.now();
    let ran = 1;
    while (ran > 0) {
      const results = await Promise.all(workers.map((w) => w.publishing.sweep(200)));
      ran = results.reduce((a, r) => a + r.ran, 0);
    }
    const secs = (performance.now() - t0) / 1000;
    const dups = [...calls.values()].filter((c) => c > 1).length;
    console.log(`${label}  throughput: ${calls.size} published in ${secs.toFixed(1)} s = ${(calls.size / secs).toFixed(0)}/s; duplicates ${dups}; lost ${TOTAL - calls.size}`);
    await close();
  }
  // (2) Latency: due across a 20 s window, polling every 0.5 s.
  {
    const { db, close } = await open();
    const begin = Date.now() + 2000;
    const due = (i: number) => new Date(begin + Math.floor((i / LATENCY_N) * 20_000));
    await seed(db, due, LATENCY_N);
    const calls = new Map<string, number>();
    const starts = new Map<string, number>();
    const dueByKey = new Map<string, number>();
    const rows = (await db.executeSql('SELECT variant_id, account_id, scheduled_at FROM publications', [])).rows as { variant_id: string; account_id: string; scheduled_at: string | Date }[];
    for (const r of rows) dueByKey.set(`${r.variant_id}:${r.account_id}`, new Date(r.scheduled_at).getTime());
    const workers = [0, 1].map(() =>
      createServices({ config: loadConfig({ YUNCE_DATA_DIR: '/nonexistent' }), database: db, clock: systemClock, storage: createMemoryStorage(), connectors: fakeRegistry(calls, starts), secretBox: createSecretBox(randomBytes(32)) }),
    );
    const end = begin + 25_000;
    await Promise.all(
      workers.map(async (w) => {
        while (Date.now() < end && calls.size < LATENCY_N) {
          await w.publishing.sweep(500);
          await new Promise((r) => setTimeout(r, 500));
        }
      }),
    );
    const lat = [...starts.entries()].map(([k, t]) => t - (dueByKey.get(k) ?? t)).sort((a, b) => a - b);
    console.log(
      `${label}  due→start latency over ${lat.length}/${LATENCY_N}: p50 ${(pct(lat, 50) / 1000).toFixed(2)} s, p99 ${(pct(lat, 99) / 1000).toFixed(2)} s (targets p50 ≤ 2 s, p99 ≤ 10 s)`,
    );
    await close();
  }
}

/** Runs the publishing benchmark. */
export async function runPublishingBench(): Promise<void> {
  console.log(`method: see bench/publishing.bench.ts header; ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}, node ${process.version}`);
  console.log('targets: ≥ 200 publishes/s on PGlite, ≥ 1,000/s on PostgreSQL, zero duplicates, zero lost');
  await runOn('PGlite    ', async () => {
    const db = await openPglite(undefined);
    await migrate(db);
    return { db, close: () => db.close() };
  });
  const base = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL: not reachable at ${base}; skipped`);
    return;
  }
  await runOn('PostgreSQL', async () => {
    const name = `yunce_bench_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    const u = new URL(base);
    u.pathname = `/${name}`;
    const db = openPostgres(u.toString(), 10);
    await migrate(db);
    return {
      db,
      close: async () => {
        await db.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  });
  await admin.end();
}
