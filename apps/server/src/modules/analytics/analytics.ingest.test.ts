import { accounts } from '../accounts/accounts.tables';
import { workspaces } from '../workspaces/workspaces.tables';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { engagement, METRIC_KEYS, METRICS, postingHeatmap, type TNormalizedRow } from '@yunce/core';
import { createTestApp, signUp, type Agent, type TestApp } from '../../test/harness';
import { ingestRows, metricKeysIn, postTotalsOf } from './analytics.ingest';
import type { Tx } from '../../platform/db/client';
import { scheduledPost } from '../../test/factories';
import { publications } from '../publishing/publishing.tables';
import { contentItems } from '../content/content.tables';
import {
  accountMetrics,
  metricRollups,
  postMetrics,
  posts,
  WEIGHTED_KEYS,
} from './analytics.tables';

let t: TestApp;
let owner: Agent;

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t);
});
afterAll(async () => {
  await t.close();
});

async function newAccount(platform = 'douyin'): Promise<string> {
  const res = await owner.request({
    method: 'POST',
    url: `/api/v1/workspaces/${owner.workspaceId}/accounts`,
    payload: { platform, name: `号${Math.random().toString(36).slice(2, 7)}` },
  });
  return res.json<{ id: string }>().id;
}

/** An ingest of some rows into an account of a workspace, in the caller's transaction. */
function ingestIn(
  tx: Tx,
  workspaceId: string,
  accountId: string,
  rows: TNormalizedRow[],
  grain: 'content' | 'account' = 'content',
) {
  return ingestRows(tx, {
    workspaceId,
    accountId,
    grain,
    rows,
    source: 'test',
    importId: null,
    at: t.clock.now(),
  });
}

function ingest(accountId: string, grain: 'content' | 'account', rows: TNormalizedRow[]) {
  return t.db.database.db.transaction((tx) =>
    ingestIn(tx, owner.workspaceId, accountId, rows, grain),
  );
}

