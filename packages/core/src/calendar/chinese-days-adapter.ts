/**
 * The one place that talks to `chinese-days` (MIT, v1.5.x).
 *
 * Why an adapter: the library parses 'YYYY-MM-DD' strings as UTC midnight but reads and formats
 * dates with the host's local getters, so on a server west of Greenwich (any negative UTC offset)
 * every answer it gives for a date string is one day early (checked with TZ=America/New_York:
 * 春节 2026 comes back as 2026-02-16). We therefore never hand it a date string; each call gets
 * the instant that lands on the intended calendar day for the way that function reads it, and
 * its string results are corrected back. Tests run the same assertions whatever TZ is set.
 *
 * Default import on purpose: under Node's ESM loader the package resolves to a UMD bundle whose
 * named exports Node cannot detect, while the default export works there and under Vite.
 */
import chineseDays from 'chinese-days';
import { dayNumberOf, formatDayNumber, toDayNumber, ymdOf } from './dates';

/**
 * Gregorian years our API accepts for lunar work. The library's table covers 1900-2100 (README);
 * we keep a year of margin on each side because a node in year Y may look at Y-1 or Y+1 (除夕 on
 * Dec 31 needs Jan 1 of the next year; 年货节 may start in the previous December).
 */
export const LUNAR_SUPPORTED_YEARS = { from: 1901, to: 2099 } as const;
const LUNAR_TABLE_YEARS = { from: 1900, to: 2100 } as const;

/** Solar-term keys as chinese-days names them. */
export type TSolarTermKey =
  | 'the_beginning_of_spring'
  | 'rain_water'
  | 'the_waking_of_insects'
  | 'the_spring_equinox'
  | 'pure_brightness'
  | 'grain_rain'
  | 'the_beginning_of_summer'
  | 'lesser_fullness_of_grain'
  | 'grain_in_beard'
  | 'the_summer_solstice'
  | 'lesser_heat'
  | 'greater_heat'
  | 'the_beginning_of_autumn'
  | 'the_end_of_heat'
  | 'white_dew'
  | 'the_autumn_equinox'
  | 'code_dew'
  | 'frost_descent'
  | 'the_beginning_of_winter'
  | 'lesser_snow'
  | 'greater_snow'
  | 'the_winter_solstice'
  | 'lesser_cold'
  | 'greater_cold';

/** A lunar date: `month` 1-12, `leap` for the intercalary (闰) month of that number. */
export interface TLunarDay {
  lunarYear: number;
  month: number;
  day: number;
  leap: boolean;
}

/**
 * Per Gregorian year, the lunar date of each day, packed in typed arrays. Filling a year costs
 * ~365 library calls, so years are cached; the cap keeps a long-running server from growing.
 */
interface TLunarYearTable {
  lunarYear: Int16Array;
  /** Lunar month, negated for a leap month. */
  month: Int8Array;
  day: Int8Array;
}
const lunarTables = new Map<number, TLunarYearTable>();
const LUNAR_CACHE_YEARS = 64;

function buildLunarYear(year: number): TLunarYearTable {
  const first = dayNumberOf(year, 1, 1);
  const count = dayNumberOf(year + 1, 1, 1) - first;
  const table: TLunarYearTable = {
    lunarYear: new Int16Array(count),
    month: new Int8Array(count),
    day: new Int8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const { year: y, month: m, day: d } = ymdOf(first + i);
    // getLunarDate counts whole days from a fixed instant (1900-01-31 00:00 China time), so we
    // pass noon China time (04:00 UTC) of the day: always inside that China-time day, whatever
    // the host zone. Its own `date` field is local-formatted and ignored.
    const lunar = chineseDays.getLunarDate(new Date(Date.UTC(y, m - 1, d, 4)));
    table.lunarYear[i] = lunar.lunarYear;
    table.month[i] = lunar.isLeap ? -lunar.lunarMon : lunar.lunarMon;
    table.day[i] = lunar.lunarDay;
  }
  return table;
}

