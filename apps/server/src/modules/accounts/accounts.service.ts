import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import {
  type TAccount,
  type TCreateAccountBody,
  type TListAccountsQuery,
  type TLocale,
  type TPersona,
  type TUpdateAccountBody,
  ZCreateAccountBody,
  ZListAccountsQuery,
  ZPersona,
  ZUpdateAccountBody,
} from '@yunce/contracts';
import { checkProfile } from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { DomainError, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/audit.service';
import { MAX_AVATAR_BYTES, type FilesService } from '../files/files.service';
import { assertCan } from '../workspaces/workspaces.service';
import { accounts } from './accounts.tables';

type Row = typeof accounts.$inferSelect;

const EMPTY_PERSONA: TPersona = ZPersona.parse({});

/** Escapes LIKE wildcards so a search for "50%" means the text, not a pattern. */
function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createAccountsService(deps: {
  database: Database;
  clock: Clock;
  files: FilesService;
}) {
  const { db } = deps.database;
  const { clock } = deps;

  function present(r: Row, locale: TLocale): TAccount {
    return {
      id: r.id,
      workspaceId: r.workspaceId,
      platform: r.platform,
      name: r.name,
      handle: r.handle,
      avatarUrl: r.avatarFileId
        ? `/api/v1/workspaces/${r.workspaceId}/files/${r.avatarFileId}`
        : null,
      bio: r.bio,
      category: r.category,
      purpose: r.purpose,
      persona: r.persona,
      toneOfVoice: r.toneOfVoice,
      postingPlan: r.postsPerWeek === null ? null : { postsPerWeek: r.postsPerWeek },
      connectionType: r.connectionType,
      status: r.status,
      infoReviewedAt: r.infoReviewedAt?.toISOString() ?? null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      archivedAt: r.archivedAt?.toISOString() ?? null,
      profileCheck: checkProfile(
        {
          platform: r.platform,
          name: r.name,
          handle: r.handle,
          bio: r.bio,
          hasAvatar: r.avatarFileId !== null,
          category: r.category,
          purpose: r.purpose,
          persona: r.persona,
          infoReviewedAt: r.infoReviewedAt,
          createdAt: r.createdAt,
        },
        { now: clock.now(), locale },
      ),
    };
  }

  async function getRow(member: MemberActor, accountId: string): Promise<Row> {
    const row = await db.query.accounts.findFirst({
      where: and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)),
    });
    if (!row) throw notFound('Account');
    return row;
  }

  async function change(
    member: MemberActor,
    accountId: string,
    action: string,
    patch: (before: Row) => Partial<typeof accounts.$inferInsert>,
  ): Promise<Row> {
    return db.transaction(async (tx) => {
      const before = await tx.query.accounts.findFirst({
        where: and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)),
      });
      if (!before) throw notFound('Account');
      const [after] = await tx
        .update(accounts)
        .set({ ...patch(before), updatedAt: clock.now() })
        .where(and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)))
        .returning();
      if (!after) throw notFound('Account');
      await recordAudit(tx, clock.now(), {
        workspaceId: member.workspaceId,
        actor: member,
        action,
        entityType: 'account',
        entityId: accountId,
        before,
        after,
      });
      return after;
    });
  }

  return {
    /** Lists the workspace's accounts, filtered by status, platform and a name/handle search. */
    async listAccounts(
      member: MemberActor,
      input: TListAccountsQuery,
      locale: TLocale,
    ): Promise<TAccount[]> {
      assertCan(member, 'accounts.read');
      const q = ZListAccountsQuery.parse(input);
      const where: SQL[] = [eq(accounts.workspaceId, member.workspaceId)];
      if (q.status !== 'all') where.push(eq(accounts.status, q.status));
      if (q.platform) where.push(eq(accounts.platform, q.platform));
      if (q.q) {
        const pattern = `%${likeEscape(q.q)}%`;
        const match = or(ilike(accounts.name, pattern), ilike(accounts.handle, pattern));
        if (match) where.push(match);
      }
      const rows = await db
        .select()
        .from(accounts)
        .where(and(...where))
        .orderBy(asc(accounts.platform), asc(accounts.name));
      return rows.map((r) => present(r, locale));
    },

    /** One account of the workspace. */
    async getAccount(member: MemberActor, accountId: string, locale: TLocale): Promise<TAccount> {
      assertCan(member, 'accounts.read');
      return present(await getRow(member, accountId), locale);
    },

    /** Registers an account. */
    async createAccount(
      member: MemberActor,
      input: TCreateAccountBody,
      locale: TLocale,
    ): Promise<TAccount> {
      assertCan(member, 'accounts.write');
      const body = ZCreateAccountBody.parse(input);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .insert(accounts)
          .values({
            workspaceId: member.workspaceId,
            platform: body.platform,
            name: body.name,
            handle: body.handle ?? null,
            bio: body.bio ?? null,
            category: body.category ?? null,
            purpose: body.purpose ?? null,
            persona: body.persona ?? EMPTY_PERSONA,
            toneOfVoice: body.toneOfVoice ?? null,
            postsPerWeek: body.postingPlan?.postsPerWeek ?? null,
            connectionType: body.connectionType,
            // A newly entered profile counts as reviewed now.
            infoReviewedAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!r) throw new Error('account insert returned nothing');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'account.create',
          entityType: 'account',
          entityId: r.id,
          after: r,
        });
        return r;
      });
      return present(row, locale);
    },

    /** Edits an account; `markReviewed` stamps the info as reviewed now. */
    async updateAccount(
      member: MemberActor,
      accountId: string,
      input: TUpdateAccountBody,
      locale: TLocale,
    ): Promise<TAccount> {
      assertCan(member, 'accounts.write');
      const body = ZUpdateAccountBody.parse(input);
      const { markReviewed, postingPlan, ...fields } = body;
      const row = await change(member, accountId, 'account.update', (before) => {
        if (before.status === 'archived') {
          throw new DomainError('CONFLICT', 'This account is archived; restore it before editing');
        }
        return {
          ...fields,
          ...(postingPlan !== undefined ? { postsPerWeek: postingPlan?.postsPerWeek ?? null } : {}),
          ...(markReviewed ? { infoReviewedAt: clock.now() } : {}),
        };
      });
      return present(row, locale);
    },

    /** Archives an account: it leaves the active lists but keeps its history. */
    async archiveAccount(
      member: MemberActor,
      accountId: string,
      locale: TLocale,
    ): Promise<TAccount> {
      assertCan(member, 'accounts.archive');
      const row = await change(member, accountId, 'account.archive', () => ({
        status: 'archived',
        archivedAt: clock.now(),
      }));
      return present(row, locale);
    },

    /** Brings an archived account back. */
    async unarchiveAccount(
      member: MemberActor,
      accountId: string,
      locale: TLocale,
    ): Promise<TAccount> {
      assertCan(member, 'accounts.archive');
      const row = await change(member, accountId, 'account.unarchive', () => ({
        status: 'active',
        archivedAt: null,
      }));
      return present(row, locale);
    },

    /** Replaces the account's avatar with an uploaded image (checked by its bytes). */
    async setAvatar(
      member: MemberActor,
      accountId: string,
      upload: { bytes: Buffer; filename: string | null },
      locale: TLocale,
    ): Promise<TAccount> {
      assertCan(member, 'accounts.write');
      const row = await db.transaction(async (tx) => {
        const before = await tx.query.accounts.findFirst({
          where: and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)),
        });
        if (!before) throw notFound('Account');
        const file = await deps.files.storeImage(tx, member, {
          bytes: upload.bytes,
          originalName: upload.filename,
          purpose: 'avatar',
          maxBytes: MAX_AVATAR_BYTES,
        });
        const [after] = await tx
          .update(accounts)
          .set({ avatarFileId: file.id, updatedAt: clock.now() })
          .where(eq(accounts.id, accountId))
          .returning();
        if (!after) throw notFound('Account');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'account.avatar',
          entityType: 'account',
          entityId: accountId,
          before: { avatarFileId: before.avatarFileId },
          after: { avatarFileId: file.id },
        });
        return after;
      });
      return present(row, locale);
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
