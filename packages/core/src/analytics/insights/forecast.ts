/**
 * Goal progress and forecast (SPEC §3: "progress is computed from the metrics … a forecast (trend
 * projection with an interval) says whether the goal will be met"). A straight-line trend is
 * fitted to the recent window of the goal metric; its prediction error gives the interval and
 * the probability of reaching the target by the end date.
 */
import type { TLocale } from '@yunce/contracts';
import type { TLocalized } from '../../accounts/platforms';
import { formatDayNumber, toDayNumber } from '../../calendar/dates';
import {
  formatDecimal,
  formatEnNumber,
  formatPercent,
  formatSigned,
  formatZhNumber,
} from './format';
import { formatInsightValue, type TInsightValueFormat } from './labels';
import { linearFit, normalCdf, predictionSe, Z_80, type TLinearFit } from './stats';

/** One value of a metric on a calendar day 'YYYY-MM-DD' (workspace zone). */
export interface TDatedValue {
  date: string;
  value: number;
}

/**
 * `level`: each value is the metric itself on that day (followersTotal, engagement rate).
 * `cumulative_sum`: each value is that day's amount (orders, plays), accumulated from `start`
 * on top of the baseline.
 */
export type TForecastMode = 'level' | 'cumulative_sum';

export type TGoalStatus =
  'achieved' | 'on_track' | 'at_risk' | 'off_track' | 'not_started' | 'insufficient_data';

export interface TGoalForecastInput {
  series: readonly TDatedValue[];
  mode: TForecastMode;
  start: string;
  end: string;
  baseline: number;
  target: number;
  today: string;
  /** Days of recent data the trend is fitted on (default 28). */
  windowDays?: number;
  /** How values are written in the explanation (default 'number'). */
  valueFormat?: TInsightValueFormat;
}

export interface TGoalForecast {
  /** The metric on `asOf` (baseline when there is no data yet). */
  current: number;
  /** Date of the latest data point used; null without data. */
  asOf: string | null;
  /** Share of the way from baseline to target, ≥ 0 (above 1 when overshooting). */
  progress: number;
  /** `decrease` when the target is below the baseline (response time). */
  direction: 'increase' | 'decrease';
  /** Expected value at `end`; null when there is too little data for a trend. */
  projected: number | null;
  /** 80% prediction interval of the value at `end`. */
  interval: { low: number; high: number } | null;
  /** Probability of reaching the target by `end` (normal approximation of the prediction). */
  probability: number | null;
  status: TGoalStatus;
  /** Change per day still needed from `asOf` to `end` (signed; 0 once reached). */
  neededPerDay: number | null;
  /** Slope of the recent trend per day (signed). */
  recentPerDay: number | null;
  /** Data points available (distinct dates up to today). */
  dataPoints: number;
  /** The data the trend was fitted on; null without a trend. */
  trendWindow: { from: string; to: string; points: number } | null;
  explanation: TLocalized;
}

/** Fewer points than this give no trend worth showing (SPEC: insufficient_data). */
export const MIN_FORECAST_POINTS = 5;
export const DEFAULT_FORECAST_WINDOW_DAYS = 28;
/** Probability thresholds of the status buckets. */
export const ON_TRACK_PROBABILITY = 0.7;
export const AT_RISK_PROBABILITY = 0.3;

interface TLevelPoint {
  day: number;
  value: number;
}

function requireFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${what}: expected a finite number`);
}

/** The goal metric's level per data day up to `cutoff`. */
function levelPoints(input: TGoalForecastInput, startDay: number, cutoff: number): TLevelPoint[] {
  const byDay = new Map<number, number>();
  input.series.forEach((p, i) => {
    const day = toDayNumber(p.date, `series[${i}].date`);
    requireFinite(p.value, `series[${i}].value`);
    if (input.mode === 'level') {
      if (byDay.has(day)) throw new RangeError(`series[${i}]: duplicate date ${p.date}`);
      byDay.set(day, p.value);
    } else {
      // Several rows on one day (one per content item) add up.
      byDay.set(day, (byDay.get(day) ?? 0) + p.value);
    }
  });
  const days = [...byDay.keys()].sort((a, b) => a - b);
  if (input.mode === 'level') {
    // History before the goal's start still shows the trend of a level metric.
    return days.filter((d) => d <= cutoff).map((day) => ({ day, value: byDay.get(day)! }));
  }
  // A running sum only means something from the day the goal starts counting.
  const out: TLevelPoint[] = [];
  let sum = input.baseline;
  for (const day of days) {
    if (day < startDay || day > cutoff) continue;
    sum += byDay.get(day)!;
    out.push({ day, value: sum });
  }
  return out;
}

/** The recent window: the last `windowDays` of data, stretched to at least MIN_FORECAST_POINTS. */
function recentWindow(points: readonly TLevelPoint[], windowDays: number): TLevelPoint[] {
  const last = points[points.length - 1];
  if (!last) return [];
  const inWindow = points.filter((p) => p.day > last.day - windowDays);
  return inWindow.length >= MIN_FORECAST_POINTS ? inWindow : points.slice(-MIN_FORECAST_POINTS);
}

/**
 * Progress and forecast of a goal from its metric series: current value, progress from baseline
 * to target, projected value at `end` with an 80% interval, probability and status.
 * Throws RangeError for malformed dates, end before start, or non-finite numbers.
 */
export function forecastGoal(input: TGoalForecastInput): TGoalForecast {
  const { baseline, target } = input;
  const windowDays = input.windowDays ?? DEFAULT_FORECAST_WINDOW_DAYS;
  const valueFormat = input.valueFormat ?? 'number';
  requireFinite(baseline, 'baseline');
  requireFinite(target, 'target');
  if (!Number.isInteger(windowDays) || windowDays < 2) {
    throw new RangeError('windowDays: expected an integer >= 2');
  }
  const startDay = toDayNumber(input.start, 'start');
  const endDay = toDayNumber(input.end, 'end');
  const today = toDayNumber(input.today, 'today');
  if (endDay < startDay) throw new RangeError(`end ${input.end} is before start ${input.start}`);

  const cutoff = Math.min(today, endDay);
  const points = levelPoints(input, startDay, cutoff);
  const last = points[points.length - 1];
  const current = last?.value ?? baseline;
  const asOfDay = last?.day ?? null;

  const direction = target < baseline ? 'decrease' : 'increase';
  const sign = direction === 'increase' ? 1 : -1;
  const reached = sign * (current - target) >= 0;
  const progress =
    target === baseline
      ? reached
        ? 1
        : 0
      : Math.max(0, (current - baseline) / (target - baseline));

  const ended = today >= endDay;
  let fit: TLinearFit | null = null;
  let trendWindow: TGoalForecast['trendWindow'] = null;
  if (points.length >= MIN_FORECAST_POINTS && last) {
    const window = recentWindow(points, windowDays);
    // x measured from the latest point keeps the numbers small and the intercept meaningful.
    fit = linearFit(
      window.map((p) => p.day - last.day),
      window.map((p) => p.value),
    );
    if (fit) {
      trendWindow = {
        from: formatDayNumber(window[0]!.day),
        to: formatDayNumber(last.day),
        points: window.length,
      };
    }
  }

  let projected: number | null = null;
  let interval: TGoalForecast['interval'] = null;
  let probability: number | null = null;
  if (ended) {
    // The period is over: the outcome is known, not forecast.
    projected = current;
    interval = { low: current, high: current };
    probability = reached ? 1 : 0;
  } else if (fit && asOfDay !== null) {
    const x0 = endDay - asOfDay;
    projected = fit.intercept + fit.slope * x0;
    const se = predictionSe(fit, x0);
    interval = { low: projected - Z_80 * se, high: projected + Z_80 * se };
    if (se > 0) {
      const z = (target - projected) / se;
      probability = direction === 'increase' ? 1 - normalCdf(z) : normalCdf(z);
    } else {
      // An exact line: reaching is certain or impossible; the tolerance absorbs rounding.
      const tolerance = 1e-9 * Math.max(1, Math.abs(target));
      probability = sign * (projected - target) >= -tolerance ? 1 : 0;
    }
  }
  if (reached && !ended) probability = 1;

  let status: TGoalStatus;
  if (today < startDay) status = 'not_started';
  else if (reached) status = 'achieved';
  else if (ended) status = 'off_track';
  else if (probability === null) status = 'insufficient_data';
  else if (probability >= ON_TRACK_PROBABILITY) status = 'on_track';
  else if (probability >= AT_RISK_PROBABILITY) status = 'at_risk';
  else status = 'off_track';

  // Without data the whole remaining period (from the start, or from today) is left.
  const fromDay = asOfDay ?? Math.max(today, startDay - 1);
  let neededPerDay: number | null = null;
  if (reached) neededPerDay = 0;
  else if (endDay > fromDay) neededPerDay = (target - current) / (endDay - fromDay);

  const result: Omit<TGoalForecast, 'explanation'> = {
    current,
    asOf: asOfDay === null ? null : formatDayNumber(asOfDay),
    progress,
    direction,
    projected,
    interval,
    probability,
    status,
    neededPerDay,
    recentPerDay: fit ? fit.slope : null,
    dataPoints: points.length,
    trendWindow,
  };
  return {
    ...result,
    explanation: {
      'zh-CN': explain(result, input, valueFormat, 'zh-CN'),
      'en-US': explain(result, input, valueFormat, 'en-US'),
    },
  };
}

function explain(
  r: Omit<TGoalForecast, 'explanation'>,
  input: TGoalForecastInput,
  valueFormat: TInsightValueFormat,
  locale: TLocale,
): string {
  const zh = locale === 'zh-CN';
  const v = (n: number) => formatInsightValue(n, valueFormat, locale);
  // A rate moves by hundredths of a point a day: percentage points with two decimals.
  const perDay = (n: number) => {
    if (valueFormat === 'rate') {
      const pp = formatSigned(n * 100, (x) => formatDecimal(x, 2));
      return zh ? `${pp} 个百分点` : `${pp} pp`;
    }
    if (valueFormat === 'number' || valueFormat === 'money') {
      return formatSigned(n, zh ? formatZhNumber : formatEnNumber);
    }
    return `${n > 0 ? '+' : ''}${v(n)}`;
  };
  const days = r.trendWindow
    ? toDayNumber(r.trendWindow.to) - toDayNumber(r.trendWindow.from) + 1
    : 0;
  const pct = formatPercent(r.progress);
  const now = zh
    ? `当前 ${v(r.current)}，目标 ${v(input.target)}，完成 ${pct}`
    : `now ${v(r.current)}, target ${v(input.target)}, ${pct} of the way`;
  const trend =
    r.projected !== null && r.interval && r.recentPerDay !== null
      ? zh
        ? `按最近 ${days} 天的趋势（每天 ${perDay(r.recentPerDay)}），到 ${input.end} 预计 ${v(r.projected)}（80% 区间 ${v(r.interval.low)}–${v(r.interval.high)}）`
        : `on the trend of the last ${days} days (${perDay(r.recentPerDay)} a day), about ${v(r.projected)} by ${input.end} (80% interval ${v(r.interval.low)}–${v(r.interval.high)})`
      : null;
  const needed =
    r.neededPerDay !== null && r.neededPerDay !== 0
      ? zh
        ? `要按期达成，每天需 ${perDay(r.neededPerDay)}`
        : `reaching it in time takes ${perDay(r.neededPerDay)} a day`
      : null;
  const probability = r.probability === null ? '' : formatPercent(r.probability);

  switch (r.status) {
    case 'not_started':
      return zh
        ? `目标将于 ${input.start} 开始；${now}。${trend ? `${trend}。` : ''}`
        : `The goal starts on ${input.start}; ${now}.${trend ? ` ${capitalize(trend)}.` : ''}`;
    case 'achieved':
      return zh ? `已达成：${now}。` : `Achieved: ${now}.`;
    case 'insufficient_data':
      return zh
        ? `数据点只有 ${r.dataPoints} 个（至少需要 ${MIN_FORECAST_POINTS} 个），暂无法预测；${now}。`
        : `Only ${r.dataPoints} data points (at least ${MIN_FORECAST_POINTS} needed), so no forecast yet; ${now}.`;
    case 'on_track':
    case 'at_risk':
    case 'off_track': {
      if (toDayNumber(input.today, 'today') >= toDayNumber(input.end, 'end')) {
        return zh
          ? `目标已于 ${input.end} 结束，未达成：${now}。`
          : `The goal ended on ${input.end} without reaching the target: ${now}.`;
      }
      const verdict = zh
        ? { on_track: '有望按期达成', at_risk: '有落后风险', off_track: '大概率无法按期达成' }[
            r.status
          ]
        : { on_track: 'likely to be met', at_risk: 'at risk', off_track: 'unlikely to be met' }[
            r.status
          ];
      const parts = [now, trend, needed].filter((p): p is string => p !== null);
      return zh
        ? `${verdict}（达成概率 ${probability}）：${parts.join('；')}。`
        : `${capitalize(verdict)} (probability ${probability}): ${parts.join('; ')}.`;
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
