/**
 * Marketing calendar nodes (营销节点, DOMAIN-FACTS §4): a library of nodes as data, and the
 * computation of their dates for any range. Lunar dates and solar terms come from chinese-days
 * (through ./chinese-days-adapter); everything else is plain date arithmetic.
 *
 * Pure: no I/O, no clock. JSON-serialisable data, so the server can ship MARKETING_NODES as-is.
 */
import type { TLocalized } from '../accounts';
import {
  LUNAR_SUPPORTED_YEARS,
  lunarDayOf,
  solarTermDate,
  type TSolarTermKey,
} from './chinese-days-adapter';
import { dayNumberOf, daysInMonth, formatDayNumber, isoWeekday, toDayNumber, ymdOf } from './dates';

/** How a node's date is found. */
export type TNodeKind = 'fixed' | 'lunar' | 'rule' | 'solar_term' | 'sales_window';
/** `risk`: a day to be careful on (e.g. 3·15), not a day to sell on. */
export type TNodeImportance = 'major' | 'normal' | 'risk';

/** The date of a single-day node. */
export type TNodeDateRule =
  /** Same Gregorian month/day every year. */
  | { type: 'fixed'; month: number; day: number }
  /** Lunar month/day (never in a leap month: festivals follow the regular month). */
  | { type: 'lunar'; month: number; day: number }
  /** 除夕: the day before 正月初一, i.e. the last day of 腊月 — 廿九 or 三十 depending on the year. */
  | { type: 'lunar_new_years_eve' }
  /** The `nth` `weekday` (ISO: 1 = Monday … 7 = Sunday) of a Gregorian month. */
  | { type: 'nth_weekday'; month: number; weekday: number; nth: number }
  /** A solar term; `month` is the Gregorian month it falls in (chinese-days needs it). */
  | { type: 'solar_term'; term: TSolarTermKey; month: number };

/**
 * A node's date rule. A window runs from the latest `start` on or before each `end` occurrence;
 * `maxDays` guards against pairing an end with a start from the wrong year.
 */
export type TNodeRule =
  TNodeDateRule | { type: 'window'; start: TNodeDateRule; end: TNodeDateRule; maxDays: number };

/** One node in the library. */
export interface TMarketingNode {
  /** Stable ASCII id (used by the UI and stored filters). */
  id: string;
  name: TLocalized;
  kind: TNodeKind;
  importance: TNodeImportance;
  tip?: TLocalized;
  /** True when the dates are a convention that shifts by platform or year (pre-sale windows). */
  approximate?: boolean;
  rule: TNodeRule;
}

const fixed = (month: number, day: number): TNodeDateRule => ({ type: 'fixed', month, day });
const lunar = (month: number, day: number): TNodeDateRule => ({ type: 'lunar', month, day });

