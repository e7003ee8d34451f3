/**
 * Compliance engine (SPEC §4 "Compliance check"): checks a post against rule sets (data, see
 * packages/core/rules) and a workspace's own lists, and returns findings with UTF-16 spans into the
 * text it was given.
 *
 * Everything expensive happens once in createComplianceEngine: all word rules, exemption phrases,
 * allow-phrases and sponsorship labels go into ONE matcher, so a check is one automaton pass per
 * field plus bookkeeping proportional to the number of hits.
 */
import { PLATFORMS, type TLocale, type TPlatform } from '@yunce/contracts';
import { platformName } from '../accounts/platforms';
import { measureLength } from '../accounts/text';
import { createMatcher, isFillerCodeUnit, normalizeText, type TMatcherPattern } from '../matcher';
import {
  findEmails,
  findHashtags,
  findLinks,
  findMobileNumbers,
  hashtagKey,
  overflowOffset,
  edgeClass,
  type TEdgeClass,
  type TSpan,
} from './scanners';
import {
  parseWorkspaceConfig,
  RuleFileError,
  type TComplianceCategory,
  type TComplianceDetector,
  type TComplianceExemption,
  type TComplianceRule,
  type TComplianceSeverity,
  type TComplianceWorkspaceConfigInput,
  type TLengthLimitRule,
  type TLocalizedText,
  type TPlatformContentLimits,
  type TRuleSet,
} from './schema';

/** One problem found in a text; start/end are UTF-16 offsets into that text, end exclusive. */
export interface TComplianceFinding {
  readonly ruleId: string;
  readonly category: TComplianceCategory;
  readonly severity: TComplianceSeverity;
  /** start === end: the finding concerns the field as a whole (e.g. a missing 广告 label). */
  readonly start: number;
  readonly end: number;
  /** The text at start..end, as written. */
  readonly text: string;
  /** Plain-language explanation citing the rule, in the requested locale. */
  readonly message: string;
  /** Replacement phrases; never themselves blocked by the built-in rules. */
  readonly suggestions: readonly string[];
}
/** Short alias used in the issue text. */
export type TFinding = TComplianceFinding;

/** Which part of a post a finding is in. */
export type TPostField = 'title' | 'body' | 'hashtag';

/** A finding in checkPost; offsets are into that field (for hashtags, into hashtags[index]). */
export interface TPostFinding extends TComplianceFinding {
  readonly field: TPostField;
  /** Position in post.hashtags when field is 'hashtag'. */
  readonly index?: number;
}

/** A post as the editor holds it. */
export interface TPostInput {
  readonly title?: string;
  readonly body: string;
  /** Hashtags kept apart from the body (with or without #); inline #tags in the body count too. */
  readonly hashtags?: readonly string[];
  /** Without a platform, platform-scoped rules and platform limits do not apply. */
  readonly platform?: TPlatform;
  /** The post is paid or commissioned content: it then needs a 广告 label. */
  readonly sponsored?: boolean;
}

/** Options of check(). */
export interface TCheckOptions {
  readonly platform?: TPlatform;
  readonly sponsored?: boolean;
  /** Language of `message`; zh-CN by default. */
  readonly locale?: TLocale;
}

/** What a rule looks like to the UI (after workspace overrides). */
export interface TComplianceRuleInfo {
  readonly id: string;
  readonly category: TComplianceCategory;
  readonly severity: TComplianceSeverity;
  readonly severityByPlatform?: Partial<Record<TPlatform, TComplianceSeverity>>;
  readonly platforms?: readonly TPlatform[];
  readonly explanation: TLocalizedText;
  readonly suggestions: readonly string[];
  /** Rule set id it comes from; 'workspace' and 'platform_limits' for the engine's own rules. */
  readonly ruleSet: string;
}

/** A compiled engine; immutable and safe to share between requests. */
export interface TComplianceEngine {
  /** Rule sets in effect, with versions, so a stored result can say what it was checked against. */
  readonly ruleSets: readonly { readonly id: string; readonly version: string }[];
  /** Every enabled rule, including the workspace.* and limits.* rules. */
  readonly rules: readonly TComplianceRuleInfo[];
  /** Checks one text as a post body (word rules, detectors, sponsorship, body limits, links). */
  check(text: string, options?: TCheckOptions): { findings: TComplianceFinding[] };
  /** Checks title, body and hashtags; findings are tagged with their field. */
  checkPost(post: TPostInput, options?: { locale?: TLocale }): { findings: TPostFinding[] };
  /** Content limits for a platform (for length meters), if the rule data has any. */
  platformLimits(platform: TPlatform): TPlatformContentLimits | undefined;
  /** One rule by id, or undefined when unknown or disabled. */
  describeRule(ruleId: string): TComplianceRuleInfo | undefined;
}

