/**
 * Rule-file schema (packages/core/rules/*.json) and its loader. Rule sets are data so that a
 * workspace can edit them; everything a file says is validated here before the engine sees it, and
 * a bad file fails loudly with the file, the rule and the field named.
 */
import { PLATFORMS, ZPlatform, type TLocale, type TPlatform } from '@yunce/contracts';
import { z } from 'zod';
import { isFillerCodeUnit } from '../matcher';

/** How serious a finding is: block stops approval (unless overridden), warn and info do not. */
export const COMPLIANCE_SEVERITIES = ['block', 'warn', 'info'] as const;
export type TComplianceSeverity = (typeof COMPLIANCE_SEVERITIES)[number];
export const ZComplianceSeverity = z.enum(COMPLIANCE_SEVERITIES);

/** Categories a rule file may use. */
export const RULE_FILE_CATEGORIES = [
  'absolute_terms',
  'medical_claims',
  'financial_promises',
  'inducement',
  'diversion',
  'sponsorship',
  'prohibited',
] as const;

/** Every category a finding can carry: rule-file categories, platform limits, workspace lists. */
export const COMPLIANCE_CATEGORIES = [
  ...RULE_FILE_CATEGORIES,
  'platform_limits',
  'banned_words',
  'competitor_names',
  'brand_spelling',
] as const;
export type TComplianceCategory = (typeof COMPLIANCE_CATEGORIES)[number];

/** Fixed scanners a `detector` rule can switch on (code, not data, so no user text is compiled). */
export const COMPLIANCE_DETECTORS = ['mobile_phone', 'email'] as const;
export type TComplianceDetector = (typeof COMPLIANCE_DETECTORS)[number];

/** Calendar-style data version, e.g. 2026.11.1 (year.month.revision). */
const VERSION_PATTERN = /^\d{4}\.(?:[1-9]|1[0-2])\.\d+$/;
/** Dotted lower-case ids such as absolute.zuijia; stored in findings, so they must stay stable. */
const RULE_ID_PATTERN = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;
/** Prefixes the engine uses for findings it makes itself; a file must not claim them. */
export const RESERVED_RULE_ID_PREFIXES = ['workspace.', 'limits.'] as const;

/** Longest term or phrase accepted; longer ones are almost certainly a paste mistake. */
export const MAX_TERM_LENGTH = 50;

const ZTerm = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_TERM_LENGTH, `must be at most ${MAX_TERM_LENGTH} characters`)
  .refine((s) => s.trim() === s, 'must not start or end with whitespace');

const ZLocalized = z.strictObject({
  'zh-CN': z.string().trim().min(1),
  'en-US': z.string().trim().min(1),
});
export type TLocalizedText = Record<TLocale, string>;

const ZRuleId = z
  .string()
  .regex(RULE_ID_PATTERN, 'must look like "group.name" (lower case, digits, _ and dots)')
  .refine(
    (id) => !RESERVED_RULE_ID_PREFIXES.some((p) => id.startsWith(p)),
    `must not start with a reserved prefix (${RESERVED_RULE_ID_PREFIXES.join(', ')})`,
  );

const ruleBase = {
  id: ZRuleId,
  category: z.enum(RULE_FILE_CATEGORIES),
  severity: ZComplianceSeverity,
  explanation: ZLocalized,
  suggestions: z.array(ZTerm).max(20).default([]),
  /** Only these platforms; absent means every platform (and checks without a platform). */
  platforms: z.array(ZPlatform).min(1).optional(),
  /** Severity on particular platforms, e.g. diversion blocks on Xiaohongshu but warns on Douyin. */
  severityByPlatform: z.partialRecord(ZPlatform, ZComplianceSeverity).optional(),
  /**
   * False: workspace allow-phrases never cancel it (medical, financial, prohibited: DOMAIN-FACTS §3
   * "never exempt"). Exemptions in rule data still apply, because each names its rules explicitly.
   */
  workspaceAllowable: z.boolean().default(true),
  /** Developer note: why this severity, what is uncertain. Not shown to operators. */
  note: z.string().optional(),
};

const ZTermsRule = z.strictObject({
  kind: z.literal('terms'),
  ...ruleBase,
  terms: z.array(ZTerm).min(1, 'needs at least one term').max(500),
  /** Match through filler characters inserted to dodge filters (最*好, 第 一). */
  seeThroughFillers: z.boolean().default(false),
});

const ZSponsorshipRule = z.strictObject({
  kind: z.literal('sponsorship'),
  ...ruleBase,
  /** Any of these anywhere in the post counts as the 广告 label. */
  labelTerms: z.array(ZTerm).min(1, 'needs at least one label term'),
  /** Label occurrences inside these phrases do not count (本文非广告). */
  negations: z.array(ZTerm).default([]),
});

const ZDetectorRule = z.strictObject({
  kind: z.literal('detector'),
  ...ruleBase,
  detector: z.enum(COMPLIANCE_DETECTORS),
});

