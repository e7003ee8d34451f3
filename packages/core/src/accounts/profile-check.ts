/**
 * Account profile check (SPEC §2): flags what makes an account hard to find, trust or understand,
 * with a plain message and a concrete fix in the operator's language, and a 0–100 score.
 */
import type {
  TLocale,
  TPersona,
  TPlatform,
  TProfileCheck,
  TProfileIssue,
  TPurpose,
} from '@yunce/contracts';
import { analyzeNameCharacters, suggestCleanName } from './name-rules';
import { findContactDetails, positioningSignals, SHORT_BIO_WEIGHTED } from './bio-rules';
import { PLATFORM_INFO, platformName, type TLengthLimit } from './platforms';
import { measureLength, type TLengthUnit } from './text';

/** Stable issue codes; the UI and tests key on these, so never rename one. */
export const PROFILE_ISSUE_CODES = {
  nameMissing: 'name.missing',
  nameTooShort: 'name.too_short',
  nameTooLong: 'name.too_long',
  nameLong: 'name.long',
  nameInvisible: 'name.invisible_chars',
  nameEmoji: 'name.emoji',
  nameSymbols: 'name.symbols',
  nameStylized: 'name.stylized_chars',
  nameRepeatedPunctuation: 'name.repeated_punctuation',
  nameMixedScripts: 'name.mixed_scripts',
  nameSpacing: 'name.spacing',
  avatarMissing: 'avatar.missing',
  bioMissing: 'bio.missing',
  bioTooShort: 'bio.too_short',
  bioTooLong: 'bio.too_long',
  bioNoPositioning: 'bio.no_positioning',
  bioContactDetails: 'bio.contact_details',
  categoryMissing: 'category.missing',
  purposeMissing: 'purpose.missing',
  personaEmpty: 'persona.empty',
  personaIncomplete: 'persona.incomplete',
  infoStale: 'info.stale',
} as const;
export type TProfileIssueCode = (typeof PROFILE_ISSUE_CODES)[keyof typeof PROFILE_ISSUE_CODES];

export type TSeverity = TProfileIssue['severity'];

/** Points deducted from 100 per issue of each severity. */
export const SEVERITY_PENALTY: Readonly<Record<TSeverity, number>> = {
  error: 25,
  warn: 10,
  info: 3,
};

/** Default number of days after which account info counts as stale. */
export const DEFAULT_STALE_DAYS = 90;

/**
 * Soft name limit, in weighted units: about 12 Chinese characters or 24 Latin letters. Longer names
 * are harder to remember and to type into search, even where the platform allows them.
 */
export const NAME_SOFT_MAX_WEIGHTED = 24;

/** The account fields the check reads. Optional ones may be `null` or absent. */
export interface TProfileInput {
  platform: TPlatform;
  name: string;
  /** Not checked today; accepted so callers can pass an account row as is. */
  handle?: string | null;
  bio?: string | null;
  hasAvatar: boolean;
  category?: string | null;
  purpose?: TPurpose | null;
  persona?: Partial<TPersona> | null;
  /** When the operator last confirmed the info is current; `null` = never (falls back to `createdAt`). */
  infoReviewedAt: Date | null;
  createdAt: Date;
}

export interface TProfileCheckOptions {
  now: Date;
  locale: TLocale;
  /** Info older than this many days is stale; default {@link DEFAULT_STALE_DAYS}. */
  staleDays?: number;
}

const SEVERITY_ORDER: Readonly<Record<TSeverity, number>> = { error: 0, warn: 1, info: 2 };
const DAY_MS = 86_400_000;

/** A message or fix in both languages; the check keeps only the requested one. */
type Bilingual = readonly [zh: string, en: string];

/** "「★」「♥」" in Chinese, "“★”, “♥”" in English. */
function quoteList(items: readonly string[], locale: TLocale): string {
  return locale === 'zh-CN'
    ? items.map((s) => `「${s}」`).join('')
    : items.map((s) => `“${s}”`).join(', ');
}

function quote(s: string, locale: TLocale): string {
  return quoteList([s], locale);
}

