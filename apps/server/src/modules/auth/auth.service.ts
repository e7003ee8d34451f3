import { and, eq, lt, lte, or, sql } from 'drizzle-orm';
import type {
  TLocale,
  TSession,
  TSignInBody,
  TSignUpBody,
  TUpdateMeBody,
  TUser,
} from '@yunce/contracts';
import type { Clock } from '../../platform/clock';
import type { Config } from '../../platform/config';
import type { Database } from '../../platform/db/client';
import { DomainError, invalid } from '../../platform/errors';
import {
  burnPasswordCheck,
  hashPassword,
  randomToken,
  sha256,
  verifyPassword,
} from '../../platform/auth/secrets';
import type { WorkspacesService } from '../workspaces/workspaces.service';
import { sessions, signInAttempts, users } from './auth.tables';

// Failed sign-ins allowed per window: per account (stops guessing one password) and per client
// address (stops spraying many accounts).
export const SIGN_IN_LIMITS = { perAccount: 5, perIp: 30, windowMs: 15 * 60_000 };
// Touch `last_seen_at` at most this often so reads do not turn into writes.
const TOUCH_EVERY_MS = 60_000;

export type SessionMeta = { ip: string | null; userAgent: string | null };

export type ResolvedSession = {
  sessionId: string;
  userId: string;
  csrfToken: string;
};

export type SignedIn = { token: string; expiresAt: Date; session: TSession };

type UserRow = typeof users.$inferSelect;

function presentUser(u: UserRow): TUser {
  return { id: u.id, email: u.email, displayName: u.displayName, locale: u.locale };
}