function lunarYearTable(year: number): TLunarYearTable {
  const hit = lunarTables.get(year);
  if (hit) return hit;
  if (year < LUNAR_TABLE_YEARS.from || year > LUNAR_TABLE_YEARS.to) {
    throw new RangeError(
      `lunar dates are available for ${LUNAR_TABLE_YEARS.from}-${LUNAR_TABLE_YEARS.to} only, not ${year}`,
    );
  }
  const table = buildLunarYear(year);
  if (lunarTables.size >= LUNAR_CACHE_YEARS) {
    const oldest = lunarTables.keys().next();
    if (!oldest.done) lunarTables.delete(oldest.value);
  }
  lunarTables.set(year, table);
  return table;
}

/** Lunar date of a day number (via chinese-days' getLunarDate, cached per Gregorian year). */
export function lunarDayOf(dayNumber: number): TLunarDay {
  const { year } = ymdOf(dayNumber);
  const table = lunarYearTable(year);
  const i = dayNumber - dayNumberOf(year, 1, 1);
  const month = table.month[i] ?? 0;
  return {
    lunarYear: table.lunarYear[i] ?? 0,
    month: Math.abs(month),
    day: table.day[i] ?? 0,
    leap: month < 0,
  };
}

/**
 * Gregorian date of a solar term in `year` (`month` is the Gregorian month the term falls in,
 * which getSolarTermDate needs). The library builds the date at UTC midnight and formats it with
 * local getters, so west of Greenwich its answer is a day early; we detect that and undo it.
 */
export function solarTermDate(year: number, month: number, term: TSolarTermKey): string {
  const raw = chineseDays.getSolarTermDate(year, month, term);
  const n = toDayNumber(raw, 'chinese-days solar term');
  const { year: y, month: m, day: d } = ymdOf(n);
  const localDayOfUtcMidnight = new Date(Date.UTC(y, m - 1, d)).getDate();
  return localDayOfUtcMidnight === d ? raw : formatDayNumber(n + 1);
}

/** What the library knows about one day: a statutory holiday, a make-up workday, or nothing. */
export interface TLibraryDay {
  /** For named days: true for a make-up workday, false for a day off. Unreliable for unnamed days. */
  work: boolean;
  /** 'Spring Festival,春节,4'-style name for holidays and make-up workdays; undefined otherwise. */
  holidayName?: string;
  /** A day off moved from a workday (调休), which is made up on a weekend. */
  inLieu: boolean;
}

/** chinese-days' verdict for a day number. */
export function libraryDay(dayNumber: number): TLibraryDay {
  const { year, month, day } = ymdOf(dayNumber);
  // The library keys its holiday tables, at load time, by the *local* date of the UTC midnight
  // of each announced day (one day early west of Greenwich), and looks a query up the same way
  // (local start of day, local format). Passing that same UTC-midnight instant therefore hits the
  // right entry in every host zone. Its weekday-based answer for unnamed days can be off by one
  // there, which is why only named days (map hits) are used.
  const instant = new Date(Date.UTC(year, month - 1, day));
  const detail = chineseDays.getDayDetail(instant);
  // Holiday and make-up-day names carry commas ('National Day,国庆节,3'); plain days are weekday names.
  const named = detail.name.includes(',');
  return {
    work: detail.work,
    ...(named ? { holidayName: detail.name } : {}),
    inLieu: chineseDays.isInLieu(instant),
  };
}

const coverage = new Map<number, boolean>();

/**
 * Whether the library ships the State Council holiday arrangement for `year`. Probed rather than
 * hard-coded so a library update widens coverage by itself: every covered year has 元旦 on Jan 1.
 */
export function hasHolidayData(year: number): boolean {
  const hit = coverage.get(year);
  if (hit !== undefined) return hit;
  const known = libraryDay(dayNumberOf(year, 1, 1)).holidayName !== undefined;
  coverage.set(year, known);
  return known;
}
