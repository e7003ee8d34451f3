import { z } from 'zod';
import { ZPlatform } from './accounts';
import { ZRole } from './roles';

export const CONTENT_FORMATS = ['article', 'short_video', 'live', 'audio', 'long_form'] as const;
export const ZContentFormat = z.enum(CONTENT_FORMATS);
export type TContentFormat = z.infer<typeof ZContentFormat>;

/** Built-in content pillars; a workspace adds its own as `custom:<id>`. */
export const BUILTIN_PILLARS = [
  'brand_story',
  'product_promotion',
  'usage_tips',
  'interaction',
  'hot_topic',
  'customer_stories',
] as const;
export const ZPillar = z.union([z.enum(BUILTIN_PILLARS), z.string().regex(/^custom:[0-9a-f-]{36}$/, 'unknown pillar')]);

export const CONTENT_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'published',
  'failed',
  'cancelled',
] as const;
export const ZContentStatus = z.enum(CONTENT_STATUSES);
export type TContentStatus = z.infer<typeof ZContentStatus>;

const ZIsoDateTime = z.iso.datetime({ offset: true });
const ZTag = z.string().trim().min(1).max(30);
const ZHashtag = z.string().trim().min(1).max(50);

export const ZVariantInput = z.object({
  accountId: z.uuid(),
  /** Null or absent: use the item's title/body. */
  title: z.string().trim().max(200).nullable().optional(),
  body: z.string().max(50_000).nullable().optional(),
  hashtags: z.array(ZHashtag).max(30).optional(),
  plannedAt: ZIsoDateTime.nullable().optional(),
});
export type TVariantInput = z.input<typeof ZVariantInput>;

const contentFields = {
  title: z.string().trim().min(1).max(200),
  body: z.string().max(50_000),
  format: ZContentFormat,
  pillar: ZPillar.nullable().optional(),
  tags: z.array(ZTag).max(20).optional(),
  plannedAt: ZIsoDateTime.nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  sponsored: z.boolean().optional(),
  focusKeyword: z.string().trim().max(30).nullable().optional(),
  titleVariants: z.array(z.string().trim().min(1).max(200)).max(5).optional(),
};

export const ZCreateContentBody = z.object({
  ...contentFields,
  body: contentFields.body.default(''),
  variants: z.array(ZVariantInput).max(20).optional(),
});
export type TCreateContentBody = z.input<typeof ZCreateContentBody>;

export const ZUpdateContentBody = z
  .object({
    ...contentFields,
    variants: z.array(ZVariantInput).max(20).optional(),
    /** The version the editor started from: a save over someone else's newer save is refused. */
    baseVersion: z.number().int().min(1).optional(),
  })
  .partial();
export type TUpdateContentBody = z.input<typeof ZUpdateContentBody>;

export const ZFinding = z.object({
  ruleId: z.string(),
  category: z.string(),
  severity: z.enum(['block', 'warn', 'info']),
  field: z.string(),
  accountId: z.uuid().nullable(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  message: z.string(),
  suggestions: z.array(z.string()),
});
export type TFinding = z.infer<typeof ZFinding>;

export const ZVariant = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  platform: ZPlatform,
  title: z.string().nullable(),
  body: z.string().nullable(),
  hashtags: z.array(z.string()),
  plannedAt: z.string().nullable(),
});
export type TVariant = z.infer<typeof ZVariant>;

export const ZContentItem = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  title: z.string(),
  body: z.string(),
  format: ZContentFormat,
  pillar: z.string().nullable(),
  tags: z.array(z.string()),
  plannedAt: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  sponsored: z.boolean(),
  focusKeyword: z.string().nullable(),
  titleVariants: z.array(z.string()),
  status: ZContentStatus,
  version: z.number().int(),
  approvedVersion: z.number().int().nullable(),
  /** Index of the approval step waiting for a decision (in review only). */
  reviewStep: z.number().int().nullable(),
  coverUrl: z.string().nullable(),
  media: z.array(z.object({ id: z.uuid(), url: z.string(), mimeType: z.string(), name: z.string().nullable() })),
  variants: z.array(ZVariant),
  findings: z.array(ZFinding),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TContentItem = z.infer<typeof ZContentItem>;

export const ZContentSummary = ZContentItem.omit({ body: true, findings: true, media: true }).extend({
  blockingFindings: z.number().int(),
});
export type TContentSummary = z.infer<typeof ZContentSummary>;

export const ZListContentQuery = z.object({
  q: z.string().trim().max(60).optional(),
  status: ZContentStatus.optional(),
  format: ZContentFormat.optional(),
  pillar: z.string().max(60).optional(),
  accountId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  tag: z.string().max(30).optional(),
  /** Planned between these instants (inclusive start, exclusive end). */
  from: ZIsoDateTime.optional(),
  to: ZIsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TListContentQuery = z.input<typeof ZListContentQuery>;

export const ZContentVersion = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  variants: z.array(ZVariantInput),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export type TContentVersion = z.infer<typeof ZContentVersion>;

export const ZApprovalStep = z.object({
  name: z.string().trim().min(1).max(40),
  roles: z.array(ZRole).min(1),
  mode: z.enum(['any', 'all']),
});
export const ZApprovalFlow = z.object({ steps: z.array(ZApprovalStep).min(1).max(5) });
export type TApprovalFlow = z.infer<typeof ZApprovalFlow>;

export const ZSubmitBody = z.object({
  /** A lead's written reason to submit despite blocking findings. */
  overrideReason: z.string().trim().min(5).max(500).optional(),
});
export const ZDecisionBody = z.object({
  decision: z.enum(['approve', 'request_changes']),
  comment: z.string().trim().max(2000).optional(),
  overrideReason: z.string().trim().min(5).max(500).optional(),
});
export type TDecisionBody = z.infer<typeof ZDecisionBody>;

export const ZDecision = z.object({
  id: z.uuid(),
  version: z.number().int(),
  step: z.number().int(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  decision: z.enum(['approve', 'request_changes', 'submit', 'override']),
  comment: z.string().nullable(),
  overrideReason: z.string().nullable(),
  createdAt: z.string(),
});
export type TDecision = z.infer<typeof ZDecision>;

export const ZCommentBody = z.object({
  body: z.string().trim().min(1).max(2000),
  /** Anchor to a passage of the version being commented on. */
  anchor: z
    .object({ field: z.enum(['title', 'body']), start: z.number().int().min(0), end: z.number().int().min(0), quote: z.string().max(500) })
    .optional(),
});
export const ZComment = z.object({
  id: z.uuid(),
  version: z.number().int(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  body: z.string(),
  anchor: ZCommentBody.shape.anchor.nullable(),
  createdAt: z.string(),
});
export type TComment = z.infer<typeof ZComment>;

export const ZComplianceCheckBody = z.object({
  text: z.string().max(50_000),
  title: z.string().max(200).optional(),
  platform: ZPlatform.optional(),
  sponsored: z.boolean().optional(),
  hashtags: z.array(z.string().max(50)).max(50).optional(),
});
