/**
 * Posting-time heatmap and best-slot recommendations (SPEC §5: "posting time heatmap"; SPEC §4
 * scheduling suggestions). Weekday and hour are read in the workspace time zone with Intl, never
 * the process zone, so a server running in UTC groups a 20:00 Beijing post under 20:00.
 */
import type { TLocalized } from '../../accounts/platforms';
import { dayNumberOf, formatDayNumber, isoWeekday } from '../../calendar/dates';
import { zonedTimeToUtc } from '../../time';
import { formatPercent } from './format';
import { weekdayLabel } from './labels';

export interface TPostPerformance {
  publishedAt: Date;
  /** Engagement of the post: a rate or a count, as long as all posts use the same measure. */
  engagement: number;
  views?: number;
}

export interface THeatmapCell {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** 0-23 in the workspace zone. */
  hour: number;
  count: number;
  /** Null for a cell without posts. */
  meanEngagement: number | null;
  /** Mean views of the cell's posts that have views; null when none has. */
  meanViews: number | null;
}

export interface TPostingHeatmap {
  timeZone: string;
  /** cells[weekday][hour]: 7 rows of 24. */
  cells: THeatmapCell[][];
  totalPosts: number;
  /** Mean engagement over all posts; null without posts. */
  overallMeanEngagement: number | null;
}

interface TZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
}

function zonedFormatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
  });
}

function zonedParts(format: Intl.DateTimeFormat, at: Date): TZonedParts {
  const parts = format.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? Number.NaN);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24 };
}

/** 0 = Monday … 6 = Sunday for a zoned calendar date. */
function weekdayOf(parts: TZonedParts): number {
  return isoWeekday(dayNumberOf(parts.year, parts.month, parts.day)) - 1;
}

/**
 * Counts posts and averages their engagement per weekday × hour in `timeZone` (7 × 24 cells,
 * weekday 0 = Monday). Posts with an invalid date or non-finite engagement are skipped; an
 * unknown time zone throws RangeError (from Intl).
 */
export function postingHeatmap(
  posts: readonly TPostPerformance[],
  timeZone: string,
): TPostingHeatmap {
  const format = zonedFormatter(timeZone);
  const sums = Array.from({ length: 7 }, () =>
    Array.from({ length: 24 }, () => ({ count: 0, engagement: 0, viewsCount: 0, views: 0 })),
  );
  let total = 0;
  let totalEngagement = 0;
  for (const post of posts) {
    if (Number.isNaN(post.publishedAt.getTime()) || !Number.isFinite(post.engagement)) continue;
    const parts = zonedParts(format, post.publishedAt);
    const cell = sums[weekdayOf(parts)]![parts.hour]!;
    cell.count += 1;
    cell.engagement += post.engagement;
    if (post.views !== undefined && Number.isFinite(post.views)) {
      cell.viewsCount += 1;
      cell.views += post.views;
    }
    total += 1;
    totalEngagement += post.engagement;
  }
  return {
    timeZone,
    cells: sums.map((row, weekday) =>
      row.map((c, hour) => ({
        weekday,
        hour,
        count: c.count,
        meanEngagement: c.count > 0 ? c.engagement / c.count : null,
        meanViews: c.viewsCount > 0 ? c.views / c.viewsCount : null,
      })),
    ),
    totalPosts: total,
    overallMeanEngagement: total > 0 ? totalEngagement / total : null,
  };
}

export interface TRecommendSlotsOptions {
  /** Cells with fewer posts are never recommended (default 3). */
  minPosts?: number;
  /** How many slots to return (default 3). */
  top?: number;
  /** Pseudo-count of the shrinkage toward the overall mean (default 5). */
  priorPosts?: number;
  /** Fewer posts in total than this is too little history (default 10). */
  minTotalPosts?: number;
}

export interface TBestTimeSlot {
  weekday: number;
  hour: number;
  /** Shrunken mean engagement (see recommendSlots). */
  score: number;
  posts: number;
  reason: TLocalized;
}

export interface TBestTimeRecommendation {
  slots: TBestTimeSlot[];
  /** Why the list is empty; null when it is not. */
  reason: TLocalized | null;
}

/**
 * Best weekday × hour slots, ranked by mean engagement shrunk toward the overall mean; empty with
 * a reason when the history is too thin or no slot beats the average.
 */
