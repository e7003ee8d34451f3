/**
 * SMART check of a goal on save (SPEC §3): each letter pass/warn with a reason. Warnings never
 * block saving; they tell the lead what to reconsider, so goal fields the user typed are judged
 * rather than rejected. Only the system-supplied history throws when malformed.
 */
import type { TLocalized } from '../../accounts/platforms';
import { dayNumberOf, parseYmd, toDayNumber } from '../../calendar/dates';
import { METRICS } from '../metrics';
import { formatDecimal, formatEnNumber, formatPercent, formatZhNumber } from './format';
import type { TDatedValue, TForecastMode } from './forecast';
import {
  insightMetricLabel,
  isDerivedGoalMetric,
  isInsightMetric,
  type TInsightMetric,
} from './labels';

export type TSmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';
export const SMART_LETTERS: readonly TSmartLetter[] = ['S', 'M', 'A', 'R', 'T'];

export type TGoalScopeKind = 'workspace' | 'account' | 'campaign' | 'community';

export interface TSmartInput {
  metric: TInsightMetric;
  scope: { kind: TGoalScopeKind; id?: string | null };
  baseline: number;
  target: number;
  start: string;
  end: string;
  /** The goal is linked to an account purpose / positioning (SPEC §2). */
  purposeLinked: boolean;
  /** Metric keys the scope has data for. */
  trackedMetrics: readonly string[];
  /** The scope's own history of the metric. */
  history: readonly TDatedValue[];
  /**
   * How `history` reads; by default per-day amounts (`cumulative_sum`) for count and money
   * metrics, levels for totals, rates and the derived metrics.
   */
  historyMode?: TForecastMode;
}

export interface TSmartLetterResult {
  letter: TSmartLetter;
  status: 'pass' | 'warn';
  reason: TLocalized;
  /** The numbers the reason is based on (Achievable only). */
  evidence?: Record<string, number>;
}

export type TSmartCheck = Record<TSmartLetter, TSmartLetterResult>;

/** Needed growth above this multiple of the best ever seen is called unrealistic. */
export const SMART_ACHIEVABLE_FACTOR = 1.5;
export const SMART_MIN_DAYS = 7;
export const SMART_MAX_YEARS = 3;
const WINDOW_DAYS = 30;
/** A level window may be a little short of 30 days (weekly data lands on day 28). */
const MIN_LEVEL_WINDOW_DAYS = 28;

const pass = (letter: TSmartLetter, zh: string, en: string): TSmartLetterResult => ({
  letter,
  status: 'pass',
  reason: { 'zh-CN': zh, 'en-US': en },
});
const warn = (letter: TSmartLetter, zh: string, en: string): TSmartLetterResult => ({
  letter,
  status: 'warn',
  reason: { 'zh-CN': zh, 'en-US': en },
});

function dayOrNull(date: string): number | null {
  try {
    return toDayNumber(date);
  } catch {
    return null;
  }
}

/** Day number of the same calendar date `years` later (Feb 29 → Mar 1 in common years). */
function addYears(date: string, years: number): number {
  const { year, month, day } = parseYmd(date);
  return dayNumberOf(year + years, month, day);
}

/** Inclusive length of the goal period in days, or null when the dates are unusable. */
function durationDays(start: string, end: string): number | null {
  const a = dayOrNull(start);
  const b = dayOrNull(end);
  return a === null || b === null || b < a ? null : b - a + 1;
}

function checkSpecific(input: TSmartInput): TSmartLetterResult {
  const { metric, scope } = input;
  if (!isInsightMetric(metric)) {
    return warn('S', '请选择一个明确的指标。', 'Choose a specific metric.');
  }
  if (!Number.isFinite(input.target) || !Number.isFinite(input.baseline)) {
    return warn('S', '请填写基线值和目标值。', 'Enter a baseline and a target value.');
  }
  if (scope.kind !== 'workspace' && !scope.id) {
    return warn(
      'S',
      '请选择目标对应的账号、活动或社群。',
      'Choose the account, campaign or community the goal is about.',
    );
  }
  const label = insightMetricLabel(metric);
  return pass(
    'S',
    `指标「${label['zh-CN']}」和范围都已明确。`,
    `The metric (${label['en-US']}) and scope are specific.`,
  );
}

