/**
 * Combining metric rows and the derived rates of DOMAIN-FACTS §2 (engagement rate, like/comment/
 * share rate, CTR, CPM, CPE), plus period-over-period change for the dashboard overview (SPEC §5).
 */
import type { TPlatform } from '@yunce/contracts';
import type { TLocalized } from '../../accounts/platforms';
import { formatDayNumber, toDayNumber } from '../../calendar/dates';
import { METRIC_KEYS, METRICS, type TMetricKey, type TMetricValues } from '../metrics';

/** How totals (followersTotal) combine: the last value of one series, or a sum across series. */
type TTotalMode = 'last' | 'sum';

function isKnown(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}

function combine(rows: readonly TMetricValues[], totalMode: TTotalMode): TMetricValues {
  const out: TMetricValues = {};
  for (const key of METRIC_KEYS) {
    const def = METRICS[key];
    switch (def.kind) {
      case 'count':
      case 'money': {
        let sum = 0;
        let seen = false;
        for (const row of rows) {
          const v = row[key];
          if (isKnown(v)) {
            sum += v;
            seen = true;
          }
        }
        if (seen) out[key] = sum;
        break;
      }
      case 'total': {
        let result: number | undefined;
        for (const row of rows) {
          const v = row[key];
          if (!isKnown(v)) continue;
          result = totalMode === 'last' ? v : (result ?? 0) + v;
        }
        if (result !== undefined) out[key] = result;
        break;
      }
      case 'rate':
      case 'seconds': {
        const v = weightedAverage(rows, key, def.base);
        if (v !== undefined) out[key] = v;
        break;
      }
    }
  }
  return out;
}

/**
 * Average of `key` weighted by `base` over the rows that have both; a row with a rate but no base
 * cannot be weighted, and counting it as weight 1 would let a 10-play video outweigh a viral one.
 */
function weightedAverage(
  rows: readonly TMetricValues[],
  key: TMetricKey,
  base: TMetricKey | undefined,
): number | undefined {
  let weighted = 0;
  let weight = 0;
  for (const row of rows) {
    const v = row[key];
    if (!isKnown(v)) continue;
    // Every rate in METRICS has a base; an unweighted mean keeps a future one usable.
    const w = base === undefined ? 1 : row[base];
    if (!isKnown(w) || w <= 0) continue;
    weighted += v * w;
    weight += w;
  }
  return weight > 0 ? weighted / weight : undefined;
}

/**
 * Combines the time-ordered rows of one series (one account or item): counts and money add up,
 * totals take the last known value, rates and seconds average weighted by their base metric.
 */
export function aggregateSeries(rows: readonly TMetricValues[]): TMetricValues {
  return combine(rows, 'last');
}

/**
 * Combines rows that belong to different series (one row per account or item for the same
 * period): totals add up across series; everything else as in aggregateSeries.
 */
export function aggregateMetrics(rows: readonly TMetricValues[]): TMetricValues {
  return combine(rows, 'sum');
}

/**
 * Combines several series, each given as its time-ordered rows: the last total of each series is
 * summed; counts, money and weighted rates are taken over all rows at once (exact, unlike
 * averaging the per-series averages).
 */
export function aggregateSeriesGroups(
  groups: readonly (readonly TMetricValues[])[],
): TMetricValues {
  const flat = combine(groups.flat(), 'sum');
  const totals = combine(
    groups.map((rows) => combine(rows, 'last')),
    'sum',
  );
  const out: TMetricValues = { ...flat };
  for (const key of METRIC_KEYS) {
    if (METRICS[key].kind !== 'total') continue;
    const v = totals[key];
    if (v === undefined) delete out[key];
    else out[key] = v;
  }
  return out;
}

/** `count / base`; null when either is unknown or the base is not positive. */
export function rateOf(
  count: number | undefined | null,
  base: number | undefined | null,
): number | null {
  if (count === undefined || count === null || base === undefined || base === null) return null;
  if (!Number.isFinite(count) || !Number.isFinite(base) || base <= 0) return null;
  return count / base;
}

/** Sum of the known values of `keys`; null when none is known (unknown is never zero). */
function sumKnown(values: TMetricValues, keys: readonly TMetricKey[]): number | null {
  let sum = 0;
  let seen = false;
  for (const key of keys) {
    const v = values[key];
    if (isKnown(v)) {
      sum += v;
      seen = true;
    }
  }
  return seen ? sum : null;
}

/** Like rate = likes / plays (巨量星图 definition). */
export function likeRate(values: TMetricValues): number | null {
  return rateOf(values.likes, values.views);
}

/** Comment rate = comments / plays. */
export function commentRate(values: TMetricValues): number | null {
  return rateOf(values.comments, values.views);
}

/** Share rate = shares / plays. */
export function shareRate(values: TMetricValues): number | null {
  return rateOf(values.shares, values.views);
}

/**
 * CTR = clicks / impressions; pass `numerator: 'views'` for the cover click-through rate
 * (封面点击率, plays / impressions) that video and note platforms report.
 */
export function clickThroughRate(
  values: TMetricValues,
  numerator: 'clicks' | 'views' = 'clicks',
): number | null {
  return rateOf(values[numerator], values.impressions);
}

/** CPM = cost / plays × 1000 (cost in yuan). */
export function cpm(cost: number, values: TMetricValues): number | null {
  const r = rateOf(cost, values.views);
  return r === null ? null : r * 1000;
}

