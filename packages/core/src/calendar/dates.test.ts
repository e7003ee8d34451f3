import { describe, expect, it } from 'vitest';
import { formatDayNumber, isCalendarDate, isoWeekday, isoWeekOf, toDayNumber } from './dates';

describe('calendar dates', () => {
  it('validates YYYY-MM-DD strictly', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(isCalendarDate('2026-02-28T00:00')).toBe(false);
    expect(isCalendarDate('２０２６-02-28')).toBe(false);
  });

  it('round-trips day numbers', () => {
    for (const d of ['1901-01-01', '1970-01-01', '2026-12-31', '2099-12-31']) {
      expect(formatDayNumber(toDayNumber(d))).toBe(d);
    }
  });

  it('ISO weekday and week', () => {
    expect(isoWeekday(toDayNumber('2026-01-05'))).toBe(1); // Monday
    expect(isoWeekday(toDayNumber('2026-01-04'))).toBe(7); // Sunday
    expect(isoWeekOf(toDayNumber('2026-01-01'))).toEqual({ weekYear: 2026, week: 1 });
    expect(isoWeekOf(toDayNumber('2027-01-01'))).toEqual({ weekYear: 2026, week: 53 });
    expect(isoWeekOf(toDayNumber('2024-12-30'))).toEqual({ weekYear: 2025, week: 1 });
  });
});
