import {
  AGE_BANDS,
  GENDERS,
  type TAccount,
  type TCreateAccountBody,
  type TPlatform,
  type TPurpose,
  type TUpdateAccountBody,
} from '@yunce/contracts';

export type TAgeBand = (typeof AGE_BANDS)[number];
export type TGender = (typeof GENDERS)[number];

/** The account form's values: lists instead of nulls, so every control has something to show. */
export interface AccountFormValues {
  platform?: TPlatform;
  name: string;
  handle: string;
  bio: string;
  category: string;
  purpose?: TPurpose | null;
  persona: {
    ageBands: TAgeBand[];
    gender: TGender;
    regions: string[];
    interests: string[];
    consumptionHabits: string;
  };
  toneOfVoice: string;
  postingPlan: { postsPerWeek: number | null };
  connectionType: 'manual';
}

export const EMPTY_ACCOUNT_FORM: AccountFormValues = {
  name: '',
  handle: '',
  bio: '',
  category: '',
  purpose: null,
  persona: { ageBands: [], gender: 'all', regions: [], interests: [], consumptionHabits: '' },
  toneOfVoice: '',
  postingPlan: { postsPerWeek: null },
  connectionType: 'manual',
};

/** Fields of the form that API errors can point at (see mapErrorDetailsToFields). */
export const ACCOUNT_FORM_FIELDS = [
  ['platform'],
  ['name'],
  ['handle'],
  ['bio'],
  ['category'],
  ['purpose'],
  ['persona', 'ageBands'],
  ['persona', 'gender'],
  ['persona', 'regions'],
  ['persona', 'interests'],
  ['persona', 'consumptionHabits'],
  ['toneOfVoice'],
  ['postingPlan', 'postsPerWeek'],
  ['connectionType'],
] as const;

const textOrNull = (value: string | undefined | null): string | null => {
  const trimmed = (value ?? '').trim();
  return trimmed.length > 0 ? trimmed : null;
};

const cleanList = (values: readonly string[] | undefined): string[] => {
  const seen = new Set<string>();
  for (const v of values ?? []) {
    const trimmed = v.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
};

/** The fields create and update share, with blank text sent as null (= cleared). */
function commonBody(values: AccountFormValues) {
  const postsPerWeek = values.postingPlan.postsPerWeek;
  return {
    name: values.name.trim(),
    handle: textOrNull(values.handle),
    bio: textOrNull(values.bio),
    category: textOrNull(values.category),
    purpose: values.purpose ?? null,
    persona: {
      ageBands: AGE_BANDS.filter((band) => values.persona.ageBands.includes(band)),
      gender: values.persona.gender,
      regions: cleanList(values.persona.regions),
      interests: cleanList(values.persona.interests),
      consumptionHabits: values.persona.consumptionHabits.trim(),
    },
    toneOfVoice: textOrNull(values.toneOfVoice),
    postingPlan: postsPerWeek === null || postsPerWeek === undefined ? null : { postsPerWeek },
    connectionType: values.connectionType,
  };
}

/** POST body for a new account; the platform must have been chosen. */
export function toCreateAccountBody(values: AccountFormValues): TCreateAccountBody {
  if (!values.platform) throw new Error('platform not chosen');
  return { platform: values.platform, ...commonBody(values) };
}

/** PATCH body for an existing account (the platform cannot change). */
export function toUpdateAccountBody(values: AccountFormValues): TUpdateAccountBody {
  return commonBody(values);
}

/** An account as form values. */
export function accountToFormValues(account: TAccount): AccountFormValues {
  return {
    platform: account.platform,
    name: account.name,
    handle: account.handle ?? '',
    bio: account.bio ?? '',
    category: account.category ?? '',
    purpose: account.purpose,
    persona: {
      ageBands: [...account.persona.ageBands],
      gender: account.persona.gender,
      regions: [...account.persona.regions],
      interests: [...account.persona.interests],
      consumptionHabits: account.persona.consumptionHabits,
    },
    toneOfVoice: account.toneOfVoice ?? '',
    postingPlan: { postsPerWeek: account.postingPlan?.postsPerWeek ?? null },
    connectionType: account.connectionType,
  };
}

/** Colour band of a profile score: good ≥ 80, fair ≥ 60, else poor. */
export function scoreLevel(score: number): 'good' | 'fair' | 'poor' {
  if (score >= 80) return 'good';
  if (score >= 60) return 'fair';
  return 'poor';
}
