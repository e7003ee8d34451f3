import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadConfig, type Config } from '../../platform/config';
import { openConfiguredDatabase } from '../../platform/db/open';
import { createTestClock, systemClock } from '../../platform/clock';
import { createMemoryStorage } from '../../platform/storage';
import { createServices } from '../../services';
import { createFakeConnectors } from '../../test/fake-connectors';
import { publications } from './publishing.tables';
import { STUCK_AFTER_MS } from './publishing.service';
import { scheduledPost } from '../../test/factories';

/**
 * A real worker process is killed with SIGKILL in the middle of a publish call. Afterwards the
 * publication must be "needs check" for a person, and nothing may publish it a second time.
 */
vi.setConfig({ testTimeout: 120_000 });
const WORKER = path.resolve(import.meta.dirname, 'test-support/hanging-worker.ts');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function configForThisProject(): Promise<{ config: Config; env: Record<string, string> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunce-crash-'));
  cleanups.push(() => Promise.resolve(fs.rmSync(dataDir, { recursive: true, force: true })));
  if (process.env.YUNCE_TEST_DB !== 'postgres') {
    return { config: loadConfig({ YUNCE_DATA_DIR: dataDir }), env: { YUNCE_DATA_DIR: dataDir } };
  }
  const base = process.env.TEST_DATABASE_URL ?? '';
  const name = `yunce_crash_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const a = new pg.Client({ connectionString: base });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  const secretKey = randomBytes(32).toString('hex');
  return {
    config: loadConfig({
      YUNCE_DATA_DIR: dataDir,
      DATABASE_URL: url.toString(),
      YUNCE_SECRET_KEY: secretKey,
    }),
    env: { YUNCE_DATA_DIR: dataDir, DATABASE_URL: url.toString(), YUNCE_SECRET_KEY: secretKey },
  };
}

describe('a worker killed mid-publish', () => {
  it('leaves "needs check", not a duplicate', async () => {
    const { config, env } = await configForThisProject();
    const fake = createFakeConnectors();
    // Set up an approved item scheduled a second from now, then let go of the database.
    let opened = await openConfiguredDatabase(config);
    let services = createServices({
      config,
      database: opened.database,
      clock: systemClock,
      storage: createMemoryStorage(),
      connectors: fake.registry,
    });
    const { publication: pub } = await scheduledPost(services, {
      email: 'crash@example.com',
      title: '崩溃测试',
      at: new Date(Date.now() + 500),
    });
    await opened.close();
    await new Promise((r) => setTimeout(r, 600));

    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      env: { ...process.env, ...env, PUBLICATION_ID: pub.id, LOG_LEVEL: 'silent' },
    });
    let out = '';
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the worker never called out:\n${out}`)),
        60_000,
      );
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('CALLING')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    // Back in "another worker": the claim is there, with no outcome.
    opened = await openConfiguredDatabase(config);
    cleanups.push(() => opened.close());
    const clock = createTestClock(new Date());
    services = createServices({
      config,
      database: opened.database,
      clock,
      storage: createMemoryStorage(),
      connectors: fake.registry,
    });
    const [mid] = await opened.database.db
      .select()
      .from(publications)
      .where(eq(publications.id, pub.id));
    expect(mid).toMatchObject({ status: 'publishing', attempts: 1 });
    // Retrying the job (as pg-boss would) does not call out again.
    expect(await services.publishing.runOne(pub.id)).toBe('skipped');
    clock.advance(STUCK_AFTER_MS + 1000);
    await services.publishing.sweep();
    const [after] = await opened.database.db
      .select()
      .from(publications)
      .where(eq(publications.id, pub.id));
    expect(after?.status).toBe('needs_check');
    expect(fake.calls).toHaveLength(0);
  });
});
