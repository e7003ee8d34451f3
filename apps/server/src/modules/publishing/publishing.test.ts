import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TContentItem, TPublication, TToday } from '@yunce/contracts';
import { addMember, createTestApp, signUp, type Agent, type TestApp } from '../../test/harness';
import { createFakeConnectors } from '../../test/fake-connectors';
import { createServices } from '../../services';
import { ConnectorError } from './connectors/types';
import { MAX_ATTEMPTS, STUCK_AFTER_MS } from './publishing.service';
import { publications } from './publishing.tables';
import { eq } from 'drizzle-orm';
import { createSecretBox } from '../../platform/secret-box';
import { randomBytes } from 'node:crypto';

const fake = createFakeConnectors();
let t: TestApp;
let owner: Agent;
let lead: Agent;

beforeAll(async () => {
  // Long sessions: these tests move the clock by hours and days.
  t = await createTestApp(
    { sessionIdleMs: 400 * 86_400_000, sessionMaxMs: 400 * 86_400_000 },
    { connectors: fake.registry },
  );
  owner = await signUp(t);
  lead = await addMember(t, owner, 'lead');
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  fake.setDefault(() =>
    Promise.resolve({ kind: 'published', externalId: 'ext-1', url: 'https://example.com/p/1' }),
  );
});

const w = (agent: Agent, s: string) => `/api/v1/workspaces/${agent.workspaceId}${s}`;

async function account(agent: Agent, platform = 'weibo', name = '微博号'): Promise<string> {
  const res = await agent.request({
    method: 'POST',
    url: w(agent, '/accounts'),
    payload: { platform, name },
  });
  return res.json<{ id: string }>().id;
}

/** An approved item with variants on the given accounts. */
async function approvedItem(
  agent: Agent,
  approver: Agent,
  accountIds: string[],
  title = '上新通知',
): Promise<TContentItem> {
  const created = await agent.request({
    method: 'POST',
    url: w(agent, '/content'),
    payload: {
      title,
      body: '本周新品：桂花拿铁，欢迎到店品尝。',
      format: 'article',
      variants: accountIds.map((accountId) => ({ accountId })),
    },
  });
  const item = created.json<TContentItem>();
  await agent.request({ method: 'POST', url: w(agent, `/content/${item.id}/submit`), payload: {} });
  const ok = await approver.request({
    method: 'POST',
    url: w(agent, `/content/${item.id}/decisions`),
    payload: { decision: 'approve' },
  });
  if (ok.statusCode !== 200) throw new Error(ok.body);
  return ok.json<TContentItem>();
}

async function schedule(
  agent: Agent,
  itemId: string,
  targets: { accountId: string; at?: string; local?: string }[],
) {
  return agent.request({
    method: 'POST',
    url: w(agent, `/content/${itemId}/schedule`),
    payload: { targets },
  });
}

const inMinutes = (m: number) => new Date(t.clock.now().getTime() + m * 60_000).toISOString();

