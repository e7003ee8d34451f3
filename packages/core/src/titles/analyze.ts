/**
 * Title helper (SPEC §4, issue 3 item 6): length meter per platform, clickbait and focus-keyword
 * warnings, and a comparison of A/B title variants. Pure and fast enough to run per keystroke.
 *
 * No user input is ever compiled into a RegExp: phrases go through the core Aho-Corasick matcher
 * (compiled once from our own list), the keyword is found with indexOf on width/case-folded text,
 * and punctuation and capitals are checked by scanning characters.
 */
import { PLATFORMS, type TLocale, type TPlatform } from '@yunce/contracts';
import { measureLength, type TLengthUnit } from '../accounts';
import { createMatcher, normalizeText, type TMatcher } from '../matcher';
import {
  PLATFORM_TITLE_RULES,
  TITLE_CLICKBAIT_PHRASES,
  type TClickbaitKind,
  type TTitleRule,
} from './rules';

/** Stable warning codes; the UI and tests key on these, so never rename one. */
export const TITLE_WARNING_CODES = {
  empty: 'title.empty',
  overLimit: 'title.over_limit',
  tooShort: 'title.too_short',
  noTitleField: 'title.no_title_field',
  clickbait: 'title.clickbait',
  excessivePunctuation: 'title.excessive_punctuation',
  allCaps: 'title.all_caps',
  missingKeyword: 'title.missing_keyword',
  keywordLate: 'title.keyword_late',
} as const;
export type TTitleWarningCode = (typeof TITLE_WARNING_CODES)[keyof typeof TITLE_WARNING_CODES];

/** One finding; `span` is [start, end) in UTF-16 code units of the title, when it has a place. */
export interface TTitleWarning {
  code: TTitleWarningCode;
  /** `warn`: worth fixing; `info`: worth knowing (does not count against a variant). */
  severity: 'warn' | 'info';
  message: string;
  span?: { start: number; end: number };
}

/** What to analyse. */
export interface TTitleInput {
  title: string;
  platform: TPlatform;
  /** The word or phrase the post should be found by; blank means none. */
  focusKeyword?: string | null;
}

/** Result of analyzeTitle. */
export interface TTitleAnalysis {
  /** Length in `unit`s (code points for `char`). */
  length: number;
  /** The platform's limit; null when it has no title or no limit we know. */
  limit: number | null;
  unit: TLengthUnit;
  over: boolean;
  /** length / limit for a meter: 0…1, above 1 when over; 0 without a limit. */
  meter: number;
  /** Whether the limit is verified (see PLATFORM_TITLE_RULES). */
  verified: boolean;
  /** Code-point index where the focus keyword first starts; null when absent or not given. */
  keywordPosition: number | null;
  warnings: TTitleWarning[];
}

/** Excessive punctuation: this many ! or ? in a row (either width). */
const PUNCTUATION_RUN = 3;
/** ALL-CAPS: Latin words at least this long; shorter ones are mostly acronyms (AI, CEO, USB). */
const CAPS_WORD_MIN = 4;

let clickbaitMatcher: TMatcher | undefined;
function getClickbaitMatcher(): TMatcher {
  clickbaitMatcher ??= createMatcher(
    TITLE_CLICKBAIT_PHRASES.map((p, id) => ({ id, text: p.text })),
  );
  return clickbaitMatcher;
}