/** "30 个字符" (weighted) or "30 个字" (code points) / "30 characters". */
function amount(n: number, unit: TLengthUnit, locale: TLocale): string {
  if (locale === 'zh-CN') return unit === 'weighted' ? `${n} 个字符` : `${n} 个字`;
  return `${n} ${n === 1 ? 'character' : 'characters'}`;
}

/** How weighted lengths count and, when `approximate`, that the limit is not verified. */
function unitNote(unit: TLengthUnit, locale: TLocale, approximate = false): string {
  const zh: string[] = [];
  const en: string[] = [];
  if (unit === 'weighted') {
    zh.push('1 个汉字算 2 个字符');
    en.push('a Chinese character counts as 2');
  }
  if (approximate) {
    zh.push('该上限为公开资料中的近似值，平台可能调整');
    en.push('an approximate public figure, platforms change their rules');
  }
  if (zh.length === 0) return '';
  return locale === 'zh-CN' ? `（${zh.join('；')}）` : ` (${en.join('; ')})`;
}

/** The first `n` characters of `s` (code points), with an ellipsis when cut. */
function clip(s: string, n: number): string {
  const cs = Array.from(s);
  return cs.length > n ? `${cs.slice(0, n).join('')}…` : s;
}

/** Sum of severity penalties subtracted from 100, floored at 0. */
export function scoreProfileIssues(issues: readonly Pick<TProfileIssue, 'severity'>[]): number {
  const penalty = issues.reduce((sum, i) => sum + SEVERITY_PENALTY[i.severity], 0);
  return Math.max(0, Math.round(100 - penalty));
}

/** Whole days from `from` to `to` (never negative). */
function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/**
 * Checks an account profile against SPEC §2: name (length per platform, a soft length limit, odd
 * characters, spacing), avatar, bio (missing, length per platform, no positioning, contact details
 * where the platform forbids them), category, purpose, persona and how long ago the info was
 * reviewed. Returns the issues — most severe first, each with a stable `code`, the `field`, a
 * message and a fix in `opts.locale` — and a score: 100 minus {@link SEVERITY_PENALTY} per issue,
 * floored at 0. Pure: the current time comes from `opts.now`.
 */