describe('scheduling', () => {
  it('schedules each account at its own time, shown in the workspace zone, and publishes when due', async () => {
    const a = await account(owner);
    const b = await account(owner, 'douyin', '抖音号');
    const item = await approvedItem(owner, lead, [a, b]);
    const res = await schedule(owner, item.id, [
      { accountId: a, at: inMinutes(10) },
      { accountId: b, local: '2026-11-22T18:30' },
    ]);
    expect(res.statusCode).toBe(200);
    const pubs = res.json<{ publications: TPublication[] }>().publications;
    const scheduledItem = (
      await owner.request({ method: 'GET', url: w(owner, `/content/${item.id}`) })
    ).json<TContentItem>();
    // The calendar shows the item at its first scheduled time.
    expect(scheduledItem).toMatchObject({ status: 'scheduled', plannedAt: inMinutes(10) });
    expect(pubs.find((p) => p.accountId === b)).toMatchObject({
      scheduledAt: '2026-11-22T10:30:00.000Z',
      scheduledLocal: '2026-11-22 18:30',
      timeZone: 'Asia/Shanghai',
      status: 'scheduled',
    });
    // Not yet due: nothing happens.
    expect(await t.services.publishing.runOne(pubs[0]!.id)).toBe('skipped');
    t.clock.advance(11 * 60_000);
    expect(await t.services.publishing.runOne(pubs.find((p) => p.accountId === a)!.id)).toBe('ran');
    const after = (
      await owner.request({ method: 'GET', url: w(owner, `/content/${item.id}/publications`) })
    ).json<{ publications: TPublication[] }>().publications;
    const pa = after.find((p) => p.accountId === a)!;
    expect(pa).toMatchObject({ status: 'published', url: 'https://example.com/p/1', attempts: 1 });
    expect(pa.history).toEqual([expect.objectContaining({ result: 'published' })]);
  });

  it('refuses unapproved items, past times, archived and disconnected accounts, saving nothing', async () => {
    const a = await account(owner);
    const draft = (
      await owner.request({
        method: 'POST',
        url: w(owner, '/content'),
        payload: { title: '草稿', body: '内容', format: 'article', variants: [{ accountId: a }] },
      })
    ).json<TContentItem>();
    expect((await schedule(owner, draft.id, [{ accountId: a, at: inMinutes(5) }])).statusCode).toBe(
      409,
    );
    const item = await approvedItem(owner, lead, [a]);
    const past = await schedule(owner, item.id, [{ accountId: a, at: inMinutes(-30) }]);
    expect(past.statusCode).toBe(400);
    expect(past.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'targets.0',
    );
    const both = await schedule(owner, item.id, [
      { accountId: a, at: inMinutes(5), local: '2026-11-23T09:00' },
    ]);
    expect(both.statusCode).toBe(400);
    await owner.request({ method: 'POST', url: w(owner, `/accounts/${a}/archive`) });
    expect((await schedule(owner, item.id, [{ accountId: a, at: inMinutes(5) }])).statusCode).toBe(
      400,
    );
    const list = (
      await owner.request({ method: 'GET', url: w(owner, `/content/${item.id}/publications`) })
    ).json<{ publications: unknown[] }>();
    expect(list.publications).toEqual([]);
  });

  it('converts wall-clock times in a DST zone correctly on both sides of the change', async () => {
    const o = await signUp(t);
    await o.request({ method: 'PATCH', url: w(o, ''), payload: { timeZone: 'Europe/Berlin' } });
    const l = await addMember(t, o, 'lead');
    const a = await account(o);
    const b = await account(o, 'douyin', 'b');
    const item = await approvedItem(o, l, [a, b]);
    const res = await schedule(o, item.id, [
      { accountId: a, local: '2027-03-27T09:00' },
      { accountId: b, local: '2027-03-28T09:00' },
    ]);
    const pubs = res.json<{ publications: TPublication[] }>().publications;
    expect(pubs.map((p) => p.scheduledAt).sort()).toEqual([
      '2027-03-27T08:00:00.000Z',
      '2027-03-28T07:00:00.000Z',
    ]);
    expect(pubs.map((p) => p.scheduledLocal).sort()).toEqual([
      '2027-03-27 09:00',
      '2027-03-28 09:00',
    ]);
  });
});

