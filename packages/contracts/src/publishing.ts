import { z } from 'zod';
import { ZPlatform } from './accounts';

export const ZConnectionKind = z.enum(['manual', 'webhook', 'wechat-official-account']);
export type TConnectionKind = z.infer<typeof ZConnectionKind>;

export const ZSetConnectionBody = z.object({
  type: ZConnectionKind,
  /** webhook: { url }; wechat-official-account: { appId }. */
  settings: z.record(z.string(), z.string().max(500)).default({}),
  /** webhook: { signingSecret? } (generated when absent); wechat-official-account: { appSecret }. Stored encrypted; omitted keys keep their stored value. */
  secrets: z.record(z.string(), z.string().min(1).max(500)).optional(),
});
export type TSetConnectionBody = z.input<typeof ZSetConnectionBody>;

export const ZConnection = z.object({
  accountId: z.uuid(),
  type: ZConnectionKind,
  settings: z.record(z.string(), z.unknown()),
  /** Which secrets are stored (never their values). */
  secretKeys: z.array(z.string()),
  status: z.enum(['connected', 'needs_reconnect']),
  statusReason: z.string().nullable(),
  /** Returned once, when the server generated a webhook signing secret. */
  generatedSecret: z.string().optional(),
});
export type TConnection = z.infer<typeof ZConnection>;

const ZIsoDateTime = z.iso.datetime({ offset: true });
/** A wall-clock time in the workspace's time zone, e.g. 2026-11-23T09:30. */
const ZLocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'expected YYYY-MM-DDTHH:mm');

export const ZScheduleBody = z.object({
  targets: z
    .array(
      z
        .object({
          accountId: z.uuid(),
          /** An instant with its offset… */
          at: ZIsoDateTime.optional(),
          /** …or a wall-clock time in the workspace time zone. */
          local: ZLocalDateTime.optional(),
        })
        .refine((t) => Boolean(t.at) !== Boolean(t.local), {
          message: 'give exactly one of at or local',
        }),
    )
    .min(1)
    .max(20),
});
export type TScheduleBody = z.input<typeof ZScheduleBody>;

export const PUBLICATION_STATUS_VALUES = [
  'scheduled',
  'retrying',
  'publishing',
  'pending',
  'manual_pending',
  'published',
  'needs_check',
  'held',
  'failed',
  'skipped',
  'cancelled',
] as const;
export const ZPublicationStatus = z.enum(PUBLICATION_STATUS_VALUES);
export type TPublicationStatus = z.infer<typeof ZPublicationStatus>;

export const ZPublishAttempt = z.object({
  id: z.uuid(),
  connector: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  result: z.string(),
  error: z.string().nullable(),
});

export const ZPublication = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  itemTitle: z.string(),
  variantId: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  platform: ZPlatform,
  connector: ZConnectionKind,
  scheduledAt: z.string(),
  /** The same instant written in the workspace time zone, with the zone named. */
  scheduledLocal: z.string(),
  timeZone: z.string(),
  status: ZPublicationStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  lastError: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** For manual publishing: the text to copy. */
  title: z.string(),
  body: z.string(),
  hashtags: z.array(z.string()),
  history: z.array(ZPublishAttempt),
});
export type TPublication = z.infer<typeof ZPublication>;

export const ZManualResultBody = z.union([
  z.object({ outcome: z.literal('published'), url: z.url().max(1000) }),
  z.object({ outcome: z.literal('skipped'), reason: z.string().trim().min(2).max(500) }),
]);
export const ZConfirmBody = z.union([
  z.object({ outcome: z.literal('published'), url: z.url().max(1000).optional() }),
  z.object({ outcome: z.literal('not_published'), retry: z.boolean() }),
]);

export const ZNotification = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZToday = z.object({
  date: z.string(),
  timeZone: z.string(),
  dueToday: z.array(ZPublication),
  manualWaiting: z.array(ZPublication),
  needsCheck: z.array(ZPublication),
  failed: z.array(ZPublication),
  awaitingMyApproval: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      step: z.string(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export type TToday = z.infer<typeof ZToday>;

export const ZRecommendedSlot = z.object({
  timeZone: z.string(),
  slot: z
    .object({
      at: z.string(),
      /** Wall-clock time in the workspace zone, YYYY-MM-DDTHH:mm. */
      local: z.string(),
      basis: z.enum(['history', 'platform_default']),
      reason: z.string(),
    })
    .nullable(),
});
export type TRecommendedSlotView = z.infer<typeof ZRecommendedSlot>;
