import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories take either, so a service can run several of them in one transaction. */
export type DbOrTx = Db | Tx;

/** Runs raw SQL with positional parameters; pg-boss and health checks use it. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  executeSql: ExecuteSql;
  /** Runs `fn` on one dedicated connection (session-level locks and BEGIN/COMMIT need one). */
  withConnection<T>(fn: (exec: ExecuteSql) => Promise<T>): Promise<T>;
  /** Present on PostgreSQL, where pg-boss opens its own pool. */
  connectionString?: string;
  close(): Promise<void>;
};

/**
 * Server settings PGlite starts with besides its own. A new 16 MB WAL segment is not filled with
 * zeros first (`wal_init_zero`): that only reserves disk space ahead, and on PGlite, whose one
 * thread does all the writing, it was a third of the bytes a 100,000-row import wrote.
 */
const PGLITE_SETTINGS: readonly string[] = ['-c', 'wal_init_zero=off'];

/** Opens the embedded database in `dataDir` (in memory when undefined). */
export async function openPglite(
  dataDir: string | undefined,
  loadDataDir?: Blob,
): Promise<Database> {
  const client = await PGlite.create(dataDir, {
    startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS],
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  const executeSql: ExecuteSql = async (text, values) => {
    // pg-boss sends multi-statement scripts without parameters; only exec() accepts those.
    if (!values || values.length === 0) {
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    }
    const r = await client.query(text, values);
    return { rows: r.rows };
  };
  return {
    kind: 'pglite',
    db,
    executeSql,
    // PGlite has exactly one connection.
    withConnection: (fn) => fn(executeSql),
    close: () => client.close(),
  };
}

/** Connects to a PostgreSQL server. */
export function openPostgres(connectionString: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString, max });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', (err) => console.error('PostgreSQL pool error:', err.message));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    connectionString,
    executeSql: async (text, values) => {
      const r = await pool.query(text, values);
      return { rows: r.rows as unknown[] };
    },
    withConnection: async (fn) => {
      const conn = await pool.connect();
      try {
        return await fn(async (text, values) => {
          const r = await conn.query(text, values);
          return { rows: r.rows as unknown[] };
        });
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