describe('ingesting metrics', () => {
  it('creates posts once and updates them on a re-import, matched by id, URL or title + time', async () => {
    const acc = await newAccount();
    const rows: TNormalizedRow[] = [
      {
        row: 2,
        externalId: 'v1',
        title: '拿铁教程',
        date: '2026-11-01',
        metrics: { views: 100, likes: 10 },
      },
      {
        row: 3,
        url: 'https://example.com/v2',
        title: '新品',
        date: '2026-11-02',
        metrics: { views: 50 },
      },
      {
        row: 4,
        title: '周末活动',
        publishedAt: new Date('2026-11-03T12:00:00Z'),
        date: '2026-11-03',
        metrics: { views: 30, completionRate: 0.5 },
      },
    ];
    expect(await ingest(acc, 'content', rows)).toEqual({ created: 3, updated: 0, skipped: 0 });
    const again = rows.map((r) => ({
      ...r,
      metrics: { ...r.metrics, views: (r.metrics.views ?? 0) * 2 },
    }));
    expect(await ingest(acc, 'content', again)).toEqual({ created: 0, updated: 3, skipped: 0 });
    const stored = await t.db.database.db.select().from(posts).where(eq(posts.accountId, acc));
    expect(stored).toHaveLength(3);
    const m = await t.db.database.db
      .select()
      .from(postMetrics)
      .where(eq(postMetrics.accountId, acc));
    expect(m.map((x) => x.views).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([60, 100, 200]);
    // A blank on re-import keeps the stored value.
    expect(m.find((x) => x.views === 200)?.likes).toBe(10);
  });

  it('gives a new post that recurs far down a big file one record, its later row for a repeated day, and exact totals', async () => {
    const acc = await newAccount();
    // 6,000 filler posts between the rows about 'far', more than any statement's chunk.
    const filler: TNormalizedRow[] = Array.from({ length: 6000 }, (_, i) => ({
      row: i + 3,
      externalId: `f${i}`,
      title: `填充 ${i}`,
      date: '2026-10-01',
      metrics: { views: 1 },
    }));
    const far = (row: number, date: string, views: number, title: string): TNormalizedRow => ({
      row,
      externalId: 'far',
      title,
      date,
      metrics: { views, completionRate: 0.5 },
    });
    const result = await ingest(acc, 'content', [
      far(2, '2026-10-01', 10, '旧标题'),
      ...filler,
      far(6003, '2026-10-02', 30, '旧标题'),
      far(6004, '2026-10-01', 20, '新标题'),
    ]);
    expect(result).toEqual({ created: 6002, updated: 0, skipped: 1 });
    const [post] = await t.db.database.db
      .select()
      .from(posts)
      .where(and(eq(posts.accountId, acc), eq(posts.externalId, 'far')));
    expect(post?.title).toBe('新标题');
    expect(post?.views).toBe(50);
    expect(post?.completionRate).toBeCloseTo(0.5);
    const days = await t.db.database.db
      .select({ date: postMetrics.date, views: postMetrics.views })
      .from(postMetrics)
      .where(eq(postMetrics.postId, post!.id));
    expect(days.sort((a, b) => a.date.localeCompare(b.date))).toEqual([
      { date: '2026-10-01', views: 20 },
      { date: '2026-10-02', views: 30 },
    ]);
    const [rollup] = await t.db.database.db
      .select({ views: metricRollups.views, posts: metricRollups.posts })
      .from(metricRollups)
      .where(and(eq(metricRollups.accountId, acc), eq(metricRollups.date, '2026-10-01')));
    expect(rollup).toEqual({ views: 6020, posts: 6001 });
  });

  it('rewrites a stored post only when its totals, title or time change', async () => {
    const acc = await newAccount();
    const db = t.db.database.db;
    const day = (views: number, title = '秋冬新品'): TNormalizedRow => ({
      row: 2,
      externalId: 'same-1',
      title,
      date: '2026-11-01',
      metrics: { views, completionRate: 0.4 },
    });
    const other: TNormalizedRow = { ...day(5), externalId: 'same-2', title: '另一条' };
    await ingest(acc, 'content', [day(100), other]);
    const stored = async () =>
      (await db.select().from(posts).where(eq(posts.accountId, acc))).sort((a, b) =>
        a.externalId! < b.externalId! ? -1 : 1,
      );
    const [first, second] = await stored();
    const created = first!.updatedAt.getTime();

    t.clock.advance(60_000);
    expect(await ingest(acc, 'content', [day(100), other])).toEqual({
      created: 0,
      updated: 2,
      skipped: 0,
    });
    let [a, b] = await stored();
    expect(a!.updatedAt.getTime()).toBe(created);
    expect(b!.updatedAt.getTime()).toBe(second!.updatedAt.getTime());

    t.clock.advance(60_000);
    await ingest(acc, 'content', [day(120), other]);
    [a, b] = await stored();
    expect(a).toMatchObject({ views: 120, updatedAt: t.clock.now() });
    expect(b!.updatedAt.getTime()).toBe(created);

    t.clock.advance(60_000);
    await ingest(acc, 'content', [day(120, '秋冬新品（改）'), other]);
    [a] = await stored();
    expect(a).toMatchObject({ title: '秋冬新品（改）', views: 120, updatedAt: t.clock.now() });
  });

  it('links an imported row to the post Yunce published, by its URL', async () => {
    const post = await scheduledPost(t.services, {
      email: `link-${Date.now()}@example.com`,
      title: '桂花拿铁上新',
      at: new Date(t.clock.now().getTime() + 3600_000),
    });
    await t.db.database.db
      .update(publications)
      .set({ status: 'published', url: 'https://weibo.com/1/abc', publishedAt: t.clock.now() })
      .where(eq(publications.id, post.publication.id));
    await t.db.database.db.transaction((tx) =>
      ingestIn(tx, post.member.workspaceId, post.accountId, [
        {
          row: 2,
          url: 'https://weibo.com/1/abc',
          title: '微博标题',
          date: '2026-11-01',
          metrics: { views: 10 },
        },
      ]),
    );
    const [linked] = await t.db.database.db
      .select()
      .from(posts)
      .where(eq(posts.accountId, post.accountId));
    expect(linked).toMatchObject({
      itemId: post.itemId,
      publicationId: post.publication.id,
      origin: 'yunce',
      format: 'article',
    });
  });

  it('computes the posting-time heatmap in SQL exactly as core does, across a DST change and in a +5:45 zone', async () => {
    const acc = await newAccount('xiaohongshu');
    let seed = 11;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const rows: TNormalizedRow[] = Array.from({ length: 60 }, (_, i) => {
      // Around the end of March, when Berlin moves to summer time.
      // Any minute: the SQL groups by UTC quarter hour first, Kathmandu is 5:45 ahead.
      const at = new Date(Date.UTC(2026, 2, 20) + Math.floor(rand() * 20 * 24 * 60) * 60_000);
      return {
        row: i + 2,
        externalId: `h${i}`,
        title: 't',
        publishedAt: at,
        date: at.toISOString().slice(0, 10),
        metrics: {
          views: 100 + Math.floor(rand() * 900),
          likes: Math.floor(rand() * 60),
          saves: Math.floor(rand() * 10),
        },
      };
    });
    await ingest(acc, 'content', rows);
    for (const zone of ['Europe/Berlin', 'Asia/Kathmandu']) {
      const got = await t.services.analytics.heatmapOf(
        {
          workspaceId: owner.workspaceId,
          from: '2026-03-01',
          to: '2026-04-30',
          accountIds: [acc],
          platform: null,
        },
        zone,
      );
      const expected = postingHeatmap(
        rows.map((r) => ({
          publishedAt: r.publishedAt ?? new Date(0),
          engagement: engagement(r.metrics, 'xiaohongshu').rate ?? 0,
          ...(r.metrics.views !== undefined ? { views: r.metrics.views } : {}),
        })),
        zone,
      );
      expect(got.totalPosts).toBe(60);
      for (const [w, row] of expected.cells.entries())
        for (const [h, cell] of row.entries()) {
          const mine = got.cells[w]?.[h];
          expect(mine?.count, `${zone} ${w} ${h}`).toBe(cell.count);
          if (cell.meanEngagement !== null)
            expect(mine?.meanEngagement).toBeCloseTo(cell.meanEngagement, 9);
        }
    }
  });

  it("prefers the account's own daily figure over the sum of its posts, per metric", async () => {
    const acc = await newAccount('wechat_oa');
    await ingest(acc, 'content', [
      {
        row: 2,
        externalId: 'a1',
        title: 'x',
        date: '2026-11-05',
        metrics: { views: 300, shares: 7 },
      },
      {
        row: 3,
        externalId: 'a2',
        title: 'y',
        date: '2026-11-05',
        metrics: { views: 200, shares: 3 },
      },
    ]);
    await ingest(acc, 'account', [
      { row: 2, date: '2026-11-05', channel: 'all', metrics: { views: 900 } },
      { row: 3, date: '2026-11-05', channel: '搜一搜', metrics: { views: 100 } },
    ]);
    const [r] = await t.db.database.db
      .select()
      .from(metricRollups)
      .where(eq(metricRollups.accountId, acc));
    expect(r?.views).toBe(900);
    expect(r?.shares).toBe(10);
    expect(r?.posts).toBe(2);
  });

  it('keeps rollups equal to the raw rows after random inserts and updates', async () => {
    const acc = await newAccount();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 6; round++) {
      const content: TNormalizedRow[] = Array.from({ length: 25 }, (_, i) => ({
        row: i + 2,
        externalId: `p${Math.floor(rand() * 40)}`,
        title: 't',
        date: `2026-10-${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}`,
        metrics: {
          views: Math.floor(rand() * 1000),
          likes: rand() < 0.3 ? undefined : Math.floor(rand() * 50),
          completionRate: rand() < 0.5 ? undefined : rand(),
        },
      }));
      await ingest(acc, 'content', content);
      const daily: TNormalizedRow[] = Array.from({ length: 4 }, (_, i) => ({
        row: i + 2,
        date: `2026-10-${String(1 + Math.floor(rand() * 9)).padStart(2, '0')}`,
        channel: rand() < 0.5 ? 'all' : '推荐',
        metrics: { followersGained: Math.floor(rand() * 20), followersTotal: 1000 + round * 10 },
      }));
      await ingest(acc, 'account', daily);
    }
    const db = t.db.database.db;
    const pm = await db.select().from(postMetrics).where(eq(postMetrics.accountId, acc));
    const am = await db.select().from(accountMetrics).where(eq(accountMetrics.accountId, acc));
    const ru = await db.select().from(metricRollups).where(eq(metricRollups.accountId, acc));
    const stored = await db.select().from(posts).where(eq(posts.accountId, acc));
    expect(stored.map((x) => x.id).sort()).toEqual([...new Set(pm.map((x) => x.postId))].sort());
    for (const post of stored) {
      // The totals an ingest keeps on the post equal the SQL aggregate over its stored days,
      // whether the post was created by that ingest or recomputed by a later one.
      const mine = pm.filter((x) => x.postId === post.id);
      const expected = postTotalsOf(
        mine.map((x) =>
          Object.fromEntries(METRIC_KEYS.flatMap((k) => (x[k] === null ? [] : [[k, x[k]]]))),
        ),
      );
      for (const k of METRIC_KEYS) {
        if (expected[k] === undefined) expect(post[k], `${post.id} ${k}`).toBeNull();
        else expect(post[k], `${post.id} ${k}`).toBeCloseTo(expected[k], 9);
      }
      const sum = (k: 'views' | 'likes') =>
        mine.some((x) => x[k] !== null) ? mine.reduce((a, x) => a + (x[k] ?? 0), 0) : null;
      expect(post.views).toBe(sum('views'));
      expect(post.likes).toBe(sum('likes'));
      const rated = mine.filter((x) => x.completionRate !== null);
      const withBase = rated.filter((x) => x.views !== null);
      const base = withBase.reduce((a, x) => a + (x.views ?? 0), 0);
      const rate =
        base > 0
          ? withBase.reduce((a, x) => a + (x.completionRate ?? 0) * (x.views ?? 0), 0) / base
          : rated.length > 0
            ? rated.reduce((a, x) => a + (x.completionRate ?? 0), 0) / rated.length
            : null;
      if (rate === null) expect(post.completionRate).toBeNull();
      else expect(post.completionRate).toBeCloseTo(rate, 9);
    }
    const days = [...new Set([...pm.map((x) => x.date), ...am.map((x) => x.date)])].sort();
    expect(ru.map((r) => r.date).sort()).toEqual(days);
    for (const day of days) {
      const roll = ru.find((r) => r.date === day);
      const ps = pm.filter((x) => x.date === day);
      const as = am.filter((x) => x.date === day);
      const own = as.some((a) => a.channel === 'all') ? as.filter((a) => a.channel === 'all') : as;
      expect(roll?.posts).toBe(ps.length);
      for (const k of METRIC_KEYS) {
        if ((WEIGHTED_KEYS as readonly string[]).includes(k)) continue;
        const ownVals = own.map((a) => a[k]).filter((v): v is number => v !== null);
        const postVals = ps.map((p) => p[k]).filter((v): v is number => v !== null);
        const agg = (vs: number[]) =>
          METRICS[k].kind === 'total' && own.length > 0
            ? Math.max(...vs)
            : vs.reduce((a, b) => a + b, 0);
        const expected =
          ownVals.length > 0 ? agg(ownVals) : postVals.length > 0 ? agg(postVals) : null;
        expect(roll?.[k] ?? null, `${day} ${k}`).toBe(expected);
      }
      const rated = ps.filter((p) => p.completionRate !== null && p.views !== null);
      const wb = rated.reduce((a, p) => a + (p.views ?? 0), 0);
      if (wb > 0) {
        const w = rated.reduce((a, p) => a + (p.completionRate ?? 0) * (p.views ?? 0), 0);
        expect(roll?.completionRate).toBeCloseTo(w / wb, 9);
      }
    }
  });
});

