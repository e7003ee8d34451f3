import type { FastifyReply } from 'fastify';
import { ZOk, ZSession, ZSignInBody, ZSignUpBody, ZUpdateMeBody, ZUser } from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { localeOf, userOf } from '../../platform/http/context';
import { SESSION_COOKIE } from '../../platform/http/auth-hook';
import { DomainError } from '../../platform/errors';
import type { AuthService } from './auth.service';

const tags = ['auth'];

export function authRoutes(
  app: App,
  deps: { auth: AuthService; cookieSecure: boolean; allowSignUp: boolean },
) {
  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.cookieSecure,
      expires,
    });

  const meta = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });

  app.post(
    '/api/v1/auth/sign-up',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Create an account (and a first workspace, or join by invitation)',
        body: ZSignUpBody,
        response: { 201: ZSession },
      },
    },
    async (req, reply) => {
      if (!deps.allowSignUp && !req.body.inviteToken) {
        throw new DomainError('FORBIDDEN', 'Sign-up is by invitation only on this server');
      }
      const r = await deps.auth.signUp(req.body, meta(req), localeOf(req));
      setCookie(reply, r.token, r.expiresAt);
      return reply.status(201).send(r.session);
    },
  );

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: ZSignInBody,
        response: { 200: ZSession },
      },
    },
    async (req, reply) => {
      const r = await deps.auth.signIn(req.body, meta(req), req.cookies[SESSION_COOKIE]);
      setCookie(reply, r.token, r.expiresAt);
      return r.session;
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'End this session', response: { 200: ZOk } } },
    async (req, reply) => {
      if (req.auth?.kind === 'session') await deps.auth.signOut(req.auth.token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, their workspaces and the CSRF token',
        response: { 200: ZSession },
      },
    },
    async (req) => {
      const user = userOf(req);
      const auth = req.auth;
      return deps.auth.describeSession(user.userId, auth?.kind === 'session' ? auth.csrfToken : '');
    },
  );

  app.patch(
    '/api/v1/me',
    {
      schema: {
        tags,
        summary: 'Update my name or language',
        body: ZUpdateMeBody,
        response: { 200: ZUser },
      },
    },
    async (req) => deps.auth.updateMe(userOf(req).userId, req.body),
  );
}