/** The node library. Order is not significant; results are sorted by date. */
export const MARKETING_NODES: readonly TMarketingNode[] = [
  // ── Fixed Gregorian dates ────────────────────────────────────────────────────────────────
  {
    id: 'new_year',
    name: { 'zh-CN': '元旦', 'en-US': "New Year's Day" },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '年度回顾与新年计划类内容；常与跨年活动连用。',
      'en-US': 'Year-in-review and new-year plans; often paired with New Year’s Eve activities.',
    },
    rule: fixed(1, 1),
  },
  {
    id: 'valentines_day',
    name: { 'zh-CN': '情人节', 'en-US': "Valentine's Day" },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '礼物清单、约会场景；送礼类目提前一到两周预热。',
      'en-US': 'Gift guides and date ideas; warm up gift categories one to two weeks ahead.',
    },
    rule: fixed(2, 14),
  },
  {
    id: 'womens_day',
    name: { 'zh-CN': '女神节（妇女节）', 'en-US': "Women's Day (女神节)" },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '电商称“女神节/女王节”；避免物化或刻板印象的文案。',
      'en-US': 'Marketed as “Goddess/Queen Day”; avoid objectifying or stereotyped copy.',
    },
    rule: fixed(3, 8),
  },
  {
    id: 'consumer_rights_day',
    name: { 'zh-CN': '3·15 消费者权益日', 'en-US': 'Consumer Rights Day (3·15)' },
    kind: 'fixed',
    importance: 'risk',
    tip: {
      'zh-CN':
        '央视“3·15晚会”集中曝光问题企业：前后几天复查宣传用语和产品承诺，暂缓夸大宣传，准备舆情预案。',
      'en-US':
        'CCTV’s 3·15 gala exposes misbehaving companies: re-check claims around the day, hold back on hype and have a crisis plan ready.',
    },
    rule: fixed(3, 15),
  },
  {
    id: 'labour_day',
    name: { 'zh-CN': '劳动节', 'en-US': 'Labour Day' },
    kind: 'fixed',
    importance: 'normal',
    tip: {
      'zh-CN': '五一假期出行、本地生活与消费高峰。',
      'en-US': 'May Day holiday: travel, local services and spending peak.',
    },
    rule: fixed(5, 1),
  },
  {
    id: 'day_520',
    name: { 'zh-CN': '520', 'en-US': '520 (“I love you” day)' },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '谐音“我爱你”，表白与送礼节点。',
      'en-US': 'Sounds like “I love you”: confessions and gifts.',
    },
    rule: fixed(5, 20),
  },
  {
    id: 'childrens_day',
    name: { 'zh-CN': '儿童节', 'en-US': "Children's Day" },
    kind: 'fixed',
    importance: 'normal',
    tip: {
      'zh-CN': '亲子内容，也常做“成年人的儿童节”怀旧话题。',
      'en-US': 'Family content; “grown-ups’ Children’s Day” nostalgia also works.',
    },
    rule: fixed(6, 1),
  },
  {
    id: 'sale_618',
    name: { 'zh-CN': '618', 'en-US': '618 shopping festival' },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '年中大促正日；预售通常从 5 月中下旬开始（见“618 预售”）。',
      'en-US': 'Mid-year sale day; pre-sales usually start in mid/late May (see “618 pre-sale”).',
    },
    rule: fixed(6, 18),
  },
  {
    id: 'sale_99',
    name: { 'zh-CN': '99 大促', 'en-US': '9.9 sale' },
    kind: 'fixed',
    importance: 'normal',
    tip: {
      'zh-CN': '秋季电商节点（9 月 9 日），各平台力度不一。',
      'en-US': 'Autumn e-commerce day (9 Sep); weight varies by platform.',
    },
    rule: fixed(9, 9),
  },
  {
    id: 'teachers_day',
    name: { 'zh-CN': '教师节', 'en-US': "Teachers' Day" },
    kind: 'fixed',
    importance: 'normal',
    tip: {
      'zh-CN': '感恩主题；教育类账号的重要节点。',
      'en-US': 'Gratitude themes; key for education accounts.',
    },
    rule: fixed(9, 10),
  },
  {
    id: 'national_day',
    name: { 'zh-CN': '国庆节', 'en-US': 'National Day' },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '黄金周出行与消费；涉及国家象征的内容需格外严谨。',
      'en-US': 'Golden Week travel and spending; be careful with national symbols.',
    },
    rule: fixed(10, 1),
  },
  {
    id: 'double_11',
    name: { 'zh-CN': '双11', 'en-US': 'Double 11 (Singles’ Day)' },
    kind: 'fixed',
    importance: 'major',
    tip: {
      'zh-CN': '全年最大电商节点；预售通常从 10 月中下旬开始（见“双11 预售”）。',
      'en-US':
        'The year’s biggest sale; pre-sales usually start mid/late October (see “Double 11 pre-sale”).',
    },
    rule: fixed(11, 11),
  },
  {
    id: 'double_12',
    name: { 'zh-CN': '双12', 'en-US': 'Double 12' },
    kind: 'fixed',
    importance: 'normal',
    tip: {
      'zh-CN': '年末促销，承接双11 后的需求。',
      'en-US': 'Year-end sale that follows Double 11.',
    },
    rule: fixed(12, 12),
  },
  {
    id: 'christmas',
    name: { 'zh-CN': '圣诞节', 'en-US': 'Christmas' },
    kind: 'fixed',
    importance: 'normal',
    tip: {
      'zh-CN': '节日氛围与礼物内容；部分地区和机构对洋节宣传有限制，注意分寸。',
      'en-US':
        'Festive mood and gifts; some regions and institutions discourage it — keep it light.',
    },
    rule: fixed(12, 25),
  },

  // ── Lunar dates ──────────────────────────────────────────────────────────────────────────
  {
    id: 'lunar_new_years_eve',
    name: { 'zh-CN': '除夕', 'en-US': "Lunar New Year's Eve (除夕)" },
    kind: 'lunar',
    importance: 'major',
    tip: {
      'zh-CN': '腊月的最后一天（腊月小则为廿九，不一定是“年三十”）；春晚与团圆话题。',
      'en-US':
        'Last day of the 12th lunar month — the 29th when that month is short, not always “the 30th”; reunion dinner and the Gala.',
    },
    rule: { type: 'lunar_new_years_eve' },
  },
  {
    id: 'spring_festival',
    name: { 'zh-CN': '春节', 'en-US': 'Spring Festival' },
    kind: 'lunar',
    importance: 'major',
    tip: {
      'zh-CN': '正月初一；物流和客服放假前提前安排发布与回复。',
      'en-US': 'Lunar 1/1; schedule posts and replies before logistics and support break.',
    },
    rule: lunar(1, 1),
  },
  {
    id: 'lantern_festival',
    name: { 'zh-CN': '元宵节', 'en-US': 'Lantern Festival' },
    kind: 'lunar',
    importance: 'normal',
    tip: {
      'zh-CN': '正月十五；汤圆、灯谜等互动话题。',
      'en-US': 'Lunar 1/15; tangyuan and lantern-riddle interactions.',
    },
    rule: lunar(1, 15),
  },
  {
    id: 'dragon_boat',
    name: { 'zh-CN': '端午节', 'en-US': 'Dragon Boat Festival' },
    kind: 'lunar',
    importance: 'normal',
    tip: {
      'zh-CN': '五月初五；问候宜用“端午安康”。',
      'en-US': 'Lunar 5/5; the customary greeting is “端午安康” (wishing well-being), not “happy”.',
    },
    rule: lunar(5, 5),
  },
  {
    id: 'qixi',
    name: { 'zh-CN': '七夕', 'en-US': 'Qixi (Chinese Valentine’s Day)' },
    kind: 'lunar',
    importance: 'major',
    tip: {
      'zh-CN': '七月初七；情侣送礼节点，美妆、珠宝、鲜花重点。',
      'en-US': 'Lunar 7/7; couples’ gifts — beauty, jewellery, flowers.',
    },
    rule: lunar(7, 7),
  },
  {
    id: 'mid_autumn',
    name: { 'zh-CN': '中秋节', 'en-US': 'Mid-Autumn Festival' },
    kind: 'lunar',
    importance: 'major',
    tip: {
      'zh-CN': '八月十五；团圆、月饼与礼盒，常与国庆相邻。',
      'en-US': 'Lunar 8/15; reunion, mooncakes and gift boxes; often close to National Day.',
    },
    rule: lunar(8, 15),
  },
  {
    id: 'double_ninth',
    name: { 'zh-CN': '重阳节', 'en-US': 'Double Ninth Festival' },
    kind: 'lunar',
    importance: 'normal',
    tip: {
      'zh-CN': '九月初九；敬老、登高主题。',
      'en-US': 'Lunar 9/9; respect for elders, hiking.',
    },
    rule: lunar(9, 9),
  },
  {
    id: 'laba',
    name: { 'zh-CN': '腊八节', 'en-US': 'Laba Festival' },
    kind: 'lunar',
    importance: 'normal',
    tip: {
      'zh-CN': '腊月初八；“过了腊八就是年”，年货节开始。',
      'en-US': 'Lunar 12/8; the run-up to the New Year (and the New-Year goods sale) begins.',
    },
    rule: lunar(12, 8),
  },
  {
    id: 'xiaonian',
    name: { 'zh-CN': '小年', 'en-US': 'Little New Year (小年)' },
    kind: 'lunar',
    importance: 'normal',
    tip: {
      'zh-CN':
        '默认按北方习俗取腊月廿三；南方多在腊月廿四（可用 xiaonian: "south" 切换），各地还有其他说法。',
      'en-US':
        'Northern custom, lunar 12/23, by default; much of the south keeps 12/24 (option xiaonian: "south"); other local customs exist.',
    },
    rule: lunar(12, 23),
  },

  // ── Rule-based Gregorian dates ───────────────────────────────────────────────────────────
  {
    id: 'mothers_day',
    name: { 'zh-CN': '母亲节', 'en-US': "Mother's Day" },
    kind: 'rule',
    importance: 'major',
    tip: {
      'zh-CN': '5 月第二个星期日；送礼与情感类内容。',
      'en-US': 'Second Sunday of May; gifts and heartfelt stories.',
    },
    rule: { type: 'nth_weekday', month: 5, weekday: 7, nth: 2 },
  },
  {
    id: 'fathers_day',
    name: { 'zh-CN': '父亲节', 'en-US': "Father's Day" },
    kind: 'rule',
    importance: 'normal',
    tip: {
      'zh-CN': '6 月第三个星期日；常与 618 重叠。',
      'en-US': 'Third Sunday of June; often overlaps 618.',
    },
    rule: { type: 'nth_weekday', month: 6, weekday: 7, nth: 3 },
  },
  {
    id: 'thanksgiving',
    name: { 'zh-CN': '感恩节', 'en-US': 'Thanksgiving' },
    kind: 'rule',
    importance: 'normal',
    tip: {
      'zh-CN': '11 月第四个星期四（美国习俗）；适合感恩用户、福利回馈。',
      'en-US': 'Fourth Thursday of November (US custom); thank-you posts and giveaways.',
    },
    rule: { type: 'nth_weekday', month: 11, weekday: 4, nth: 4 },
  },

  // ── Solar terms ──────────────────────────────────────────────────────────────────────────
  {
    id: 'qingming',
    name: { 'zh-CN': '清明', 'en-US': 'Qingming (Tomb-Sweeping Day)' },
    kind: 'solar_term',
    importance: 'normal',
    tip: {
      'zh-CN': '祭扫之日，语气宜庄重，避免“快乐”和促销式文案；踏青、春游内容可做。',
      'en-US':
        'A day of remembrance: keep a respectful tone, no “happy” or sales copy; spring outings are fine.',
    },
    rule: { type: 'solar_term', term: 'pure_brightness', month: 4 },
  },
  {
    id: 'winter_solstice',
    name: { 'zh-CN': '冬至', 'en-US': 'Winter Solstice (冬至)' },
    kind: 'solar_term',
    importance: 'normal',
    tip: {
      'zh-CN': '北方吃饺子、南方吃汤圆，注意地域差异。',
      'en-US': 'Dumplings in the north, tangyuan in the south — mind the regional split.',
    },
    rule: { type: 'solar_term', term: 'the_winter_solstice', month: 12 },
  },

  // ── Sales windows ────────────────────────────────────────────────────────────────────────
  {
    id: 'presale_618',
    name: { 'zh-CN': '618 预售期', 'en-US': '618 pre-sale' },
    kind: 'sales_window',
    importance: 'major',
    approximate: true,
    tip: {
      'zh-CN': '约 5 月 20 日至 6 月 18 日；各平台每年公布的开始日不同，以官方为准。',
      'en-US': 'About 20 May to 18 June; each platform announces its own start every year.',
    },
    rule: { type: 'window', start: fixed(5, 20), end: fixed(6, 18), maxDays: 60 },
  },
  {
    id: 'presale_double_11',
    name: { 'zh-CN': '双11 预售期', 'en-US': 'Double 11 pre-sale' },
    kind: 'sales_window',
    importance: 'major',
    approximate: true,
    tip: {
      'zh-CN': '约 10 月 20 日至 11 月 11 日；近年常提前到 10 月中旬，以平台公布为准。',
      'en-US':
        'About 20 October to 11 November; lately it often starts mid-October — check each platform.',
    },
    rule: { type: 'window', start: fixed(10, 20), end: fixed(11, 11), maxDays: 60 },
  },
  {
    id: 'nianhuo_festival',
    name: { 'zh-CN': '年货节', 'en-US': 'New-Year goods festival (年货节)' },
    kind: 'sales_window',
    importance: 'major',
    approximate: true,
    tip: {
      'zh-CN': '腊八至除夕；物流停运时间各平台不同，提前提醒用户下单。',
      'en-US':
        'Laba to Lunar New Year’s Eve; carriers stop at different dates — remind buyers early.',
    },
    rule: {
      type: 'window',
      start: lunar(12, 8),
      end: { type: 'lunar_new_years_eve' },
      maxDays: 60,
    },
  },
];

