import { z } from 'zod';
import { ZLocale, text } from './common';
import { ZRole } from './roles';

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const ZPassword = z.string().min(8).max(200);

export const ZSignUpBody = z.object({
  email: ZEmail,
  password: ZPassword,
  displayName: text(60),
  /** Name of the first workspace the new person creates. */
  workspaceName: text(60).optional(),
  /** An invitation token: sign up straight into that workspace instead. */
  inviteToken: z.string().min(10).max(200).optional(),
  locale: ZLocale.optional(),
});
export type TSignUpBody = z.infer<typeof ZSignUpBody>;

export const ZSignInBody = z.object({
  email: ZEmail,
  password: z.string().min(1).max(200),
});
export type TSignInBody = z.infer<typeof ZSignInBody>;

export const ZUser = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: ZLocale,
});
export type TUser = z.infer<typeof ZUser>;

export const ZWorkspaceSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  role: ZRole,
});
export type TWorkspaceSummary = z.infer<typeof ZWorkspaceSummary>;

/** What the web app needs after sign-in: who, where they may go, and the CSRF token for writes. */
export const ZSession = z.object({
  user: ZUser,
  workspaces: z.array(ZWorkspaceSummary),
  csrfToken: z.string(),
});
export type TSession = z.infer<typeof ZSession>;

export const ZUpdateMeBody = z.object({
  displayName: text(60).optional(),
  locale: ZLocale.optional(),
});
export type TUpdateMeBody = z.infer<typeof ZUpdateMeBody>;
