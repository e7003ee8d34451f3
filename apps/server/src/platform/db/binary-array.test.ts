import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { binaryArray } from './binary-array';
import { rowsOf } from './sql';

describe('binaryArray', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.cleanup();
  });

  /** What the server reads from the parameter, element by element, as text. */
  async function read(type: string, param: Buffer): Promise<(string | null)[]> {
    const rows = rowsOf(
      await db.database.db.execute(
        sql`SELECT x::text AS x FROM unnest(${param}::${sql.raw(type)}[]) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      ),
    );
    return rows.map((r) => (typeof r.x === 'string' ? r.x : null));
  }

  it('gives the server every float8 exactly, NULL for absent and non-finite numbers', async () => {
    const values = [
      0,
      -1.5,
      0.1 + 0.2,
      1e300,
      -0,
      123456789.125,
      null,
      undefined,
      Number.NaN,
      7,
      Number.POSITIVE_INFINITY,
      '8.25',
    ];
    const got = await read('float8', binaryArray('float8', values));
    expect(got.map((x) => (x === null ? null : Number(x)))).toEqual([
      0,
      -1.5,
      0.1 + 0.2,
      1e300,
      -0,
      123456789.125,
      null,
      null,
      null,
      7,
      null,
      8.25,
    ]);
  });

  it('gives text byte for byte: CJK, emoji, quotes, braces, backslashes, empty, "NULL"', async () => {
    const values = ['标题「最」', '😀 x', '"q"', '{a,b}', 'c\\d', '', 'NULL', 'tab\there', null];
    expect(await read('text', binaryArray('text', values))).toEqual(values);
  });

  it('gives uuids in either case, and refuses anything else naming the type', async () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    expect(await read('uuid', binaryArray('uuid', [id, id.toUpperCase(), null]))).toEqual([
      id,
      id,
      null,
    ]);
    for (const bad of ['NULL', 'not-a-uuid', `${id},${id}`, `{${id}}`, `${id} `])
      expect(() => binaryArray('uuid', [bad]), bad).toThrow(/uuid/);
  });

  it('gives dates around the 2000 epoch and leap days, and refuses days that do not exist', async () => {
    const values = ['1999-12-31', '2000-01-01', '2024-02-29', '2026-12-05', '1970-01-01', null];
    expect(await read('date', binaryArray('date', values))).toEqual(values);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-01', '20260101', 'NULL'])
      expect(() => binaryArray('date', [bad]), bad).toThrow(/date/);
  });

  it('gives timestamps to the millisecond, from ISO strings or Dates', async () => {
    const values = [
      '2026-12-05T08:00:00.123Z',
      new Date(Date.UTC(1999, 11, 31, 23, 59, 59, 999)),
      null,
      // The epoch itself, and instants whose microseconds need all 64 bits (beyond 2^53).
      '2000-01-01T00:00:00.000Z',
      '1970-01-01T00:00:00.001Z',
      '9999-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00.001Z',
    ];
    const rows = rowsOf(
      await db.database.db.execute(
        sql`SELECT to_char(x AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') AS iso FROM unnest(${binaryArray('timestamptz', values)}::timestamptz[]) WITH ORDINALITY AS u(x, n) ORDER BY n`,
      ),
    );
    expect(rows.map((r) => r.iso)).toEqual(
      // To the microsecond: nothing rounded on the way.
      values.map((v) =>
        v === null ? null : (v instanceof Date ? v.toISOString() : v).replace('Z', '000'),
      ),
    );
    expect(() => binaryArray('timestamptz', ['yesterday'])).toThrow(/timestamptz/);
  });

  it('takes a range of the values, numbers written as strings, and refuses what is not a number', async () => {
    expect(await read('float8', binaryArray('float8', [1, '2.5', 3, 4], 1, 3))).toEqual([
      '2.5',
      '3',
    ]);
    expect(await read('text', binaryArray('text', ['a', 'b', 'c'], 2))).toEqual(['c']);
    expect(() => binaryArray('float8', ['x'])).toThrow(/float8/);
  });

  it('writes an empty array the server reads as empty', async () => {
    expect(await read('text', binaryArray('text', []))).toEqual([]);
  });

  it('is refused by the server when the SQL names another element type', async () => {
    await expect(
      db.database.db.execute(sql`SELECT unnest(${binaryArray('float8', [1])}::text[])`),
    ).rejects.toThrow();
  });
});