/** One computed occurrence of a node. Sales windows carry start/end, other kinds a date. */
export type TNodeOccurrence = {
  id: string;
  name: TLocalized;
  importance: TNodeImportance;
  tip?: TLocalized;
  approximate: boolean;
} & (
  | { kind: Exclude<TNodeKind, 'sales_window'>; date: string }
  | { kind: 'sales_window'; start: string; end: string }
);

/** Options for nodesInRange. */
export interface TNodesInRangeOptions {
  /** Only these kinds (default: all). */
  kinds?: readonly TNodeKind[];
  /** Only these importances (default: all). */
  importance?: readonly TNodeImportance[];
  /** 小年 convention: 'north' = 腊月廿三 (default), 'south' = 腊月廿四. */
  xiaonian?: 'north' | 'south';
  /** A node library to use instead of MARKETING_NODES (e.g. with workspace-defined nodes). */
  nodes?: readonly TMarketingNode[];
}

/** Longest range nodesInRange accepts: ten years is far beyond any calendar view. */
export const MAX_NODE_RANGE_DAYS = 3660;

function lunarMatches(n: number, month: number, day: number): boolean {
  const l = lunarDayOf(n);
  return !l.leap && l.month === month && l.day === day;
}

function isLunarNewYearsEve(n: number): boolean {
  return lunarMatches(n + 1, 1, 1);
}