function t(locale: TLocale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

function isAsciiLetter(u: number): boolean {
  return (u >= 65 && u <= 90) || (u >= 97 && u <= 122);
}

function codePointLength(text: string): number {
  return measureLength(text, 'char');
}

const KIND_MESSAGES: Readonly<Record<TClickbaitKind, { zh: string; en: string }>> = {
  shock: {
    zh: '制造惊吓的标题党用语',
    en: 'a shock phrase typical of clickbait',
  },
  urgency: {
    zh: '催促点击的标题党用语',
    en: 'an urgency phrase typical of clickbait',
  },
  curiosity_gap: {
    zh: '故弄玄虚、吊胃口的标题党用语',
    en: 'a curiosity-gap phrase typical of clickbait',
  },
  exaggeration: {
    zh: '夸大其词的标题党用语',
    en: 'an exaggeration typical of clickbait',
  },
};

function clickbaitWarnings(title: string, locale: TLocale): TTitleWarning[] {
  const matches = getClickbaitMatcher()
    .findAll(title)
    .filter((m) => {
      const phrase = TITLE_CLICKBAIT_PHRASES[m.patternId];
      if (!phrase?.wholeWord) return true;
      return (
        !isAsciiLetter(title.charCodeAt(m.start - 1)) && !isAsciiLetter(title.charCodeAt(m.end))
      );
    });
  // Overlapping phrases (你绝对想不到 ⊃ 绝对想不到) are reported once, by the longest.
  const kept = matches.filter(
    (m) =>
      !matches.some(
        (o) => o !== m && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start,
      ),
  );
  const seen = new Set<string>();
  const out: TTitleWarning[] = [];
  for (const m of kept) {
    const key = `${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const phrase = TITLE_CLICKBAIT_PHRASES[m.patternId];
    if (!phrase) continue;
    const text = title.slice(m.start, m.end);
    const kind = KIND_MESSAGES[phrase.kind];
    out.push({
      code: TITLE_WARNING_CODES.clickbait,
      severity: 'warn',
      span: { start: m.start, end: m.end },
      message: t(
        locale,
        `“${text}”是${kind.zh}：平台的标题党规则可能限流，读者也容易反感。换成具体的信息（数字、结果、对象）。`,
        `“${text}” is ${kind.en}: platforms' clickbait rules may limit reach and readers distrust it. Say something specific instead (a number, a result, who it is for).`,
      ),
    });
  }
  return out;
}

