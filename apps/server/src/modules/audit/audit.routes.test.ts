import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

type Page = {
  entries: {
    action: string;
    entityType: string;
    at: string;
    actor: { userId: string | null; displayName: string | null };
  }[];
  nextCursor: string | null;
};

describe('audit log', () => {
  it('records who changed what, filterable by person, entity and date, paged by cursor', async () => {
    const o = await signUp(t, { displayName: '老板' });
    const op = await addMember(t, o, 'operator');
    const accounts = `/api/v1/workspaces/${o.workspaceId}/accounts`;
    for (let i = 0; i < 3; i++)
      await op.request({
        method: 'POST',
        url: accounts,
        payload: { platform: 'weibo', name: `账号${i}` },
      });
    const url = `/api/v1/workspaces/${o.workspaceId}/audit`;

    const byOp = (
      await o.request({ method: 'GET', url: `${url}?actorUserId=${op.userId}&entityType=account` })
    ).json<Page>();
    expect(byOp.entries).toHaveLength(3);
    expect(byOp.entries.every((e) => e.actor.displayName === 'operator-person')).toBe(true);

    const first = (await o.request({ method: 'GET', url: `${url}?limit=2` })).json<Page>();
    expect(first.entries).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await o.request({ method: 'GET', url: `${url}?limit=2&before=${first.nextCursor}` })
    ).json<Page>();
    expect((second.entries[0]?.at ?? '') <= (first.entries[1]?.at ?? '')).toBe(true);

    // The test clock is 2026-11-22 10:00 in Shanghai.
    const today = (
      await o.request({ method: 'GET', url: `${url}?from=2026-11-22&to=2026-11-22` })
    ).json<Page>();
    expect(today.entries.length).toBeGreaterThan(0);
    const tomorrow = (
      await o.request({ method: 'GET', url: `${url}?from=2026-11-23` })
    ).json<Page>();
    expect(tomorrow.entries).toHaveLength(0);
  });

  it('never stores secrets', async () => {
    const o = await signUp(t);
    await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/api-tokens`,
      payload: { name: 'x', role: 'analyst' },
    });
    await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
      payload: { role: 'analyst' },
    });
    const page = await o.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/audit`,
    });
    expect(page.body).not.toMatch(/tokenHash|passwordHash|yk_[A-Za-z0-9_-]{20}/);
  });

  it('rejects a malformed date and is closed to operators', async () => {
    const o = await signUp(t);
    const bad = await o.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/audit?from=22/11/2026`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'from',
    );
    const op = await addMember(t, o, 'operator');
    expect(
      (await op.request({ method: 'GET', url: `/api/v1/workspaces/${o.workspaceId}/audit` }))
        .statusCode,
    ).toBe(403);
  });
});