/** Day numbers on which a single-day rule falls in Gregorian `year` (lunar dates can fall twice). */
function occurrencesInYear(rule: TNodeDateRule, year: number): number[] {
  switch (rule.type) {
    case 'fixed':
      return rule.day <= daysInMonth(year, rule.month)
        ? [dayNumberOf(year, rule.month, rule.day)]
        : [];
    case 'nth_weekday': {
      const first = dayNumberOf(year, rule.month, 1);
      const offset = (rule.weekday - isoWeekday(first) + 7) % 7;
      const n = first + offset + (rule.nth - 1) * 7;
      return ymdOf(n).month === rule.month ? [n] : [];
    }
    case 'solar_term':
      return [toDayNumber(solarTermDate(year, rule.month, rule.term), 'solar term')];
    case 'lunar':
    case 'lunar_new_years_eve': {
      // A lunar year is ~354 days, so the same lunar date can occur twice in one Gregorian year
      // (腊八 was on 2022-01-10 and 2022-12-30): scan the whole year rather than convert once.
      const out: number[] = [];
      const first = dayNumberOf(year, 1, 1);
      const last = dayNumberOf(year, 12, 31);
      for (let n = first; n <= last; n++) {
        const hit =
          rule.type === 'lunar' ? lunarMatches(n, rule.month, rule.day) : isLunarNewYearsEve(n);
        if (hit) out.push(n);
      }
      return out;
    }
  }
}