describe('recommended slot', () => {
  it("suggests the platform's peak on a fresh account, then respects what is already scheduled", async () => {
    const a = await account(owner, 'douyin', '抖音号');
    await owner.request({
      method: 'PATCH',
      url: w(owner, `/accounts/${a}`),
      payload: { postingPlan: { postsPerWeek: 7 } },
    });
    const first = await owner.request({
      method: 'GET',
      url: w(owner, `/accounts/${a}/recommended-slot`),
    });
    expect(first.statusCode).toBe(200);
    const view = first.json<{
      timeZone: string;
      slot: { local: string; at: string; basis: string; reason: string };
    }>();
    expect(view.timeZone).toBe('Asia/Shanghai');
    expect(view.slot.basis).toBe('platform_default');
    expect(view.slot.reason).toContain('历史数据');
    expect(new Date(view.slot.at).getTime()).toBeGreaterThan(t.clock.now().getTime());

    // Take that slot; the next suggestion is another day (7 a week = one a day).
    const item = await approvedItem(owner, lead, [a]);
    const res = await schedule(owner, item.id, [{ accountId: a, at: view.slot.at }]);
    expect(res.statusCode).toBe(200);
    const next = await owner.request({
      method: 'GET',
      url: w(owner, `/accounts/${a}/recommended-slot`),
    });
    const nextSlot = next.json<{ slot: { local: string } }>().slot;
    expect(nextSlot.local.slice(0, 10)).not.toBe(view.slot.local.slice(0, 10));
  });

  it('answers 404 for an account of another workspace', async () => {
    const other = await signUp(t);
    const theirs = await account(other);
    const res = await owner.request({
      method: 'GET',
      url: w(owner, `/accounts/${theirs}/recommended-slot`),
    });
    expect(res.statusCode).toBe(404);
  });
});

