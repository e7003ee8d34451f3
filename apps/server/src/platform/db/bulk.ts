/**
 * Writing many new rows into one table inside a transaction, the fastest way each driver has:
 * binary `COPY … FROM STDIN` on PostgreSQL (streamed, so the rows are encoded while the server
 * writes the earlier ones) and `INSERT … SELECT FROM unnest(…)` of binary array parameters in
 * statements of CHUNK rows on PGlite, whose COPY from a blob measured slower than unnest. Both
 * fire the tables' statement-level triggers once per statement, with every row in the
 * transition table.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from './client';
import { binaryArray, BinaryWriter, type BinaryArrayType } from './binary-array';

/** Column types bulkInsert writes (what the values are cast to). */
export type BulkType = BinaryArrayType;

/** A column of the rows: one value per row, or the same value for every row. */
export type BulkColumn =
  | {
      name: string;
      type: BulkType;
      values: readonly (string | number | Date | null | undefined)[];
    }
  | { name: string; type: BulkType; value: string | null };

/** Rows per unnest statement on PGlite (arrays of a sane size). */
const CHUNK = 5000;
/** Rows per piece of COPY data handed to the socket. */
const COPY_BATCH = 2000;

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`bulkInsert: bad identifier ${name}`);
  return `"${name}"`;
}

/** The node-postgres client a drizzle transaction runs on, or null (PGlite, or not a transaction). */
function pgClientOf(tx: DbOrTx): pg.Client | null {
  // drizzle keeps a transaction's session (and the pool client it checked out) on `session`;
  // bulk.test.ts checks this still holds so that a drizzle upgrade cannot silently move it.
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}

/** Whether bulkInsert on `tx` streams with COPY (a PostgreSQL transaction) or sends unnest. */
export function usesCopy(tx: DbOrTx): boolean {
  return pgClientOf(tx) !== null;
}

/**
 * Inserts `rowCount` rows into `table` (no conflict handling: the caller knows they are new).
 * Must run inside a transaction on PostgreSQL, since COPY uses the transaction's connection.
 */
export async function bulkInsert(
  tx: DbOrTx,
  table: string,
  columns: readonly BulkColumn[],
  rowCount: number,
): Promise<void> {
  if (rowCount === 0) return;
  for (const c of columns)
    if ('values' in c && c.values.length !== rowCount)
      throw new Error(
        `bulkInsert: column ${c.name} has ${c.values.length} values, not ${rowCount}`,
      );
  const client = pgClientOf(tx);
  if (client) await copyRows(client, table, columns, rowCount);
  else await unnestRows(tx, table, columns, rowCount);
}

/** Binary COPY's file header: signature, no flags, no header extension. */
const COPY_HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);

async function copyRows(
  client: pg.Client,
  table: string,
  columns: readonly BulkColumn[],
  rowCount: number,
): Promise<void> {
  const names = columns.map((c) => ident(c.name)).join(', ');
  // Binary, so the server copies each field where text COPY would parse it (timestamps and dates
  // through the date/time parser, numbers through strtod).
  const stream = client.query(
    copyFrom(`COPY ${ident(table)} (${names}) FROM STDIN WITH (FORMAT binary)`),
  );
  // A column that is the same on every row is encoded once.
  const fixed = columns.map((c) => {
    if ('values' in c) return null;
    const w = new BinaryWriter(64);
    w.value(c.type, c.value);
    return Buffer.from(w.result());
  });
  function* chunks() {
    yield COPY_HEADER;
    for (let start = 0; start < rowCount; start += COPY_BATCH) {
      const w = new BinaryWriter(1 << 18);
      const end = Math.min(rowCount, start + COPY_BATCH);
      for (let i = start; i < end; i++) {
        w.int16(columns.length);
        for (let j = 0; j < columns.length; j++) {
          const c = columns[j]!;
          const f = fixed[j];
          if (f) w.raw(f);
          else if ('values' in c) w.value(c.type, c.values[i]);
        }
      }
      if (end === rowCount) w.int16(-1);
      yield w.result();
    }
  }
  await pipeline(Readable.from(chunks()), stream);
}

async function unnestRows(
  tx: DbOrTx,
  table: string,
  given: readonly BulkColumn[],
  rowCount: number,
): Promise<void> {
  const columns = sentOnce(given);
  const names = sql.raw(columns.map((c) => ident(c.name)).join(', '));
  const varying = columns.filter((c) => 'values' in c);
  if (varying.length === 0) throw new Error('bulkInsert: no column varies by row');
  const aliases = sql.raw(varying.map((_, i) => `c${i}`).join(', '));
  let pending: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < rowCount; start += CHUNK) {
    const end = Math.min(rowCount, start + CHUNK);
    let v = 0;
    const select: SQL[] = columns.map((c) =>
      'values' in c ? sql.raw(`v.c${v++}`) : sql`${c.value}::${sql.raw(c.type)}`,
    );
    const arrays = varying.map((c) => {
      const part = binaryArray(c.type, c.values, start, end);
      return sql`${part}::${sql.raw(c.type)}[]`;
    });
    const statement = sql`INSERT INTO ${sql.raw(ident(table))} (${names})
      SELECT ${sql.join(select, sql`, `)} FROM unnest(${sql.join(arrays, sql`, `)}) AS v(${aliases})`;
    // Built while the previous statement runs; one statement in flight at a time.
    await pending;
    pending = Promise.resolve(tx.execute(statement));
    pending.catch(() => undefined);
  }
  await pending;
}

/**
 * The columns with each that is NULL on every row, or the same text (an import's absent URLs, its
 * one origin), as one value: an array element costs PGlite about 1 µs to read. One array stays,
 * since unnest's arrays give the row count.
 */
function sentOnce(columns: readonly BulkColumn[]): readonly BulkColumn[] {
  const out = columns.map((c) => {
    if (!('values' in c)) return c;
    const first = c.values[0] ?? null;
    if (first !== null && (c.type !== 'text' || typeof first !== 'string')) return c;
    for (let i = 1; i < c.values.length; i++) if ((c.values[i] ?? null) !== first) return c;
    return { name: c.name, type: c.type, value: first };
  });
  if (out.some((c) => 'values' in c)) return out;
  const keep = columns.findIndex((c) => 'values' in c);
  return out.map((c, i) => (i === keep ? columns[i]! : c));
}
