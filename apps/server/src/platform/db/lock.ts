import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the process holding the embedded database writes into its lock file. */
export type LockInfo = {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Set once the server listens, so the CLI can talk to it instead of the database. */
  port?: number;
  /** A secret the CLI presents to the server's local-only endpoints; the file is mode 0600. */
  localToken?: string;
};

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo,
  ) {
    super(
      `The data folder ${path.dirname(lockPath)} is in use by another Yunce process ` +
        `(pid ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}). ` +
        `The embedded database can only be opened by one process at a time: stop that process ` +
        `first, use another YUNCE_DATA_DIR, or run several processes on PostgreSQL (DATABASE_URL).`,
    );
    this.name = 'DataDirLockedError';
  }
}

export function lockPathFor(dataDir: string): string {
  return path.join(dataDir, 'yunce.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM means it exists but belongs to someone else: still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the lock file; undefined when there is none or its holder is gone. */
export function readLiveLock(dataDir: string): LockInfo | undefined {
  const lockPath = lockPathFor(dataDir);
  let info: LockInfo;
  try {
    info = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
  if (info.hostname === os.hostname() && !isAlive(info.pid)) return undefined;
  return info;
}

export type DataDirLock = {
  info: LockInfo;
  update(patch: Partial<LockInfo>): void;
  release(): void;
};

/**
 * Takes the data folder for this process. PGlite has no lock of its own and two processes on one
 * folder silently lose writes, so a second process is refused with a clear message.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = lockPathFor(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          const current = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return {
        info,
        update(patch) {
          Object.assign(info, patch);
          fs.writeFileSync(lockPath, JSON.stringify(info), { mode: 0o600 });
        },
        release,
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readLiveLock(dataDir);
      if (holder) throw new DataDirLockedError(lockPath, holder);
      // The holder died without cleaning up: the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