describe('connections', () => {
  it('refuses a webhook to a private address naming the field, and never returns secrets', async () => {
    const a = await account(owner);
    const bad = await owner.request({
      method: 'PUT',
      url: w(owner, `/accounts/${a}/connection`),
      payload: { type: 'webhook', settings: { url: 'http://169.254.169.254/latest' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'settings.url',
    );
    const ok = await owner.request({
      method: 'PUT',
      url: w(owner, `/accounts/${a}/connection`),
      payload: { type: 'webhook', settings: { url: 'https://93.184.216.34/hook' } },
    });
    expect(ok.statusCode).toBe(200);
    const generated = ok.json<{ generatedSecret?: string; secretKeys: string[] }>();
    expect(generated.secretKeys).toEqual(['signingSecret']);
    expect(generated.generatedSecret?.length).toBeGreaterThan(20);
    const read = await owner.request({ method: 'GET', url: w(owner, `/accounts/${a}/connection`) });
    expect(read.body).not.toContain(generated.generatedSecret ?? 'x');
    const operatorless = await addMember(t, owner, 'analyst');
    expect(
      (
        await operatorless.request({
          method: 'PUT',
          url: w(owner, `/accounts/${a}/connection`),
          payload: { type: 'manual' },
        })
      ).statusCode,
    ).toBe(403);
    const wrongPlatform = await owner.request({
      method: 'PUT',
      url: w(owner, `/accounts/${a}/connection`),
      payload: {
        type: 'wechat-official-account',
        settings: { appId: 'wx1' },
        secrets: { appSecret: 'x' },
      },
    });
    expect(wrongPlatform.statusCode).toBe(400);
  });
});

describe('the scheduler', () => {
  it('publishes each variant exactly once with two workers competing', async () => {
    const a = await account(owner);
    const ids: string[] = [];
    for (let i = 0; i < 15; i++) {
      const item = await approvedItem(owner, lead, [a], `并发 ${i}`);
      const res = await schedule(owner, item.id, [{ accountId: a, at: inMinutes(1) }]);
      ids.push(res.json<{ publications: TPublication[] }>().publications[0]!.id);
    }
    t.clock.advance(2 * 60_000);
    const before = fake.calls.length;
    // A second, independent set of services on the same database: another worker process.
    const other = createServices({
      config: t.config,
      database: t.db.database,
      clock: t.clock,
      storage: {
        put: () => Promise.resolve(),
        get: () => Promise.resolve(Buffer.alloc(0)),
        delete: () => Promise.resolve(),
      },
      connectors: fake.registry,
      secretBox: createSecretBox(randomBytes(32)),
    });
    await Promise.all([
      t.services.publishing.sweep(),
      other.publishing.sweep(),
      ...ids.map((id) => other.publishing.runOne(id)),
      ...ids.map((id) => t.services.publishing.runOne(id)),
    ]);
    const sent = fake.calls.slice(before);
    expect(sent).toHaveLength(15);
    expect(new Set(sent.map((c) => c.idempotencyKey)).size).toBe(15);
    const rows = await t.db.database.db.select().from(publications);
    expect(
      rows
        .filter((r) => ids.includes(r.id))
        .every((r) => r.status === 'published' && r.attempts === 1),
    ).toBe(true);
  });

  it('publishes 100 items due in the same minute', async () => {
    const a = await account(owner);
    const at = inMinutes(3);
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const item = await approvedItem(owner, lead, [a], `同一分钟 ${i}`);
      ids.push(
        (await schedule(owner, item.id, [{ accountId: a, at }])).json<{
          publications: TPublication[];
        }>().publications[0]!.id,
      );
    }
    t.clock.advance(3 * 60_000 + 1000);
    const { ran } = await t.services.publishing.sweep(500);
    expect(ran).toBeGreaterThanOrEqual(100);
    const rows = await t.db.database.db.select().from(publications);
    expect(rows.filter((r) => ids.includes(r.id) && r.status === 'published')).toHaveLength(100);
  });

  it('retries transient errors with growing delays, honours Retry-After, and gives up at the limit', async () => {
    const a = await account(owner);
    const item = await approvedItem(owner, lead, [a]);
    const id = (await schedule(owner, item.id, [{ accountId: a, at: inMinutes(1) }])).json<{
      publications: TPublication[];
    }>().publications[0]!.id;
    fake.setFor(a, () =>
      Promise.reject(
        new ConnectorError('transient', '平台繁忙 (HTTP 429)', {
          retryAfterMs: 10 * 60_000,
          httpStatus: 429,
        }),
      ),
    );
    t.clock.advance(2 * 60_000);
    await t.services.publishing.runOne(id);
    let row = (
      await t.db.database.db.select().from(publications).where(eq(publications.id, id))
    )[0]!;
    expect(row.status).toBe('retrying');
    expect(row.nextAttemptAt!.getTime() - t.clock.now().getTime()).toBeGreaterThanOrEqual(
      10 * 60_000,
    );
    // Too early: nothing is sent.
    expect(await t.services.publishing.runOne(id)).toBe('skipped');
    for (let i = 1; i < MAX_ATTEMPTS; i++) {
      t.clock.set(new Date(row.nextAttemptAt!.getTime() + 1));
      await t.services.publishing.runOne(id);
      row = (await t.db.database.db.select().from(publications).where(eq(publications.id, id)))[0]!;
    }
    expect(row).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      lastErrorKind: 'transient',
    });
    expect(row.lastError).toMatch(/gave up after 5 attempts/);
  });

  it('fails permanent errors at once with the platform reason', async () => {
    const a = await account(owner);
    const item = await approvedItem(owner, lead, [a]);
    const id = (await schedule(owner, item.id, [{ accountId: a, at: inMinutes(1) }])).json<{
      publications: TPublication[];
    }>().publications[0]!.id;
    fake.setFor(a, () =>
      Promise.reject(
        new ConnectorError('permanent', '标题超过平台限制（45003）', { platformCode: 45003 }),
      ),
    );
    t.clock.advance(2 * 60_000);
    await t.services.publishing.runOne(id);
    const pub = (
      await owner.request({ method: 'GET', url: w(owner, `/content/${item.id}/publications`) })
    ).json<{ publications: TPublication[] }>().publications[0]!;
    expect(pub).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '标题超过平台限制（45003）',
    });
    const itemAfter = (
      await owner.request({ method: 'GET', url: w(owner, `/content/${item.id}`) })
    ).json<TContentItem>();
    expect(itemAfter.status).toBe('failed');
  });

  it('marks an account for reconnection once, with one notification, on a definitive authorisation failure', async () => {
    const a = await account(owner, 'wechat_oa', '公众号');
    await owner.request({
      method: 'PUT',
      url: w(owner, `/accounts/${a}/connection`),
      payload: {
        type: 'wechat-official-account',
        settings: { appId: 'wx123' },
        secrets: { appSecret: 's3cret' },
      },
    });
    fake.setFor(a, () =>
      Promise.reject(new ConnectorError('auth', 'AppSecret 错误或已重置（40125）')),
    );
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const item = await approvedItem(owner, lead, [a], `授权 ${i}`);
      ids.push(
        (await schedule(owner, item.id, [{ accountId: a, at: inMinutes(1) }])).json<{
          publications: TPublication[];
        }>().publications[0]!.id,
      );
    }
    t.clock.advance(2 * 60_000);
    for (const id of ids) await t.services.publishing.runOne(id);
    const conn = await owner.request({ method: 'GET', url: w(owner, `/accounts/${a}/connection`) });
    expect(conn.json()).toMatchObject({
      status: 'needs_reconnect',
      statusReason: 'AppSecret 错误或已重置（40125）',
      secretKeys: ['appSecret'],
    });
    expect(conn.body).not.toContain('s3cret');
    const notes = (await owner.request({ method: 'GET', url: w(owner, '/notifications') })).json<{
      notifications: { kind: string }[];
    }>().notifications;
    expect(notes.filter((n) => n.kind === 'account.needs_reconnect')).toHaveLength(1);
    // Scheduling on a disconnected account is refused; reconnecting keeps the stored secret.
    const item = await approvedItem(owner, lead, [a], '重连后');
    expect((await schedule(owner, item.id, [{ accountId: a, at: inMinutes(5) }])).statusCode).toBe(
      400,
    );
    const re = await owner.request({
      method: 'PUT',
      url: w(owner, `/accounts/${a}/connection`),
      payload: { type: 'wechat-official-account', settings: { appId: 'wx123' } },
    });
    expect(re.json()).toMatchObject({ status: 'connected', secretKeys: ['appSecret'] });
  });

  it('turns an unknown outcome into "needs check", never a second post, and lets a person settle it', async () => {
    const a = await account(owner);
    const item = await approvedItem(owner, lead, [a]);
    const id = (await schedule(owner, item.id, [{ accountId: a, at: inMinutes(1) }])).json<{
      publications: TPublication[];
    }>().publications[0]!.id;
    fake.setFor(a, () => Promise.reject(new ConnectorError('unknown', '请求已发出但等待响应超时')));
    t.clock.advance(2 * 60_000);
    await t.services.publishing.runOne(id);
    await t.services.publishing.sweep();
    expect(fake.calls.filter((c) => c.account.id === a)).toHaveLength(1);
    const today = (await owner.request({ method: 'GET', url: w(owner, '/today') })).json<TToday>();
    expect(today.needsCheck.map((p) => p.id)).toContain(id);
    const settled = await owner.request({
      method: 'POST',
      url: w(owner, `/publications/${id}/confirm`),
      payload: { outcome: 'published', url: 'https://weibo.com/1/abc' },
    });
    expect(settled.json()).toMatchObject({ status: 'published', url: 'https://weibo.com/1/abc' });
  });

  it('sweeps a claim left by a dead worker into "needs check"', async () => {
    const a = await account(owner);
    const item = await approvedItem(owner, lead, [a]);
    const id = (await schedule(owner, item.id, [{ accountId: a, at: inMinutes(1) }])).json<{
      publications: TPublication[];
    }>().publications[0]!.id;
    t.clock.advance(2 * 60_000);
    // A claim with no outcome, as a worker killed mid-call leaves it.
    await t.db.database.db
      .update(publications)
      .set({ status: 'publishing', claimToken: 'dead', claimedAt: t.clock.now(), attempts: 1 })
      .where(eq(publications.id, id));
    t.clock.advance(STUCK_AFTER_MS + 1000);
    const { stuck } = await t.services.publishing.sweep();
    expect(stuck).toBeGreaterThanOrEqual(1);
    const row = (
      await t.db.database.db.select().from(publications).where(eq(publications.id, id))
    )[0]!;
    expect(row.status).toBe('needs_check');
  });

  it('holds a post that missed its time by more than the catch-up window, and runs one that is a little late', async () => {
    const a = await account(owner);
    const late = await approvedItem(owner, lead, [a], '很晚');
    const slightly = await approvedItem(owner, lead, [a], '稍晚');
    const lateId = (await schedule(owner, late.id, [{ accountId: a, at: inMinutes(1) }])).json<{
      publications: TPublication[];
    }>().publications[0]!.id;
    const slightId = (
      await schedule(owner, slightly.id, [{ accountId: a, at: inMinutes(40) }])
    ).json<{ publications: TPublication[] }>().publications[0]!.id;
    // The server was down for 50 minutes.
    t.clock.advance(50 * 60_000);
    expect(await t.services.publishing.runOne(lateId)).toBe('held');
    expect(await t.services.publishing.runOne(slightId)).toBe('ran');
    const released = await owner.request({
      method: 'POST',
      url: w(owner, `/publications/${lateId}/publish-now`),
    });
    expect(released.json()).toMatchObject({ status: 'scheduled' });
    expect(await t.services.publishing.runOne(lateId)).toBe('ran');
  });
});

