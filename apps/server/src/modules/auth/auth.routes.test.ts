import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentFrom,
  createTestApp,
  sessionCookieOf,
  signUp,
  uniqueEmail,
  type TestApp,
} from '../../test/harness';
import { SESSION_COOKIE } from '../../platform/http/auth-hook';
import { SIGN_IN_LIMITS } from './auth.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const signIn = (
  email: string,
  password: string,
  remoteAddress = '10.0.0.1',
  cookies?: Record<string, string>,
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: { email, password },
    remoteAddress,
    ...(cookies ? { cookies } : {}),
  });

describe('sign-up', () => {
  it('creates the person, their first workspace as owner, and a session cookie', async () => {
    const email = uniqueEmail('first');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: {
        email: email.toUpperCase(),
        password: 'a long enough password',
        displayName: '小王',
        workspaceName: '小王的店',
      },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json<{
      user: { email: string };
      workspaces: { name: string; role: string }[];
      csrfToken: string;
    }>();
    expect(body.user.email).toBe(email);
    expect(body.workspaces).toEqual([expect.objectContaining({ name: '小王的店', role: 'owner' })]);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('names each invalid field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { email: 'not-an-email', password: 'short', displayName: '' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json<{ error: { details: { field: string }[] } }>()
      .error.details.map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'displayName']));
  });

  it('refuses an email that is already registered', async () => {
    const email = uniqueEmail('dup');
    await signUp(t, { email });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: { email, password: 'another password', displayName: 'x', workspaceName: 'y' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'email',
    );
  });

  it('stores the password as an argon2id hash', async () => {
    const a = await signUp(t);
    const user = await t.db.database.db.query.users.findFirst({
      where: (u, { eq }) => eq(u.id, a.userId),
    });
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('sign-in and sessions', () => {
  it('signs in with the right password and rotates the session token', async () => {
    const email = uniqueEmail('rot');
    const first = await signUp(t, { email, password: 'pass word one' });
    const res = await signIn(email, 'pass word one', '10.1.0.1', {
      [SESSION_COOKIE]: first.cookie,
    });
    expect(res.statusCode).toBe(200);
    const second = agentFrom(t, res);
    expect(second.cookie).not.toBe(first.cookie);
    // The session the browser had before is gone.
    const old = await first.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(old.statusCode).toBe(401);
    const now = await second.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(now.statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const email = uniqueEmail('wrong');
    await signUp(t, { email, password: 'the right one' });
    const a = await signIn(email, 'the wrong one', '10.2.0.1');
    const b = await signIn(uniqueEmail('nobody'), 'whatever', '10.2.0.2');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toEqual(b.json());
    expect(sessionCookieOf(a)).toBeUndefined();
  });

  it('locks an account after repeated failures, even with the right password, then lets it in after the window', async () => {
    const email = uniqueEmail('limit');
    await signUp(t, { email, password: 'right password' });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect((await signIn(email, 'bad guess', `10.3.0.${i}`)).statusCode).toBe(401);
    }
    const blocked = await signIn(email, 'right password', '10.3.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(SIGN_IN_LIMITS.windowMs + 1000);
    expect((await signIn(email, 'right password', '10.3.1.1')).statusCode).toBe(200);
  });

  it('limits failures per client address across many accounts', async () => {
    const ip = '10.4.0.1';
    for (let i = 0; i < SIGN_IN_LIMITS.perIp; i++) {
      await signIn(uniqueEmail('spray'), 'guess', ip);
    }
    const email = uniqueEmail('victim');
    await signUp(t, { email, password: 'right password' });
    expect((await signIn(email, 'right password', ip)).statusCode).toBe(429);
    expect((await signIn(email, 'right password', '10.4.0.2')).statusCode).toBe(200);
    t.clock.advance(SIGN_IN_LIMITS.windowMs + 1000);
  });

  it('ends a session after the idle timeout', async () => {
    const a = await signUp(t);
    t.clock.advance(t.config.sessionIdleMs - 60_000);
    expect((await a.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMs + 1);
    expect((await a.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
  });

  it('ends a session at its absolute expiry even when used every day', async () => {
    const a = await signUp(t);
    const days = Math.ceil(t.config.sessionMaxMs / 86_400_000);
    for (let d = 0; d < days - 1; d++) {
      t.clock.advance(86_400_000);
      expect((await a.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
        200,
      );
    }
    t.clock.advance(86_400_000 + 1);
    expect((await a.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
  });

  it('signs out: the cookie stops working', async () => {
    const a = await signUp(t);
    const out = await a.request({ method: 'POST', url: '/api/v1/auth/sign-out' });
    expect(out.statusCode).toBe(200);
    expect((await a.request({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const a = await signUp(t);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      cookies: { [SESSION_COOKIE]: a.cookie },
      payload: { displayName: '新名字' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CSRF');
    const wrong = await a.request({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { 'x-csrf-token': 'nope' },
      payload: { displayName: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('needs a session to read the session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(
      401,
    );
  });
});

describe('me', () => {
  it('updates my display name and language', async () => {
    const a = await signUp(t);
    const res = await a.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { displayName: '小李', locale: 'en-US' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: '小李', locale: 'en-US' });
  });

  it('rejects an unknown language', async () => {
    const a = await signUp(t);
    const res = await a.request({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { locale: 'fr-FR' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { details: { field: string }[] } }>().error.details[0]?.field).toBe(
      'locale',
    );
  });
});

describe('validation messages', () => {
  it("answers in the caller's language, keeping each field's name", async () => {
    const payload = { email: 'x', password: 'short', displayName: '' };
    const zh = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-up', payload });
    const en = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload,
      headers: { 'accept-language': 'en-US' },
    });
    type Body = { error: { details: { field: string; message: string }[] } };
    const zhPw = zh.json<Body>().error.details.find((d) => d.field === 'password')?.message ?? '';
    const enPw = en.json<Body>().error.details.find((d) => d.field === 'password')?.message ?? '';
    expect(zhPw).toMatch(/[\u4e00-\u9fff]/);
    expect(enPw).toMatch(/too small/i);
  });
});
