import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TContentItem, TFinding, TLocale, TVariant } from '@yunce/contracts';
import type { TComplianceEngine } from '@yunce/core';
import type { DbOrTx } from '../../platform/db/client';
import { accounts } from '../accounts/accounts.tables';
import { users } from '../auth/auth.tables';
import { files } from '../files/files.tables';
import { contentItems, contentMedia, contentVariants } from './content.tables';

export type ItemRow = typeof contentItems.$inferSelect;
export type VariantRow = typeof contentVariants.$inferSelect & {
  accountName: string;
  platform: TVariant['platform'];
};

/** Variants of some items with their account's name and platform. */
export async function loadVariants(
  db: DbOrTx,
  workspaceId: string,
  itemIds: string[],
): Promise<VariantRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .select({ v: contentVariants, accountName: accounts.name, platform: accounts.platform })
    .from(contentVariants)
    .innerJoin(accounts, eq(accounts.id, contentVariants.accountId))
    .where(
      and(eq(contentVariants.workspaceId, workspaceId), inArray(contentVariants.itemId, itemIds)),
    )
    .orderBy(asc(accounts.platform), asc(accounts.name));
  return rows.map((r) => ({ ...r.v, accountName: r.accountName, platform: r.platform }));
}

export function presentVariant(v: VariantRow): TVariant {
  return {
    id: v.id,
    accountId: v.accountId,
    accountName: v.accountName,
    platform: v.platform,
    title: v.title,
    body: v.body,
    hashtags: v.hashtags,
    plannedAt: v.plannedAt?.toISOString() ?? null,
  };
}

/**
 * Checks the master text (no platform) and every variant as it will go out (its own text or the
 * master's, on its account's platform).
 */
export function findingsOf(
  engine: TComplianceEngine,
  item: ItemRow,
  variants: VariantRow[],
  locale: TLocale,
): TFinding[] {
  const out: TFinding[] = [];
  const push = (
    accountId: string | null,
    findings: ReturnType<TComplianceEngine['checkPost']>['findings'],
  ) => {
    for (const f of findings) {
      out.push({
        ruleId: f.ruleId,
        category: f.category,
        severity: f.severity,
        field: f.field === 'hashtag' ? `hashtags.${f.index ?? 0}` : f.field,
        accountId,
        start: f.start,
        end: f.end,
        text: f.text,
        message: f.message,
        suggestions: [...f.suggestions],
      });
    }
  };
  push(
    null,
    engine.checkPost({ title: item.title, body: item.body, sponsored: item.sponsored }, { locale })
      .findings,
  );
  // A variant that keeps the master's title or body repeats the master's findings there: those
  // are reported once, on the master, so counts and badges do not double.
  const masterKeys = new Set(out.map((f) => `${f.ruleId}|${f.field}|${f.start}|${f.end}`));
  for (const v of variants) {
    const inherited = (field: string) =>
      (field === 'title' && v.title === null) || (field === 'body' && v.body === null);
    push(
      v.accountId,
      engine
        .checkPost(
          {
            title: v.title ?? item.title,
            body: v.body ?? item.body,
            hashtags: v.hashtags,
            platform: v.platform,
            sponsored: item.sponsored,
          },
          { locale },
        )
        .findings.filter(
          (f) =>
            !(inherited(f.field) && masterKeys.has(`${f.ruleId}|${f.field}|${f.start}|${f.end}`)),
        ),
    );
  }
  return out;
}

/** Full item for the editor: variants, media, owner and compliance findings. */
export async function presentItem(
  db: DbOrTx,
  engine: TComplianceEngine,
  item: ItemRow,
  locale: TLocale,
): Promise<TContentItem> {
  const variants = await loadVariants(db, item.workspaceId, [item.id]);
  const owner = item.ownerId
    ? await db.query.users.findFirst({
        columns: { displayName: true },
        where: eq(users.id, item.ownerId),
      })
    : undefined;
  const media = await db
    .select({
      id: contentMedia.id,
      fileId: files.id,
      mimeType: files.mimeType,
      name: files.originalName,
    })
    .from(contentMedia)
    .innerJoin(files, eq(files.id, contentMedia.fileId))
    .where(and(eq(contentMedia.itemId, item.id), eq(contentMedia.workspaceId, item.workspaceId)))
    .orderBy(asc(contentMedia.position), asc(contentMedia.createdAt));
  const fileUrl = (fileId: string) => `/api/v1/workspaces/${item.workspaceId}/files/${fileId}`;
  return {
    id: item.id,
    workspaceId: item.workspaceId,
    title: item.title,
    body: item.body,
    format: item.format,
    pillar: item.pillar,
    tags: item.tags,
    plannedAt: item.plannedAt?.toISOString() ?? null,
    ownerId: item.ownerId,
    ownerName: owner?.displayName ?? null,
    sponsored: item.sponsored,
    focusKeyword: item.focusKeyword,
    titleVariants: item.titleVariants,
    status: item.status,
    version: item.version,
    approvedVersion: item.approvedVersion,
    reviewStep: item.reviewStep,
    coverUrl: item.coverFileId ? fileUrl(item.coverFileId) : null,
    media: media.map((m) => ({
      id: m.id,
      url: fileUrl(m.fileId),
      mimeType: m.mimeType,
      name: m.name,
    })),
    variants: variants.map(presentVariant),
    findings: findingsOf(engine, item, variants, locale),
    createdAt: item.createdAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}
