import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { bulkInsert, usesCopy } from './bulk';
import { rowsOf } from './sql';

describe('bulkInsert', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await db.database.executeSql(
      `CREATE TABLE bulk_probe (i float8 NOT NULL, t text, u uuid, d date, at timestamptz, k text NOT NULL);
       CREATE TABLE bulk_seen (statements int NOT NULL, rows int NOT NULL);
       CREATE FUNCTION bulk_probe_seen() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN INSERT INTO bulk_seen SELECT 1, count(*) FROM new_rows; RETURN NULL; END $$;
       CREATE TRIGGER bulk_probe_seen AFTER INSERT ON bulk_probe REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION bulk_probe_seen();`,
    );
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it('writes every value back exactly, specials and NULLs included, over several statements', async () => {
    const n = 12_345;
    const texts = ['a\tb', 'c\nd', 'e\\f', '\\N', '{g,h}', '"q"', '发布失败：含「最」字', '', null];
    const rows = Array.from({ length: n }, (_, i) => i);
    await db.database.db.transaction((tx) =>
      bulkInsert(
        tx,
        'bulk_probe',
        [
          { name: 'i', type: 'float8', values: rows.map((i) => i + 0.25) },
          { name: 't', type: 'text', values: rows.map((i) => texts[i % texts.length]) },
          {
            name: 'u',
            type: 'uuid',
            values: rows.map((i) =>
              i % 7 === 0 ? null : `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
            ),
          },
          {
            name: 'd',
            type: 'date',
            values: rows.map((i) => (i % 5 === 0 ? undefined : '2026-02-28')),
          },
          { name: 'at', type: 'timestamptz', value: '2026-12-05T08:00:00.000Z' },
          { name: 'k', type: 'text', value: 'con\tstant' },
        ],
        n,
      ),
    );
    const got = rowsOf(
      await db.database.db.execute(
        sql`SELECT i, t, u::text AS u, d::text AS d, extract(epoch FROM at)::float8 AS at, k FROM bulk_probe ORDER BY i`,
      ),
    );
    expect(got).toHaveLength(n);
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 8, 5000, 5001, 9999, n - 1]) {
      expect(got[i]).toEqual({
        i: i + 0.25,
        t: texts[i % texts.length],
        u: i % 7 === 0 ? null : `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
        d: i % 5 === 0 ? null : '2026-02-28',
        at: Date.UTC(2026, 11, 5, 8) / 1000,
        k: 'con\tstant',
      });
    }
    // Statement-level triggers saw every row: once for COPY, once per chunk for unnest.
    const [seen] = rowsOf(
      await db.database.db.execute(
        sql`SELECT sum(statements)::int AS s, sum(rows)::int AS r FROM bulk_seen`,
      ),
    );
    expect(seen).toEqual({ s: db.database.kind === 'postgres' ? 1 : 3, r: n });
  });

  it('uses COPY on the PostgreSQL transaction it is given, and unnest on PGlite', async () => {
    const inTransaction = await db.database.db.transaction((tx) => Promise.resolve(usesCopy(tx)));
    expect(inTransaction).toBe(db.database.kind === 'postgres');
    // Outside a transaction there is no one connection to COPY on.
    expect(usesCopy(db.database.db)).toBe(false);
  });

  it('writes nothing when a row is refused, and says which column', async () => {
    const before = rowsOf(
      await db.database.db.execute(sql`SELECT count(*)::int AS n FROM bulk_probe`),
    )[0];
    await expect(
      db.database.db.transaction((tx) =>
        bulkInsert(
          tx,
          'bulk_probe',
          [
            { name: 'i', type: 'float8', values: [1, 2, 3] },
            { name: 'u', type: 'uuid', values: [null, 'not-a-uuid', null] },
            { name: 'k', type: 'text', value: 'x' },
          ],
          3,
        ),
      ),
    ).rejects.toThrow(/uuid/);
    expect(
      rowsOf(await db.database.db.execute(sql`SELECT count(*)::int AS n FROM bulk_probe`))[0],
    ).toEqual(before);
  });

  it('never reads a uuid value as NULL or as two values', async () => {
    const id = '00000000-0000-7000-8000-000000000001';
    for (const bad of ['NULL', 'null', `${id},${id}`, `"${id}"`, `${id}\\`, `${id} `]) {
      await expect(
        db.database.db.transaction((tx) =>
          bulkInsert(
            tx,
            'bulk_probe',
            [
              { name: 'i', type: 'float8', values: [1, 2] },
              { name: 'u', type: 'uuid', values: [id, bad] },
              { name: 'k', type: 'text', value: 'x' },
            ],
            2,
          ),
        ),
        bad,
      ).rejects.toThrow();
    }
  });

  it('writes columns that are the same on every row, and a single row, as given', async () => {
    await db.database.executeSql('DELETE FROM bulk_probe', []);
    const n = 7_001;
    const rows = Array.from({ length: n }, (_, i) => i);
    await db.database.db.transaction(async (tx) => {
      await bulkInsert(
        tx,
        'bulk_probe',
        [
          { name: 'i', type: 'float8', values: rows },
          { name: 't', type: 'text', values: rows.map(() => 'imported') },
          { name: 'u', type: 'uuid', values: rows.map(() => null) },
          { name: 'd', type: 'date', values: rows.map((i) => (i === n - 1 ? '2026-03-01' : null)) },
          { name: 'k', type: 'text', values: rows.map((i) => (i < 5000 ? 'a' : 'b')) },
        ],
        n,
      );
      // Every column the same: one stays an array and gives the row count.
      await bulkInsert(
        tx,
        'bulk_probe',
        [
          { name: 'i', type: 'float8', values: [-1] },
          { name: 'k', type: 'text', values: ['one'] },
        ],
        1,
      );
    });
    const got = rowsOf(
      await db.database.db.execute(
        sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE t = 'imported')::int AS t,
              count(u)::int AS u, count(d)::int AS d, max(d)::text AS last,
              count(*) FILTER (WHERE k = 'a')::int AS a, count(*) FILTER (WHERE k = 'b')::int AS b,
              count(*) FILTER (WHERE i = -1 AND k = 'one' AND t IS NULL)::int AS single
            FROM bulk_probe`,
      ),
    )[0];
    expect(got).toEqual({
      n: n + 1,
      t: n,
      u: 0,
      d: 1,
      last: '2026-03-01',
      a: 5000,
      b: 2001,
      single: 1,
    });
  });

  it('refuses a column whose length is not the row count, and identifiers it would have to quote', async () => {
    await expect(
      db.database.db.transaction((tx) =>
        bulkInsert(tx, 'bulk_probe', [{ name: 'i', type: 'float8', values: [1] }], 2),
      ),
    ).rejects.toThrow(/column i has 1 values, not 2/);
    await expect(
      db.database.db.transaction((tx) =>
        bulkInsert(tx, 'bulk_probe; drop', [{ name: 'i', type: 'float8', values: [1] }], 1),
      ),
    ).rejects.toThrow(/bad identifier/);
  });
});
