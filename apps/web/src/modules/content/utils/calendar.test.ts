import { describe, expect, it } from 'vitest';
import {
  bandsForWeek,
  calendarWeeks,
  groupByDay,
  localParts,
  mondayOf,
  moveToDay,
  shiftMonth,
  visibleRange,
  weekOf,
} from './calendar';

describe('calendarWeeks', () => {
  it('lays a month out in whole Monday-first weeks', () => {
    // 2026-11-01 is a Sunday: the first row starts on Monday 26 October.
    const weeks = calendarWeeks('2026-11');
    expect(weeks[0]).toEqual([
      '2026-10-26',
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
    ]);
    expect(weeks.at(-1)?.at(-1)).toBe('2026-12-06');
    expect(weeks).toHaveLength(6);
  });

  it('starts on the 1st when the month starts on a Monday and stops after its last day', () => {
    // June 2026 starts on a Monday and ends on a Tuesday.
    const weeks = calendarWeeks('2026-06');
    expect(weeks[0]?.[0]).toBe('2026-06-01');
    expect(weeks.at(-1)).toContain('2026-06-30');
    expect(weeks).toHaveLength(5);
    // February 2027 is exactly four weeks, Monday 1st to Sunday 28th.
    expect(calendarWeeks('2027-02')).toHaveLength(4);
  });

  it('handles leap years and the turn of the year', () => {
    expect(calendarWeeks('2028-02').flat()).toContain('2028-02-29');
    const december = calendarWeeks('2026-12');
    expect(december.at(-1)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('gives every month whole weeks with each day once, in order', () => {
    for (let m = 1; m <= 12; m++) {
      const month = `2027-${String(m).padStart(2, '0')}`;
      const days = calendarWeeks(month).flat();
      expect(days.length % 7).toBe(0);
      expect([...days].sort()).toEqual(days);
      expect(new Set(days).size).toBe(days.length);
      expect(days.filter((d) => d.startsWith(month)).length).toBeGreaterThanOrEqual(28);
    }
  });
});

describe('weeks and months', () => {
  it('finds the Monday and the days of a week', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(weekOf('2027-01-01')[0]).toBe('2026-12-28');
    expect(weekOf('2027-01-01')).toHaveLength(7);
  });

  it('moves months across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2026-03', -14)).toBe('2025-01');
  });
});

describe('visibleRange', () => {
  it('asks for the shown days in the workspace zone, as UTC instants', () => {
    expect(visibleRange('2026-10-26', '2026-12-06', 'Asia/Shanghai')).toEqual({
      from: '2026-10-25T16:00:00.000Z',
      to: '2026-12-06T16:00:00.000Z',
    });
  });

  it('follows a DST change inside the range (New York falls back on 2026-11-01)', () => {
    expect(visibleRange('2026-10-26', '2026-12-06', 'America/New_York')).toEqual({
      from: '2026-10-26T04:00:00.000Z',
      to: '2026-12-07T05:00:00.000Z',
    });
  });
});

describe('localParts and groupByDay', () => {
  it('puts an instant on its day in the workspace zone, not in UTC', () => {
    // 17:30 UTC on the 22nd is 01:30 on the 23rd in Shanghai.
    expect(localParts('2026-11-22T17:30:00.000Z', 'Asia/Shanghai')).toEqual({
      date: '2026-11-23',
      time: '01:30',
    });
    expect(localParts('2026-11-22T17:30:00.000Z', 'America/Los_Angeles')).toEqual({
      date: '2026-11-22',
      time: '09:30',
    });
  });

  it('groups items by day, sorted by time, and leaves out unplanned ones', () => {
    const items = [
      { id: 'late', plannedAt: '2026-11-23T12:00:00.000Z' },
      { id: 'none', plannedAt: null },
      { id: 'early', plannedAt: '2026-11-23T01:00:00.000Z' },
      { id: 'next', plannedAt: '2026-11-23T17:00:00.000Z' },
    ];
    const byDay = groupByDay(items, 'Asia/Shanghai');
    expect(byDay.get('2026-11-23')?.map((i) => i.id)).toEqual(['early', 'late']);
    expect(byDay.get('2026-11-24')?.map((i) => i.id)).toEqual(['next']);
    expect([...byDay.values()].flat()).toHaveLength(3);
  });
});

describe('moveToDay (drag to reschedule)', () => {
  it('keeps the time of day in the workspace zone', () => {
    expect(moveToDay('2026-11-23T01:30:00.000Z', '2026-11-25', 'Asia/Shanghai')).toBe(
      '2026-11-25T01:30:00.000Z',
    );
    // 01:30 on the 23rd in Shanghai is still the 22nd in UTC: the target is a local day, so
    // 01:30 on the 25th is the 24th in UTC.
    expect(moveToDay('2026-11-22T17:30:00.000Z', '2026-11-25', 'Asia/Shanghai')).toBe(
      '2026-11-24T17:30:00.000Z',
    );
  });

  it('keeps 09:00 local across the spring DST change (Berlin, 2027-03-28)', () => {
    // 09:00 in Berlin is 08:00Z in winter and 07:00Z in summer.
    expect(moveToDay('2027-03-27T08:00:00.000Z', '2027-03-29', 'Europe/Berlin')).toBe(
      '2027-03-29T07:00:00.000Z',
    );
    expect(moveToDay('2027-03-29T07:00:00.000Z', '2027-03-26', 'Europe/Berlin')).toBe(
      '2027-03-26T08:00:00.000Z',
    );
  });

  it('keeps the local time across the autumn change (New York, 2026-11-01)', () => {
    // 20:00 EDT on 31 October is 00:00Z; 20:00 EST on 2 November is 01:00Z on the 3rd.
    expect(moveToDay('2026-11-01T00:00:00.000Z', '2026-11-02', 'America/New_York')).toBe(
      '2026-11-03T01:00:00.000Z',
    );
  });

  it('moves a time that does not exist on the target day (DST gap) to the next valid instant', () => {
    // 02:30 on 2027-03-28 does not exist in Berlin (clocks jump from 02:00 to 03:00).
    const moved = moveToDay('2027-03-27T01:30:00.000Z', '2027-03-28', 'Europe/Berlin');
    expect(localParts(moved, 'Europe/Berlin').date).toBe('2027-03-28');
    expect(['01:30', '03:30']).toContain(localParts(moved, 'Europe/Berlin').time);
  });
});

describe('bandsForWeek (sales windows across a week row)', () => {
  const week = weekOf('2026-11-09'); // Monday 9 .. Sunday 15 November
  it('clips windows to the row and stacks overlapping ones in lanes', () => {
    const bands = bandsForWeek(week, [
      { id: 'double11', start: '2026-10-20', end: '2026-11-11' },
      { id: 'short', start: '2026-11-12', end: '2026-11-13' },
      { id: 'overlap', start: '2026-11-10', end: '2026-11-20' },
      { id: 'outside', start: '2026-11-16', end: '2026-11-18' },
    ]);
    expect(bands.map((b) => [b.item.id, b.startCol, b.span, b.lane])).toEqual([
      ['double11', 0, 3, 0],
      ['overlap', 1, 6, 1],
      ['short', 3, 2, 0],
    ]);
  });

  it('returns nothing for an empty row', () => {
    expect(bandsForWeek([], [{ start: '2026-11-01', end: '2026-11-02' }])).toEqual([]);
  });
});
