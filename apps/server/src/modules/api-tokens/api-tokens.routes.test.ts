import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUp, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('API tokens', () => {
  it('creates a token shown once, stored hashed, usable as Bearer until revoked', async () => {
    const o = await signUp(t);
    const url = `/api/v1/workspaces/${o.workspaceId}/api-tokens`;
    const created = await o.request({
      method: 'POST',
      url,
      payload: { name: '数据同步', role: 'operator' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json<{ token: string; id: string; prefix: string }>();
    expect(token.startsWith(prefix)).toBe(true);
    const row = await t.db.database.db.query.apiTokens.findFirst({
      where: (x, { eq }) => eq(x.id, id),
    });
    expect(row?.tokenHash).not.toContain(token);
    const list = await o.request({ method: 'GET', url });
    expect(JSON.stringify(list.json())).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/accounts`,
      headers: bearer,
      payload: { platform: 'zhihu', name: '机器人建的' },
    });
    expect(write.statusCode).toBe(201);
    const audit = await o.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/audit?entityType=account`,
    });
    expect(
      audit.json<{ entries: { actor: { tokenName: string | null } }[] }>().entries[0]?.actor
        .tokenName,
    ).toBe('数据同步');

    expect((await o.request({ method: 'DELETE', url: `${url}/${id}` })).statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/accounts`,
      headers: bearer,
    });
    expect(after.statusCode).toBe(401);
  });

  it("acts with the token's role, not more", async () => {
    const o = await signUp(t);
    const created = await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/api-tokens`,
      payload: { name: 'read only', role: 'analyst' },
    });
    const bearer = { authorization: `Bearer ${created.json<{ token: string }>().token}` };
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/workspaces/${o.workspaceId}/accounts`,
          headers: bearer,
        })
      ).statusCode,
    ).toBe(200);
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/accounts`,
      headers: bearer,
      payload: { platform: 'zhihu', name: 'x' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('is refused outside workspace routes and when malformed', async () => {
    const o = await signUp(t);
    const created = await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/api-tokens`,
      payload: { name: 'x', role: 'admin' },
    });
    const token = created.json<{ token: string }>().token;
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/session',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/workspaces/${o.workspaceId}/accounts`,
          headers: { authorization: 'Bearer yk_nope' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('validates the name and lets only owners and admins manage tokens', async () => {
    const o = await signUp(t);
    const url = `/api/v1/workspaces/${o.workspaceId}/api-tokens`;
    const bad = await o.request({ method: 'POST', url, payload: { name: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'name',
    );
    const lead = await addMember(t, o, 'lead');
    expect((await lead.request({ method: 'GET', url })).statusCode).toBe(403);
  });
});
