import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readLiveLock } from '../platform/db/lock';

/**
 * The real `yunce` program in child processes, as an operator runs it. Runs once (in the PGlite
 * project); the PostgreSQL part runs when TEST_DATABASE_URL is set.
 */
// Real processes on a possibly loaded machine: time limits are generous.
vi.setConfig({ testTimeout: 120_000 });

const BIN = path.resolve(import.meta.dirname, '../../bin/yunce.mjs');
const onPglite = process.env.YUNCE_TEST_DB !== 'postgres';
const children: ChildProcess[] = [];
const dirs: string[] = [];

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'info', ...extra };
  delete e.DATABASE_URL;
  delete e.PORT;
  return { ...e, ...extra };
}

function run(
  args: string[],
  extra: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { env: env(extra) });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function startServer(
  args: string[],
  extra: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [BIN, 'start', ...args], { env: env(extra) });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function waitFor<T>(
  what: string,
  fn: () => T | undefined | Promise<T | undefined>,
  ms = 60_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yunce-cli-'));
  dirs.push(d);
  return d;
}

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe.runIf(onPglite)('yunce CLI on the embedded database', () => {
  it('prints help for every command', async () => {
    for (const args of [
      ['--help'],
      ['start', '--help'],
      ['migrate', '--help'],
      ['demo', '--help'],
      ['accounts', 'list', '--help'],
    ]) {
      const r = await run(args, {});
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: yunce/);
    }
  });

  it('migrates, creates the demo and lists accounts without a server, then through a running one', async () => {
    const dir = tempDir();
    const e = { YUNCE_DATA_DIR: dir };
    const migrated = await run(['migrate'], e);
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toMatch(/Applied|up to date/);

    const empty = await run(['accounts', 'list', '--json'], e);
    expect(JSON.parse(empty.stdout)).toEqual([]);

    const demo = await run(['demo'], e);
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toContain('demo@yunce.local');
    const listed = JSON.parse((await run(['accounts', 'list', '--json'], e)).stdout) as {
      id: string;
      workspace: string;
      platform: string;
      name: string;
    }[];
    expect(listed.length).toBeGreaterThanOrEqual(5);
    for (const a of listed) {
      expect(a.workspace).toBe('示例店铺');
      expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(a.platform.length * a.name.length).toBeGreaterThan(0);
    }

    const server = startServer([], { ...e, PORT: '0', YUNCE_DEMO: '0' });
    const port = await waitFor('the server to publish its port', () => readLiveLock(dir)?.port);
    const health = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(await health.json()).toMatchObject({ status: 'ready', database: 'pglite' });

    const viaServer = JSON.parse(
      (await run(['accounts', 'list', '--json'], e)).stdout,
    ) as unknown[];
    expect(viaServer).toEqual(listed);

    const second = await run(['start'], { ...e, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/in use by another Yunce process/);

    server.child.kill('SIGTERM');
    await waitFor(
      'the server to stop',
      () => (server.child.exitCode !== null ? true : undefined),
      20_000,
    );
    expect(server.child.exitCode).toBe(0);
    expect(readLiveLock(dir)).toBeUndefined();
  });

  it('imports a platform export with a JSON summary, dry run first, and exits 1 on a broken file', async () => {
    const dir = tempDir();
    const e = { YUNCE_DATA_DIR: dir };
    expect((await run(['demo'], e)).code).toBe(0);
    const listed = JSON.parse((await run(['accounts', 'list', '--json'], e)).stdout) as {
      id: string;
      platform: string;
    }[];
    const xhs = listed.find((a) => a.platform === 'xiaohongshu');
    expect(xhs).toBeDefined();
    const fixtures = path.resolve(import.meta.dirname, '../modules/analytics/import/fixtures');
    const file = path.join(fixtures, 'xiaohongshu-notes.xlsx');
    const dry = await run(['import', file, '--account', xhs?.id ?? '', '--dry-run', '--json'], e);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      preset: 'xiaohongshu.notes',
      rows: 4,
      created: 4,
      updated: 0,
      skipped: 0,
      errors: [],
    });
    const real = await run(['import', file, '--account', xhs?.id ?? '', '--json'], e);
    expect(JSON.parse(real.stdout)).toMatchObject({ created: 4, updated: 0 });
    // Through a running server (it holds the embedded database): the same file updates.
    const server = startServer([], { ...e, PORT: '0' });
    await waitFor('the server to publish its port', () => readLiveLock(dir)?.port);
    const again = await run(['import', file, '--account', xhs?.id ?? '', '--json'], e);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 4 });
    const broken = await run(
      ['import', path.join(fixtures, 'truncated.xlsx'), '--account', xhs?.id ?? '', '--json'],
      e,
    );
    expect(broken.code).toBe(1);
    const refusal = JSON.parse(broken.stdout) as { errors: { message: string }[] };
    expect(refusal.errors[0]?.message.length).toBeGreaterThan(0);
    server.child.kill('SIGTERM');
    await waitFor(
      'the server to stop',
      () => (server.child.exitCode !== null ? true : undefined),
      20_000,
    );
  });

  it('checks copy for compliance from a file or standard input, exiting 1 only when a finding blocks', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'post.txt');
    fs.writeFileSync(file, '😀全网最低价！加V：abc123');
    const r = await run(['compliance', 'check', '--platform', 'xiaohongshu', '--json', file], {});
    expect(r.code).toBe(1);
    const { findings } = JSON.parse(r.stdout) as {
      findings: { ruleId: string; severity: string; start: number; end: number; text: string }[];
    };
    const text = fs.readFileSync(file, 'utf8');
    // UTF-16 offsets: the emoji before the match counts as two.
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings.map((f) => f.text)).toEqual(expect.arrayContaining(['全网最低价', '加V']));
    const clean = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      const p = spawn(process.execPath, [BIN, 'compliance', 'check', '-'], { env: env({}) });
      let out = '';
      p.stdout.on('data', (d: Buffer) => (out += d.toString()));
      p.on('close', (code) => resolve({ code, stdout: out }));
      p.stdin.end('本品最佳食用时间为开封后3天');
    });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No findings');
    const bad = await run(['compliance', 'check', '--platform', 'myspace', file], {});
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/must be one of/);
  });

  it('names a bad setting and stops', async () => {
    const r = await run(['accounts', 'list'], {
      YUNCE_DATA_DIR: tempDir(),
      DATABASE_URL: 'mysql://nope',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL: must start with postgres/);
  });
});