function checkMeasurable(input: TSmartInput): TSmartLetterResult {
  const label = isInsightMetric(input.metric)
    ? insightMetricLabel(input.metric)
    : { 'zh-CN': input.metric, 'en-US': input.metric };
  if (input.trackedMetrics.includes(input.metric)) {
    return pass(
      'M',
      `「${label['zh-CN']}」有数据，进度会自动计算。`,
      `${label['en-US']} is tracked, so progress is computed automatically.`,
    );
  }
  return warn(
    'M',
    `该范围还没有「${label['zh-CN']}」的数据：请先导入或接入数据，否则无法计算进度。`,
    `There is no ${label['en-US'].toLowerCase()} data for this scope yet: import or connect it, or progress cannot be computed.`,
  );
}

function checkRelevant(input: TSmartInput): TSmartLetterResult {
  return input.purposeLinked
    ? pass('R', '目标已关联账号定位与目的。', 'The goal is linked to a purpose.')
    : warn(
        'R',
        '目标还没有关联账号定位或经营目的：说明它服务于什么（曝光、销售、互动、服务）。',
        'The goal is not linked to a purpose: say what it serves (exposure, sales, interaction, service).',
      );
}

function checkTimeBound(input: TSmartInput): TSmartLetterResult {
  const a = dayOrNull(input.start);
  const b = dayOrNull(input.end);
  if (a === null || b === null) {
    return warn('T', '请填写有效的开始和结束日期。', 'Enter valid start and end dates.');
  }
  if (b <= a) {
    return warn('T', '结束日期必须晚于开始日期。', 'The end date must be after the start date.');
  }
  const days = b - a + 1;
  if (days < SMART_MIN_DAYS) {
    return warn(
      'T',
      `周期只有 ${days} 天，短于 ${SMART_MIN_DAYS} 天，数据波动会盖过趋势。`,
      `The period is only ${days} days, shorter than ${SMART_MIN_DAYS}: day-to-day noise will swamp the trend.`,
    );
  }
  if (b >= addYears(input.start, SMART_MAX_YEARS)) {
    return warn(
      'T',
      `周期超过 ${SMART_MAX_YEARS} 年：请拆成几个阶段目标。`,
      `The period is longer than ${SMART_MAX_YEARS} years: split it into phase goals.`,
    );
  }
  return pass(
    'T',
    `周期 ${days} 天（${input.start} 至 ${input.end}）。`,
    `${days}-day period (${input.start} to ${input.end}).`,
  );
}

/** Growth per 30 days in each rolling window of the history, as a level or as 30-day sums. */
function windowGrowths(
  history: readonly TDatedValue[],
  mode: TForecastMode,
  relative: boolean,
): number[] {
  const byDay = new Map<number, number>();
  history.forEach((p, i) => {
    const day = toDayNumber(p.date, `history[${i}].date`);
    if (!Number.isFinite(p.value)) throw new RangeError(`history[${i}].value: not a number`);
    byDay.set(day, mode === 'level' ? p.value : (byDay.get(day) ?? 0) + p.value);
  });
  const days = [...byDay.keys()].sort((x, y) => x - y);
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: number[] = [];
  if (mode === 'cumulative_sum') {
    // Days without a row inside the covered span had nothing (no orders that day).
    for (let d = first; d + WINDOW_DAYS - 1 <= last; d++) {
      let sum = 0;
      for (let k = d; k < d + WINDOW_DAYS; k++) sum += byDay.get(k) ?? 0;
      out.push(sum);
    }
    return out;
  }
  let j = 0;
  for (let i = 0; i < days.length; i++) {
    const a = days[i]!;
    while (j + 1 < days.length && days[j + 1]! <= a + WINDOW_DAYS) j++;
    const b = days[j]!;
    if (b - a < MIN_LEVEL_WINDOW_DAYS) continue;
    const va = byDay.get(a)!;
    const change = ((byDay.get(b)! - va) * WINDOW_DAYS) / (b - a);
    out.push(relative ? change / va : change);
  }
  return out;
}