/** CPE = cost / (likes + comments + shares); unknown parts are left out, all unknown → null. */
export function cpe(cost: number, values: TMetricValues): number | null {
  return rateOf(cost, sumKnown(values, ['likes', 'comments', 'shares']));
}

/** The counts whose sum is the numerator of the engagement rate. */
export const ENGAGEMENT_COMPONENTS: readonly TMetricKey[] = [
  'likes',
  'comments',
  'shares',
  'saves',
];

/**
 * The engagement-rate denominator each platform is read with: impressions by default
 * (DOMAIN-FACTS §2), views on Xiaohongshu, whose operators quote 互动率 per read.
 */
export const ENGAGEMENT_DENOMINATOR: Readonly<Record<TPlatform, 'impressions' | 'views'>> = {
  wechat_oa: 'impressions',
  wechat_channels: 'impressions',
  weibo: 'impressions',
  douyin: 'impressions',
  xiaohongshu: 'views',
  bilibili: 'impressions',
  kuaishou: 'impressions',
  zhihu: 'impressions',
  community: 'impressions',
  other: 'impressions',
};

/** Engagement rate with the numbers and the formula it was computed with. */
export interface TEngagement {
  /** Null when the numerator or the denominator is unknown, or the denominator is 0. */
  rate: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The denominator actually used; null when neither impressions nor views are known. */
  denominatorKey: 'impressions' | 'views' | null;
  /** Numerator parts with no value (left out of the sum), so the UI can say "不含收藏". */
  missing: TMetricKey[];
  formula: TLocalized;
}

const DENOMINATOR_TEXT: Record<'impressions' | 'views', TLocalized> = {
  impressions: { 'zh-CN': '曝光', 'en-US': 'impressions' },
  views: { 'zh-CN': '阅读/播放', 'en-US': 'reads/plays' },
};

/**
 * Engagement rate = (likes + comments + shares + saves) / impressions, or / views on Xiaohongshu;
 * when the platform's denominator is unknown the other one is used, and the formula says which.
 */
export function engagement(values: TMetricValues, platform: TPlatform): TEngagement {
  const preferred = ENGAGEMENT_DENOMINATOR[platform];
  const fallback = preferred === 'impressions' ? 'views' : 'impressions';
  const denominatorKey = isKnown(values[preferred])
    ? preferred
    : isKnown(values[fallback])
      ? fallback
      : null;
  const numerator = sumKnown(values, ENGAGEMENT_COMPONENTS);
  const denominator = denominatorKey === null ? null : (values[denominatorKey] ?? null);
  const missing = ENGAGEMENT_COMPONENTS.filter((k) => !isKnown(values[k]));

  const used = denominatorKey ?? preferred;
  let noteZh = '';
  let noteEn = '';
  if (denominatorKey !== null && denominatorKey !== preferred) {
    noteZh = `（缺少${DENOMINATOR_TEXT[preferred]['zh-CN']}数据，改用${DENOMINATOR_TEXT[used]['zh-CN']}）`;
    noteEn = ` (no ${DENOMINATOR_TEXT[preferred]['en-US']}; ${DENOMINATOR_TEXT[used]['en-US']} used instead)`;
  } else if (used === 'views' && platform === 'xiaohongshu') {
    noteZh = '（小红书惯例按阅读量计算）';
    noteEn = ' (Xiaohongshu practice: per read)';
  }
  const formula: TLocalized = {
    'zh-CN': `互动率 = (点赞 + 评论 + 分享 + 收藏) ÷ ${DENOMINATOR_TEXT[used]['zh-CN']}${noteZh}`,
    'en-US': `Engagement rate = (likes + comments + shares + saves) ÷ ${DENOMINATOR_TEXT[used]['en-US']}${noteEn}`,
  };
  return {
    rate: rateOf(numerator, denominator),
    numerator,
    denominator,
    denominatorKey,
    missing,
    formula,
  };
}

/** Change from the previous period: `ratio` is relative to |previous|, so its sign is the direction. */
export interface TPeriodChange {
  /** current − previous; null when either is unknown. */
  delta: number | null;
  /** delta / |previous|; null when previous is unknown or 0 (no meaningful percentage). */
  ratio: number | null;
}

/** Period-over-period change (环比) of one KPI. */
export function periodChange(
  current: number | null | undefined,
  previous: number | null | undefined,
): TPeriodChange {
  const known = (v: number | null | undefined): v is number =>
    v !== null && v !== undefined && Number.isFinite(v);
  if (!known(current) || !known(previous)) return { delta: null, ratio: null };
  const delta = current - previous;
  // |previous| keeps the sign meaningful for metrics that can be negative (net followers).
  return { delta, ratio: previous === 0 ? null : delta / Math.abs(previous) };
}

/** An inclusive range of calendar dates 'YYYY-MM-DD'. */
export interface TInsightPeriod {
  from: string;
  to: string;
}

/** The period of the same length that ends the day before `from` (for 环比). */
export function previousPeriod(from: string, to: string): TInsightPeriod {
  const a = toDayNumber(from, 'from');
  const b = toDayNumber(to, 'to');
  if (b < a) throw new RangeError(`to ${to} is before from ${from}`);
  const length = b - a + 1;
  return { from: formatDayNumber(a - length), to: formatDayNumber(a - 1) };
}