/** Longest text a single field may have; longer input is a mistake or an attack, not a post. */
export const MAX_COMPLIANCE_TEXT_LENGTH = 200_000;
/** Most hashtags a post may pass in post.hashtags. */
export const MAX_COMPLIANCE_HASHTAGS = 200;

/** Stable ids of the findings the engine makes itself (for disabledRuleIds / severityOverrides). */
export const ENGINE_RULE_IDS = {
  bannedWord: 'workspace.banned_word',
  competitorName: 'workspace.competitor_name',
  brandSpelling: 'workspace.brand_spelling',
  titleLength: 'limits.title_length',
  bodyLength: 'limits.body_length',
  hashtagCount: 'limits.hashtag_count',
  externalLink: 'limits.external_link',
} as const;

const SEVERITY_RANK: Readonly<Record<TComplianceSeverity, number>> = {
  info: 0,
  warn: 1,
  block: 2,
};
const FIELD_ORDER: Readonly<Record<TPostField, number>> = { title: 0, body: 1, hashtag: 2 };

interface CompiledRule {
  readonly id: string;
  readonly ruleSet: string;
  readonly category: TComplianceCategory;
  readonly severity: TComplianceSeverity;
  /** A workspace override replaces every per-platform severity. */
  readonly overridden: boolean;
  readonly severityByPlatform: Partial<Record<TPlatform, TComplianceSeverity>> | undefined;
  readonly platforms: ReadonlySet<TPlatform> | undefined;
  readonly explanation: TLocalizedText;
  readonly suggestions: readonly string[];
  readonly workspaceAllowable: boolean;
  /** Indices of the exemptions that can cancel this rule's findings. */
  readonly exemptions: number[];
}

interface SponsorshipCompiled {
  readonly rule: CompiledRule;
  readonly index: number;
}

interface DetectorCompiled {
  readonly rule: CompiledRule;
  readonly detector: TComplianceDetector;
}

type PatternMeta =
  | {
      readonly kind: 'term';
      readonly rule: CompiledRule;
      readonly startClass: TEdgeClass;
      readonly endClass: TEdgeClass;
      /** Overrides the rule's suggestions (brand spellings). */
      readonly suggestions?: readonly string[];
      /** A match whose original text is exactly this is not a finding (the right brand spelling). */
      readonly unlessExactly?: string;
    }
  | { readonly kind: 'exemption'; readonly exemption: number }
  | { readonly kind: 'allow' }
  | { readonly kind: 'label'; readonly sponsor: number }
  | { readonly kind: 'negation'; readonly sponsor: number };

interface Candidate {
  readonly rule: CompiledRule;
  readonly start: number;
  readonly end: number;
  readonly severity: TComplianceSeverity;
  readonly suggestions: readonly string[];
}

/**
 * Occurrences sorted by start with a running maximum of their ends, which answers both "is
 * [s, e) inside some occurrence" and "does [s, e) overlap some occurrence" with one binary search.
 */
class SpanIndex {
  private readonly starts: number[] = [];
  private readonly maxEnds: number[] = [];

  /** Adds a span; spans must arrive sorted by start (findAll order). */
  add(span: TSpan): void {
    const prev = this.maxEnds.length > 0 ? this.maxEnds[this.maxEnds.length - 1]! : -1;
    this.starts.push(span.start);
    this.maxEnds.push(Math.max(prev, span.end));
  }

  /** Largest end among spans whose start is <= limit (or < limit when strict). */
  private maxEndUpTo(limit: number, strict: boolean): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = this.starts[mid]!;
      if (strict ? s < limit : s <= limit) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? -1 : this.maxEnds[lo - 1]!;
  }

  contains(start: number, end: number): boolean {
    return this.maxEndUpTo(start, false) >= end;
  }

  overlaps(start: number, end: number): boolean {
    // Zero-width spans overlap nothing; every finding here has end > start.
    return this.maxEndUpTo(end, true) > start;
  }
}