describe('manual publishing and Today', () => {
  it('puts a manual post on Today with its text, takes the URL, and marks the item published', async () => {
    const o = await signUp(t);
    const l = await addMember(t, o, 'lead');
    const a = await account(o, 'xiaohongshu', '小红书号');
    const item = await approvedItem(o, l, [a], '手动发布');
    const id = (await schedule(o, item.id, [{ accountId: a, at: inMinutes(1) }])).json<{
      publications: TPublication[];
    }>().publications[0]!.id;
    fake.setFor(a, () => Promise.resolve({ kind: 'manual' }));
    t.clock.advance(2 * 60_000);
    await t.services.publishing.runOne(id);
    const today = (await o.request({ method: 'GET', url: w(o, '/today') })).json<TToday>();
    expect(today.manualWaiting[0]).toMatchObject({
      id,
      status: 'manual_pending',
      title: '手动发布',
    });
    // The text is there to copy.
    expect(today.manualWaiting[0]?.body).toContain('桂花拿铁');
    const bad = await o.request({
      method: 'POST',
      url: w(o, `/publications/${id}/manual-result`),
      payload: { outcome: 'published', url: 'not a url' },
    });
    expect(bad.statusCode).toBe(400);
    const done = await o.request({
      method: 'POST',
      url: w(o, `/publications/${id}/manual-result`),
      payload: { outcome: 'published', url: 'https://www.xiaohongshu.com/explore/abc' },
    });
    expect(done.json()).toMatchObject({ status: 'published' });
    expect(
      (await o.request({ method: 'GET', url: w(o, `/content/${item.id}`) })).json<TContentItem>()
        .status,
    ).toBe('published');
    const notes = (await o.request({ method: 'GET', url: w(o, '/notifications') })).json<{
      unread: number;
      notifications: { id: string; kind: string }[];
    }>();
    expect(notes.notifications.some((n) => n.kind === 'publish.manual')).toBe(true);
    await o.request({ method: 'POST', url: w(o, '/notifications/read'), payload: { all: true } });
    expect(
      (await o.request({ method: 'GET', url: w(o, '/notifications') })).json<{ unread: number }>()
        .unread,
    ).toBe(0);
    // Another member still has them unread.
    expect(
      (await l.request({ method: 'GET', url: w(o, '/notifications') })).json<{ unread: number }>()
        .unread,
    ).toBeGreaterThan(0);
  });

  it('lists items awaiting my approval on Today', async () => {
    const o = await signUp(t);
    const l = await addMember(t, o, 'lead');
    const op = await addMember(t, o, 'operator');
    const a = await account(o);
    const item = (
      await op.request({
        method: 'POST',
        url: w(o, '/content'),
        payload: { title: '待审', body: '内容', format: 'article', variants: [{ accountId: a }] },
      })
    ).json<TContentItem>();
    await op.request({ method: 'POST', url: w(o, `/content/${item.id}/submit`), payload: {} });
    const forLead = (await l.request({ method: 'GET', url: w(o, '/today') })).json<TToday>();
    expect(forLead.awaitingMyApproval.map((x) => x.title)).toEqual(['待审']);
    const forOp = (await op.request({ method: 'GET', url: w(o, '/today') })).json<TToday>();
    expect(forOp.awaitingMyApproval).toEqual([]);
  });
});
