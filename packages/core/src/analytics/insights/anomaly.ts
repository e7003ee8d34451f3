/**
 * Anomaly alerts (SPEC §5: "a sudden drop or spike in a metric against its own recent baseline").
 * Each day is compared with the median of the days before it, scaled by the median absolute
 * deviation: median and MAD ignore a few extreme days, so one earlier spike neither moves the
 * baseline nor inflates the spread enough to hide the next one (a mean ± SD rule would).
 */
import { toDayNumber } from '../../calendar/dates';
import type { TDatedValue } from './forecast';
import { median } from './stats';

export interface TAnomalyOptions {
  /** Calendar days before a point that form its baseline window (default 28). */
  window?: number;
  /** Points needed in the window before a day is judged (default 14). */
  minHistory?: number;
  /** |robust z| above this is an anomaly (default 3.5, the usual cut-off for MAD z-scores). */
  threshold?: number;
  /**
   * Changes smaller than this in absolute terms are never anomalies (default 10): 1 → 4 likes is
   * a 300% jump and noise. Suits counts; pass a rate-sized value (0.01) for rate series.
   */
  minAbsoluteChange?: number;
  /**
   * Floor of the spread as a share of the median (default 0.05): a perfectly steady series has
   * MAD 0, which would make any wiggle infinitely unusual.
   */
  madFloorRatio?: number;
}

export interface TAnomaly {
  date: string;
  value: number;
  /** Median of the window before the point. */
  baseline: number;
  /** value − baseline. */
  change: number;
  /** Robust z-score: change / max(1.4826 × MAD, floors). */
  deviation: number;
  direction: 'spike' | 'drop';
  /** The window values the baseline was computed from, in date order. */
  evidence: number[];
}

/** Makes the MAD a consistent estimator of the standard deviation for normal data. */
export const MAD_SCALE = 1.4826;

/**
 * Points of a daily series that deviate from the median of their preceding window by more than
 * `threshold` robust z-scores (and by at least `minAbsoluteChange`), oldest first.
 * Throws RangeError for malformed or duplicate dates or non-finite values.
 */
export function detectAnomalies(
  series: readonly TDatedValue[],
  options: TAnomalyOptions = {},
): TAnomaly[] {
  const window = options.window ?? 28;
  const minHistory = options.minHistory ?? 14;
  const threshold = options.threshold ?? 3.5;
  const minAbsoluteChange = options.minAbsoluteChange ?? 10;
  const madFloorRatio = options.madFloorRatio ?? 0.05;
  if (!Number.isInteger(window) || window < 1)
    throw new RangeError('window: expected an integer >= 1');
  if (!Number.isInteger(minHistory) || minHistory < 1) {
    throw new RangeError('minHistory: expected an integer >= 1');
  }
  if (!(threshold > 0)) throw new RangeError('threshold: expected a number > 0');
  if (!(minAbsoluteChange >= 0)) throw new RangeError('minAbsoluteChange: expected a number >= 0');
  if (!(madFloorRatio >= 0)) throw new RangeError('madFloorRatio: expected a number >= 0');

  const points = series.map((p, i) => {
    if (!Number.isFinite(p.value)) throw new RangeError(`series[${i}].value: not a number`);
    return { day: toDayNumber(p.date, `series[${i}].date`), date: p.date, value: p.value };
  });
  points.sort((a, b) => a.day - b.day);
  for (let i = 1; i < points.length; i++) {
    if (points[i]!.day === points[i - 1]!.day) {
      throw new RangeError(`series: duplicate date ${points[i]!.date}`);
    }
  }

  // Keeps the score finite on a series stuck at zero; tied to minAbsoluteChange so this floor
  // only ever damps changes that minAbsoluteChange would dismiss anyway.
  const minScale = minAbsoluteChange > 0 ? minAbsoluteChange / threshold : 1e-9;
  const out: TAnomaly[] = [];
  let lo = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    while (points[lo]!.day < p.day - window) lo++;
    const windowPoints = points.slice(lo, i);
    if (windowPoints.length < minHistory) continue;
    const values = windowPoints.map((w) => w.value);
    const baseline = median(values)!;
    const mad = median(values.map((v) => Math.abs(v - baseline)))!;
    const scale = Math.max(MAD_SCALE * mad, madFloorRatio * Math.abs(baseline), minScale);
    const change = p.value - baseline;
    const deviation = change / scale;
    if (Math.abs(deviation) <= threshold || Math.abs(change) < minAbsoluteChange) continue;
    out.push({
      date: p.date,
      value: p.value,
      baseline,
      change,
      deviation,
      direction: change > 0 ? 'spike' : 'drop',
      evidence: values,
    });
  }
  return out;
}
