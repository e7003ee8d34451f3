import { z } from 'zod';
import { optionalText, text } from './common';

export const PLATFORMS = [
  'wechat_oa',
  'wechat_channels',
  'weibo',
  'douyin',
  'xiaohongshu',
  'bilibili',
  'kuaishou',
  'zhihu',
  'community',
  'other',
] as const;
export const ZPlatform = z.enum(PLATFORMS);
export type TPlatform = z.infer<typeof ZPlatform>;

export const PURPOSES = ['brand_exposure', 'sales', 'customer_interaction', 'service'] as const;
export const ZPurpose = z.enum(PURPOSES);
export type TPurpose = z.infer<typeof ZPurpose>;

export const AGE_BANDS = ['under_18', '18_24', '25_30', '31_40', '41_50', 'over_50'] as const;
export const ZAgeBand = z.enum(AGE_BANDS);

export const GENDERS = ['female', 'male', 'all'] as const;

export const ZPersona = z.object({
  ageBands: z.array(ZAgeBand).max(AGE_BANDS.length).default([]),
  gender: z.enum(GENDERS).default('all'),
  regions: z.array(text(30)).max(20).default([]),
  interests: z.array(text(30)).max(30).default([]),
  consumptionHabits: z.string().trim().max(500).default(''),
});
export type TPersona = z.infer<typeof ZPersona>;

export const ZPostingPlan = z.object({
  /** Planned posts per week (0 = no plan). */
  postsPerWeek: z.number().int().min(0).max(100),
});
export type TPostingPlan = z.infer<typeof ZPostingPlan>;

export const CONNECTION_TYPES = ['manual'] as const;
export const ZConnectionType = z.enum(CONNECTION_TYPES);

export const ACCOUNT_STATUSES = ['active', 'archived'] as const;

const accountFields = {
  platform: ZPlatform,
  name: text(60),
  handle: optionalText(100),
  bio: optionalText(1000),
  category: optionalText(60),
  purpose: ZPurpose.optional().nullable(),
  persona: ZPersona.optional(),
  toneOfVoice: optionalText(500),
  postingPlan: ZPostingPlan.optional().nullable(),
  connectionType: ZConnectionType.default('manual'),
  /** Set to true when the operator has reviewed the account's info and found it current. */
  markReviewed: z.boolean().optional(),
};

export const ZCreateAccountBody = z.object(accountFields);
export type TCreateAccountBody = z.input<typeof ZCreateAccountBody>;

export const ZUpdateAccountBody = z
  .object(accountFields)
  .omit({ platform: true })
  .partial();
export type TUpdateAccountBody = z.input<typeof ZUpdateAccountBody>;

export const ZProfileIssue = z.object({
  code: z.string(),
  field: z.string(),
  severity: z.enum(['error', 'warn', 'info']),
  message: z.string(),
  fix: z.string(),
});
export type TProfileIssue = z.infer<typeof ZProfileIssue>;

export const ZProfileCheck = z.object({
  score: z.number().int().min(0).max(100),
  issues: z.array(ZProfileIssue),
});
export type TProfileCheck = z.infer<typeof ZProfileCheck>;

export const ZAccount = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  platform: ZPlatform,
  name: z.string(),
  handle: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  bio: z.string().nullable(),
  category: z.string().nullable(),
  purpose: ZPurpose.nullable(),
  persona: ZPersona,
  toneOfVoice: z.string().nullable(),
  postingPlan: ZPostingPlan.nullable(),
  connectionType: ZConnectionType,
  status: z.enum(ACCOUNT_STATUSES),
  infoReviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  archivedAt: z.string().nullable(),
  profileCheck: ZProfileCheck,
});
export type TAccount = z.infer<typeof ZAccount>;

export const ZListAccountsQuery = z.object({
  status: z.enum([...ACCOUNT_STATUSES, 'all']).default('active'),
  platform: ZPlatform.optional(),
  q: z.string().trim().max(60).optional(),
});
export type TListAccountsQuery = z.input<typeof ZListAccountsQuery>;