const ZRule = z.discriminatedUnion('kind', [ZTermsRule, ZSponsorshipRule, ZDetectorRule]);

const ZExemption = z.strictObject({
  id: z.string().regex(RULE_ID_PATTERN, 'must look like "exempt.name"'),
  /** Rule ids whose findings this exemption cancels when the finding lies inside a phrase. */
  appliesTo: z.array(ZRuleId).min(1, 'must name at least one rule id'),
  phrases: z.array(ZTerm).min(1, 'needs at least one phrase'),
  explanation: ZLocalized,
});

const ZLengthLimit = z.strictObject({
  max: z.number().int().positive(),
  /** char = code points; weighted = CJK and full-width count 2 (see accounts/text.ts). */
  unit: z.enum(['char', 'weighted']).default('char'),
  /** True only where the number matches the platform's own published rule as widely quoted. */
  verified: z.boolean(),
  /** Default: block when verified, warn when not (an unverified number must not stop approval). */
  severity: ZComplianceSeverity.optional(),
  note: z.string().optional(),
});

const ZPlatformContentLimits = z.strictObject({
  platform: ZPlatform,
  title: ZLengthLimit.nullable(),
  body: ZLengthLimit.nullable(),
  hashtags: z
    .strictObject({
      max: z.number().int().positive(),
      verified: z.boolean(),
      severity: ZComplianceSeverity.optional(),
      note: z.string().optional(),
    })
    .nullable(),
  externalLinks: z.strictObject({
    allowed: z.boolean(),
    /** Severity of a link finding when links are not allowed. */
    severity: ZComplianceSeverity.default('warn'),
    verified: z.boolean(),
    note: z.string().optional(),
  }),
  /** Where the numbers come from and what is uncertain (developer-facing). */
  source: z.string().min(1),
});

const ZRuleSetFile = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case'),
  version: z.string().regex(VERSION_PATTERN, 'must look like 2026.11.1 (year.month.revision)'),
  title: ZLocalized,
  description: z.string().min(1),
  sources: z
    .array(z.strictObject({ title: z.string().min(1), url: z.url().optional() }))
    .default([]),
  rules: z.array(ZRule).default([]),
  exemptions: z.array(ZExemption).default([]),
  platformLimits: z.array(ZPlatformContentLimits).default([]),
});

export type TTermsRule = z.infer<typeof ZTermsRule>;
export type TSponsorshipRule = z.infer<typeof ZSponsorshipRule>;
export type TDetectorRule = z.infer<typeof ZDetectorRule>;
export type TComplianceRule = z.infer<typeof ZRule>;
export type TComplianceExemption = z.infer<typeof ZExemption>;
export type TLengthLimitRule = z.infer<typeof ZLengthLimit>;
export type TPlatformContentLimits = z.infer<typeof ZPlatformContentLimits>;
/** A validated rule file; `fileName` is kept so later errors can point at it. */
export type TRuleSet = z.infer<typeof ZRuleSetFile> & { readonly fileName: string };

/** One problem in a rule file or workspace config, with a JSON-ish path such as rules[3].severity. */
export interface TRuleFileIssue {
  readonly path: string;
  readonly ruleId?: string;
  readonly message: string;
}

/** Thrown for malformed rule data; the message names the file, the rule and the field. */
export class RuleFileError extends Error {
  override readonly name = 'RuleFileError';
  constructor(
    readonly fileName: string,
    readonly issues: readonly TRuleFileIssue[],
  ) {
    super(
      `Invalid compliance rule file "${fileName}": ` +
        issues
          .map(
            (i) => `${i.path}${i.ruleId === undefined ? '' : ` (id "${i.ruleId}")`}: ${i.message}`,
          )
          .join('; '),
    );
  }
}

/** Formats a zod path as rules[3].terms[0]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The id of the rule/exemption a path points into, read from the raw JSON (may be malformed). */
function idAt(json: unknown, path: readonly PropertyKey[]): string | undefined {
  const [list, index] = path;
  if (typeof list !== 'string' || typeof index !== 'number') return undefined;
  if (typeof json !== 'object' || json === null) return undefined;
  const arr = (json as Record<string, unknown>)[list];
  if (!Array.isArray(arr)) return undefined;
  const item: unknown = arr[index];
  if (typeof item !== 'object' || item === null) return undefined;
  const id = (item as Record<string, unknown>).id ?? (item as Record<string, unknown>).platform;
  return typeof id === 'string' ? id : undefined;
}

function onlyFillers(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isFillerCodeUnit(text.charCodeAt(i))) return false;
  return true;
}

