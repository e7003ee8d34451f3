/**
 * A year of made-up but plausible metrics for the demo workspace (示例店铺, a coffee shop), so
 * every dashboard tile, the heatmap, the format comparison, anomaly alerts and reports have
 * something true to show on a fresh install. The numbers follow the patterns the insights look
 * for, and only those that are planted here: evening posts and short videos really do engage
 * better in this data, 618 and 双11 really are peaks, and exactly one account has a sudden drop.
 *
 * Pure and deterministic: a seeded PRNG, no clock, no Math.random — the same input always gives
 * the same rows, so the demo, its screenshots and its tests agree.
 */
import type { BUILTIN_PILLARS, TContentFormat, TPlatform } from '@yunce/contracts';
import {
  ENGAGEMENT_DENOMINATOR,
  PLATFORM_DEFAULT_HOURS,
  zonedTimeToUtc,
  type TMetricValues,
  type TNormalizedRow,
} from '@yunce/core';

const TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

/** Days before `today` on which the planted drop starts. */
export const DEMO_ANOMALY_DAYS_BEFORE_TODAY = 10;
/** Days the planted drop lasts. */
export const DEMO_ANOMALY_LENGTH = 3;

type TBuiltinPillar = (typeof BUILTIN_PILLARS)[number];

/** The pillars demo posts use (customer_stories is left for the user to try). */
export const DEMO_PILLARS = [
  'brand_story',
  'product_promotion',
  'usage_tips',
  'interaction',
  'hot_topic',
] as const satisfies readonly TBuiltinPillar[];
export type TDemoPillar = (typeof DEMO_PILLARS)[number];

export interface TDemoAccount {
  id: string;
  platform: TPlatform;
  name: string;
  /** The account's posting plan; kept within 2–6 a week, the platform's usual pace when absent. */
  postsPerWeek?: number | null;
}

export interface TDemoMetricsInput {
  seed: number;
  /** 'YYYY-MM-DD' in Asia/Shanghai; data covers the `days` days before it (today is incomplete). */
  today: string;
  days?: number;
  accounts: readonly TDemoAccount[];
}

export type TDemoPostRow = TNormalizedRow & { pillar: TDemoPillar; format: TContentFormat };

export interface TDemoAccountMetrics {
  accountId: string;
  /** One row per day, channel 'all': followers everywhere, plus 数据明细 reads on 公众号. */
  accountRows: TNormalizedRow[];
  postRows: TDemoPostRow[];
}

// ---- randomness -------------------------------------------------------------------------------

/** mulberry32: tiny, fast and good enough for demo data; state is one 32-bit integer. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// Each account gets its own stream, so adding an account leaves the others' data unchanged.
function streamSeed(seed: number, index: number): number {
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 1), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Rng {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  uniform(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  int(min: number, max: number): number {
    return Math.floor(this.uniform(min, max + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  normal(): number {
    // Box–Muller; 1 - u keeps the logarithm finite.
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A positive multiplier with median 1: sigma 0.1 is steady, 1 is a heavy tail. */
  spread(sigma: number): number {
    return Math.exp(sigma * this.normal());
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick: empty list');
    return item;
  }

  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new RangeError('weighted: empty list');
    return last[0];
  }
}

// ---- calendar -----------------------------------------------------------------------------------

function dayNumberOf(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || formatDay(ms / DAY_MS) !== date) throw new RangeError(`today: not a date: ${date}`);
  return ms / DAY_MS;
}

