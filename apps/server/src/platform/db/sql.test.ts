import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../test/db';
import { pgArray, rowsOf } from './sql';

describe('pgArray', () => {
  it('round-trips quotes, backslashes, commas, braces, NULL and Chinese text through the database', async () => {
    const db = await createTestDatabase();
    try {
      const values = ['a"b', 'c\\d', 'e,f', '{g}', null, '发布失败：标题含"最"字', ''];
      const res = rowsOf(
        await db.database.db.execute(
          sql`SELECT v FROM unnest(${pgArray(values)}::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
        ),
      );
      expect(res.map((r) => r.v)).toEqual(values);
    } finally {
      await db.cleanup();
    }
  });
});