function punctuationWarnings(title: string, locale: TLocale): TTitleWarning[] {
  const out: TTitleWarning[] = [];
  const isMark = (u: number) => u === 0x21 || u === 0x3f || u === 0xff01 || u === 0xff1f;
  let i = 0;
  while (i < title.length) {
    if (!isMark(title.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < title.length && isMark(title.charCodeAt(j))) j++;
    if (j - i >= PUNCTUATION_RUN) {
      const run = title.slice(i, j);
      out.push({
        code: TITLE_WARNING_CODES.excessivePunctuation,
        severity: 'warn',
        span: { start: i, end: j },
        message: t(
          locale,
          `连续的“${run}”显得夸张，容易被视为标题党；最多保留一个。`,
          `“${run}” reads as hype and looks like clickbait; keep one mark at most.`,
        ),
      });
    }
    i = j;
  }
  return out;
}

function capsWarnings(title: string, locale: TLocale): TTitleWarning[] {
  const words: { start: number; end: number }[] = [];
  let i = 0;
  while (i < title.length) {
    if (!isAsciiLetter(title.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    let upper = true;
    while (j < title.length && isAsciiLetter(title.charCodeAt(j))) {
      const u = title.charCodeAt(j);
      if (u >= 97) upper = false;
      j++;
    }
    if (upper && j - i >= CAPS_WORD_MIN) words.push({ start: i, end: j });
    i = j;
  }
  // One capitalised word is often a brand (HOKA, LEGO); two or more is shouting.
  const severity = words.length >= 2 ? 'warn' : 'info';
  return words.map((w) => {
    const word = title.slice(w.start, w.end);
    return {
      code: TITLE_WARNING_CODES.allCaps,
      severity,
      span: w,
      message:
        severity === 'warn'
          ? t(
              locale,
              `全大写的“${word}”像在喊叫，标题里多处大写会被视为标题党；品牌名以外改为正常大小写。`,
              `“${word}” in capitals reads as shouting, and several such words look like clickbait; use normal case except for brand names.`,
            )
          : t(
              locale,
              `“${word}”全部大写：若是品牌或缩写可以保留；若为了强调，会显得像在喊叫。`,
              `“${word}” is in capitals: fine for a brand or acronym; for emphasis it reads as shouting.`,
            ),
    };
  });
}

function ruleFor(platform: TPlatform): TTitleRule {
  // Checked at run time too: the platform may come from a request body or a stored row.
  const rule = Object.hasOwn(PLATFORM_TITLE_RULES, platform)
    ? PLATFORM_TITLE_RULES[platform]
    : undefined;
  if (!rule) {
    throw new RangeError(
      `unknown platform '${String(platform)}'; expected one of ${PLATFORMS.join(', ')}`,
    );
  }
  return rule;
}

/**
 * Analyses one title for a platform: length against the platform's title limit (with a meter),
 * clickbait phrases, excessive !!!/???, ALL-CAPS words, and the focus keyword (missing → warn;
 * only after the part feeds show → info). Messages are in `locale`.
 */
export function analyzeTitle(input: TTitleInput, locale: TLocale): TTitleAnalysis {
  const { title, platform } = input;
  if (typeof title !== 'string') throw new TypeError('title must be a string');
  const rule = ruleFor(platform);
  const length = measureLength(title, rule.unit);
  const limit = rule.hasTitle ? rule.limit : null;
  const over = limit !== null && length > limit;
  const meter = limit !== null && limit > 0 ? length / limit : 0;
  const warnings: TTitleWarning[] = [];
  const blank = title.trim().length === 0;

  if (!rule.hasTitle) {
    warnings.push({
      code: TITLE_WARNING_CODES.noTitleField,
      severity: 'info',
      message: t(
        locale,
        '该平台的内容没有单独的标题，正文开头起到标题的作用；这里只检查用语和关键词。',
        'Posts on this platform have no separate title; the opening words act as one, so only wording and keyword are checked.',
      ),
    });
  } else if (blank) {
    warnings.push({
      code: TITLE_WARNING_CODES.empty,
      severity: 'warn',
      message: t(locale, '标题为空。', 'The title is empty.'),
    });
  }

  if (over && limit !== null) {
    warnings.push({
      code: TITLE_WARNING_CODES.overLimit,
      severity: rule.hard ? 'warn' : 'info',
      // The span marks what is beyond the limit (in code units), so the editor can grey it out.
      span: { start: offsetAfterUnits(title, limit, rule.unit), end: title.length },
      message: rule.hard
        ? t(
            locale,
            `标题 ${length} 字，超过平台上限 ${limit} 字，无法发布；请删减 ${length - limit} 字。`,
            `The title is ${length} characters, over the platform's limit of ${limit}; cut ${length - limit}.`,
          )
        : t(
            locale,
            `标题 ${length} 字：信息流里大约只显示前 ${limit} 字，其余会被折叠（约数，未核实）。`,
            `The title is ${length} characters; feeds show roughly the first ${limit} and fold the rest (approximate, unverified).`,
          ),
    });
  }
  if (!blank && rule.hasTitle && rule.min > 0 && length < rule.min) {
    warnings.push({
      code: TITLE_WARNING_CODES.tooShort,
      severity: 'warn',
      message: t(
        locale,
        `标题 ${length} 字，少于平台要求的 ${rule.min} 字。`,
        `The title is ${length} characters, under the platform's minimum of ${rule.min}.`,
      ),
    });
  }

  warnings.push(...clickbaitWarnings(title, locale));
  warnings.push(...punctuationWarnings(title, locale));
  warnings.push(...capsWarnings(title, locale));

  let keywordPosition: number | null = null;
  const keyword = (input.focusKeyword ?? '').trim();
  if (keyword.length > 0 && !blank) {
    // normalizeText folds width and case one code unit for one, so offsets stay the title's own.
    const at = normalizeText(title).indexOf(normalizeText(keyword));
    if (at < 0) {
      warnings.push({
        code: TITLE_WARNING_CODES.missingKeyword,
        severity: 'warn',
        message: t(
          locale,
          `标题里没有关键词“${keyword}”；写进标题有助于搜索和推荐识别主题。`,
          `The focus keyword “${keyword}” is not in the title; having it there helps search and recommendation find the post.`,
        ),
      });
    } else {
      keywordPosition = codePointLength(title.slice(0, at));
      const endsAt = codePointLength(title.slice(0, at + keyword.length));
      if (endsAt > rule.keywordWithin) {
        warnings.push({
          code: TITLE_WARNING_CODES.keywordLate,
          severity: 'info',
          span: { start: at, end: at + keyword.length },
          message: t(
            locale,
            `关键词“${keyword}”在第 ${keywordPosition + 1} 个字才出现；信息流里大约只显示前 ${rule.keywordWithin} 个字，放到前面更容易被看到。`,
            `The keyword “${keyword}” starts at character ${keywordPosition + 1}; feeds show roughly the first ${rule.keywordWithin}, so move it forward.`,
          ),
        });
      }
    }
  }

  return {
    length,
    limit,
    unit: rule.unit,
    over,
    meter,
    verified: rule.verified,
    keywordPosition,
    warnings,
  };
}

/** UTF-16 offset where the part of `text` beyond `count` length units begins. */
function offsetAfterUnits(text: string, count: number, unit: TLengthUnit): number {
  let used = 0;
  let offset = 0;
  for (const ch of text) {
    used += measureLength(ch, unit);
    if (used > count) return offset;
    offset += ch.length;
  }
  return text.length;
}

/** One variant in a comparison. */
export interface TTitleVariantResult {
  index: number;
  title: string;
  analysis: TTitleAnalysis;
  /** Findings of severity `warn` (infos do not count against a variant). */
  warningCount: number;
}

/** Result of compareTitleVariants. */
export interface TTitleComparison {
  variants: TTitleVariantResult[];
  /** Index of the suggested variant; null when none is free of warnings (or there are none). */
  recommendedIndex: number | null;
  /** Why, in the requested locale. */
  reason: string;
}

/**
 * Analyses A/B title variants and suggests one: among the variants with no `warn` findings, the
 * one whose focus keyword starts earliest (no keyword given → this criterion is skipped), ties
 * going to the shorter title, then to the earlier variant.
 *
 * This is a heuristic for tidiness, not a prediction of clicks or reach: it only prefers titles
 * that break no rule we know and surface the keyword early. Real A/B results beat it.
 */
export function compareTitleVariants(
  variants: readonly string[],
  input: Omit<TTitleInput, 'title'>,
  locale: TLocale,
): TTitleComparison {
  const results: TTitleVariantResult[] = variants.map((title, index) => {
    const analysis = analyzeTitle({ ...input, title }, locale);
    return {
      index,
      title,
      analysis,
      warningCount: analysis.warnings.filter((w) => w.severity === 'warn').length,
    };
  });
  if (results.length === 0) {
    return {
      variants: results,
      recommendedIndex: null,
      reason: t(locale, '没有可比较的标题。', 'No titles to compare.'),
    };
  }
  const clean = results.filter((r) => r.warningCount === 0);
  if (clean.length === 0) {
    return {
      variants: results,
      recommendedIndex: null,
      reason: t(
        locale,
        '每个标题都有需要修改的问题，先处理提示再比较。',
        'Every variant has something to fix; resolve the warnings, then compare again.',
      ),
    };
  }
  const keyOf = (r: TTitleVariantResult) => r.analysis.keywordPosition ?? Number.POSITIVE_INFINITY;
  const best = [...clean].sort(
    (a, b) => keyOf(a) - keyOf(b) || a.analysis.length - b.analysis.length || a.index - b.index,
  )[0]!;
  const hasKeyword = (input.focusKeyword ?? '').trim().length > 0;
  // Variants read as A, B, C… in the editor; past Z fall back to a number.
  const label = best.index < 26 ? String.fromCharCode(65 + best.index) : `#${best.index + 1}`;
  const reason =
    clean.length === 1
      ? t(locale, `只有标题 ${label} 没有警告。`, `Only variant ${label} has no warnings.`)
      : hasKeyword
        ? t(
            locale,
            `标题 ${label} 没有警告，关键词出现得最早（同等时取更短的）。这是经验规则，不代表点击率预测。`,
            `Variant ${label} has no warnings and shows the keyword earliest (shorter wins ties). A rule of thumb, not a click prediction.`,
          )
        : t(
            locale,
            `标题 ${label} 没有警告且更短。这是经验规则，不代表点击率预测。`,
            `Variant ${label} has no warnings and is the shortest. A rule of thumb, not a click prediction.`,
          );
  return { variants: results, recommendedIndex: best.index, reason };
}
