import { z } from 'zod';

/** Events a workspace can send out to a webhook or by email (the in-app bell shows all of them). */
export const NOTIFICATION_EVENTS = [
  'publish.published',
  'publish.failed',
  'publish.needs_check',
  'publish.manual',
  'account.needs_reconnect',
  'analytics.anomaly',
  'goal.off_track',
  'report.ready',
] as const;
export const ZNotificationEvent = z.enum(NOTIFICATION_EVENTS);
export type TNotificationEvent = z.infer<typeof ZNotificationEvent>;

export const ZChannelKind = z.enum(['webhook', 'email']);
export type TChannelKind = z.infer<typeof ZChannelKind>;

const ZEmailList = z
  .array(z.email('not an email address'))
  .min(1, 'give at least one address')
  .max(20, 'at most 20 addresses');

export const ZCreateChannelBody = z
  .object({
    kind: ZChannelKind,
    name: z.string().trim().min(1, 'is required').max(60),
    /** webhook: the https URL to POST to. */
    url: z.string().trim().max(500).optional(),
    /** email: the recipients. */
    emails: ZEmailList.optional(),
    events: z.array(ZNotificationEvent).min(1, 'choose at least one event'),
    enabled: z.boolean().default(true),
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'webhook' && !b.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required for a webhook' });
    if (b.kind === 'email' && !b.emails)
      ctx.addIssue({ code: 'custom', path: ['emails'], message: 'is required for email' });
  });
export type TCreateChannelBody = z.input<typeof ZCreateChannelBody>;

export const ZUpdateChannelBody = z.object({
  name: z.string().trim().min(1, 'is required').max(60).optional(),
  url: z.string().trim().max(500).optional(),
  emails: ZEmailList.optional(),
  events: z.array(ZNotificationEvent).min(1, 'choose at least one event').optional(),
  enabled: z.boolean().optional(),
  /** Issue a new signing secret (webhook); the old one stops working at once. */
  rotateSecret: z.boolean().optional(),
});
export type TUpdateChannelBody = z.input<typeof ZUpdateChannelBody>;

export const ZChannel = z.object({
  id: z.uuid(),
  kind: ZChannelKind,
  name: z.string(),
  url: z.string().nullable(),
  emails: z.array(z.string()),
  events: z.array(ZNotificationEvent),
  enabled: z.boolean(),
  lastDeliveryAt: z.string().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  /** Returned once, when a webhook's signing secret is created or rotated. */
  signingSecret: z.string().optional(),
});
export type TChannel = z.infer<typeof ZChannel>;

export const ZChannelList = z.object({
  channels: z.array(ZChannel),
  /** Whether the server can send email (YUNCE_SMTP_URL is set). */
  emailConfigured: z.boolean(),
});
export type TChannelList = z.infer<typeof ZChannelList>;

export const ZDelivery = z.object({
  id: z.uuid(),
  event: z.string(),
  title: z.string(),
  status: z.enum(['pending', 'sending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;