interface FieldScan {
  readonly candidates: Candidate[];
  /** Per sponsorship rule: whether a 广告 label occurs outside a negation. */
  readonly labelled: boolean[];
}

const WORKSPACE_EXPLANATIONS = {
  banned: {
    'zh-CN': '在本工作区的禁用词表中。',
    'en-US': "is on this workspace's banned-word list.",
  },
  competitor: {
    'zh-CN':
      '是竞品名称。提及竞品须有事实依据，不得贬低其他经营者的商品或服务（《广告法》第十三条）。',
    'en-US':
      "is a competitor's name. Mentions need a factual basis and may not disparage other businesses (Advertising Law art. 13).",
  },
  brand: {
    'zh-CN': '品牌写法不规范，请使用建议的写法。',
    'en-US': 'is a misspelt brand name; use the suggested spelling.',
  },
} as const satisfies Record<string, TLocalizedText>;

function platformCheck(platform: unknown): void {
  if (platform === undefined) return;
  if (typeof platform !== 'string' || !(PLATFORMS as readonly string[]).includes(platform)) {
    throw new RangeError(
      `Unknown platform ${JSON.stringify(platform)}; expected one of ${PLATFORMS.join(', ')}`,
    );
  }
}

function textCheck(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string') throw new TypeError(`${field}: must be a string`);
  if (value.length > MAX_COMPLIANCE_TEXT_LENGTH) {
    throw new RangeError(
      `${field}: ${value.length} characters is over the ${MAX_COMPLIANCE_TEXT_LENGTH}-character limit of a compliance check`,
    );
  }
}

/** First and last non-filler code unit, for the Latin word-boundary check. */
function edgeClasses(term: string, seeThrough: boolean): [TEdgeClass, TEdgeClass] {
  let first = 0;
  let last = term.length - 1;
  if (seeThrough) {
    while (first < last && isFillerCodeUnit(term.charCodeAt(first))) first++;
    while (last > first && isFillerCodeUnit(term.charCodeAt(last))) last--;
  }
  return [edgeClass(term.charCodeAt(first)), edgeClass(term.charCodeAt(last))];
}

function onlyFillers(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isFillerCodeUnit(text.charCodeAt(i))) return false;
  return true;
}

/** Later sets override earlier ones by id, so a workspace can replace one rule without forking. */
function mergeRuleSets(ruleSets: readonly TRuleSet[]): {
  rules: Map<string, { rule: TComplianceRule; set: TRuleSet }>;
  exemptions: Map<string, { exemption: TComplianceExemption; set: TRuleSet; index: number }>;
  limits: Map<TPlatform, TPlatformContentLimits>;
} {
  const rules = new Map<string, { rule: TComplianceRule; set: TRuleSet }>();
  const exemptions = new Map<
    string,
    { exemption: TComplianceExemption; set: TRuleSet; index: number }
  >();
  const limits = new Map<TPlatform, TPlatformContentLimits>();
  for (const set of ruleSets) {
    for (const rule of set.rules) {
      rules.delete(rule.id); // re-insert so iteration order follows the overriding set
      rules.set(rule.id, { rule, set });
    }
    set.exemptions.forEach((exemption, index) => {
      exemptions.delete(exemption.id);
      exemptions.set(exemption.id, { exemption, set, index });
    });
    for (const l of set.platformLimits) limits.set(l.platform, l);
  }
  return { rules, exemptions, limits };
}

function severityFor(rule: CompiledRule, platform: TPlatform | undefined): TComplianceSeverity {
  if (rule.overridden || platform === undefined) return rule.severity;
  return rule.severityByPlatform?.[platform] ?? rule.severity;
}

function applies(rule: CompiledRule, platform: TPlatform | undefined): boolean {
  return rule.platforms === undefined || (platform !== undefined && rule.platforms.has(platform));
}

/**
 * Drops a finding when a longer finding of the same category, at least as severe, covers it
 * (最 inside 最好, 最低 inside 全网最低价). Equal spans of different rules both stay. Sort plus a
 * sweep keeps this O(n log n) even on a huge text full of hits.
 */
