/**
 * Calendar-date arithmetic on plain 'YYYY-MM-DD' strings.
 *
 * Dates here are calendar days, not instants: everything is done on a day number (days since
 * 1970-01-01) built with Date.UTC, so the host time zone can never move a date by one.
 */

const DAY_MS = 86_400_000;

/** A calendar date split into numbers; `month` is 1-12. */
export interface TYmd {
  year: number;
  month: number;
  day: number;
}

/** True when `value` is a real calendar date written as 'YYYY-MM-DD' (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  return parseYmdOrNull(value) !== null;
}

function parseYmdOrNull(value: string): TYmd | null {
  // Fixed-shape check by hand: no RegExp is built from input, and 'YYYY-MM-DD' is all we accept.
  if (typeof value !== 'string' || value.length !== 10 || value[4] !== '-' || value[7] !== '-') {
    return null;
  }
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Splits a 'YYYY-MM-DD' date; throws RangeError (naming `what`) when it is not a real date. */
export function parseYmd(value: string, what = 'date'): TYmd {
  const ymd = parseYmdOrNull(value);
  if (!ymd)
    throw new RangeError(`${what}: expected a calendar date 'YYYY-MM-DD', got '${String(value)}'`);
  return ymd;
}

/** Number of days in a Gregorian month (`month` 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Day number (days since 1970-01-01) of a Gregorian date. */
export function dayNumberOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** Day number of a 'YYYY-MM-DD' string; throws RangeError when it is not a real date. */
export function toDayNumber(value: string, what = 'date'): number {
  const { year, month, day } = parseYmd(value, what);
  return dayNumberOf(year, month, day);
}

/** The date of a day number, split into numbers. */
export function ymdOf(dayNumber: number): TYmd {
  const d = new Date(dayNumber * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 'YYYY-MM-DD' of a day number. */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = ymdOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

/** ISO 8601 week of a day number: the week-numbering year and week 1-53 (weeks start on Monday). */
export function isoWeekOf(dayNumber: number): { weekYear: number; week: number } {
  // The Thursday of a week decides its year (ISO 8601).
  const thursday = dayNumber - isoWeekday(dayNumber) + 4;
  const weekYear = ymdOf(thursday).year;
  const week = Math.floor((thursday - dayNumberOf(weekYear, 1, 1)) / 7) + 1;
  return { weekYear, week };
}
