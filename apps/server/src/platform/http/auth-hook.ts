import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can, type TRole } from '@yunce/contracts';
import { DomainError, forbidden, notFound } from '../errors';
import { safeEqual } from '../auth/secrets';
import type { AuthState } from './context';

export const SESSION_COOKIE = 'yunce_sid';
export const CSRF_HEADER = 'x-csrf-token';
export const LOCAL_TOKEN_HEADER = 'x-yunce-local-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AuthResolvers = {
  resolveSession(
    token: string,
  ): Promise<{ sessionId: string; userId: string; csrfToken: string } | null>;
  resolveToken(
    secret: string,
  ): Promise<{ tokenId: string; workspaceId: string; role: TRole } | null>;
  findRole(workspaceId: string, userId: string): Promise<TRole | null>;
  /** The secret of the local-only CLI endpoints, when this process offers them. */
  localToken(): string | undefined;
};

async function authenticate(request: FastifyRequest, r: AuthResolvers): Promise<AuthState | null> {
  const header = request.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const secret = m?.[1];
    const token = secret ? await r.resolveToken(secret) : null;
    // A wrong or revoked bearer token is an error, never a silent fall-back to the cookie.
    if (!token) throw new DomainError('UNAUTHENTICATED', 'The API token is invalid or revoked');
    return { kind: 'token', ...token };
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const s = await r.resolveSession(cookie);
  return s ? { kind: 'session', ...s, token: cookie } : null;
}

function isLoopback(ip: string): boolean {
  return ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';
}

/**
 * Authenticates every request, then enforces what each route declares: signed in unless public,
 * CSRF token on cookie writes, membership of :workspaceId, and the route's permission.
 */
export function registerAuth(app: FastifyInstance, r: AuthResolvers): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('member', null);

  // onRequest, before body parsing and validation: a stranger learns nothing, not even a 400.
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    // Only the API is guarded here; the web app, API docs and health checks are public, and
    // unknown paths fall through to the 404 handler.
    if (!url || !(url.startsWith('/api/v1/') || url.startsWith('/api/internal/'))) return;
    const config = request.routeOptions.config;
    if (config.local) {
      const expected = r.localToken();
      const given = request.headers[LOCAL_TOKEN_HEADER];
      if (
        !expected ||
        typeof given !== 'string' ||
        !isLoopback(request.ip) ||
        !safeEqual(given, expected)
      ) {
        throw forbidden('Local endpoints answer only the CLI on this machine');
      }
      return;
    }
    request.auth = await authenticate(request, r);
    if (config.public) return;
    const auth = request.auth;
    if (!auth) throw new DomainError('UNAUTHENTICATED', 'Please sign in');

    if (auth.kind === 'session' && !SAFE_METHODS.has(request.method)) {
      const given = request.headers[CSRF_HEADER];
      if (typeof given !== 'string' || !safeEqual(given, auth.csrfToken)) {
        throw new DomainError('CSRF', 'Missing or wrong CSRF token; reload the page and try again');
      }
    }

    const params = request.params as Record<string, string | undefined> | undefined;
    const workspaceId = params?.workspaceId;
    if (workspaceId === undefined) {
      if (auth.kind === 'token') throw forbidden('API tokens work only on workspace routes');
      return;
    }
    // Not a member and no such workspace look the same from outside: 404 either way.
    if (!UUID.test(workspaceId)) throw notFound('Workspace');
    let role: TRole | null;
    if (auth.kind === 'token') {
      role = auth.workspaceId === workspaceId ? auth.role : null;
    } else {
      role = await r.findRole(workspaceId, auth.userId);
    }
    if (!role) throw notFound('Workspace');
    request.member = {
      workspaceId,
      role,
      userId: auth.kind === 'session' ? auth.userId : null,
      tokenId: auth.kind === 'token' ? auth.tokenId : null,
      ip: request.ip,
    };
    if (config.permission && !can(role, config.permission)) throw forbidden();
  });
}
