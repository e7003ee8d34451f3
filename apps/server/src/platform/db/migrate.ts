import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../migrations');

// Any fixed 64-bit number: every process that migrates takes this advisory lock first, so two
// servers booting at once against one PostgreSQL never run the same migration twice.
const MIGRATION_LOCK = 7_420_135_551;

/**
 * Applies pending migrations. The SQL files are Drizzle's; the bookkeeping table is our own
 * (`yunce_migrations`) so that the same code runs on PGlite and PostgreSQL under one lock.
 */
export async function migrate(database: Database): Promise<{ applied: string[] }> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_DIR });
  return database.withConnection(async (executeSql) => {
    const applied: string[] = [];
    await executeSql('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await executeSql(
        `CREATE TABLE IF NOT EXISTS yunce_migrations (
         hash text PRIMARY KEY,
         tag bigint NOT NULL,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
      );
      const done = new Set(
        (await executeSql('SELECT hash FROM yunce_migrations', [])).rows.map(
          (r) => (r as { hash: string }).hash,
        ),
      );
      for (const m of migrations) {
        if (done.has(m.hash)) continue;
        await executeSql('BEGIN');
        try {
          for (const statement of m.sql) {
            if (statement.trim()) await executeSql(statement);
          }
          await executeSql('INSERT INTO yunce_migrations (hash, tag) VALUES ($1, $2)', [
            m.hash,
            m.folderMillis,
          ]);
          await executeSql('COMMIT');
        } catch (err) {
          await executeSql('ROLLBACK');
          throw err;
        }
        applied.push(String(m.folderMillis));
      }
    } finally {
      await executeSql('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
    return { applied };
  });
}
