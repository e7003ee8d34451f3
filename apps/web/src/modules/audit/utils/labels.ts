import type { MessageKey } from '../../../app/i18n/messages';

/** Readable names of the columns the audit log records, per entity type (`entity.field`). */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  'account.platform': 'account.field.platform',
  'account.name': 'account.field.name',
  'account.handle': 'account.field.handle',
  'account.bio': 'account.field.bio',
  'account.category': 'account.field.category',
  'account.purpose': 'account.field.purpose',
  'account.toneOfVoice': 'account.field.toneOfVoice',
  'account.persona.ageBands': 'account.field.ageBands',
  'account.persona.gender': 'account.field.gender',
  'account.persona.regions': 'account.field.regions',
  'account.persona.interests': 'account.field.interests',
  'account.persona.consumptionHabits': 'account.field.consumptionHabits',
  'account.postsPerWeek': 'account.field.postsPerWeek',
  'account.postingPlan.postsPerWeek': 'account.field.postsPerWeek',
  'account.connectionType': 'account.field.connectionType',
  'account.status': 'account.field.status',
  'account.avatarFileId': 'account.avatar.title',
  'account.infoReviewedAt': 'account.check.reviewedAt',
  'account.archivedAt': 'account.archivedAt',
  'workspace.name': 'workspace.field.name',
  'workspace.timeZone': 'workspace.field.timeZone',
  'workspace.defaultLocale': 'workspace.field.defaultLocale',
  'member.role': 'members.role',
  'invitation.role': 'members.role',
  'invitation.email': 'invitations.email',
  'invitation.expiresAt': 'invitations.expiresAt',
  'invitation.acceptedAt': 'audit.field.acceptedAt',
  'invitation.revokedAt': 'audit.field.revokedAt',
  'api-token.name': 'apiTokens.name',
  'api-token.role': 'members.role',
  'api-token.revokedAt': 'audit.field.revokedAt',
};

/** Message-key prefixes that turn stored enum values into words, by field (last path segment). */
export const AUDIT_VALUE_PREFIXES: Readonly<Record<string, string>> = {
  purpose: 'account.purpose.',
  gender: 'account.gender.',
  ageBands: 'account.ageBand.',
  connectionType: 'account.connection.',
  role: 'role.',
  defaultLocale: 'language.',
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Whether a stored value is a timestamp to show in the workspace's zone. */
export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value);
}
