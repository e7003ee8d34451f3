import { z } from 'zod';
import { ZLocale, text } from './common';
import { ZRole } from './roles';

/** An IANA time zone name the runtime knows, e.g. Asia/Shanghai. */
export const ZTimeZone = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'unknown time zone' },
  );

export const ZWorkspace = z.object({
  id: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  defaultLocale: ZLocale,
  createdAt: z.string(),
  role: ZRole,
});
export type TWorkspace = z.infer<typeof ZWorkspace>;

export const ZCreateWorkspaceBody = z.object({
  name: text(60),
  timeZone: ZTimeZone.optional(),
  defaultLocale: ZLocale.optional(),
});
export type TCreateWorkspaceBody = z.infer<typeof ZCreateWorkspaceBody>;

export const ZUpdateWorkspaceBody = z.object({
  name: text(60).optional(),
  timeZone: ZTimeZone.optional(),
  defaultLocale: ZLocale.optional(),
});
export type TUpdateWorkspaceBody = z.infer<typeof ZUpdateWorkspaceBody>;

export const ZMember = z.object({
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: ZRole,
  joinedAt: z.string(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZUpdateMemberBody = z.object({ role: ZRole });
export type TUpdateMemberBody = z.infer<typeof ZUpdateMemberBody>;

export const ZCreateInvitationBody = z.object({
  role: ZRole,
  email: z.string().trim().toLowerCase().pipe(z.email()).optional(),
  /** Days until the link stops working. */
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type TCreateInvitationBody = z.input<typeof ZCreateInvitationBody>;

export const ZInvitation = z.object({
  id: z.uuid(),
  role: ZRole,
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  acceptedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export type TInvitation = z.infer<typeof ZInvitation>;

/** Returned once, at creation: the link holds the only copy of the token. */
export const ZCreatedInvitation = ZInvitation.extend({ token: z.string(), url: z.string() });
export type TCreatedInvitation = z.infer<typeof ZCreatedInvitation>;

/** What a person opening an invitation link sees before accepting. */
export const ZInvitationPreview = z.object({
  workspaceName: z.string(),
  role: ZRole,
  email: z.string().nullable(),
  expiresAt: z.string(),
  invitedBy: z.string().nullable(),
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

export const ZApiToken = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: ZRole,
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreateApiTokenBody = z.object({
  name: text(60),
  role: ZRole.default('analyst'),
});
export type TCreateApiTokenBody = z.input<typeof ZCreateApiTokenBody>;

export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

export const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({
    userId: z.string().nullable(),
    displayName: z.string().nullable(),
    tokenId: z.string().nullable(),
    tokenName: z.string().nullable(),
  }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  actorUserId: z.uuid().optional(),
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page. */
  before: z.string().max(40).optional(),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;
export type TAuditQueryParsed = z.output<typeof ZAuditQuery>;

export const ZAuditPage = z.object({
  entries: z.array(ZAuditEntry),
  nextCursor: z.string().nullable(),
});
export type TAuditPage = z.infer<typeof ZAuditPage>;