export function checkProfile(input: TProfileInput, opts: TProfileCheckOptions): TProfileCheck {
  const { locale } = opts;
  const staleDays = opts.staleDays ?? DEFAULT_STALE_DAYS;
  const info = PLATFORM_INFO[input.platform];
  const pName = platformName(input.platform, locale);
  const issues: TProfileIssue[] = [];
  const pick = (t: Bilingual): string => (locale === 'zh-CN' ? t[0] : t[1]);
  const add = (
    code: TProfileIssueCode,
    field: string,
    severity: TSeverity,
    message: Bilingual,
    fix: Bilingual,
  ): void => {
    issues.push({ code, field, severity, message: pick(message), fix: pick(fix) });
  };
  const q = (s: string) => quote(s, locale);
  const ql = (items: readonly string[]) => quoteList(items, locale);
  const amt = (n: number, limit: TLengthLimit) => amount(n, limit.lengthUnit, locale);
  const note = (limit: TLengthLimit) => unitNote(limit.lengthUnit, locale, !info.limits.verified);

  checkName(input.name, info.limits.name);
  checkAvatar();
  checkBio(input.bio ?? '', info.limits.bio);
  checkCategoryAndPurpose();
  checkPersona(input.persona ?? null);
  checkReview();

  issues.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  return { score: scoreProfileIssues(issues), issues };

  function checkName(raw: string, limit: TLengthLimit): void {
    const name = raw.trim();
    const F = 'name';
    if (name === '') {
      add(
        PROFILE_ISSUE_CODES.nameMissing,
        F,
        'error',
        ['账号名称为空。', 'The account has no name.'],
        [
          `填写在${pName}上显示的名称：品牌名加核心业务词，如「小鹿咖啡」。`,
          `Enter the name shown on ${pName}: the brand plus what it does, e.g. “Xiaolu Coffee”.`,
        ],
      );
      return;
    }
    const len = measureLength(name, limit.lengthUnit);
    if (limit.max !== null && len > limit.max) {
      add(
        PROFILE_ISSUE_CODES.nameTooLong,
        F,
        'error',
        [
          `名称长 ${amt(len, limit)}，超过${pName}的上限 ${amt(limit.max, limit)}${note(limit)}。`,
          `The name is ${amt(len, limit)} long, over ${pName}’s limit of ${amt(limit.max, limit)}${note(limit)}.`,
        ],
        [
          `至少删掉 ${amt(len - limit.max, limit)}${unitNote(limit.lengthUnit, 'zh-CN')}：去掉修饰词和地名，只保留品牌名加核心业务词。`,
          `Cut at least ${amt(len - limit.max, limit)}${unitNote(limit.lengthUnit, 'en-US')}: drop adjectives and place names, keep the brand plus what it does.`,
        ],
      );
    } else if (len < limit.min) {
      add(
        PROFILE_ISSUE_CODES.nameTooShort,
        F,
        'error',
        [
          `名称${q(name)}只有 ${amt(len, limit)}，${pName}要求至少 ${amt(limit.min, limit)}${note(limit)}。`,
          `The name ${q(name)} is only ${amt(len, limit)} long; ${pName} requires at least ${amt(limit.min, limit)}${note(limit)}.`,
        ],
        [
          `补充到至少 ${amt(limit.min, limit)}，例如在品牌名后加上业务词：「小鹿」→「小鹿咖啡」。`,
          `Lengthen it to at least ${amt(limit.min, limit)}, e.g. add what you do after the brand: “Xiaolu” → “Xiaolu Coffee”.`,
        ],
      );
    } else {
      const weighted = measureLength(name, 'weighted');
      if (weighted > NAME_SOFT_MAX_WEIGHTED) {
        add(
          PROFILE_ISSUE_CODES.nameLong,
          F,
          'warn',
          [
            `名称较长（约 ${Math.ceil(weighted / 2)} 个汉字的长度），不易记住，也不方便搜索。`,
            `The name is long (${weighted} units, about ${Math.ceil(weighted / 2)} Chinese characters), which makes it hard to remember and search for.`,
          ],
          [
            `尽量控制在 ${NAME_SOFT_MAX_WEIGHTED / 2} 个汉字（或 ${NAME_SOFT_MAX_WEIGHTED} 个字母）以内：保留品牌名和核心业务词，口号放进简介。`,
            `Aim for ${NAME_SOFT_MAX_WEIGHTED / 2} Chinese characters or ${NAME_SOFT_MAX_WEIGHTED} letters at most: keep the brand and the core business word, move slogans to the bio.`,
          ],
        );
      }
    }

    const f = analyzeNameCharacters(raw);
    const suggestion = suggestCleanName(raw);
    const suggest: Bilingual =
      suggestion !== '' && suggestion !== name
        ? [`建议改为${quote(suggestion, 'zh-CN')}。`, `Suggested: ${quote(suggestion, 'en-US')}.`]
        : ['', ''];
    if (f.invisible.length > 0) {
      add(
        PROFILE_ISSUE_CODES.nameInvisible,
        F,
        'error',
        [
          `名称含有看不见的字符（${f.invisible.join('、')}），用户搜不到，复制时也会出错。`,
          `The name contains invisible characters (${f.invisible.join(', ')}): users cannot find it by search and copying breaks.`,
        ],
        [
          `删除这些字符后重新输入名称。${suggest[0]}`,
          `Remove them by retyping the name.${suggest[1] ? ` ${suggest[1]}` : ''}`,
        ],
      );
    }
    if (f.emoji.length > 0) {
      add(
        PROFILE_ISSUE_CODES.nameEmoji,
        F,
        'warn',
        [
          `名称含有表情符号 ${ql(f.emoji)}，用户无法搜索输入，部分平台也会拒绝。`,
          `The name contains emoji ${ql(f.emoji)}: users cannot type them into search, and some platforms reject them.`,
        ],
        [
          `去掉表情符号，可以把它们放进简介或头像里。${suggest[0]}`,
          `Remove the emoji; put them in the bio or avatar instead.${suggest[1] ? ` ${suggest[1]}` : ''}`,
        ],
      );
    }
    if (f.symbols.length > 0) {
      add(
        PROFILE_ISSUE_CODES.nameSymbols,
        F,
        'warn',
        [
          `名称含有特殊符号 ${ql(f.symbols)}，显得不正式，也影响搜索。`,
          `The name contains symbols ${ql(f.symbols)}: they look unprofessional and hurt search.`,
        ],
        [
          `删掉这些符号；需要分隔时用空格或间隔号「·」。${suggest[0]}`,
          `Remove these symbols; to separate words use a space or a middle dot “·”.${suggest[1] ? ` ${suggest[1]}` : ''}`,
        ],
      );
    }
    if (f.stylized.length > 0) {
      add(
        PROFILE_ISSUE_CODES.nameStylized,
        F,
        'warn',
        [
          `名称使用了花体、全角或装饰字符 ${ql(f.stylized)}，用户用普通键盘搜不到。`,
          `The name uses fancy, full-width or decorated characters ${ql(f.stylized)} that users cannot type on a normal keyboard.`,
        ],
        [
          `换成普通的字母和数字。${suggest[0]}`,
          `Use plain letters and digits.${suggest[1] ? ` ${suggest[1]}` : ''}`,
        ],
      );
    }
    if (f.repeatedPunctuation.length > 0) {
      add(
        PROFILE_ISSUE_CODES.nameRepeatedPunctuation,
        F,
        'warn',
        [
          `名称里有重复的标点 ${ql(f.repeatedPunctuation)}。`,
          `The name repeats punctuation ${ql(f.repeatedPunctuation)}.`,
        ],
        [
          `只保留一个，或者直接删掉。${suggest[0]}`,
          `Keep one mark or none.${suggest[1] ? ` ${suggest[1]}` : ''}`,
        ],
      );
    }
    if (f.mixedScriptLetters.length > 0) {
      add(
        PROFILE_ISSUE_CODES.nameMixedScripts,
        F,
        'warn',
        [
          `名称混用了其他文字的字符 ${ql(f.mixedScriptLetters)}，用户很难用中文或英文输入法搜到。`,
          `The name mixes in letters from another script ${ql(f.mixedScriptLetters)}, which users cannot type with a Chinese or English keyboard.`,
        ],
        [
          `统一用中文和/或拉丁字母，例如把「の」写成「的」。${suggest[0]}`,
          `Stick to Chinese and/or Latin letters, e.g. write 的 instead of の.${suggest[1] ? ` ${suggest[1]}` : ''}`,
        ],
      );
    }
    const s = f.spacing;
    if (s.leading || s.trailing || s.double || s.special) {
      const zh: string[] = [];
      const en: string[] = [];
      const found: ReadonlyArray<readonly [boolean, string, string]> = [
        [s.leading, '开头有空格', 'a leading space'],
        [s.trailing, '结尾有空格', 'a trailing space'],
        [s.double, '有连续空格', 'consecutive spaces'],
        [s.special, '有全角或特殊空格', 'a full-width or special space'],
      ];
      for (const [on, z, e] of found) {
        if (on) {
          zh.push(z);
          en.push(e);
        }
      }
      const cleaned = suggestion || raw.replace(/[\s\p{Zs}]+/gu, ' ').trim();
      add(
        PROFILE_ISSUE_CODES.nameSpacing,
        F,
        'warn',
        [
          `名称${zh.join('、')}，平台可能拒绝或显示异常。`,
          `The name has ${en.join(', ')}; platforms may reject or mangle it.`,
        ],
        [
          `去掉首尾空格，中间最多保留一个普通空格：${quote(cleaned, 'zh-CN')}。`,
          `Trim the ends and keep at most one normal space between words: ${quote(cleaned, 'en-US')}.`,
        ],
      );
    }
  }

  function checkAvatar(): void {
    if (input.hasAvatar) return;
    add(
      PROFILE_ISSUE_CODES.avatarMissing,
      'avatar',
      'error',
      ['没有头像。', 'The account has no avatar.'],
      [
        `上传清晰的品牌标志或真人照片（正方形，至少 400×400 像素），与${pName}上的头像保持一致。`,
        `Upload a clear logo or a photo of a real person (square, at least 400×400 px), the same as on ${pName}.`,
      ],
    );
  }

  function checkBio(rawBio: string, limit: TLengthLimit): void {
    const bio = rawBio.trim();
    const F = 'bio';
    if (bio === '') {
      add(
        PROFILE_ISSUE_CODES.bioMissing,
        F,
        'error',
        ['没有简介。', 'The account has no bio.'],
        [
          '用一句话写清你是谁、提供什么、对谁有用，例如「上海独立咖啡馆，分享手冲咖啡教程和新品」。',
          'Say in one sentence who you are, what you offer and for whom, e.g. “Independent Shanghai café sharing pour-over tutorials and new blends”.',
        ],
      );
      return;
    }
    const len = measureLength(bio, limit.lengthUnit);
    if (limit.max !== null && len > limit.max) {
      add(
        PROFILE_ISSUE_CODES.bioTooLong,
        F,
        'error',
        [
          `简介长 ${amt(len, limit)}，超过${pName}的上限 ${amt(limit.max, limit)}${note(limit)}。`,
          `The bio is ${amt(len, limit)} long, over ${pName}’s limit of ${amt(limit.max, limit)}${note(limit)}.`,
        ],
        [
          `删减至少 ${amt(len - limit.max, limit)}：保留定位和核心产品，去掉口号和重复描述。`,
          `Cut at least ${amt(len - limit.max, limit)}: keep the positioning and core products, drop slogans and repetition.`,
        ],
      );
    } else if (len < limit.min) {
      add(
        PROFILE_ISSUE_CODES.bioTooShort,
        F,
        'error',
        [
          `简介只有 ${amt(len, limit)}，${pName}要求至少 ${amt(limit.min, limit)}${note(limit)}。`,
          `The bio is only ${amt(len, limit)} long; ${pName} requires at least ${amt(limit.min, limit)}${note(limit)}.`,
        ],
        ['补充一句说明你提供什么、对谁有用。', 'Add a sentence on what you offer and for whom.'],
      );
    }

    if (positioningSignals(bio, input.category).length === 0) {
      const weighted = measureLength(bio, 'weighted');
      const short = weighted < SHORT_BIO_WEIGHTED;
      const cat = (input.category ?? '').trim();
      add(
        PROFILE_ISSUE_CODES.bioNoPositioning,
        F,
        short ? 'warn' : 'info',
        [
          `简介${q(clip(bio, 30))}没有说明账号提供什么${cat ? `，也没有提到类目${q(cat)}` : ''}。`,
          `The bio ${q(clip(bio, 60))} does not say what the account offers${cat ? ` or mention its category ${q(cat)}` : ''}.`,
        ],
        [
          `写明定位和产品/服务，用上「分享」「专注」「提供」「测评」这类词${cat ? `和类目词${q(cat)}` : ''}，例如「专注${cat || '咖啡'}，分享……」。`,
          `State the positioning and the product or service — words like “sharing”, “official”, “reviews”${cat ? ` and the category ${q(cat)}` : ''} — e.g. “Sharing ${cat || 'coffee'} tips every week”.`,
        ],
      );
    }

    if (info.bioContactDiscouraged) {
      const found = findContactDetails(bio);
      if (found.length > 0) {
        add(
          PROFILE_ISSUE_CODES.bioContactDetails,
          F,
          'warn',
          [
            `简介含有联系方式或引流信息 ${ql(found)}，${pName}禁止站外导流，可能被限流或处罚。`,
            `The bio contains contact details or diversion ${ql(found)}; ${pName} forbids sending users off-platform and may throttle or penalise the account.`,
          ],
          [
            `删掉 ${ql(found)}，改用${pName}自带的私信、店铺或企业号功能联系用户。`,
            `Remove ${ql(found)} and use ${pName}’s own messages, shop or business-account features to reach users.`,
          ],
        );
      }
    }
  }

  function checkCategoryAndPurpose(): void {
    if (!(input.category ?? '').trim()) {
      add(
        PROFILE_ISSUE_CODES.categoryMissing,
        'category',
        'warn',
        ['没有填写类目。', 'No category is set.'],
        [
          '填写账号所在的行业或内容领域，如「咖啡」「美妆护肤」「职场干货」，便于检查简介和对比同类账号。',
          'Set the industry or content area, e.g. “Coffee”, “Skincare”, “Career tips” — it is used to check the bio and compare with similar accounts.',
        ],
      );
    }
    if (!input.purpose) {
      add(
        PROFILE_ISSUE_CODES.purposeMissing,
        'purpose',
        'warn',
        ['没有设定账号目的。', 'No purpose is set for the account.'],
        [
          '选择一个主要目的：品牌曝光、销售转化、客户互动或客户服务。目标和指标会据此设定。',
          'Pick the main purpose: brand exposure, sales, customer interaction or service. Goals and metrics follow from it.',
        ],
      );
    }
  }

  function checkPersona(persona: Partial<TPersona> | null): void {
    const parts: ReadonlyArray<readonly [boolean, string, string]> = [
      [(persona?.ageBands?.length ?? 0) > 0, '年龄段', 'age bands'],
      [(persona?.regions?.length ?? 0) > 0, '地域', 'regions'],
      [(persona?.interests?.length ?? 0) > 0, '兴趣', 'interests'],
    ];
    const missing = parts.filter(([has]) => !has);
    if (missing.length === parts.length) {
      add(
        PROFILE_ISSUE_CODES.personaEmpty,
        'persona',
        'warn',
        ['没有描述目标人群。', 'The target audience is not described.'],
        [
          '至少填写目标人群的年龄段、地域和兴趣，例如「25–30 岁、上海、咖啡和探店」。内容选题和投放都以此为准。',
          'Fill in at least the age bands, regions and interests, e.g. “25–30, Shanghai, coffee and café hopping”. Topics and ads are planned from it.',
        ],
      );
    } else if (missing.length > 0) {
      add(
        PROFILE_ISSUE_CODES.personaIncomplete,
        'persona',
        'info',
        [
          `目标人群还缺少：${missing.map((m) => m[1]).join('、')}。`,
          `The target audience is missing: ${missing.map((m) => m[2]).join(', ')}.`,
        ],
        [
          `补充${missing.map((m) => m[1]).join('、')}，让人群画像更完整。`,
          `Add ${missing.map((m) => m[2]).join(' and ')} to complete the persona.`,
        ],
      );
    }
  }

  function checkReview(): void {
    const since = input.infoReviewedAt ?? input.createdAt;
    const days = daysBetween(since, opts.now);
    if (days <= staleDays) return;
    const date = since.toISOString().slice(0, 10);
    add(
      PROFILE_ISSUE_CODES.infoStale,
      'infoReviewedAt',
      'warn',
      input.infoReviewedAt
        ? [
            `账号信息已 ${days} 天未复核（上次复核：${date}，建议每 ${staleDays} 天一次）。`,
            `The account info has not been reviewed for ${days} days (last review ${date}; recommended every ${staleDays} days).`,
          ]
        : [
            `账号信息自创建（${date}）以来 ${days} 天从未复核（建议每 ${staleDays} 天一次）。`,
            `The account info has never been reviewed in the ${days} days since it was created on ${date} (recommended every ${staleDays} days).`,
          ],
      [
        `对照${pName}上的实际资料核对名称、头像、简介、类目和目标人群，更新后标记为已复核。`,
        `Compare name, avatar, bio, category and audience with what ${pName} actually shows, update them, then mark the account as reviewed.`,
      ],
    );
  }
}
