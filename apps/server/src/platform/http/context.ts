import type { FastifyRequest } from 'fastify';
import type { TLocale, TPermission } from '@yunce/contracts';
import type { Actor, MemberActor } from '../actor';
import { DomainError } from '../errors';

/** How a request proved who it is. */
export type AuthState =
  | { kind: 'session'; userId: string; sessionId: string; csrfToken: string; token: string }
  | { kind: 'token'; tokenId: string; workspaceId: string; role: MemberActor['role'] };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Open to anyone (sign-in, health, invitation preview). Default: a signed-in caller. */
    public?: boolean;
    /** For routes with :workspaceId — the permission the caller's role must hold. */
    permission?: TPermission;
    /** Local-only endpoints for the CLI, authenticated by the lock file's secret. */
    local?: boolean;
  }
  interface FastifyRequest {
    auth: AuthState | null;
    member: MemberActor | null;
  }
}

/** The signed-in person behind a cookie session; API tokens are refused here. */
export function userOf(request: FastifyRequest): Actor & { userId: string } {
  const auth = request.auth;
  if (!auth) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
  if (auth.kind !== 'session')
    throw new DomainError('FORBIDDEN', 'This needs a signed-in person, not an API token');
  return { userId: auth.userId, tokenId: null, ip: request.ip };
}

/** The caller as a member of the route's workspace (resolved by the auth hook). */
export function memberOf(request: FastifyRequest): MemberActor {
  if (!request.member) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
  return request.member;
}

/** The language to answer in: the client's Accept-Language, Chinese unless it asks for English. */
export function localeOf(request: FastifyRequest): TLocale {
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en-US' : 'zh-CN';
}