function dropContained(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const sorted = [...candidates].sort(
    (a, b) =>
      (a.rule.category < b.rule.category ? -1 : a.rule.category > b.rule.category ? 1 : 0) ||
      a.start - b.start ||
      b.end - a.end,
  );
  const out: Candidate[] = [];
  let i = 0;
  while (i < sorted.length) {
    const category = sorted[i]!.rule.category;
    // maxEnd[r]: furthest end among earlier findings of severity rank r in this category.
    const maxEnd = [-1, -1, -1];
    while (i < sorted.length && sorted[i]!.rule.category === category) {
      const head = sorted[i]!;
      let j = i;
      while (
        j < sorted.length &&
        sorted[j]!.rule.category === category &&
        sorted[j]!.start === head.start &&
        sorted[j]!.end === head.end
      ) {
        j++;
      }
      for (let k = i; k < j; k++) {
        const c = sorted[k]!;
        let covered = false;
        for (let r = SEVERITY_RANK[c.severity]; r <= 2; r++)
          if (maxEnd[r]! >= c.end) covered = true;
        if (!covered) out.push(c);
      }
      for (let k = i; k < j; k++) {
        const c = sorted[k]!;
        const r = SEVERITY_RANK[c.severity];
        maxEnd[r] = Math.max(maxEnd[r]!, c.end);
      }
      i = j;
    }
  }
  return out;
}

function localized(text: TLocalizedText, locale: TLocale): string {
  return text[locale];
}

/** 「最好」：… for rule data; workspace explanations continue the sentence (「X」在本工作区…). */
function wordMessage(rule: CompiledRule, matched: string, locale: TLocale): string {
  const explanation = localized(rule.explanation, locale);
  const sentence = rule.id.startsWith('workspace.'); // reserved prefix, see schema.ts
  if (locale === 'zh-CN') return `「${matched}」${sentence ? '' : '：'}${explanation}`;
  return `"${matched}"${sentence ? ' ' : ': '}${explanation}`;
}

function compareFindings(a: TPostFinding, b: TPostFinding): number {
  return (
    FIELD_ORDER[a.field] - FIELD_ORDER[b.field] ||
    (a.index ?? 0) - (b.index ?? 0) ||
    a.start - b.start ||
    a.end - b.end ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
  );
}

/**
 * Compiles rule sets and an optional workspace config into an engine. Later rule sets override
 * earlier ones by rule id, exemption id and platform. Throws RuleFileError on bad references or a
 * malformed workspace config.
 */
