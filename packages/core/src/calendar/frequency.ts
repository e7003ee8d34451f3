/**
 * Publishing-frequency plan analysis (SPEC §4: "a publishing-frequency plan per account (e.g.
 * 3 posts/week) with gaps and overloads highlighted"). Pure: the caller supplies the account's
 * post dates already converted to calendar days in the workspace time zone.
 */
import { formatDayNumber, isoWeekday, isoWeekOf, toDayNumber } from './dates';

/** An account's frequency plan; `postsPerWeek` 0 means "no plan" (nothing is flagged). */
export interface TFrequencyPlan {
  postsPerWeek: number;
}

/** One ISO week (Monday-Sunday) of the range. */
export interface TFrequencyWeek {
  /** ISO week label, e.g. '2026-W10' (week-numbering year, so late-December days may be W01). */
  isoWeek: string;
  /** Monday of the week (may be before the range start for the first week). */
  weekStart: string;
  /** Sunday of the week (may be after the range end for the last week). */
  weekEnd: string;
  /** Days of this week inside the range (7 except possibly the first and last week). */
  daysInRange: number;
  /** postsPerWeek × daysInRange / 7: the plan, prorated for weeks the range cuts. */
  target: number;
  /** Posts planned or scheduled on the week's days inside the range. */
  planned: number;
  /** `under` below floor(target), `over` above ceil(target), `ok` otherwise (always `ok` without a plan). */
  status: 'under' | 'ok' | 'over';
}

/** A run of consecutive days without any post. */
export interface TFrequencyGap {
  start: string;
  end: string;
  days: number;
  /**
   * The run touches the first or last day of the range, so it may continue outside it: posts
   * outside the range are not known here.
   */
  atRangeEdge: boolean;
}

/** A day with more posts than the overload threshold. */
export interface TOverloadedDay {
  date: string;
  count: number;
}

/** Result of analyzeFrequency. */
export interface TFrequencyAnalysis {
  postsPerWeek: number;
  /** False for postsPerWeek 0: weeks are still counted, but nothing is flagged. */
  hasPlan: boolean;
  weeks: TFrequencyWeek[];
  gaps: TFrequencyGap[];
  overloadedDays: TOverloadedDay[];
  /** The thresholds used (null without a plan), so the UI can say why something is flagged. */
  thresholds: {
    /** A gap is a run of post-free days longer than this. */
    gapDays: number | null;
    /** A day is overloaded with more posts than this. */
    maxPostsPerDay: number | null;
  };
}

/** Longest range analyzeFrequency accepts: ten years is far beyond any calendar view. */
export const MAX_FREQUENCY_RANGE_DAYS = 3660;

/**
 * Longest tolerated run of post-free days for a plan: ceil(7 / postsPerWeek) + 1.
 *
 * Why: at an even rhythm of n posts a week, posts are 7/n days apart, so at most ceil(7/n) − 1
 * days in a row stay empty. The threshold allows two more days of slack, so shifting a post by a
 * day or skipping a weekend does not warn, while a silence clearly longer than the rhythm does.
 * E.g. 3/week → 4 (5 empty days in a row is a gap); 1/week → 8; 7/week or more → 2.
 */
export function frequencyGapThreshold(postsPerWeek: number): number {
  return Math.ceil(7 / postsPerWeek) + 1;
}

/**
 * Most posts tolerated on one day for a plan: max(2, ceil(postsPerWeek / 7) + 1).
 *
 * Why: the plan's own daily share (ceil(n/7)) plus one extra post is normal (a news peg, a
 * reply post); two a day (morning and evening) is a common pattern on every platform whatever
 * the plan. Beyond that, posts compete with each other for the same followers' feeds.
 * E.g. 3/week or 7/week → 2 (3 posts on a day is overloaded); 14/week → 3.
 */
export function frequencyOverloadThreshold(postsPerWeek: number): number {
  return Math.max(2, Math.ceil(postsPerWeek / 7) + 1);
}