function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
function weekdayOf(day: number): number {
  return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

/**
 * Shopping-festival lift of reach and follows: 618 builds from 6/1 to its peak on 6/18, 双11
 * from 10/20 to 11/11 (both with a short after-glow); 1 on other days.
 */
function festivalBoost(day: number): number {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const at = (month: number, d: number) => Date.UTC(year, month - 1, d) / DAY_MS;
  const ramp = (start: number, peak: number, lift: number) => {
    if (day < start || day > peak + 2) return 0;
    if (day > peak) return lift * 0.35;
    const p = (day - start + 1) / (peak - start + 1);
    return lift * p * p;
  };
  return 1 + ramp(at(6, 1), at(6, 18), 0.6) + ramp(at(10, 20), at(11, 11), 0.8);
}

function festivalTag(day: number): '618' | '双11' | null {
  const date = new Date(day * DAY_MS);
  const md = (date.getUTCMonth() + 1) * 100 + date.getUTCDate();
  if (md >= 601 && md <= 618) return '618';
  if (md >= 1020 && md <= 1111) return '双11';
  return null;
}

// ---- platforms --------------------------------------------------------------------------------

type TShares = Readonly<Record<'likes' | 'comments' | 'shares' | 'saves', number>>;

interface TProfile {
  followers: readonly [number, number];
  /** Organic follows a day as a share of followers. */
  gainRate: number;
  /** Reads or impressions of a post as a share of followers (see reachMetric). */
  reachRatio: number;
  /** Spread of reach between posts: higher is a heavier tail. */
  reachSigma: number;
  /** Chance that a post takes off, and by how much at most. */
  viral: readonly [number, number];
  reachMetric: 'views' | 'impressions';
  weekend: number;
  /** How much of the 618/双11 lift reaches this platform (shopping apps most, 公众号 little). */
  festival: number;
  /** (likes + comments + shares + saves) per engagement denominator for an average post. */
  engagement: number;
  mix: TShares;
  formats: readonly (readonly [TContentFormat, number])[];
  postsPerWeek: number;
  sells: boolean;
}

const P: Readonly<Record<TPlatform, TProfile>> = {
  wechat_oa: {
    followers: [8_000, 14_000],
    gainRate: 0.0012,
    reachRatio: 0.07,
    reachSigma: 0.28,
    // A coffee shop's 公众号 hardly ever has a 10万+ article; its reads are steady.
    viral: [0, 1],
    reachMetric: 'views',
    weekend: 0.85,
    festival: 0.2,
    engagement: 0.045,
    mix: { likes: 0.45, comments: 0.08, shares: 0.27, saves: 0.2 },
    formats: [
      ['article', 0.9],
      ['short_video', 0.1],
    ],
    postsPerWeek: 3,
    sells: true,
  },
  douyin: {
    followers: [20_000, 40_000],
    gainRate: 0.0015,
    reachRatio: 0.18,
    reachSigma: 1.0,
    viral: [0.03, 20],
    reachMetric: 'views',
    weekend: 1.15,
    festival: 1.0,
    engagement: 0.055,
    mix: { likes: 0.74, comments: 0.08, shares: 0.09, saves: 0.09 },
    formats: [
      ['short_video', 0.94],
      ['live', 0.06],
    ],
    postsPerWeek: 5,
    sells: true,
  },
  xiaohongshu: {
    followers: [5_000, 12_000],
    gainRate: 0.0018,
    reachRatio: 1.6,
    reachSigma: 0.8,
    viral: [0.03, 10],
    reachMetric: 'impressions',
    weekend: 1.2,
    festival: 1.0,
    engagement: 0.065,
    mix: { likes: 0.5, comments: 0.1, shares: 0.08, saves: 0.32 },
    formats: [
      ['article', 0.55],
      ['short_video', 0.45],
    ],
    postsPerWeek: 4,
    sells: true,
  },
  bilibili: {
    followers: [3_000, 8_000],
    gainRate: 0.0012,
    reachRatio: 0.35,
    reachSigma: 0.8,
    viral: [0.02, 12],
    reachMetric: 'views',
    weekend: 1.15,
    festival: 0.5,
    engagement: 0.06,
    mix: { likes: 0.55, comments: 0.1, shares: 0.12, saves: 0.23 },
    formats: [
      ['short_video', 0.75],
      ['live', 0.25],
    ],
    postsPerWeek: 2,
    sells: false,
  },
  wechat_channels: {
    followers: [4_000, 10_000],
    gainRate: 0.0014,
    reachRatio: 0.25,
    reachSigma: 0.8,
    viral: [0.02, 10],
    reachMetric: 'views',
    weekend: 1.05,
    festival: 0.8,
    engagement: 0.05,
    mix: { likes: 0.5, comments: 0.1, shares: 0.3, saves: 0.1 },
    formats: [
      ['short_video', 0.9],
      ['live', 0.1],
    ],
    postsPerWeek: 3,
    sells: true,
  },
  weibo: {
    followers: [10_000, 20_000],
    gainRate: 0.0008,
    reachRatio: 0.4,
    reachSigma: 0.7,
    viral: [0.02, 8],
    reachMetric: 'impressions',
    weekend: 1.0,
    festival: 0.6,
    engagement: 0.012,
    mix: { likes: 0.55, comments: 0.2, shares: 0.25, saves: 0 },
    formats: [
      ['article', 0.7],
      ['short_video', 0.3],
    ],
    postsPerWeek: 5,
    sells: false,
  },
  kuaishou: {
    followers: [10_000, 25_000],
    gainRate: 0.0014,
    reachRatio: 0.2,
    reachSigma: 0.9,
    viral: [0.03, 15],
    reachMetric: 'views',
    weekend: 1.1,
    festival: 1.0,
    engagement: 0.05,
    mix: { likes: 0.72, comments: 0.1, shares: 0.1, saves: 0.08 },
    formats: [['short_video', 1]],
    postsPerWeek: 4,
    sells: true,
  },
  zhihu: {
    followers: [2_000, 6_000],
    gainRate: 0.001,
    reachRatio: 0.3,
    reachSigma: 0.9,
    viral: [0.02, 10],
    reachMetric: 'views',
    weekend: 0.95,
    festival: 0.4,
    engagement: 0.04,
    mix: { likes: 0.5, comments: 0.15, shares: 0.1, saves: 0.25 },
    formats: [
      ['long_form', 0.6],
      ['article', 0.4],
    ],
    postsPerWeek: 2,
    sells: false,
  },
  community: {
    followers: [300, 500],
    gainRate: 0.004,
    reachRatio: 0.45,
    reachSigma: 0.3,
    viral: [0, 1],
    reachMetric: 'views',
    weekend: 1.1,
    festival: 0.7,
    engagement: 0.08,
    mix: { likes: 0.4, comments: 0.5, shares: 0.1, saves: 0 },
    formats: [['article', 1]],
    postsPerWeek: 4,
    sells: true,
  },
  other: {
    followers: [1_000, 3_000],
    gainRate: 0.001,
    reachRatio: 0.2,
    reachSigma: 0.6,
    viral: [0.01, 5],
    reachMetric: 'views',
    weekend: 1.0,
    festival: 0.5,
    engagement: 0.04,
    mix: { likes: 0.5, comments: 0.15, shares: 0.15, saves: 0.2 },
    formats: [['article', 1]],
    postsPerWeek: 3,
    sells: false,
  },
};

/** Engagement per format: short videos engage best, articles least (the format comparison). */
const FORMAT_ENGAGEMENT: Readonly<Record<TContentFormat, number>> = {
  short_video: 1.3,
  live: 1.15,
  long_form: 0.9,
  audio: 0.85,
  article: 0.75,
};

const PILLAR_WEIGHTS: readonly (readonly [TDemoPillar, number])[] = [
  ['product_promotion', 0.25],
  ['usage_tips', 0.25],
  ['interaction', 0.2],
  ['brand_story', 0.15],
  ['hot_topic', 0.15],
];

/** Evening posts meet people off work: the pattern the posting-time heatmap should find. */
function hourEngagement(hour: number): number {
  if (hour >= 18 && hour <= 22) return 1.25;
  if (hour >= 11 && hour <= 13) return 1.05;
  if (hour >= 7 && hour <= 9) return 0.95;
  if (hour <= 6 || hour === 23) return 0.8;
  return 0.92;
}

const HOURS = [7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23] as const;
const MINUTES = [0, 0, 0, 15, 30, 30, 45] as const;

// ---- titles ---------------------------------------------------------------------------------------

const PRODUCTS = [
  '拿铁',
  '燕麦拿铁',
  '生椰拿铁',
  '冰美式',
  '冷萃',
  '桂花拿铁',
  '手冲耶加雪菲',
  '焦糖玛奇朵',
  '抹茶拿铁',
  '澳白',
  '海盐芝士拿铁',
  '肉桂卷',
] as const;

const TITLES: Readonly<Record<TDemoPillar, readonly string[]>> = {
  brand_story: [
    '一杯{p}背后的故事',
    '凌晨五点的烘焙间，我们在忙什么',
    '开店第三年，谢谢每一位常客',
    '我们为什么坚持每天现烘咖啡豆',
    '店里那台老磨豆机，今天退休了',
    '咖啡师小林的一天',
    '从一颗生豆到你手里的{p}',
  ],
  product_promotion: [
    '{p}上新！第二杯半价',
    '限时三天｜{p}买一送一',
    '{s}限定：{p}来了',
    '会员日，{p}立减5元',
    '新品试饮｜{p}等你来尝',
    '早餐套餐上线：{p}+可颂只要19.9',
  ],
  usage_tips: [
    '在家做一杯好喝的{p}，只要3步',
    '手冲入门：新手最容易犯的5个错',
    '咖啡豆怎么保存才新鲜？',
    '拉花入门：从一颗爱心开始',
    '冷萃和冰美式到底有什么区别？',
    '挂耳咖啡这样泡，香气翻倍',
    '磨豆粗细怎么选？一张图看懂',
  ],
  interaction: [
    '你最爱哪一款？评论区告诉我们',
    '晒出你的咖啡时刻，抽3位送{p}',
    '早C晚A，你是哪一派？',
    '投票｜下一款新品由你决定',
    '周一续命咖啡，打卡！',
    '你喝咖啡加糖吗？',
  ],
  hot_topic: [
    '世界咖啡日：今天进店免费续杯',
    '高温预警，来杯{p}降降温',
    '开学季，学生凭证享8折',
    '下雨天和{p}更配哦',
    '跟着热播剧喝同款{p}',
    '{s}第一杯{p}，安排上了',
  ],
};

const FESTIVAL_TITLES: Readonly<Record<'618' | '双11', readonly string[]>> = {
  '618': ['618狂欢｜{p}低至9.9', '618囤豆攻略：咖啡豆买二送一', '618倒计时，{p}券包限量抢'],
  双11: ['双11咖啡豆预售开启', '双11狂欢｜{p}券包5折', '双11囤货清单：在家也能喝{p}'],
};

const SEASONS = [
  '冬日',
  '冬日',
  '春日',
  '春日',
  '初夏',
  '盛夏',
  '盛夏',
  '夏末',
  '秋日',
  '秋日',
  '初冬',
  '冬日',
] as const;

function makeTitle(rng: Rng, pillar: TDemoPillar, day: number): string {
  const tag = festivalTag(day);
  const templates =
    tag !== null && pillar === 'product_promotion' ? FESTIVAL_TITLES[tag] : TITLES[pillar];
  const month = new Date(day * DAY_MS).getUTCMonth();
  return rng
    .pick(templates)
    .replace('{p}', rng.pick(PRODUCTS))
    .replace('{s}', SEASONS[month] ?? '');
}

// ---- generation -----------------------------------------------------------------------------------

interface TPlannedPost {
  day: number;
  hour: number;
  minute: number;
}

function postsThisWeek(rng: Rng, perWeek: number): number {
  const base = Math.floor(perWeek);
  const n = base + (rng.chance(perWeek - base) ? 1 : 0) + (rng.chance(0.3) ? rng.int(-1, 1) : 0);
  return Math.min(6, Math.max(2, n));
}

function planPosts(
  rng: Rng,
  platform: TPlatform,
  perWeek: number,
  first: number,
  last: number,
): TPlannedPost[] {
  const out: TPlannedPost[] = [];
  const preferred = PLATFORM_DEFAULT_HOURS[platform];
  for (let monday = first - weekdayOf(first); monday <= last; monday += 7) {
    const count = postsThisWeek(rng, perWeek);
    const weekdays = [0, 1, 2, 3, 4, 5, 6];
    for (let i = weekdays.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      const a = weekdays[i] ?? 0;
      weekdays[i] = weekdays[j] ?? 0;
      weekdays[j] = a;
    }
    for (const wd of weekdays.slice(0, count).sort((a, b) => a - b)) {
      const day = monday + wd;
      if (day < first || day > last) continue;
      // Operators mostly post at the platform's usual hours, sometimes whenever they can.
      const hour = rng.chance(0.6) ? rng.pick(preferred) : rng.pick(HOURS);
      out.push({ day, hour, minute: rng.pick(MINUTES) });
    }
  }
  return out;
}

/** Share of a post's lifetime numbers it has `age` days after publishing (most come at once). */
function maturity(age: number): number {
  return 1 - 0.55 ** (age + 1);
}

/** How a 公众号 article's reads spread over the days after it is sent. */
const READ_DECAY = [0.3, 0.22, 0.12, 0.08, 0.07, 0.06, 0.05, 0.04, 0.03, 0.03] as const;

const round = Math.round;
const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** Rates to four decimals, as platform exports give them. */
const rate4 = (v: number) => Math.round(clamp01(v) * 10_000) / 10_000;

/** Reach multiplier of a day: the platform's weekend pattern and its share of the festival lift. */
function seasonOf(profile: TProfile, day: number): number {
  const weekend = weekdayOf(day) >= 5;
  return (1 + (festivalBoost(day) - 1) * profile.festival) * (weekend ? profile.weekend : 1);
}

interface TPostContext {
  rng: Rng;
  platform: TPlatform;
  profile: TProfile;
  followers: number;
  day: number;
  hour: number;
  format: TContentFormat;
  pillar: TDemoPillar;
  /** Multiplier on reach: 1, or the planted drop. */
  outage: number;
  age: number;
}

function postMetrics(c: TPostContext): TMetricValues {
  const { rng, profile, platform, format, pillar } = c;
  const weekend = weekdayOf(c.day) >= 5;
  const season = seasonOf(profile, c.day);
  const hourFactor = hourEngagement(c.hour);
  // Hot topics hit or miss: a wider spread than the account's usual posts.
  let quality = rng.spread(profile.reachSigma * (pillar === 'hot_topic' ? 1.4 : 1));
  if (rng.chance(profile.viral[0])) quality *= rng.uniform(2, profile.viral[1]);
  const reach =
    c.followers * profile.reachRatio * season * quality * Math.sqrt(hourFactor) * c.outage;

  const m: TMetricValues = {};
  if (profile.reachMetric === 'impressions') {
    m.impressions = Math.max(1, round(reach));
    // 小红书 cover CTR 5–12%, better on evening feeds; 微博 detail views a little higher.
    const ctr =
      platform === 'xiaohongshu'
        ? rng.uniform(0.05, 0.11) * Math.sqrt(hourFactor)
        : clamp01(rng.uniform(0.15, 0.3));
    m.views = round(m.impressions * ctr);
    if (platform === 'xiaohongshu') {
      m.ctr = m.impressions > 0 ? rate4(m.views / m.impressions) : 0;
      m.clicks = m.views;
    }
  } else {
    m.views = Math.max(1, round(reach));
    if (platform === 'douyin' || platform === 'kuaishou') {
      // Plays are most of the feed exposures on short-video apps.
      m.impressions = round(m.views * rng.uniform(1.1, 1.35));
    }
  }
  if (platform === 'wechat_oa') {
    m.deliveries = round(c.followers * rng.uniform(0.93, 0.99));
    m.viewers = round(m.views * rng.uniform(0.78, 0.9));
    m.clicks = round(m.views * rng.uniform(0.005, 0.025));
  }

  const denominatorKey =
    m[ENGAGEMENT_DENOMINATOR[platform]] !== undefined ? ENGAGEMENT_DENOMINATOR[platform] : 'views';
  const denominator = m[denominatorKey] ?? 0;
  const pillarFactor =
    pillar === 'interaction'
      ? 1.15
      : pillar === 'usage_tips'
        ? 1.1
        : pillar === 'product_promotion'
          ? 0.85
          : 1;
  const rate =
    profile.engagement *
    FORMAT_ENGAGEMENT[format] *
    hourFactor *
    pillarFactor *
    (weekend ? 1.05 : 1) *
    rng.spread(0.25);
  const engaged = denominator * Math.min(0.6, rate);
  const mix = { ...profile.mix };
  if (pillar === 'interaction') mix.comments *= 2.2;
  if (pillar === 'usage_tips') mix.saves *= 1.6;
  const mixTotal = mix.likes + mix.comments + mix.shares + mix.saves;
  for (const key of ['likes', 'comments', 'shares', 'saves'] as const) {
    // A platform without the metric (微博 收藏) leaves it unknown rather than zero.
    if (mix[key] === 0) continue;
    m[key] = round((engaged * mix[key] * rng.spread(0.15)) / mixTotal);
  }

  const views = m.views ?? 0;
  if (platform === 'bilibili') {
    m.coins = round(views * 0.015 * FORMAT_ENGAGEMENT[format] * rng.spread(0.3));
    m.danmaku = round(views * 0.01 * FORMAT_ENGAGEMENT[format] * rng.spread(0.4));
  }
  if (format === 'short_video') {
    m.completionRate = rate4(rng.uniform(0.15, 0.42) * Math.sqrt(hourFactor));
    m.avgWatchSeconds =
      Math.round(
        rng.uniform(platform === 'bilibili' ? 45 : 8, platform === 'bilibili' ? 150 : 26) * 10,
      ) / 10;
  } else if (format === 'article' || format === 'long_form') {
    if (platform === 'wechat_oa' || platform === 'zhihu')
      m.completionRate = rate4(rng.uniform(0.35, 0.65));
  } else if (format === 'live') {
    m.avgWatchSeconds = Math.round(rng.uniform(40, 160) * 10) / 10;
  }
  if (
    platform === 'douyin' ||
    platform === 'xiaohongshu' ||
    platform === 'bilibili' ||
    platform === 'kuaishou'
  ) {
    m.profileVisits = round(views * rng.uniform(0.008, 0.03));
  }
  m.followersGained = round(views * rng.uniform(0.001, 0.004) * FORMAT_ENGAGEMENT[format]);

  if (profile.sells) {
    const conversionRate =
      pillar === 'product_promotion' ? rng.uniform(0.004, 0.014) : rng.uniform(0, 0.0015);
    const conversions = round(views * conversionRate * (festivalTag(c.day) ? 1.6 : 1));
    const orders = round(conversions * rng.uniform(0.35, 0.7));
    m.conversions = conversions;
    m.orders = orders;
    m.revenue = Math.round(orders * rng.uniform(22, 38) * 100) / 100;
  }

  // Posts from the last days have not collected all their numbers yet; rates, averages and the
  // push audience (送达) are final at once.
  const share = maturity(c.age);
  const settled: readonly (keyof TMetricValues)[] = [
    'ctr',
    'completionRate',
    'avgWatchSeconds',
    'deliveries',
  ];
  for (const key of Object.keys(m) as (keyof TMetricValues)[]) {
    const v = m[key];
    if (v === undefined || settled.includes(key)) continue;
    m[key] = key === 'revenue' ? Math.round(v * share * 100) / 100 : round(v * share);
  }
  return m;
}

function generateAccount(
  account: TDemoAccount,
  index: number,
  input: {
    seed: number;
    first: number;
    last: number;
    anomaly: boolean;
    anomalyStart: number;
    midnight: (day: number) => Date;
  },
): TDemoAccountMetrics {
  const rng = new Rng(streamSeed(input.seed, index));
  const profile = P[account.platform];
  const requested = account.postsPerWeek ?? profile.postsPerWeek;
  const perWeek = Math.min(
    6,
    Math.max(2, Number.isFinite(requested) ? requested : profile.postsPerWeek),
  );
  const plan = planPosts(rng, account.platform, perWeek, input.first, input.last);
  const isOa = account.platform === 'wechat_oa';
  const inOutage = (day: number) =>
    input.anomaly && day >= input.anomalyStart && day < input.anomalyStart + DEMO_ANOMALY_LENGTH;

  let followers = round(rng.uniform(profile.followers[0], profile.followers[1]));
  const lossRatio = rng.uniform(0.25, 0.45);
  const dayCount = input.last - input.first + 1;
  const pendingReads = new Float64Array(dayCount + READ_DECAY.length);
  const accountRows: TNormalizedRow[] = [];
  const postRows: TDemoPostRow[] = [];
  let planIndex = 0;

  for (let day = input.first; day <= input.last; day++) {
    const offset = day - input.first;
    const outage = inOutage(day);
    let postFollows = 0;
    for (let p = plan[planIndex]; p !== undefined && p.day === day; p = plan[++planIndex]) {
      const format = rng.weighted(profile.formats);
      const pillar = rng.weighted(PILLAR_WEIGHTS);
      const metrics = postMetrics({
        rng,
        platform: account.platform,
        profile,
        followers,
        day,
        hour: p.hour,
        format,
        pillar,
        outage: outage ? rng.uniform(0.1, 0.2) : 1,
        age: input.last + 1 - day,
      });
      postFollows += metrics.followersGained ?? 0;
      if (isOa) {
        const reads = metrics.views ?? 0;
        READ_DECAY.forEach((share, k) => {
          pendingReads[offset + k] = (pendingReads[offset + k] ?? 0) + reads * share;
        });
      }
      const date = formatDay(day);
      postRows.push({
        row: postRows.length + 2,
        title: makeTitle(rng, pillar, day),
        externalId: `demo-${index}-${postRows.length + 1}`,
        publishedAt: new Date(input.midnight(day).getTime() + (p.hour * 60 + p.minute) * 60_000),
        date,
        format,
        pillar,
        metrics,
      });
    }

    const season = seasonOf(profile, day);
    let gained = round(followers * profile.gainRate * season * rng.spread(0.3)) + postFollows;
    if (outage) gained = round(gained * rng.uniform(0.15, 0.3));
    let lost = round(gained * lossRatio * rng.spread(0.25) + followers * 0.0002 * rng.spread(0.5));
    // Now and then a post misfires or a promotion ends and people leave: a net-negative day.
    if (rng.chance(1 / 40)) lost += round(followers * rng.uniform(0.002, 0.006));
    lost = Math.min(lost, followers + gained);
    followers += gained - lost;

    const metrics: TMetricValues = {
      followersGained: gained,
      followersLost: lost,
      followersNet: gained - lost,
      followersTotal: followers,
    };
    if (isOa) {
      // Old articles, search and the profile page keep a steady stream of reads under the new ones.
      const background = followers * 0.08 * season * rng.spread(0.06);
      let views = background + (pendingReads[offset] ?? 0);
      if (outage) views *= rng.uniform(0.03, 0.08);
      metrics.views = round(views);
      metrics.viewers = round(views * rng.uniform(0.8, 0.88));
      metrics.shares = round(views * rng.uniform(0.025, 0.05));
      metrics.saves = round(views * rng.uniform(0.01, 0.025));
      metrics.clicks = round(views * rng.uniform(0.005, 0.02));
    }
    accountRows.push({
      row: accountRows.length + 2,
      date: formatDay(day),
      channel: 'all',
      metrics,
    });
  }
  return { accountId: account.id, accountRows, postRows };
}

/**
 * A year (by default) of daily account rows and post rows for each demo account, ending the day
 * before `today`. The planted drop (DEMO_ANOMALY_DAYS_BEFORE_TODAY) hits the first 公众号 account,
 * whose daily reads show it; without one it hits the first account's posts and follows.
 */
export function generateDemoMetrics(input: TDemoMetricsInput): TDemoAccountMetrics[] {
  const days = input.days ?? 365;
  if (!Number.isInteger(days) || days < 1 || days > 3660) {
    throw new RangeError('days: expected an integer from 1 to 3660');
  }
  if (!Number.isFinite(input.seed)) throw new RangeError('seed: expected a finite number');
  const today = dayNumberOf(input.today);
  const first = today - days;
  const last = today - 1;
  // zonedTimeToUtc builds Intl formatters and dominates the run time when called per post; a
  // day's midnight is shared by all accounts, and Asia/Shanghai has no DST to shift within a day.
  const midnights = new Map<number, Date>();
  const midnight = (day: number) => {
    let at = midnights.get(day);
    if (!at) {
      at = zonedTimeToUtc(formatDay(day), '00:00', TIME_ZONE);
      midnights.set(day, at);
    }
    return at;
  };
  const oaIndex = input.accounts.findIndex((a) => a.platform === 'wechat_oa');
  const anomalyIndex = oaIndex >= 0 ? oaIndex : 0;
  return input.accounts.map((account, index) =>
    generateAccount(account, index, {
      seed: input.seed,
      first,
      last,
      anomaly: index === anomalyIndex,
      anomalyStart: today - DEMO_ANOMALY_DAYS_BEFORE_TODAY,
      midnight,
    }),
  );
}