describe.runIf(onPglite && Boolean(process.env.TEST_DATABASE_URL))(
  'yunce on PostgreSQL with separate web and worker processes',
  () => {
    it('runs a web and a worker process side by side on one database', async () => {
      const base = process.env.TEST_DATABASE_URL ?? '';
      const name = `yunce_cli_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      const url = new URL(base);
      url.pathname = `/${name}`;
      const port = String(40_000 + Math.floor(Math.random() * 10_000));
      const e = { DATABASE_URL: url.toString(), YUNCE_DATA_DIR: tempDir() };
      try {
        const web = startServer(['--role', 'web', '--port', port], e);
        const worker = startServer(['--role', 'worker'], e);
        const outputs = () => `\n--- web:\n${web.output()}\n--- worker:\n${worker.output()}`;
        await waitFor(
          'the web process',
          async () => {
            const r = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
            return r?.ok ? true : undefined;
          },
          150_000,
        ).catch((err: unknown) => {
          throw new Error(`${(err as Error).message}${outputs()}`);
        });
        const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
        expect(ready).toMatchObject({ database: 'postgres' });
        await waitFor(
          'the worker',
          () => (worker.output().includes('worker is running') ? true : undefined),
          150_000,
        ).catch((err: unknown) => {
          throw new Error(`${(err as Error).message}${outputs()}`);
        });
        const signUp = await fetch(`http://127.0.0.1:${port}/api/v1/auth/sign-up`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: 'pg@example.com',
            password: 'long password',
            displayName: 'PG',
            workspaceName: 'PG店',
          }),
        });
        expect(signUp.status).toBe(201);
        const listed = await run(['accounts', 'list', '--json'], e);
        expect(listed.code, listed.stderr).toBe(0);
        expect(JSON.parse(listed.stdout)).toEqual([]);
        web.child.kill('SIGTERM');
        worker.child.kill('SIGTERM');
        await waitFor(
          'both to stop',
          () => (web.child.exitCode !== null && worker.child.exitCode !== null ? true : undefined),
          20_000,
        );
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
      // Two processes start, migrate and stop: generous on a loaded CI machine.
    }, 300_000);
  },
);
