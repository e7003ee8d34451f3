import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, lockPathFor, readLiveLock } from './lock';

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'yunce-lock-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('refuses a second holder with a message that says what to do', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by another Yunce process.*DATABASE_URL/s);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    // A pid that cannot be alive: above the kernel's maximum.
    fs.writeFileSync(
      lockPathFor(dir),
      JSON.stringify({ pid: 2 ** 22 + 7, hostname: os.hostname(), startedAt: 'then' }),
    );
    expect(readLiveLock(dir)).toBeUndefined();
    const lock = acquireDataDirLock(dir);
    expect(lock.info.pid).toBe(process.pid);
    lock.release();
  });

  it('publishes the port and local secret for the CLI, readable only by its owner', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    lock.update({ port: 3123, localToken: 'secret' });
    expect(readLiveLock(dir)).toMatchObject({ port: 3123, localToken: 'secret', pid: process.pid });
    expect(fs.statSync(lockPathFor(dir)).mode & 0o077).toBe(0);
    lock.release();
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