function defaultHistoryMode(metric: TInsightMetric): TForecastMode {
  if (isDerivedGoalMetric(metric)) return 'level';
  const { kind } = METRICS[metric];
  return kind === 'count' || kind === 'money' ? 'cumulative_sum' : 'level';
}

function checkAchievable(input: TSmartInput): TSmartLetterResult {
  const days = durationDays(input.start, input.end);
  if (days === null || !Number.isFinite(input.baseline) || !Number.isFinite(input.target)) {
    return warn(
      'A',
      '日期或目标值无效，无法判断是否可实现。',
      'Dates or values are invalid, so achievability cannot be judged.',
    );
  }
  const mode = input.historyMode ?? defaultHistoryMode(input.metric);
  const sign = input.target >= input.baseline ? 1 : -1;
  // Relative growth compares like with like as an account grows; it needs positive levels.
  const relative =
    mode === 'level' && input.baseline > 0 && input.history.every((p) => p.value > 0);
  const neededAbs = ((input.target - input.baseline) / days) * WINDOW_DAYS;
  const needed = sign * (relative ? neededAbs / input.baseline : neededAbs);
  const growths = windowGrowths(input.history, mode, relative);
  const zhN = (n: number) => (relative ? formatPercent(n) : formatZhNumber(n));
  const enN = (n: number) => (relative ? formatPercent(n) : formatEnNumber(n));
  const verbZh = sign > 0 ? '增长' : '下降';
  const verbEn = sign > 0 ? 'growth' : 'decrease';

  if (needed <= 0) {
    return pass(
      'A',
      '目标值与基线相同：保持现状即可。',
      'The target equals the baseline: hold the level.',
    );
  }
  if (growths.length === 0) {
    return warn(
      'A',
      `历史数据不足 ${WINDOW_DAYS} 天，无法判断：目标需要每 30 天${verbZh} ${zhN(needed)}。`,
      `Less than ${WINDOW_DAYS} days of history, so achievability cannot be judged: the goal needs ${enN(needed)} ${verbEn} per 30 days.`,
    );
  }
  const best = Math.max(...growths.map((g) => sign * g));
  const evidence = { neededPer30Days: needed, bestPer30Days: best, relative: relative ? 1 : 0 };
  if (best <= 0) {
    return {
      ...warn(
        'A',
        `目标需要每 30 天${verbZh} ${zhN(needed)}，而历史上从未有 30 天朝这个方向变化过。`,
        `The goal needs ${enN(needed)} ${verbEn} per 30 days; no 30 days of the history ever moved that way.`,
      ),
      evidence,
    };
  }
  const ratio = needed / best;
  if (ratio > SMART_ACHIEVABLE_FACTOR) {
    return {
      ...warn(
        'A',
        `目标需要每 30 天${verbZh} ${zhN(needed)}，是历史最好水平（${zhN(best)}）的 ${formatDecimal(ratio)} 倍。`,
        `The goal needs ${enN(needed)} ${verbEn} per 30 days, ${formatDecimal(ratio)}× the best ever seen (${enN(best)}).`,
      ),
      evidence: { ...evidence, ratio },
    };
  }
  return {
    ...pass(
      'A',
      `目标需要每 30 天${verbZh} ${zhN(needed)}，历史最好 ${zhN(best)}。`,
      `The goal needs ${enN(needed)} ${verbEn} per 30 days; the best ever seen is ${enN(best)}.`,
    ),
    evidence: { ...evidence, ratio },
  };
}

/**
 * SMART check of a goal: Specific (metric and scope), Measurable (the metric is tracked),
 * Achievable (needed 30-day growth vs the best 30-day growth in the history), Relevant (linked
 * to a purpose), Time-bound (end after start, 7 days to 3 years).
 */
export function checkSmart(input: TSmartInput): TSmartCheck {
  return {
    S: checkSpecific(input),
    M: checkMeasurable(input),
    A: checkAchievable(input),
    R: checkRelevant(input),
    T: checkTimeBound(input),
  };
}
