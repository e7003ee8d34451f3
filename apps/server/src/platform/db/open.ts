import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { openPglite, openPostgres, type Database } from './client';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { migrate } from './migrate';

export type OpenedDatabase = {
  database: Database;
  lock: DataDirLock | null;
  close(): Promise<void>;
};

/**
 * Opens the configured database and brings its schema up to date: PostgreSQL when DATABASE_URL
 * is set, otherwise the embedded PGlite in the data folder (taking the folder's lock first).
 */
export async function openConfiguredDatabase(config: Config): Promise<OpenedDatabase> {
  let lock: DataDirLock | null = null;
  let database: Database;
  if (config.databaseUrl) {
    database = openPostgres(config.databaseUrl);
  } else {
    lock = acquireDataDirLock(config.dataDir);
    try {
      const pgdata = path.join(config.dataDir, 'pgdata');
      fs.mkdirSync(pgdata, { recursive: true });
      database = await openPglite(pgdata);
    } catch (err) {
      lock.release();
      throw err;
    }
  }
  try {
    await migrate(database);
  } catch (err) {
    await database.close();
    lock?.release();
    throw err;
  }
  return {
    database,
    lock,
    async close() {
      await database.close();
      lock?.release();
    },
  };
}
