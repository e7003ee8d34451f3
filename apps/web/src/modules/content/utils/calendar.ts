import { zonedTimeToUtc } from '@yunce/core';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The weeks (Monday first) that show a month 'YYYY-MM', as YYYY-MM-DD dates. */
export function calendarWeeks(month: string): string[][] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let day = addDays(first, -weekday);
  const weeks: string[][] = [];
  do {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.slice(0, 7) === month);
  return weeks;
}

/** Local date and HH:mm of an instant in a time zone. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** The instant on `date` at the same wall-clock time of day as `iso`, in the workspace zone. */
export function moveToDay(iso: string, date: string, timeZone: string): string {
  return zonedTimeToUtc(date, localParts(iso, timeZone).time, timeZone).toISOString();
}

export { addDays };

/** Monday (ISO weekday 1) of the week that holds `date`. */
export function mondayOf(date: string): string {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

/** The seven days, Monday first, of the week that holds `date`. */
export function weekOf(date: string): string[] {
  const monday = mondayOf(date);
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
}

/** 'YYYY-MM' moved by `n` months. */
export function shiftMonth(month: string, n: number): string {
  const d = new Date(`${month}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

/**
 * The instants to ask the API for when showing the days `first`..`last` (inclusive) of a
 * workspace zone: from the start of `first` to the start of the day after `last`, in UTC.
 */
export function visibleRange(
  first: string,
  last: string,
  timeZone: string,
): { from: string; to: string } {
  return {
    from: zonedTimeToUtc(first, '00:00', timeZone).toISOString(),
    to: zonedTimeToUtc(addDays(last, 1), '00:00', timeZone).toISOString(),
  };
}

/** Items grouped by the workspace-zone day of their planned time, each day's items by time. */
export function groupByDay<T extends { plannedAt: string | null }>(
  items: readonly T[],
  timeZone: string,
): Map<string, T[]> {
  const byDay = new Map<string, T[]>();
  for (const item of items) {
    if (!item.plannedAt) continue;
    const day = localParts(item.plannedAt, timeZone).date;
    const list = byDay.get(day);
    if (list) list.push(item);
    else byDay.set(day, [item]);
  }
  for (const list of byDay.values())
    list.sort((a, b) => (a.plannedAt ?? '').localeCompare(b.plannedAt ?? ''));
  return byDay;
}

/** A multi-day window laid over one week row: columns are 0 (Monday) to 6 (Sunday). */
export type WeekBand<T> = { item: T; startCol: number; span: number; lane: number };

/**
 * Where windows (start..end dates, inclusive) cross one week row, as bands with a lane each so
 * overlapping windows stack instead of hiding each other.
 */
export function bandsForWeek<T extends { start: string; end: string }>(
  week: readonly string[],
  windows: readonly T[],
): WeekBand<T>[] {
  const first = week[0];
  const last = week.at(-1);
  if (!first || !last) return [];
  const bands: WeekBand<T>[] = [];
  const laneEnds: number[] = [];
  const sorted = windows
    .filter((w) => w.start <= last && w.end >= first)
    .sort((a, b) => a.start.localeCompare(b.start) || b.end.localeCompare(a.end));
  for (const item of sorted) {
    const startCol = item.start <= first ? 0 : week.indexOf(item.start);
    const endCol = item.end >= last ? week.length - 1 : week.indexOf(item.end);
    if (startCol < 0 || endCol < startCol) continue;
    let lane = laneEnds.findIndex((end) => end < startCol);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = endCol;
    bands.push({ item, startCol, span: endCol - startCol + 1, lane });
  }
  return bands;
}
