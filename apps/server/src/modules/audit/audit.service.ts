import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { TAuditPage, TAuditQueryParsed } from '@yunce/contracts';
import type { Actor } from '../../platform/actor';
import type { Db, DbOrTx } from '../../platform/db/client';
import { invalid } from '../../platform/errors';
import { auditLog } from './audit.tables';
import { users } from '../auth/auth.tables';
import { apiTokens } from '../api-tokens/api-tokens.tables';

export type AuditEntryInput = {
  workspaceId: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
};

// Never copy credentials into the log, whatever entity they ride on.
const SECRET_KEYS = new Set(['passwordHash', 'tokenHash', 'token', 'csrfToken', 'password']);

function redact(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (!SECRET_KEYS.has(k)) out[k] = redact(v);
    }
    return out;
  }
  return value;
}

/** Records one change at `at` (the service's clock); call it with the transaction that makes the change so both land or neither. */
export async function recordAudit(tx: DbOrTx, at: Date, entry: AuditEntryInput): Promise<void> {
  await tx.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorUserId: entry.actor.userId,
    actorTokenId: entry.actor.tokenId,
    ip: entry.actor.ip,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: redact(entry.before),
    after: redact(entry.after),
    createdAt: at,
  });
}

/** Reads a workspace's audit log, newest first, filtered and paged by cursor. */
export async function listAudit(
  db: Db,
  workspaceId: string,
  query: TAuditQueryParsed,
  timeZoneOffset: (date: string) => Date,
): Promise<TAuditPage> {
  const where: SQL[] = [eq(auditLog.workspaceId, workspaceId)];
  if (query.actorUserId) where.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.entityType) where.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) where.push(eq(auditLog.entityId, query.entityId));
  if (query.from) where.push(gte(auditLog.createdAt, timeZoneOffset(query.from)));
  if (query.to) {
    const end = timeZoneOffset(query.to);
    where.push(lt(auditLog.createdAt, new Date(end.getTime() + 86_400_000)));
  }
  if (query.before) {
    const cursor = Number(query.before);
    if (!Number.isSafeInteger(cursor) || cursor <= 0) throw invalid('before', 'not a valid cursor');
    where.push(lt(auditLog.id, cursor));
  }
  const rows = await db
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      actorUserId: auditLog.actorUserId,
      actorTokenId: auditLog.actorTokenId,
      displayName: users.displayName,
      tokenName: apiTokens.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .leftJoin(apiTokens, eq(apiTokens.id, auditLog.actorTokenId))
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return {
    entries: page.map((r) => ({
      id: String(r.id),
      at: r.createdAt.toISOString(),
      actor: {
        userId: r.actorUserId,
        displayName: r.displayName,
        tokenId: r.actorTokenId,
        tokenName: r.tokenName,
      },
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before ?? null,
      after: r.after ?? null,
    })),
    nextCursor: rows.length > query.limit ? String(page.at(-1)?.id) : null,
  };
}