function withXiaonian(node: TMarketingNode, convention: 'north' | 'south'): TMarketingNode {
  if (node.id !== 'xiaonian' || convention === 'north') return node;
  return { ...node, rule: lunar(12, 24) };
}

/**
 * Marketing nodes whose date (or, for sales windows, any day of the window) falls in
 * [fromDate, toDate], both 'YYYY-MM-DD' inclusive, sorted by date then id.
 */
export function nodesInRange(
  fromDate: string,
  toDate: string,
  opts: TNodesInRangeOptions = {},
): TNodeOccurrence[] {
  const from = toDayNumber(fromDate, 'fromDate');
  const to = toDayNumber(toDate, 'toDate');
  if (to < from) throw new RangeError(`toDate ${toDate} is before fromDate ${fromDate}`);
  if (to - from + 1 > MAX_NODE_RANGE_DAYS) {
    throw new RangeError(`range is longer than ${MAX_NODE_RANGE_DAYS} days`);
  }
  const fromYear = ymdOf(from).year;
  const toYear = ymdOf(to).year;
  if (fromYear < LUNAR_SUPPORTED_YEARS.from || toYear > LUNAR_SUPPORTED_YEARS.to) {
    throw new RangeError(
      `dates must be within ${LUNAR_SUPPORTED_YEARS.from}-${LUNAR_SUPPORTED_YEARS.to} (the lunar table chinese-days ships)`,
    );
  }

  const convention = opts.xiaonian ?? 'north';
  const out: { sortKey: number; occurrence: TNodeOccurrence }[] = [];
  for (const raw of opts.nodes ?? MARKETING_NODES) {
    if (opts.kinds && !opts.kinds.includes(raw.kind)) continue;
    if (opts.importance && !opts.importance.includes(raw.importance)) continue;
    const node = withXiaonian(raw, convention);
    const base = {
      id: node.id,
      name: node.name,
      importance: node.importance,
      ...(node.tip ? { tip: node.tip } : {}),
      approximate: node.approximate ?? false,
    };
    const { kind, rule } = node;
    if (kind === 'sales_window') {
      if (rule.type !== 'window')
        throw new RangeError(`node ${node.id}: a sales_window needs a window rule`);
      // A window touching the range ends no earlier than `from` and starts no later than `to`,
      // so its end lies in [fromYear, toYear + 1] (windows are shorter than a year).
      for (let year = fromYear; year <= toYear + 1; year++) {
        for (const end of occurrencesInYear(rule.end, year)) {
          const starts = [
            ...occurrencesInYear(rule.start, year - 1),
            ...occurrencesInYear(rule.start, year),
          ];
          const start = starts.filter((s) => s <= end && end - s <= rule.maxDays).pop();
          if (start === undefined || start > to || end < from) continue;
          out.push({
            sortKey: start,
            occurrence: {
              ...base,
              kind: 'sales_window',
              start: formatDayNumber(start),
              end: formatDayNumber(end),
            },
          });
        }
      }
      continue;
    }
    if (rule.type === 'window')
      throw new RangeError(`node ${node.id}: only a sales_window takes a window rule`);
    for (let year = fromYear; year <= toYear; year++) {
      for (const n of occurrencesInYear(rule, year)) {
        if (n < from || n > to) continue;
        out.push({ sortKey: n, occurrence: { ...base, kind, date: formatDayNumber(n) } });
      }
    }
  }
  out.sort(
    (a, b) =>
      a.sortKey - b.sortKey ||
      (a.occurrence.id < b.occurrence.id ? -1 : a.occurrence.id > b.occurrence.id ? 1 : 0),
  );
  return out.map((o) => o.occurrence);
}