export function createComplianceEngine(
  ruleSets: readonly TRuleSet[],
  workspaceConfig?: TComplianceWorkspaceConfigInput,
): TComplianceEngine {
  const config = parseWorkspaceConfig(workspaceConfig);
  const disabled = new Set(config.disabledRuleIds);
  const overrides = config.severityOverrides;
  const merged = mergeRuleSets(ruleSets);

  const compiled = new Map<string, CompiledRule>();
  const compile = (
    id: string,
    ruleSet: string,
    base: {
      category: TComplianceCategory;
      severity: TComplianceSeverity;
      severityByPlatform?: Partial<Record<TPlatform, TComplianceSeverity>>;
      platforms?: readonly TPlatform[];
      explanation: TLocalizedText;
      suggestions: readonly string[];
      workspaceAllowable: boolean;
    },
  ): CompiledRule => {
    const override = overrides[id];
    const rule: CompiledRule = {
      id,
      ruleSet,
      category: base.category,
      severity: override ?? base.severity,
      overridden: override !== undefined,
      severityByPlatform: base.severityByPlatform,
      platforms: base.platforms === undefined ? undefined : new Set(base.platforms),
      explanation: base.explanation,
      suggestions: base.suggestions,
      workspaceAllowable: base.workspaceAllowable,
      exemptions: [],
    };
    compiled.set(id, rule);
    return rule;
  };

  const patterns: TMatcherPattern[] = [];
  const metas: PatternMeta[] = [];
  const addPattern = (text: string, seeThroughFillers: boolean, meta: PatternMeta): void => {
    patterns.push({ id: metas.length, text, seeThroughFillers });
    metas.push(meta);
  };

  const sponsors: SponsorshipCompiled[] = [];
  const detectors: DetectorCompiled[] = [];
  for (const { rule, set } of merged.rules.values()) {
    if (disabled.has(rule.id)) continue;
    const c = compile(rule.id, set.id, rule);
    switch (rule.kind) {
      case 'terms':
        for (const term of rule.terms) {
          const [startClass, endClass] = edgeClasses(term, rule.seeThroughFillers);
          addPattern(term, rule.seeThroughFillers, { kind: 'term', rule: c, startClass, endClass });
        }
        break;
      case 'sponsorship': {
        const sponsor = sponsors.length;
        sponsors.push({ rule: c, index: sponsor });
        for (const t of rule.labelTerms) addPattern(t, false, { kind: 'label', sponsor });
        for (const t of rule.negations) addPattern(t, false, { kind: 'negation', sponsor });
        break;
      }
      case 'detector':
        detectors.push({ rule: c, detector: rule.detector });
        break;
    }
  }

  // Exemptions: validate references against all rules (disabled ones included), then wire up.
  const allRuleIds = new Set(merged.rules.keys());
  let exemptionCount = 0;
  for (const { exemption, set, index } of merged.exemptions.values()) {
    exemption.appliesTo.forEach((ruleId, j) => {
      if (!allRuleIds.has(ruleId)) {
        throw new RuleFileError(set.fileName, [
          {
            path: `exemptions[${index}].appliesTo[${j}]`,
            ruleId: exemption.id,
            message: `unknown rule id "${ruleId}"`,
          },
        ]);
      }
    });
    const targets = exemption.appliesTo
      .map((id) => compiled.get(id))
      .filter((r): r is CompiledRule => r !== undefined);
    if (targets.length === 0) continue;
    const ex = exemptionCount++;
    for (const r of targets) r.exemptions.push(ex);
    // Exemption phrases see through fillers so 最 佳食用时间 is exempt exactly like 最佳食用时间.
    for (const phrase of exemption.phrases) {
      addPattern(phrase, true, { kind: 'exemption', exemption: ex });
    }
  }

  // The workspace's own lists.
  const workspaceRule = (
    id: string,
    category: TComplianceCategory,
    severity: TComplianceSeverity,
    explanation: TLocalizedText,
  ): CompiledRule | undefined =>
    disabled.has(id)
      ? undefined
      : compile(id, 'workspace', {
          category,
          severity,
          explanation,
          suggestions: [],
          workspaceAllowable: true,
        });
  const banned =
    config.bannedWords.length > 0
      ? workspaceRule(
          ENGINE_RULE_IDS.bannedWord,
          'banned_words',
          'block',
          WORKSPACE_EXPLANATIONS.banned,
        )
      : undefined;
  if (banned !== undefined) {
    for (const word of config.bannedWords) {
      // Banned words are what people dodge with 禁*词, so see through fillers where possible.
      const see = !onlyFillers(word);
      const [startClass, endClass] = edgeClasses(word, see);
      addPattern(word, see, { kind: 'term', rule: banned, startClass, endClass });
    }
  }
  const competitor =
    config.competitorNames.length > 0
      ? workspaceRule(
          ENGINE_RULE_IDS.competitorName,
          'competitor_names',
          'warn',
          WORKSPACE_EXPLANATIONS.competitor,
        )
      : undefined;
  if (competitor !== undefined) {
    for (const name of config.competitorNames) {
      const [startClass, endClass] = edgeClasses(name, false);
      addPattern(name, false, { kind: 'term', rule: competitor, startClass, endClass });
    }
  }
  const brand =
    config.brandSpellings.length > 0
      ? workspaceRule(
          ENGINE_RULE_IDS.brandSpelling,
          'brand_spelling',
          'warn',
          WORKSPACE_EXPLANATIONS.brand,
        )
      : undefined;
  if (brand !== undefined) {
    for (const { wrong, right } of config.brandSpellings) {
      const [startClass, endClass] = edgeClasses(wrong, false);
      // The matcher folds case and width, so "iphone" also hits "iPhone"; unlessExactly keeps the
      // right spelling itself from being reported.
      addPattern(wrong, false, {
        kind: 'term',
        rule: brand,
        startClass,
        endClass,
        suggestions: [right],
        unlessExactly: right,
      });
    }
  }
  for (const phrase of config.allowPhrases) addPattern(phrase, false, { kind: 'allow' });

  // Platform limits are rules too, so they can be disabled or re-graded like any other.
  const limitRule = (id: string, zh: string, en: string): CompiledRule | undefined =>
    disabled.has(id)
      ? undefined
      : compile(id, 'platform_limits', {
          category: 'platform_limits',
          severity: 'warn',
          explanation: { 'zh-CN': zh, 'en-US': en },
          suggestions: [],
          workspaceAllowable: false,
        });
  const titleRule = limitRule(
    ENGINE_RULE_IDS.titleLength,
    '标题超出平台字数上限。',
    "Title is longer than the platform's limit.",
  );
  const bodyRule = limitRule(
    ENGINE_RULE_IDS.bodyLength,
    '正文超出平台字数上限。',
    "Body is longer than the platform's limit.",
  );
  const hashtagRule = limitRule(
    ENGINE_RULE_IDS.hashtagCount,
    '话题标签数量超出平台上限。',
    'More hashtags than the platform allows.',
  );
  const linkRule = limitRule(
    ENGINE_RULE_IDS.externalLink,
    '平台不允许或不支持站外链接。',
    'The platform does not allow or support outside links.',
  );

  const matcher = createMatcher(patterns);

  /** Folds a field once for all scanners (the matcher folds on the fly and needs no copy). */
  function lazyFold(text: string): () => string {
    let folded: string | undefined;
    return () => (folded ??= normalizeText(text));
  }

  function scanField(
    text: string,
    platform: TPlatform | undefined,
    folded: () => string,
  ): FieldScan {
    const candidates: Candidate[] = [];
    const exemptionIndex = new Map<number, SpanIndex>();
    const allowIndex = new SpanIndex();
    const labels: TSpan[][] = sponsors.map(() => []);
    const negations: SpanIndex[] = sponsors.map(() => new SpanIndex());
    const seen = new Set<string>();
    const push = (
      rule: CompiledRule,
      start: number,
      end: number,
      suggestions: readonly string[],
    ): void => {
      const key = `${rule.id}\u0000${start}\u0000${end}`;
      if (seen.has(key)) return; // one finding per rule and span, whichever term matched
      seen.add(key);
      candidates.push({ rule, start, end, severity: severityFor(rule, platform), suggestions });
    };

    for (const m of matcher.findAll(text)) {
      const meta = metas[m.patternId]!;
      switch (meta.kind) {
        case 'term': {
          if (!applies(meta.rule, platform)) break;
          if (
            meta.startClass !== null &&
            m.start > 0 &&
            edgeClass(text.charCodeAt(m.start - 1)) === meta.startClass
          ) {
            break; // "vx" inside a longer Latin word, "top1" inside "top10"
          }
          if (
            meta.endClass !== null &&
            m.end < text.length &&
            edgeClass(text.charCodeAt(m.end)) === meta.endClass
          ) {
            break;
          }
          if (
            meta.unlessExactly !== undefined &&
            text.slice(m.start, m.end) === meta.unlessExactly
          ) {
            break;
          }
          push(meta.rule, m.start, m.end, meta.suggestions ?? meta.rule.suggestions);
          break;
        }
        case 'exemption': {
          let idx = exemptionIndex.get(meta.exemption);
          if (idx === undefined) exemptionIndex.set(meta.exemption, (idx = new SpanIndex()));
          idx.add(m);
          break;
        }
        case 'allow':
          allowIndex.add(m);
          break;
        case 'label':
          labels[meta.sponsor]!.push(m);
          break;
        case 'negation':
          negations[meta.sponsor]!.add(m);
          break;
      }
    }

    for (const { rule, detector } of detectors) {
      if (!applies(rule, platform)) continue;
      const spans =
        detector === 'mobile_phone' ? findMobileNumbers(text) : findEmails(text, folded());
      for (const s of spans) push(rule, s.start, s.end, rule.suggestions);
    }

    const kept = dropContained(candidates).filter((c) => {
      for (const ex of c.rule.exemptions) {
        if (exemptionIndex.get(ex)?.contains(c.start, c.end) === true) return false;
      }
      return !(c.rule.workspaceAllowable && allowIndex.overlaps(c.start, c.end));
    });
    return {
      candidates: kept,
      labelled: labels.map((spans, s) =>
        spans.some((l) => !negations[s]!.contains(l.start, l.end)),
      ),
    };
  }

  function lengthFinding(
    rule: CompiledRule | undefined,
    limit: TLengthLimitRule | null,
    text: string,
    field: TPostField,
    platform: TPlatform,
    locale: TLocale,
  ): TPostFinding | undefined {
    if (rule === undefined || limit === null) return undefined;
    const from = overflowOffset(text, limit.max, limit.unit);
    if (from < 0) return undefined;
    const length = measureLength(text, limit.unit);
    const name = platformName(platform, locale);
    const severity = rule.overridden
      ? rule.severity
      : (limit.severity ?? (limit.verified ? 'block' : 'warn'));
    const what = field === 'title' ? ['标题', 'Title'] : ['正文', 'Body'];
    const unitZh = limit.unit === 'weighted' ? '字符（汉字计 2）' : '字';
    const message =
      locale === 'zh-CN'
        ? `${what[0]} ${length} ${unitZh}，超出${name}上限 ${limit.max} ${unitZh}，超出部分已标出。${limit.verified ? '' : '（该上限未经平台核实，仅供参考。）'}`
        : `${what[1]} is ${length} ${limit.unit === 'weighted' ? 'weighted characters' : 'characters'}; ${name} allows ${limit.max}. The overflow is marked.${limit.verified ? '' : ' (Limit not verified with the platform.)'}`;
    return {
      ruleId: rule.id,
      category: 'platform_limits',
      severity,
      start: from,
      end: text.length,
      text: text.slice(from),
      message,
      suggestions: [],
      field,
    };
  }

  function checkPost(
    post: TPostInput,
    options?: { locale?: TLocale },
  ): { findings: TPostFinding[] } {
    const locale = options?.locale ?? 'zh-CN';
    platformCheck(post.platform);
    textCheck(post.body, 'body');
    if (post.title !== undefined) textCheck(post.title, 'title');
    const hashtags = post.hashtags ?? [];
    if (hashtags.length > MAX_COMPLIANCE_HASHTAGS) {
      throw new RangeError(`hashtags: at most ${MAX_COMPLIANCE_HASHTAGS} are allowed`);
    }
    hashtags.forEach((tag, i) => textCheck(tag, `hashtags[${i}]`));
    const platform = post.platform;

    const findings: TPostFinding[] = [];
    const labelled = sponsors.map(() => false);
    const titleFolded = lazyFold(post.title ?? '');
    const bodyFolded = lazyFold(post.body);
    const scan = (text: string, folded: () => string, field: TPostField, index?: number): void => {
      const result = scanField(text, platform, folded);
      result.labelled.forEach((l, s) => {
        if (l) labelled[s] = true;
      });
      for (const c of result.candidates) {
        const matched = text.slice(c.start, c.end);
        findings.push({
          ruleId: c.rule.id,
          category: c.rule.category,
          severity: c.severity,
          start: c.start,
          end: c.end,
          text: matched,
          message: wordMessage(c.rule, matched, locale),
          suggestions: [...c.suggestions],
          field,
          ...(index === undefined ? {} : { index }),
        });
      }
    };
    if (post.title !== undefined) scan(post.title, titleFolded, 'title');
    scan(post.body, bodyFolded, 'body');
    hashtags.forEach((tag, i) => scan(tag, lazyFold(tag), 'hashtag', i));

    if (post.sponsored === true) {
      for (const { rule, index } of sponsors) {
        if (!applies(rule, platform) || labelled[index] === true) continue;
        findings.push({
          ruleId: rule.id,
          category: rule.category,
          severity: severityFor(rule, platform),
          start: 0,
          end: 0,
          text: '',
          message: localized(rule.explanation, locale),
          suggestions: [...rule.suggestions],
          field: 'body',
        });
      }
    }

    const limits = platform === undefined ? undefined : merged.limits.get(platform);
    if (platform !== undefined && limits !== undefined) {
      const name = platformName(platform, locale);
      if (post.title !== undefined) {
        const f = lengthFinding(titleRule, limits.title, post.title, 'title', platform, locale);
        if (f !== undefined) findings.push(f);
      }
      const f = lengthFinding(bodyRule, limits.body, post.body, 'body', platform, locale);
      if (f !== undefined) findings.push(f);

      if (hashtagRule !== undefined && limits.hashtags !== null) {
        // Inline tags first (in reading order), then listed ones not already inline.
        const seenTags = new Set<string>();
        const all: { field: TPostField; index?: number; start: number; end: number }[] = [];
        for (const t of findHashtags(post.body, bodyFolded())) {
          if (seenTags.has(t.key)) continue;
          seenTags.add(t.key);
          all.push({ field: 'body', start: t.start, end: t.end });
        }
        hashtags.forEach((tag, index) => {
          const key = hashtagKey(tag);
          if (key === '' || seenTags.has(key)) return;
          seenTags.add(key);
          all.push({ field: 'hashtag', index, start: 0, end: tag.length });
        });
        const max = limits.hashtags.max;
        const first = all[max];
        if (first !== undefined) {
          const inBody = all.slice(max).filter((t) => t.field === 'body');
          const end = first.field === 'body' ? inBody[inBody.length - 1]!.end : first.end;
          const source = first.field === 'body' ? post.body : (hashtags[first.index!] ?? '');
          const verified = limits.hashtags.verified;
          findings.push({
            ruleId: hashtagRule.id,
            category: 'platform_limits',
            severity: hashtagRule.overridden
              ? hashtagRule.severity
              : (limits.hashtags.severity ?? (verified ? 'block' : 'warn')),
            start: first.start,
            end,
            text: source.slice(first.start, end),
            message:
              locale === 'zh-CN'
                ? `话题标签共 ${all.length} 个，超出${name}上限 ${max} 个。${verified ? '' : '（该上限未经平台核实，仅供参考。）'}`
                : `${all.length} hashtags; ${name} allows ${max}.${verified ? '' : ' (Limit not verified with the platform.)'}`,
            suggestions: [],
            field: first.field,
            ...(first.index === undefined ? {} : { index: first.index }),
          });
        }
      }

      if (linkRule !== undefined && !limits.externalLinks.allowed) {
        const severity = linkRule.overridden ? linkRule.severity : limits.externalLinks.severity;
        const explanation =
          limits.externalLinks.severity === 'block'
            ? {
                'zh-CN': `${name}禁止在内容中放站外链接（视为站外导流）。`,
                'en-US': `${name} forbids outside links in posts (off-platform diversion).`,
              }
            : {
                'zh-CN': `${name}内容中的站外链接无法点击，且可能被视为导流。`,
                'en-US': `Outside links are not clickable on ${name} and may count as diversion.`,
              };
        const linkFindings = (text: string, folded: string, field: TPostField): void => {
          for (const s of findLinks(text, folded)) {
            const matched = text.slice(s.start, s.end);
            findings.push({
              ruleId: linkRule.id,
              category: 'platform_limits',
              severity,
              start: s.start,
              end: s.end,
              text: matched,
              message:
                locale === 'zh-CN'
                  ? `「${matched}」：${explanation['zh-CN']}`
                  : `"${matched}": ${explanation['en-US']}`,
              suggestions: [],
              field,
            });
          }
        };
        if (post.title !== undefined) linkFindings(post.title, titleFolded(), 'title');
        linkFindings(post.body, bodyFolded(), 'body');
      }
    }

    findings.sort(compareFindings);
    return { findings };
  }

  const ruleInfos: TComplianceRuleInfo[] = [...compiled.values()].map((r) => ({
    id: r.id,
    category: r.category,
    severity: r.severity,
    ...(r.severityByPlatform === undefined || r.overridden
      ? {}
      : { severityByPlatform: r.severityByPlatform }),
    ...(r.platforms === undefined ? {} : { platforms: [...r.platforms] }),
    explanation: r.explanation,
    suggestions: r.suggestions,
    ruleSet: r.ruleSet,
  }));
  const infoById = new Map(ruleInfos.map((r) => [r.id, r]));

  return {
    ruleSets: ruleSets.map((s) => ({ id: s.id, version: s.version })),
    rules: ruleInfos,
    check(text, options) {
      const { findings } = checkPost(
        {
          body: text,
          ...(options?.platform === undefined ? {} : { platform: options.platform }),
          ...(options?.sponsored === undefined ? {} : { sponsored: options.sponsored }),
        },
        options?.locale === undefined ? {} : { locale: options.locale },
      );
      return {
        findings: findings.map(
          ({ field: _field, index: _index, ...finding }): TComplianceFinding => finding,
        ),
      };
    },
    checkPost,
    platformLimits: (platform) => merged.limits.get(platform),
    describeRule: (ruleId) => infoById.get(ruleId),
  };
}

/** Whether any finding blocks submission and approval. */
export function hasBlocking(
  findings: readonly { readonly severity: TComplianceSeverity }[],
): boolean {
  return findings.some((f) => f.severity === 'block');
}
