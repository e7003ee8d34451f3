import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  ZCreateContentBody,
  ZListContentQuery,
  ZUpdateContentBody,
  type TContentItem,
  type TContentSummary,
  type TContentVersion,
  type TCreateContentBody,
  type TListContentQuery,
  type TLocale,
  type TUpdateContentBody,
  type TVariantInput,
} from '@yunce/contracts';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database, Tx } from '../../platform/db/client';
import { DomainError, invalid, notFound } from '../../platform/errors';
import { recordAudit } from '../audit/audit.service';
import { accounts } from '../accounts/accounts.tables';
import { memberships } from '../workspaces/workspaces.tables';
import { users } from '../auth/auth.tables';
import { assertCan } from '../workspaces/workspaces.service';
import type { FilesService } from '../files/files.service';
import type { ContentSettingsService } from './content.settings';
import { contentItems, contentMedia, contentVariants, contentVersions } from './content.tables';
import {
  findingsOf,
  loadVariants,
  presentItem,
  presentVariant,
  type ItemRow,
} from './content.presenter';

/** Statuses in which the text may still change (a published or cancelled item is history). */
const EDITABLE = new Set([
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'failed',
]);
const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

type Snapshot = { title: string; body: string; variants: TVariantInput[] };

function snapshotOf(
  title: string,
  body: string,
  variants: { accountId: string; title: string | null; body: string | null; hashtags: string[] }[],
): Snapshot {
  return {
    title,
    body,
    variants: variants
      .map((v) => ({ accountId: v.accountId, title: v.title, body: v.body, hashtags: v.hashtags }))
      .sort((a, b) => a.accountId.localeCompare(b.accountId)),
  };
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export function createContentService(deps: {
  database: Database;
  clock: Clock;
  settings: ContentSettingsService;
  files: FilesService;
}) {
  const { db } = deps.database;
  const { clock, settings } = deps;

  async function getRow(
    tx: Database['db'] | Tx,
    member: MemberActor,
    itemId: string,
  ): Promise<ItemRow> {
    const row = await tx.query.contentItems.findFirst({
      where: and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)),
    });
    if (!row) throw notFound('Content item');
    return row;
  }

  /** Target accounts must be active accounts of this workspace. */
  async function assertAccounts(tx: Tx, member: MemberActor, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    if (new Set(ids).size !== ids.length) throw invalid('variants', 'an account appears twice');
    const found = await tx
      .select({ id: accounts.id, status: accounts.status })
      .from(accounts)
      .where(and(eq(accounts.workspaceId, member.workspaceId), inArray(accounts.id, ids)));
    ids.forEach((id, i) => {
      const a = found.find((f) => f.id === id);
      if (!a) throw invalid(`variants.${i}.accountId`, 'no such account in this workspace');
      if (a.status !== 'active')
        throw invalid(`variants.${i}.accountId`, 'the account is archived');
    });
  }

  async function assertOwner(
    tx: Tx,
    member: MemberActor,
    ownerId: string | null | undefined,
  ): Promise<void> {
    if (!ownerId) return;
    const m = await tx.query.memberships.findFirst({
      where: and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, ownerId)),
    });
    if (!m) throw invalid('ownerId', 'not a member of this workspace');
  }

  async function writeVariants(
    tx: Tx,
    member: MemberActor,
    itemId: string,
    variants: TVariantInput[],
  ): Promise<void> {
    await tx
      .delete(contentVariants)
      .where(
        and(
          eq(contentVariants.itemId, itemId),
          eq(contentVariants.workspaceId, member.workspaceId),
        ),
      );
    if (variants.length === 0) return;
    const now = clock.now();
    await tx.insert(contentVariants).values(
      variants.map((v) => ({
        workspaceId: member.workspaceId,
        itemId,
        accountId: v.accountId,
        title: v.title ?? null,
        body: v.body ?? null,
        hashtags: v.hashtags ?? [],
        plannedAt: v.plannedAt ? new Date(v.plannedAt) : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
  }

  async function present(item: ItemRow, locale: TLocale): Promise<TContentItem> {
    return presentItem(db, await settings.engineFor(item.workspaceId), item, locale);
  }

  const service = {
    /** Creates an item (version 1) with per-account variants pre-filled from the master. */
    async createItem(
      member: MemberActor,
      input: TCreateContentBody,
      locale: TLocale,
    ): Promise<TContentItem> {
      assertCan(member, 'content.write');
      const body = ZCreateContentBody.parse(input);
      await settings.assertPillar(member.workspaceId, body.pillar);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const variants = body.variants ?? [];
        await assertAccounts(
          tx,
          member,
          variants.map((v) => v.accountId),
        );
        await assertOwner(tx, member, body.ownerId);
        const [item] = await tx
          .insert(contentItems)
          .values({
            workspaceId: member.workspaceId,
            title: body.title,
            body: body.body,
            format: body.format,
            pillar: body.pillar ?? null,
            tags: body.tags ?? [],
            plannedAt: body.plannedAt ? new Date(body.plannedAt) : null,
            ownerId: body.ownerId ?? member.userId,
            sponsored: body.sponsored ?? false,
            focusKeyword: body.focusKeyword ?? null,
            titleVariants: body.titleVariants ?? [],
            createdBy: member.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!item) throw new Error('content insert returned nothing');
        await writeVariants(tx, member, item.id, variants);
        const snap = snapshotOf(
          item.title,
          item.body,
          variants.map((v) => ({
            accountId: v.accountId,
            title: v.title ?? null,
            body: v.body ?? null,
            hashtags: v.hashtags ?? [],
          })),
        );
        await tx.insert(contentVersions).values({
          workspaceId: member.workspaceId,
          itemId: item.id,
          version: 1,
          ...snap,
          createdBy: member.userId,
          createdAt: now,
        });
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content.create',
          entityType: 'content',
          entityId: item.id,
          after: item,
        });
        return item;
      });
      return present(row, locale);
    },

    /**
     * Saves changes. A change of text (title, body or any variant's text) is a new version and
     * voids approval: the item goes back to draft and must be approved again.
     */
    async updateItem(
      member: MemberActor,
      itemId: string,
      input: TUpdateContentBody,
      locale: TLocale,
    ): Promise<TContentItem> {
      assertCan(member, 'content.write');
      const body = ZUpdateContentBody.parse(input);
      if (body.pillar !== undefined) await settings.assertPillar(member.workspaceId, body.pillar);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await getRow(tx, member, itemId);
        if (!EDITABLE.has(before.status)) {
          throw new DomainError(
            'CONFLICT',
            `This item is ${before.status}; it can no longer be edited`,
          );
        }
        if (body.baseVersion !== undefined && body.baseVersion !== before.version) {
          // The current version rides along so a client can offer "load it" without asking again.
          throw new DomainError(
            'CONFLICT',
            `Someone saved version ${before.version} after the version ${body.baseVersion} you edited; reload to see their changes`,
            [{ field: 'baseVersion', message: `the current version is ${before.version}` }],
          );
        }
        const oldVariants = await loadVariants(tx, member.workspaceId, [itemId]);
        if (body.variants)
          await assertAccounts(
            tx,
            member,
            body.variants.map((v) => v.accountId),
          );
        await assertOwner(tx, member, body.ownerId);
        const oldSnap = snapshotOf(before.title, before.body, oldVariants);
        const newVariants = body.variants
          ? body.variants.map((v) => ({
              accountId: v.accountId,
              title: v.title ?? null,
              body: v.body ?? null,
              hashtags: v.hashtags ?? [],
            }))
          : oldVariants;
        const newSnap = snapshotOf(
          body.title ?? before.title,
          body.body ?? before.body,
          newVariants,
        );
        const textChanged = JSON.stringify(oldSnap) !== JSON.stringify(newSnap);
        const version = textChanged ? before.version + 1 : before.version;
        // Edits after submission void the review: the new text has not been seen by anyone.
        const reopen =
          textChanged &&
          ['in_review', 'approved', 'scheduled', 'changes_requested'].includes(before.status);
        const [after] = await tx
          .update(contentItems)
          .set({
            ...(body.title !== undefined ? { title: body.title } : {}),
            ...(body.body !== undefined ? { body: body.body } : {}),
            ...(body.format !== undefined ? { format: body.format } : {}),
            ...(body.pillar !== undefined ? { pillar: body.pillar } : {}),
            ...(body.tags !== undefined ? { tags: body.tags } : {}),
            ...(body.plannedAt !== undefined
              ? { plannedAt: body.plannedAt ? new Date(body.plannedAt) : null }
              : {}),
            ...(body.ownerId !== undefined ? { ownerId: body.ownerId } : {}),
            ...(body.sponsored !== undefined ? { sponsored: body.sponsored } : {}),
            ...(body.focusKeyword !== undefined ? { focusKeyword: body.focusKeyword } : {}),
            ...(body.titleVariants !== undefined ? { titleVariants: body.titleVariants } : {}),
            version,
            ...(reopen
              ? { status: 'draft' as const, approvedVersion: null, reviewStep: null }
              : {}),
            updatedAt: now,
          })
          .where(and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)))
          .returning();
        if (!after) throw notFound('Content item');
        if (body.variants) {
          // Keep the planned time of accounts that stay when the caller did not send one.
          const merged = body.variants.map((v) => ({
            ...v,
            plannedAt:
              v.plannedAt !== undefined
                ? v.plannedAt
                : (oldVariants.find((o) => o.accountId === v.accountId)?.plannedAt?.toISOString() ??
                  null),
          }));
          await writeVariants(tx, member, itemId, merged);
        }
        if (textChanged) {
          await tx.insert(contentVersions).values({
            workspaceId: member.workspaceId,
            itemId,
            version,
            ...newSnap,
            createdBy: member.userId,
            createdAt: now,
          });
        }
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content.update',
          entityType: 'content',
          entityId: itemId,
          before,
          after,
        });
        return after;
      });
      return present(row, locale);
    },

    /** One item with variants, media and findings. */
    async getItem(member: MemberActor, itemId: string, locale: TLocale): Promise<TContentItem> {
      assertCan(member, 'content.read');
      return present(await getRow(db, member, itemId), locale);
    },

    /** The library and the calendar: filtered, newest plan first within a range. */
    async listItems(
      member: MemberActor,
      input: TListContentQuery,
      locale: TLocale,
    ): Promise<TContentSummary[]> {
      assertCan(member, 'content.read');
      const q = ZListContentQuery.parse(input);
      const where: SQL[] = [eq(contentItems.workspaceId, member.workspaceId)];
      if (q.status) where.push(eq(contentItems.status, q.status));
      if (q.format) where.push(eq(contentItems.format, q.format));
      if (q.pillar) where.push(eq(contentItems.pillar, q.pillar));
      if (q.ownerId) where.push(eq(contentItems.ownerId, q.ownerId));
      if (q.tag) where.push(sql`${q.tag} = ANY(${contentItems.tags})`);
      if (q.from) where.push(gte(contentItems.plannedAt, new Date(q.from)));
      if (q.to) where.push(lt(contentItems.plannedAt, new Date(q.to)));
      if (q.q) {
        const match = or(
          ilike(contentItems.title, `%${likeEscape(q.q)}%`),
          ilike(contentItems.body, `%${likeEscape(q.q)}%`),
        );
        if (match) where.push(match);
      }
      if (q.accountId) {
        where.push(
          sql`EXISTS (SELECT 1 FROM ${contentVariants} WHERE ${contentVariants.itemId} = ${contentItems.id} AND ${contentVariants.accountId} = ${q.accountId})`,
        );
      }
      const rows = await db
        .select()
        .from(contentItems)
        .where(and(...where))
        .orderBy(q.from || q.to ? asc(contentItems.plannedAt) : desc(contentItems.updatedAt))
        .limit(q.limit);
      const variants = await loadVariants(
        db,
        member.workspaceId,
        rows.map((r) => r.id),
      );
      const engine = await settings.engineFor(member.workspaceId);
      const owners = new Map<string, string>();
      const ownerIds = [
        ...new Set(rows.map((r) => r.ownerId).filter((x): x is string => Boolean(x))),
      ];
      if (ownerIds.length) {
        for (const u of await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, ownerIds)))
          owners.set(u.id, u.name);
      }
      return rows.map((item) => {
        const vs = variants.filter((v) => v.itemId === item.id);
        const findings = findingsOf(engine, item, vs, locale);
        return {
          id: item.id,
          workspaceId: item.workspaceId,
          title: item.title,
          format: item.format,
          pillar: item.pillar,
          tags: item.tags,
          plannedAt: item.plannedAt?.toISOString() ?? null,
          ownerId: item.ownerId,
          ownerName: item.ownerId ? (owners.get(item.ownerId) ?? null) : null,
          sponsored: item.sponsored,
          focusKeyword: item.focusKeyword,
          titleVariants: item.titleVariants,
          status: item.status,
          version: item.version,
          approvedVersion: item.approvedVersion,
          reviewStep: item.reviewStep,
          coverUrl: item.coverFileId
            ? `/api/v1/workspaces/${item.workspaceId}/files/${item.coverFileId}`
            : null,
          variants: vs.map(presentVariant),
          blockingFindings: findings.filter((f) => f.severity === 'block').length,
          createdAt: item.createdAt.toISOString(),
          updatedAt: item.updatedAt.toISOString(),
        };
      });
    },

    /** Copies an item's text, settings and variants into a new draft. */
    async duplicateItem(
      member: MemberActor,
      itemId: string,
      locale: TLocale,
    ): Promise<TContentItem> {
      const src = await getRow(db, member, itemId);
      const variants = await loadVariants(db, member.workspaceId, [itemId]);
      return service.createItem(
        member,
        {
          title: locale === 'en-US' ? `${src.title} (copy)` : `${src.title}（副本）`.slice(0, 200),
          body: src.body,
          format: src.format,
          pillar: src.pillar,
          tags: src.tags,
          sponsored: src.sponsored,
          focusKeyword: src.focusKeyword,
          titleVariants: src.titleVariants,
          variants: variants.map((v) => ({
            accountId: v.accountId,
            title: v.title,
            body: v.body,
            hashtags: v.hashtags,
          })),
        },
        locale,
      );
    },

    /** Cancels an item that has not been published. */
    async cancelItem(member: MemberActor, itemId: string, locale: TLocale): Promise<TContentItem> {
      assertCan(member, 'content.write');
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const before = await getRow(tx, member, itemId);
        if (before.status === 'published' || before.status === 'cancelled') {
          throw new DomainError('CONFLICT', `This item is already ${before.status}`);
        }
        const [after] = await tx
          .update(contentItems)
          .set({ status: 'cancelled', reviewStep: null, updatedAt: now })
          .where(eq(contentItems.id, itemId))
          .returning();
        if (!after) throw notFound('Content item');
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content.cancel',
          entityType: 'content',
          entityId: itemId,
          before: { status: before.status },
          after: { status: 'cancelled' },
        });
        return after;
      });
      return present(row, locale);
    },

    /** Every saved version, newest first. */
    async listVersions(member: MemberActor, itemId: string): Promise<TContentVersion[]> {
      assertCan(member, 'content.read');
      await getRow(db, member, itemId);
      const rows = await db
        .select({ v: contentVersions, name: users.displayName })
        .from(contentVersions)
        .leftJoin(users, eq(users.id, contentVersions.createdBy))
        .where(
          and(
            eq(contentVersions.itemId, itemId),
            eq(contentVersions.workspaceId, member.workspaceId),
          ),
        )
        .orderBy(desc(contentVersions.version));
      return rows.map(({ v, name }) => ({
        version: v.version,
        title: v.title,
        body: v.body,
        variants: v.variants,
        createdAt: v.createdAt.toISOString(),
        createdBy: v.createdBy,
        createdByName: name,
      }));
    },

    /** Adds an image or video to the item (or sets its cover); the item is unchanged on failure. */
    async addMedia(
      member: MemberActor,
      itemId: string,
      upload: { bytes: Buffer; filename: string | null; asCover: boolean },
      locale: TLocale,
    ): Promise<TContentItem> {
      assertCan(member, 'content.write');
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const item = await getRow(tx, member, itemId);
        const file = await deps.files.storeImage(tx, member, {
          bytes: upload.bytes,
          originalName: upload.filename,
          purpose: upload.asCover ? 'content-cover' : 'content-media',
          maxBytes: MAX_MEDIA_BYTES,
          // A cover is shown as a picture; other media may be video or audio.
          allowMedia: !upload.asCover,
        });
        if (upload.asCover) {
          const [after] = await tx
            .update(contentItems)
            .set({ coverFileId: file.id, updatedAt: now })
            .where(eq(contentItems.id, itemId))
            .returning();
          await recordAudit(tx, now, {
            workspaceId: member.workspaceId,
            actor: member,
            action: 'content.cover',
            entityType: 'content',
            entityId: itemId,
            before: { coverFileId: item.coverFileId },
            after: { coverFileId: file.id },
          });
          return after ?? item;
        }
        const [{ n } = { n: 0 }] = await tx
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(contentMedia)
          .where(eq(contentMedia.itemId, itemId));
        await tx.insert(contentMedia).values({
          workspaceId: member.workspaceId,
          itemId,
          fileId: file.id,
          position: n,
          createdAt: now,
        });
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content.media.add',
          entityType: 'content',
          entityId: itemId,
          after: { fileId: file.id },
        });
        return item;
      });
      return present(row, locale);
    },
  };
  return service;
}

export type ContentService = ReturnType<typeof createContentService>;
