/**
 * Statutory public holidays and make-up workdays (法定节假日与调休), as announced each year by the
 * State Council and shipped by chinese-days. The library only knows the years it ships (v1.5.7:
 * 2004-2026); for later years there is no data at all, which we report rather than guess: the
 * arrangement is not computable, it is decided each November for the following year.
 */
import type { TLocalized } from '../accounts';
import { hasHolidayData, libraryDay } from './chinese-days-adapter';
import { formatDayNumber, toDayNumber, ymdOf } from './dates';

/** Which statutory holiday a day belongs to (`other` for a name the library adds later). */
export type TStatutoryHolidayId =
  | 'new_year'
  | 'spring_festival'
  | 'qingming'
  | 'labour_day'
  | 'dragon_boat'
  | 'mid_autumn'
  | 'national_day'
  | 'other';

/** One day the State Council arrangement changes: a day off, or a make-up workday (调休上班). */
export interface TStatutoryDay {
  date: string;
  /** `off`: no work (holiday or swapped day); `workday`: a weekend day worked to make up (补班). */
  type: 'off' | 'workday';
  holiday: { id: TStatutoryHolidayId; name: TLocalized };
  /**
   * For `off` days: true when the day is off only because it was swapped (调休), i.e. a weekday
   * made up by working a weekend; false for the statutory days themselves. Always false for `workday`.
   */
  inLieu: boolean;
}

/** Result of statutoryHolidaysInRange. */
export interface TStatutoryHolidays {
  days: TStatutoryDay[];
  /** True when chinese-days has the arrangement for every year the range touches. */
  covered: boolean;
  /** Years in the range with an arrangement in the installed chinese-days. */
  coveredYears: number[];
  /**
   * Years in the range the installed chinese-days has no arrangement for (usually future years
   * not announced yet, or a library that needs updating). Their days are simply absent from `days`.
   */
  uncoveredYears: number[];
}

/** Longest range statutoryHolidaysInRange accepts (it checks each day). */
export const MAX_HOLIDAY_RANGE_DAYS = 3660;

const HOLIDAY_IDS: Readonly<Record<string, TStatutoryHolidayId>> = {
  "New Year's Day": 'new_year',
  'Spring Festival': 'spring_festival',
  'Tomb-sweeping Day': 'qingming',
  'Labour Day': 'labour_day',
  'Dragon Boat Festival': 'dragon_boat',
  'Mid-autumn Festival': 'mid_autumn',
  'National Day': 'national_day',
};

/** Parses the library's 'English,中文[,days]' holiday name. */
function parseHolidayName(raw: string): TStatutoryDay['holiday'] {
  const [en = raw, zh = raw] = raw.split(',');
  return { id: HOLIDAY_IDS[en] ?? 'other', name: { 'zh-CN': zh, 'en-US': en } };
}

/**
 * Days off and make-up workdays between two 'YYYY-MM-DD' dates (inclusive) with holiday names,
 * from chinese-days; `covered`/`uncoveredYears` say which years the library has no data for.
 */
export function statutoryHolidaysInRange(fromDate: string, toDate: string): TStatutoryHolidays {
  const from = toDayNumber(fromDate, 'fromDate');
  const to = toDayNumber(toDate, 'toDate');
  if (to < from) throw new RangeError(`toDate ${toDate} is before fromDate ${fromDate}`);
  if (to - from + 1 > MAX_HOLIDAY_RANGE_DAYS) {
    throw new RangeError(`range is longer than ${MAX_HOLIDAY_RANGE_DAYS} days`);
  }
  const coveredYears: number[] = [];
  const uncoveredYears: number[] = [];
  for (let year = ymdOf(from).year; year <= ymdOf(to).year; year++) {
    (hasHolidayData(year) ? coveredYears : uncoveredYears).push(year);
  }
  const days: TStatutoryDay[] = [];
  for (let n = from; n <= to; n++) {
    const d = libraryDay(n);
    // Ordinary weekends and weekdays carry no holiday name; only the arrangement's days do.
    if (d.holidayName === undefined) continue;
    days.push({
      date: formatDayNumber(n),
      type: d.work ? 'workday' : 'off',
      holiday: parseHolidayName(d.holidayName),
      inLieu: !d.work && d.inLieu,
    });
  }
  return { days, covered: uncoveredYears.length === 0, coveredYears, uncoveredYears };
}