describe('references kept by triggers', () => {
  const sqlCode = async (run: () => Promise<unknown>): Promise<string | undefined> => {
    try {
      await run();
      return undefined;
    } catch (err) {
      // drizzle wraps the driver's error; its cause carries the SQLSTATE.
      const e = err as { code?: string; cause?: { code?: string } };
      return e.cause?.code ?? e.code;
    }
  };

  it('refuses metrics of a post that does not exist, or a post under another workspace', async () => {
    const acc = await newAccount();
    await ingest(acc, 'content', [
      { row: 2, externalId: 'r1', title: 't', date: '2026-11-01', metrics: { views: 1 } },
    ]);
    const db = t.db.database.db;
    const [post] = await db.select().from(posts).where(eq(posts.accountId, acc));
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      await sqlCode(() =>
        db.insert(postMetrics).values({
          workspaceId: owner.workspaceId,
          accountId: acc,
          postId: missing,
          date: '2026-11-02',
          source: 'test',
          importedAt: new Date(),
        }),
      ),
    ).toBe('23503');
    const other = await signUp(t, { email: 'other-ws@example.com' });
    expect(
      await sqlCode(() =>
        db.insert(posts).values({
          workspaceId: other.workspaceId,
          accountId: acc,
          title: 'x',
          origin: 'imported',
        }),
      ),
    ).toBe('23503');
    expect(
      await sqlCode(() =>
        db.update(postMetrics).set({ postId: missing }).where(eq(postMetrics.postId, post!.id)),
      ),
    ).toBe('23503');
    // Nothing was written by the refused statements.
    expect(await db.select().from(postMetrics).where(eq(postMetrics.accountId, acc))).toHaveLength(
      1,
    );
  });

  it('refuses to import into an account of another workspace, writing nothing', async () => {
    const acc = await newAccount();
    const other = await signUp(t, { email: 'import-other-ws@example.com' });
    const db = t.db.database.db;
    await expect(
      db.transaction((tx) =>
        ingestIn(tx, other.workspaceId, acc, [
          { row: 2, externalId: 'x1', title: 't', date: '2026-11-01', metrics: {} },
        ]),
      ),
    ).rejects.toThrow(/not an account of workspace/);
    expect(await db.select().from(posts).where(eq(posts.accountId, acc))).toHaveLength(0);
  });

  it("skips the checks only for an import's own writes, within its transaction", async () => {
    const acc = await newAccount();
    const db = t.db.database.db;
    const missing = '00000000-0000-4000-8000-000000000001';
    const orphan = (tx: Tx) =>
      tx.insert(postMetrics).values({
        workspaceId: owner.workspaceId,
        accountId: acc,
        postId: missing,
        date: '2026-11-02',
        source: 'test',
        importId: null,
        importedAt: new Date(),
      });
    // Checked again after the import's writes, in the same transaction.
    expect(
      await sqlCode(() =>
        db.transaction(async (tx) => {
          await ingestIn(tx, owner.workspaceId, acc, [
            { row: 2, externalId: 's1', title: 't', date: '2026-11-01', metrics: { views: 1 } },
          ]);
          await orphan(tx);
        }),
      ),
    ).toBe('23503');
    // The refused transaction wrote nothing, the import's rows included.
    expect(await db.select().from(posts).where(eq(posts.accountId, acc))).toHaveLength(0);
    // The setting is what the import relies on: with it, the check is skipped (rolled back here).
    const skipped = await sqlCode(() =>
      db.transaction(async (tx) => {
        await tx.execute(sql`SELECT set_config('yunce.references_checked', 'on', true)`);
        await orphan(tx);
        tx.rollback();
      }),
    );
    expect(skipped).toBeUndefined();
    expect(await db.select().from(postMetrics).where(eq(postMetrics.postId, missing))).toHaveLength(
      0,
    );
  });

  it("keeps a post's item and publication: refused when missing, even in an import's writes, and unlinked when deleted", async () => {
    const db = t.db.database.db;
    const post = await scheduledPost(t.services, {
      email: `unlink-${Date.now()}@example.com`,
      title: '会被删除的稿件',
      at: new Date(t.clock.now().getTime() + 3600_000),
    });
    await db
      .update(publications)
      .set({ status: 'published', url: 'https://weibo.com/1/gone', publishedAt: t.clock.now() })
      .where(eq(publications.id, post.publication.id));
    const row = { row: 2, url: 'https://weibo.com/1/gone', title: 't', date: '2026-11-01' };
    const importRow = (tx: Tx) =>
      ingestIn(tx, post.member.workspaceId, post.accountId, [{ ...row, metrics: { views: 3 } }]);
    await db.transaction(importRow);
    const mine = eq(posts.accountId, post.accountId);
    const [linked] = await db.select().from(posts).where(mine);
    expect(linked).toMatchObject({ itemId: post.itemId, publicationId: post.publication.id });

    const missing = '00000000-0000-4000-8000-000000000002';
    const stray = {
      workspaceId: post.member.workspaceId,
      accountId: post.accountId,
      title: 'x',
      origin: 'imported' as const,
    };
    expect(await sqlCode(() => db.insert(posts).values({ ...stray, itemId: missing }))).toBe(
      '23503',
    );
    expect(
      await sqlCode(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`SELECT set_config('yunce.references_checked', 'on', true)`);
          await tx.insert(posts).values({ ...stray, publicationId: missing });
        }),
      ),
    ).toBe('23503');
    expect(await sqlCode(() => db.update(posts).set({ publicationId: missing }).where(mine))).toBe(
      '23503',
    );

    await db.delete(publications).where(eq(publications.id, post.publication.id));
    expect((await db.select().from(posts).where(mine))[0]).toMatchObject({
      id: linked!.id,
      itemId: post.itemId,
      publicationId: null,
    });
    await db.delete(contentItems).where(eq(contentItems.id, post.itemId));
    expect((await db.select().from(posts).where(mine))[0]).toMatchObject({
      id: linked!.id,
      itemId: null,
      publicationId: null,
    });
    // The post stays, with its metrics, and a re-import still finds it by URL.
    expect(await db.transaction(importRow)).toEqual({ created: 0, updated: 1, skipped: 0 });
  });

  it('deletes posts and their metrics with their account and with their workspace', async () => {
    const db = t.db.database.db;
    const acc = await newAccount();
    await ingest(acc, 'content', [
      { row: 2, externalId: 'd1', title: 't', date: '2026-11-01', metrics: { views: 1 } },
      { row: 3, externalId: 'd1', title: 't', date: '2026-11-02', metrics: { views: 2 } },
    ]);
    expect(await db.select().from(postMetrics).where(eq(postMetrics.accountId, acc))).toHaveLength(
      2,
    );
    await db.delete(accounts).where(eq(accounts.id, acc));
    expect(await db.select().from(posts).where(eq(posts.accountId, acc))).toHaveLength(0);
    expect(await db.select().from(postMetrics).where(eq(postMetrics.accountId, acc))).toHaveLength(
      0,
    );

    const other = await signUp(t, { email: 'gone-ws@example.com' });
    const res = await other.request({
      method: 'POST',
      url: `/api/v1/workspaces/${other.workspaceId}/accounts`,
      payload: { platform: 'douyin', name: '将删除' },
    });
    const acc2 = res.json<{ id: string }>().id;
    await db.transaction((tx) =>
      ingestIn(tx, other.workspaceId, acc2, [
        { row: 2, externalId: 'w1', title: 't', date: '2026-11-01', metrics: { views: 5 } },
      ]),
    );
    await db.delete(workspaces).where(eq(workspaces.id, other.workspaceId));
    expect(await db.select().from(posts).where(eq(posts.accountId, acc2))).toHaveLength(0);
    expect(await db.select().from(postMetrics).where(eq(postMetrics.accountId, acc2))).toHaveLength(
      0,
    );
  });
});

describe('metricKeysIn', () => {
  it('lists the metrics any row carries, in the catalogue order, and none that is only blank', () => {
    expect(
      metricKeysIn([{ likes: 1 }, { views: 2, comments: undefined }, {}, { shares: 0, likes: 3 }]),
    ).toEqual(METRIC_KEYS.filter((k) => ['likes', 'views', 'shares'].includes(k)));
    expect(metricKeysIn([])).toEqual([]);
  });
});