export function recommendSlots(
  heatmap: TPostingHeatmap,
  options: TRecommendSlotsOptions = {},
): TBestTimeRecommendation {
  const minPosts = options.minPosts ?? 3;
  const top = options.top ?? 3;
  const prior = options.priorPosts ?? 5;
  const minTotal = options.minTotalPosts ?? 10;
  const overall = heatmap.overallMeanEngagement;
  if (overall === null || heatmap.totalPosts < minTotal) {
    return {
      slots: [],
      reason: {
        'zh-CN': `历史发布只有 ${heatmap.totalPosts} 篇（至少需要 ${minTotal} 篇），还不能推荐发布时间。`,
        'en-US': `Only ${heatmap.totalPosts} past posts (at least ${minTotal} needed): too few to recommend posting times.`,
      },
    };
  }
  const candidates: TBestTimeSlot[] = [];
  for (const row of heatmap.cells) {
    for (const cell of row) {
      if (cell.count < minPosts || cell.meanEngagement === null) continue;
      // Empirical-Bayes style shrinkage: treat the overall mean as `prior` pseudo-posts added to
      // the cell, so score = (n·mean + k·overall) / (n + k). A slot with 3 lucky posts moves only
      // 3/8 of the way to its raw mean, one with 30 posts nearly all the way; ranking raw means
      // would reward the noisiest small cells.
      const score = (cell.count * cell.meanEngagement + prior * overall) / (cell.count + prior);
      if (!(score > overall)) continue;
      const lift = overall === 0 ? null : cell.meanEngagement / overall - 1;
      const when = weekdayLabel(cell.weekday);
      const hour = `${String(cell.hour).padStart(2, '0')}:00`;
      candidates.push({
        weekday: cell.weekday,
        hour: cell.hour,
        score,
        posts: cell.count,
        reason: {
          'zh-CN': `${when['zh-CN']} ${hour} 发布的 ${cell.count} 篇内容平均互动${lift === null ? '高于整体' : `比整体平均高 ${formatPercent(lift)}`}。`,
          'en-US': `${cell.count} posts published ${when['en-US']} ${hour} averaged ${lift === null ? 'above the overall mean' : `${formatPercent(lift)} above the overall mean`} engagement.`,
        },
      });
    }
  }
  candidates.sort(
    (a, b) => b.score - a.score || b.posts - a.posts || a.weekday - b.weekday || a.hour - b.hour,
  );
  if (candidates.length === 0) {
    return {
      slots: [],
      reason: {
        'zh-CN': `没有哪个时段（至少 ${minPosts} 篇）的互动明显高于整体平均。`,
        'en-US': `No time slot with at least ${minPosts} posts stands out above the overall average.`,
      },
    };
  }
  return { slots: candidates.slice(0, Math.max(0, top)), reason: null };
}

/** A slot's next start as a UTC instant. */
export interface TNextSlot {
  at: Date;
  weekday: number;
  hour: number;
}

/**
 * The soonest start of any of `slots` (weekday/hour in `timeZone`) strictly after `after`, for
 * scheduling suggestions; pass only the best slot to get its next occurrence. Null without slots.
 * Throws RangeError for a slot outside 0-6 / 0-23 or an unknown time zone.
 */
export function nextSlotAfter(
  slots: readonly Pick<TBestTimeSlot, 'weekday' | 'hour'>[],
  after: Date,
  timeZone: string,
): TNextSlot | null {
  const local = zonedParts(zonedFormatter(timeZone), after);
  const today = dayNumberOf(local.year, local.month, local.day);
  let best: TNextSlot | null = null;
  for (const slot of slots) {
    if (!Number.isInteger(slot.weekday) || slot.weekday < 0 || slot.weekday > 6) {
      throw new RangeError(`slot.weekday: expected 0-6, got ${slot.weekday}`);
    }
    if (!Number.isInteger(slot.hour) || slot.hour < 0 || slot.hour > 23) {
      throw new RangeError(`slot.hour: expected 0-23, got ${slot.hour}`);
    }
    // Eight days cover "later today" through "same weekday next week".
    for (let k = 0; k <= 7; k++) {
      const day = today + k;
      if (isoWeekday(day) - 1 !== slot.weekday) continue;
      const at = zonedTimeToUtc(
        formatDayNumber(day),
        `${String(slot.hour).padStart(2, '0')}:00`,
        timeZone,
      );
      if (at.getTime() <= after.getTime()) continue;
      if (!best || at.getTime() < best.at.getTime()) {
        best = { at, weekday: slot.weekday, hour: slot.hour };
      }
      break;
    }
  }
  return best;
}