/**
 * Compares an account's planned/scheduled post dates with its weekly plan over [fromDate, toDate]
 * (inclusive, 'YYYY-MM-DD' in the workspace zone): per-ISO-week counts, gaps and overloaded days.
 *
 * - Only posts on days inside the range count; `postDates` may hold duplicates (one per post).
 * - Weeks cut by the range get a prorated target (postsPerWeek × daysInRange / 7), and the status
 *   compares with floor/ceil of it, so a partial or fractional target (0.5/week) is not flagged
 *   for rounding alone.
 * - postsPerWeek 0 means no plan: counts are returned, no status other than `ok`, no gaps, no
 *   overloads.
 * Throws RangeError for malformed dates, a reversed or over-long range, or a negative plan.
 */
export function analyzeFrequency(
  plan: TFrequencyPlan,
  postDates: readonly string[],
  fromDate: string,
  toDate: string,
): TFrequencyAnalysis {
  const { postsPerWeek } = plan;
  if (!Number.isFinite(postsPerWeek) || postsPerWeek < 0) {
    throw new RangeError(`postsPerWeek must be a finite number >= 0, got ${String(postsPerWeek)}`);
  }
  const from = toDayNumber(fromDate, 'fromDate');
  const to = toDayNumber(toDate, 'toDate');
  if (to < from) throw new RangeError(`toDate ${toDate} is before fromDate ${fromDate}`);
  const length = to - from + 1;
  if (length > MAX_FREQUENCY_RANGE_DAYS) {
    throw new RangeError(`range is longer than ${MAX_FREQUENCY_RANGE_DAYS} days`);
  }

  const perDay = new Uint32Array(length);
  postDates.forEach((date, i) => {
    const n = toDayNumber(date, `postDates[${i}]`);
    if (n >= from && n <= to) perDay[n - from]! += 1;
  });

  const hasPlan = postsPerWeek > 0;

  const weeks: TFrequencyWeek[] = [];
  for (let monday = from - isoWeekday(from) + 1; monday <= to; monday += 7) {
    const first = Math.max(monday, from);
    const last = Math.min(monday + 6, to);
    let planned = 0;
    for (let n = first; n <= last; n++) planned += perDay[n - from]!;
    const daysInRange = last - first + 1;
    const target = (postsPerWeek * daysInRange) / 7;
    let status: TFrequencyWeek['status'] = 'ok';
    // A tiny epsilon so 3 × 7 / 7 is 3, not 2.9999…, before floor/ceil.
    if (hasPlan && planned < Math.floor(target + 1e-9)) status = 'under';
    else if (hasPlan && planned > Math.ceil(target - 1e-9)) status = 'over';
    const { weekYear, week } = isoWeekOf(monday);
    weeks.push({
      isoWeek: `${weekYear}-W${String(week).padStart(2, '0')}`,
      weekStart: formatDayNumber(monday),
      weekEnd: formatDayNumber(monday + 6),
      daysInRange,
      target: Math.round(target * 100) / 100,
      planned,
      status,
    });
  }

  const gaps: TFrequencyGap[] = [];
  const overloadedDays: TOverloadedDay[] = [];
  const gapDays = hasPlan ? frequencyGapThreshold(postsPerWeek) : null;
  const maxPostsPerDay = hasPlan ? frequencyOverloadThreshold(postsPerWeek) : null;
  if (gapDays !== null && maxPostsPerDay !== null) {
    let runStart = -1;
    for (let i = 0; i <= length; i++) {
      const empty = i < length && perDay[i]! === 0;
      if (empty && runStart < 0) runStart = i;
      if (!empty && runStart >= 0) {
        const days = i - runStart;
        if (days > gapDays) {
          gaps.push({
            start: formatDayNumber(from + runStart),
            end: formatDayNumber(from + i - 1),
            days,
            atRangeEdge: runStart === 0 || i === length,
          });
        }
        runStart = -1;
      }
      if (i < length && perDay[i]! > maxPostsPerDay) {
        overloadedDays.push({ date: formatDayNumber(from + i), count: perDay[i]! });
      }
    }
  }

  return {
    postsPerWeek,
    hasPlan,
    weeks,
    gaps,
    overloadedDays,
    thresholds: { gapDays, maxPostsPerDay },
  };
}