/** Checks a file needs beyond its shape: unique ids, coherent platform scopes, matchable terms. */
function semanticIssues(set: z.infer<typeof ZRuleSetFile>): TRuleFileIssue[] {
  const issues: TRuleFileIssue[] = [];
  const ruleIds = new Set<string>();
  set.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) {
      issues.push({ path: `rules[${i}].id`, ruleId: rule.id, message: 'duplicate rule id' });
    }
    ruleIds.add(rule.id);
    if (rule.kind === 'sponsorship' && rule.category !== 'sponsorship') {
      issues.push({
        path: `rules[${i}].category`,
        ruleId: rule.id,
        message: 'a sponsorship rule must have category "sponsorship"',
      });
    }
    if (rule.severityByPlatform !== undefined && rule.platforms !== undefined) {
      for (const p of Object.keys(rule.severityByPlatform)) {
        if (!rule.platforms.includes(p as TPlatform)) {
          issues.push({
            path: `rules[${i}].severityByPlatform.${p}`,
            ruleId: rule.id,
            message: `platform "${p}" is not in the rule's platforms`,
          });
        }
      }
    }
    if (rule.kind === 'terms' && rule.seeThroughFillers) {
      rule.terms.forEach((term, j) => {
        if (onlyFillers(term)) {
          issues.push({
            path: `rules[${i}].terms[${j}]`,
            ruleId: rule.id,
            message: 'consists only of filler characters, so it cannot see through fillers',
          });
        }
      });
    }
  });
  const exemptionIds = new Set<string>();
  set.exemptions.forEach((ex, i) => {
    if (exemptionIds.has(ex.id)) {
      issues.push({ path: `exemptions[${i}].id`, ruleId: ex.id, message: 'duplicate id' });
    }
    exemptionIds.add(ex.id);
    ex.phrases.forEach((phrase, j) => {
      if (onlyFillers(phrase)) {
        issues.push({
          path: `exemptions[${i}].phrases[${j}]`,
          ruleId: ex.id,
          message: 'consists only of filler characters',
        });
      }
    });
  });
  const platforms = new Set<string>();
  set.platformLimits.forEach((limits, i) => {
    if (platforms.has(limits.platform)) {
      issues.push({
        path: `platformLimits[${i}].platform`,
        ruleId: limits.platform,
        message: 'duplicate platform',
      });
    }
    platforms.add(limits.platform);
  });
  return issues;
}

/** Validates parsed rule-file JSON; throws RuleFileError naming the file, rule id and field. */
export function loadRuleSet(json: unknown, fileName: string): TRuleSet {
  const parsed = ZRuleSetFile.safeParse(json);
  if (!parsed.success) {
    throw new RuleFileError(
      fileName,
      parsed.error.issues.map((issue) => {
        const ruleId = idAt(json, issue.path);
        return {
          path: formatPath(issue.path),
          ...(ruleId === undefined ? {} : { ruleId }),
          message: issue.message,
        };
      }),
    );
  }
  const issues = semanticIssues(parsed.data);
  if (issues.length > 0) throw new RuleFileError(fileName, issues);
  return { ...parsed.data, fileName };
}

/** Limits on workspace lists, so one config cannot make every check slow. */
const MAX_WORKSPACE_WORDS = 5_000;

/** A workspace's own lists and tweaks to the built-in rules (SPEC §4 "the workspace's own words"). */
export const ZComplianceWorkspaceConfig = z.strictObject({
  /** Block wherever they appear (matched through fillers). */
  bannedWords: z.array(ZTerm).max(MAX_WORKSPACE_WORDS).default([]),
  /** Warn: naming a competitor needs care (Advertising Law art. 13). */
  competitorNames: z.array(ZTerm).max(MAX_WORKSPACE_WORDS).default([]),
  /** Warn with the right spelling as the suggestion; an exact `right` is never flagged. */
  brandSpellings: z
    .array(z.strictObject({ wrong: ZTerm, right: ZTerm }))
    .max(MAX_WORKSPACE_WORDS)
    .default([]),
  /** Registered product names, trademarks…: cancel exemptible findings that overlap them. */
  allowPhrases: z.array(ZTerm).max(MAX_WORKSPACE_WORDS).default([]),
  /** Rules switched off for this workspace; unknown ids are ignored (rule data may change). */
  disabledRuleIds: z.array(z.string().min(1).max(100)).max(MAX_WORKSPACE_WORDS).default([]),
  /** Severity per rule id (also workspace.* and limits.* ids); unknown ids are ignored. */
  severityOverrides: z.record(z.string().min(1).max(100), ZComplianceSeverity).default({}),
});
export type TComplianceWorkspaceConfig = z.infer<typeof ZComplianceWorkspaceConfig>;
export type TComplianceWorkspaceConfigInput = z.input<typeof ZComplianceWorkspaceConfig>;

/** Validates a workspace config; throws RuleFileError (file "workspace config") on bad input. */
export function parseWorkspaceConfig(
  input: TComplianceWorkspaceConfigInput | undefined,
): TComplianceWorkspaceConfig {
  const parsed = ZComplianceWorkspaceConfig.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  throw new RuleFileError(
    'workspace config',
    parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
  );
}

/** Every platform id, re-exported for error messages. */
export const KNOWN_PLATFORMS: readonly TPlatform[] = PLATFORMS;
