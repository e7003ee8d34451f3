import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/db/client';
import { migrate } from '../platform/db/migrate';

export type TestDatabase = { database: Database; cleanup(): Promise<void> };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the TEST_DATABASE_URL server when the suite runs in its PostgreSQL project.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env.YUNCE_TEST_DB === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    const name = `yunce_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const database = openPostgres(u.toString(), 5);
    await migrate(database);
    return {
      database,
      async cleanup() {
        await database.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const database = await openPglite(undefined);
  await migrate(database);
  return { database, cleanup: () => database.close() };
}