export function createAuthService(deps: {
  database: Database;
  clock: Clock;
  config: Pick<Config, 'sessionIdleMs' | 'sessionMaxMs'>;
  workspaces: WorkspacesService;
}) {
  const { db } = deps.database;
  const { clock, config, workspaces } = deps;

  async function openSession(
    userId: string,
    meta: SessionMeta,
  ): Promise<{ token: string; expiresAt: Date; csrfToken: string }> {
    const token = randomToken(32);
    const csrfToken = randomToken(24);
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.sessionMaxMs);
    await db.insert(sessions).values({
      tokenHash: sha256(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, expiresAt, csrfToken };
  }

  async function describeSession(userId: string, csrfToken: string): Promise<TSession> {
    const user = await db.query.users.findFirst({ where: eq(users.id, userId) });
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
    return {
      user: presentUser(user),
      workspaces: await workspaces.findWorkspacesOfUser(userId),
      csrfToken,
    };
  }

  /** Counts a failure against a key and says whether the key is now over its limit. */
  async function noteFailure(key: string): Promise<void> {
    const now = clock.now();
    const windowFloor = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs);
    await db
      .insert(signInAttempts)
      .values({ key, windowStart: now, failures: 1 })
      .onConflictDoUpdate({
        target: signInAttempts.key,
        set: {
          failures: sql`CASE WHEN ${signInAttempts.windowStart} < ${windowFloor.toISOString()}::timestamptz THEN 1 ELSE ${signInAttempts.failures} + 1 END`,
          windowStart: sql`CASE WHEN ${signInAttempts.windowStart} < ${windowFloor.toISOString()}::timestamptz THEN ${now.toISOString()}::timestamptz ELSE ${signInAttempts.windowStart} END`,
        },
      });
  }

  async function assertUnderLimit(key: string, limit: number): Promise<void> {
    const row = await db.query.signInAttempts.findFirst({ where: eq(signInAttempts.key, key) });
    if (!row) return;
    const now = clock.now().getTime();
    const windowEnd = row.windowStart.getTime() + SIGN_IN_LIMITS.windowMs;
    if (row.failures >= limit && windowEnd > now) {
      const retryAfter = Math.ceil((windowEnd - now) / 1000);
      throw new DomainError(
        'RATE_LIMITED',
        `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfter / 60)} minutes`,
        undefined,
        retryAfter,
      );
    }
  }

  return {
    /** Creates a person and their first workspace (or joins an invited one), and signs them in. */
    async signUp(body: TSignUpBody, meta: SessionMeta, locale: TLocale): Promise<SignedIn> {
      const existing = await db.query.users.findFirst({ where: eq(users.email, body.email) });
      if (existing)
        throw new DomainError('CONFLICT', 'email: already registered; sign in instead', [
          { field: 'email', message: 'already registered; sign in instead' },
        ]);
      if (body.inviteToken) await workspaces.previewInvitation(body.inviteToken); // fail before creating anyone
      const passwordHash = await hashPassword(body.password);
      const now = clock.now();
      const userId = await db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({
            email: body.email,
            displayName: body.displayName,
            passwordHash,
            locale: body.locale ?? locale,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!user) throw invalid('email', 'already registered; sign in instead');
        if (body.inviteToken) {
          await workspaces.acceptInvitationInTx(tx, body.inviteToken, user.id, meta.ip);
        } else {
          await workspaces.createWorkspaceInTx(tx, {
            name:
              body.workspaceName ??
              (locale === 'en-US'
                ? `${body.displayName}'s workspace`
                : `${body.displayName}的工作区`),
            ownerId: user.id,
            ip: meta.ip,
            defaultLocale: body.locale ?? locale,
          });
        }
        return user.id;
      });
      const s = await openSession(userId, meta);
      return {
        token: s.token,
        expiresAt: s.expiresAt,
        session: await describeSession(userId, s.csrfToken),
      };
    },

    /** Checks the password under per-account and per-address limits; rotates to a new session. */
    async signIn(body: TSignInBody, meta: SessionMeta, previousToken?: string): Promise<SignedIn> {
      const accountKey = `email:${body.email}`;
      const ipKey = `ip:${meta.ip ?? 'unknown'}`;
      await assertUnderLimit(accountKey, SIGN_IN_LIMITS.perAccount);
      await assertUnderLimit(ipKey, SIGN_IN_LIMITS.perIp);
      const user = await db.query.users.findFirst({ where: eq(users.email, body.email) });
      const ok = user
        ? await verifyPassword(user.passwordHash, body.password)
        : (await burnPasswordCheck(body.password), false);
      if (!user || !ok) {
        await noteFailure(accountKey);
        await noteFailure(ipKey);
        throw new DomainError('UNAUTHENTICATED', 'Email or password is incorrect');
      }
      await db.delete(signInAttempts).where(eq(signInAttempts.key, accountKey));
      // Rotation: whatever session this browser had before is ended, a fresh token is issued.
      if (previousToken)
        await db.delete(sessions).where(eq(sessions.tokenHash, sha256(previousToken)));
      const s = await openSession(user.id, meta);
      return {
        token: s.token,
        expiresAt: s.expiresAt,
        session: await describeSession(user.id, s.csrfToken),
      };
    },

    /** Ends the session behind a cookie token. */
    async signOut(token: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
    },

    /** Finds a live session for a cookie token, enforcing idle and absolute expiry. */
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      const row = await db.query.sessions.findFirst({
        where: eq(sessions.tokenHash, sha256(token)),
      });
      if (!row) return null;
      const now = clock.now().getTime();
      if (
        row.expiresAt.getTime() <= now ||
        row.lastSeenAt.getTime() + config.sessionIdleMs <= now
      ) {
        await db.delete(sessions).where(eq(sessions.id, row.id));
        return null;
      }
      if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
        await db
          .update(sessions)
          .set({ lastSeenAt: new Date(now) })
          .where(eq(sessions.id, row.id));
      }
      return { sessionId: row.id, userId: row.userId, csrfToken: row.csrfToken };
    },

    describeSession,

    /** Updates the signed-in person's own profile. */
    async updateMe(userId: string, body: TUpdateMeBody): Promise<TUser> {
      const [row] = await db
        .update(users)
        .set({ ...body, updatedAt: clock.now() })
        .where(eq(users.id, userId))
        .returning();
      if (!row) throw new DomainError('UNAUTHENTICATED', 'Please sign in');
      return presentUser(row);
    },

    /** Deletes expired sessions and stale sign-in counters (run by a periodic job). */
    async purgeExpired(): Promise<{ sessions: number }> {
      const now = clock.now();
      const idleFloor = new Date(now.getTime() - config.sessionIdleMs);
      const gone = await db
        .delete(sessions)
        .where(or(lte(sessions.expiresAt, now), lte(sessions.lastSeenAt, idleFloor)))
        .returning({ id: sessions.id });
      await db
        .delete(signInAttempts)
        .where(
          and(lt(signInAttempts.windowStart, new Date(now.getTime() - SIGN_IN_LIMITS.windowMs))),
        );
      return { sessions: gone.length };
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
