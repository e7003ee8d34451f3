import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, signUp, uniqueEmail, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('workspace settings', () => {
  it('lets an owner rename the workspace and change its time zone and language', async () => {
    const o = await signUp(t);
    const res = await o.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}`,
      payload: { name: '新店名', timeZone: 'Europe/Berlin', defaultLocale: 'en-US' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '新店名',
      timeZone: 'Europe/Berlin',
      defaultLocale: 'en-US',
      role: 'owner',
    });
  });

  it('defaults to Asia/Shanghai and Chinese', async () => {
    const o = await signUp(t);
    const res = await o.request({ method: 'GET', url: `/api/v1/workspaces/${o.workspaceId}` });
    expect(res.json()).toMatchObject({ timeZone: 'Asia/Shanghai', defaultLocale: 'zh-CN' });
  });

  it('rejects an unknown time zone naming the field', async () => {
    const o = await signUp(t);
    const res = await o.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}`,
      payload: { timeZone: 'Mars/Olympus' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'timeZone',
    );
  });

  it('does not let an operator change settings', async () => {
    const o = await signUp(t);
    const op = await addMember(t, o, 'operator');
    const res = await op.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}`,
      payload: { name: 'x' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('lets a person belong to several workspaces and lists them all', async () => {
    const o = await signUp(t, { workspaceName: '第一家' });
    const created = await o.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      payload: { name: '第二家' },
    });
    expect(created.statusCode).toBe(201);
    const other = await signUp(t, { workspaceName: '别人家' });
    const inv = await other.request({
      method: 'POST',
      url: `/api/v1/workspaces/${other.workspaceId}/invitations`,
      payload: { role: 'analyst' },
    });
    const accept = await o.request({
      method: 'POST',
      url: `/api/v1/invitations/${inv.json<{ token: string }>().token}/accept`,
    });
    expect(accept.statusCode).toBe(200);
    const session = await o.request({ method: 'GET', url: '/api/v1/auth/session' });
    const names = session
      .json<{ workspaces: { name: string; role: string }[] }>()
      .workspaces.map((w) => `${w.name}:${w.role}`);
    expect(names).toEqual(
      expect.arrayContaining(['第一家:owner', '第二家:owner', '别人家:analyst']),
    );
  });
});

describe('members', () => {
  it('lists members with roles', async () => {
    const o = await signUp(t);
    await addMember(t, o, 'lead');
    const res = await o.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/members`,
    });
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json<{ members: { role: string }[] }>()
        .members.map((m) => m.role)
        .sort(),
    ).toEqual(['lead', 'owner']);
  });

  it('lets an owner change a role, records it, and refuses a role that does not exist', async () => {
    const o = await signUp(t);
    const m = await addMember(t, o, 'operator');
    const ok = await o.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${m.userId}`,
      payload: { role: 'lead' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ role: 'lead' });
    const bad = await o.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${m.userId}`,
      payload: { role: 'king' },
    });
    expect(bad.statusCode).toBe(400);
    const audit = await o.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/audit?entityType=member&entityId=${m.userId}`,
    });
    expect(
      audit.json<{ entries: { action: string; before: unknown; after: unknown }[] }>().entries[0],
    ).toMatchObject({
      action: 'member.update',
      before: { role: 'operator' },
      after: { role: 'lead' },
    });
  });

  it('keeps admins from creating or touching owners', async () => {
    const o = await signUp(t);
    const admin = await addMember(t, o, 'admin');
    const m = await addMember(t, o, 'operator');
    const promote = await admin.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${m.userId}`,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode).toBe(400);
    const demoteOwner = await admin.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${o.userId}`,
      payload: { role: 'analyst' },
    });
    expect(demoteOwner.statusCode).toBe(403);
    const removeOwner = await admin.request({
      method: 'DELETE',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${o.userId}`,
    });
    expect(removeOwner.statusCode).toBe(403);
  });

  it('never leaves a workspace without an owner', async () => {
    const o = await signUp(t);
    const demote = await o.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${o.userId}`,
      payload: { role: 'admin' },
    });
    expect(demote.statusCode).toBe(400);
    const leave = await o.request({
      method: 'DELETE',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${o.userId}`,
    });
    expect(leave.statusCode).toBe(409);
  });

  it('removes a member, who then loses access', async () => {
    const o = await signUp(t);
    const m = await addMember(t, o, 'operator');
    const res = await o.request({
      method: 'DELETE',
      url: `/api/v1/workspaces/${o.workspaceId}/members/${m.userId}`,
    });
    expect(res.statusCode).toBe(200);
    const after = await m.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/accounts`,
    });
    expect(after.statusCode).toBe(404);
  });

  it('lets an operator leave but not remove others', async () => {
    const o = await signUp(t);
    const a = await addMember(t, o, 'operator');
    const b = await addMember(t, o, 'operator');
    expect(
      (
        await a.request({
          method: 'DELETE',
          url: `/api/v1/workspaces/${o.workspaceId}/members/${b.userId}`,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await a.request({
          method: 'DELETE',
          url: `/api/v1/workspaces/${o.workspaceId}/members/${a.userId}`,
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('invitations', () => {
  it('shows a preview, then adds the person with the invited role, once', async () => {
    const o = await signUp(t, { workspaceName: '邀请店' });
    const inv = await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
      payload: { role: 'lead' },
    });
    expect(inv.statusCode).toBe(201);
    const { token, url } = inv.json<{ token: string; url: string }>();
    expect(url).toContain(`/invite/${token}`);
    const preview = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(preview.json()).toMatchObject({ workspaceName: '邀请店', role: 'lead' });
    const joined = await signUp(t, { inviteToken: token });
    expect(joined.session.workspaces).toEqual([
      expect.objectContaining({ name: '邀请店', role: 'lead' }),
    ]);
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(again.statusCode).toBe(409);
    const list = await o.request({
      method: 'GET',
      url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
    });
    expect(list.json<{ invitations: { status: string }[] }>().invitations[0]?.status).toBe(
      'accepted',
    );
  });

  it('stops working when revoked or expired', async () => {
    const o = await signUp(t);
    const a = await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
      payload: { role: 'operator' },
    });
    const { id, token } = a.json<{ id: string; token: string }>();
    expect(
      (
        await o.request({
          method: 'DELETE',
          url: `/api/v1/workspaces/${o.workspaceId}/invitations/${id}`,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/invitations/${token}` })).statusCode,
    ).toBe(409);
    const b = await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
      payload: { role: 'operator', expiresInDays: 1 },
    });
    t.clock.advance(2 * 86_400_000);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/invitations/${b.json<{ token: string }>().token}`,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('binds an invitation to its email when one is given', async () => {
    const o = await signUp(t);
    const email = uniqueEmail('bound');
    const inv = await o.request({
      method: 'POST',
      url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
      payload: { role: 'analyst', email },
    });
    const stranger = await signUp(t);
    const res = await stranger.request({
      method: 'POST',
      url: `/api/v1/invitations/${inv.json<{ token: string }>().token}/accept`,
    });
    expect(res.statusCode).toBe(403);
    const right = await signUp(t, { email, inviteToken: inv.json<{ token: string }>().token });
    expect(right.session.workspaces[0]?.role).toBe('analyst');
  });

  it('refuses sign-up with an unknown invitation without creating the person', async () => {
    const email = uniqueEmail('ghost');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { email, password: 'long enough pw', displayName: 'x', inviteToken: 'x'.repeat(32) },
    });
    expect(res.statusCode).toBe(404);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email, password: 'long enough pw' },
      remoteAddress: '10.9.9.9',
    });
    expect(signIn.statusCode).toBe(401);
  });

  it('does not let a lead invite, nor an admin invite an owner', async () => {
    const o = await signUp(t);
    const lead = await addMember(t, o, 'lead');
    expect(
      (
        await lead.request({
          method: 'POST',
          url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
          payload: { role: 'operator' },
        })
      ).statusCode,
    ).toBe(403);
    const admin = await addMember(t, o, 'admin');
    expect(
      (
        await admin.request({
          method: 'POST',
          url: `/api/v1/workspaces/${o.workspaceId}/invitations`,
          payload: { role: 'owner' },
        })
      ).statusCode,
    ).toBe(400);
  });
});
