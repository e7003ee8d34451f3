import { and, desc, eq, isNull } from 'drizzle-orm';
import {
  assignableRoles,
  type TApiToken,
  type TCreateApiTokenBody,
  type TCreatedApiToken,
  type TRole,
  ZCreateApiTokenBody,
} from '@yunce/contracts';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { invalid, notFound } from '../../platform/errors';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { recordAudit } from '../audit/audit.service';
import { assertCan } from '../workspaces/workspaces.service';
import { apiTokens } from './api-tokens.tables';

const TOKEN_PREFIX = 'yk_';
type Row = typeof apiTokens.$inferSelect;

function present(r: Row): TApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

export type ResolvedApiToken = { tokenId: string; workspaceId: string; role: TRole };

export function createApiTokensService(deps: { database: Database; clock: Clock }) {
  const { db } = deps.database;
  const { clock } = deps;
  return {
    /** Creates a token acting with `role` (never more than the creator could grant); shown once. */
    async createToken(member: MemberActor, input: TCreateApiTokenBody): Promise<TCreatedApiToken> {
      assertCan(member, 'tokens.manage');
      const body = ZCreateApiTokenBody.parse(input);
      if (!assignableRoles(member.role).includes(body.role)) {
        throw invalid('role', `a token cannot have the role ${body.role}`);
      }
      const token = randomToken(32, TOKEN_PREFIX);
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(apiTokens)
          .values({
            workspaceId: member.workspaceId,
            name: body.name,
            prefix: token.slice(0, TOKEN_PREFIX.length + 6),
            tokenHash: sha256(token),
            role: body.role,
            createdBy: member.userId,
            createdAt: clock.now(),
          })
          .returning();
        if (!r) throw new Error('token insert returned nothing');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'api-token.create',
          entityType: 'api-token',
          entityId: r.id,
          after: present(r),
        });
        return r;
      });
      return { ...present(row), token };
    },

    /** The workspace's tokens, newest first (never the secret). */
    async listTokens(member: MemberActor): Promise<TApiToken[]> {
      assertCan(member, 'tokens.manage');
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.workspaceId, member.workspaceId))
        .orderBy(desc(apiTokens.createdAt));
      return rows.map(present);
    },

    /** Revokes a token at once. */
    async revokeToken(member: MemberActor, tokenId: string): Promise<void> {
      assertCan(member, 'tokens.manage');
      await db.transaction(async (tx) => {
        const [r] = await tx
          .update(apiTokens)
          .set({ revokedAt: clock.now() })
          .where(
            and(
              eq(apiTokens.id, tokenId),
              eq(apiTokens.workspaceId, member.workspaceId),
              isNull(apiTokens.revokedAt),
            ),
          )
          .returning();
        if (!r) throw notFound('Active API token');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'api-token.revoke',
          entityType: 'api-token',
          entityId: r.id,
        });
      });
    },

    /** Finds the live token behind a bearer secret. */
    async resolveToken(secret: string): Promise<ResolvedApiToken | null> {
      if (!secret.startsWith(TOKEN_PREFIX)) return null;
      const row = await db.query.apiTokens.findFirst({
        where: and(eq(apiTokens.tokenHash, sha256(secret)), isNull(apiTokens.revokedAt)),
      });
      if (!row) return null;
      const now = clock.now();
      if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
        await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
      }
      return { tokenId: row.id, workspaceId: row.workspaceId, role: row.role };
    },
  };
}

export type ApiTokensService = ReturnType<typeof createApiTokensService>;
