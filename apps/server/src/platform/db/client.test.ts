import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from './client';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunce-pglite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('openPglite', () => {
  it('starts with its own settings and keeps the ones PGlite needs', async () => {
    const db = await openPglite(dir);
    try {
      const show = async (name: string): Promise<unknown> =>
        Object.values((await db.executeSql(`SHOW ${name}`)).rows[0] as Record<string, unknown>)[0];
      expect(await show('wal_init_zero')).toBe('off');
      // PGlite's defaults: one backend without fsync, no parallel workers.
      expect(await show('fsync')).toBe('off');
      expect(await show('max_parallel_workers')).toBe('0');
      await db.executeSql('CREATE TABLE t (n int)');
      await db.executeSql('INSERT INTO t VALUES ($1)', [1]);
    } finally {
      await db.close();
    }
    // The data folder opens again with what was written.
    const again = await openPglite(dir);
    try {
      expect((await again.executeSql('SELECT n FROM t')).rows).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  });
});
