import { describe, expect, it } from 'vitest';
import { zonedDayStart, zonedTimeToUtc, zoneOffsetMs } from './index';

describe('time zones', () => {
  it('puts midnight in Shanghai at 16:00 UTC the day before', () => {
    expect(zonedDayStart('2026-11-22', 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-21T16:00:00.000Z',
    );
  });

  it('follows Berlin across the spring DST change', () => {
    expect(zonedTimeToUtc('2026-03-28', '12:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-28T11:00:00.000Z',
    );
    expect(zonedTimeToUtc('2026-03-30', '12:00', 'Europe/Berlin').toISOString()).toBe(
      '2026-03-30T10:00:00.000Z',
    );
  });

  it('reports offsets east of UTC as positive', () => {
    expect(zoneOffsetMs(new Date('2026-06-01T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3600_000);
    expect(zoneOffsetMs(new Date('2026-06-01T00:00:00Z'), 'America/New_York')).toBe(-4 * 3600_000);
  });

  it('gives the offset on each side of a transition within the same day', () => {
    const NY = 'America/New_York';
    // 2026-03-08 07:00 UTC: New York springs forward; 2026-11-01 06:00 UTC: it falls back.
    expect(zoneOffsetMs(new Date('2026-03-08T06:59:59Z'), NY)).toBe(-5 * 3600_000);
    expect(zoneOffsetMs(new Date('2026-03-08T07:00:00Z'), NY)).toBe(-4 * 3600_000);
    expect(zoneOffsetMs(new Date('2026-11-01T05:59:59Z'), NY)).toBe(-4 * 3600_000);
    expect(zoneOffsetMs(new Date('2026-11-01T06:00:00Z'), NY)).toBe(-5 * 3600_000);
  });

  it('agrees with Intl at every quarter hour over days with and without transitions', () => {
    const intlOffset = (t: number, timeZone: string) => {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      }).formatToParts(new Date(t));
      const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
      return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - t;
    };
    // Lord Howe moves by half an hour; Kathmandu sits at +05:45.
    const cases: [string, string][] = [
      ['Australia/Lord_Howe', '2026-04-04'],
      ['Australia/Lord_Howe', '2026-10-03'],
      ['America/New_York', '2026-03-08'],
      ['Europe/London', '2026-10-25'],
      ['Asia/Kathmandu', '2026-06-01'],
      ['Asia/Shanghai', '2026-06-01'],
    ];
    for (const [zone, day] of cases) {
      const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
      for (let t = start; t < start + 3 * 86_400_000; t += 15 * 60_000)
        expect(
          zoneOffsetMs(new Date(t + 60_000), zone),
          `${zone} ${new Date(t).toISOString()}`,
        ).toBe(intlOffset(t + 60_000, zone));
    }
  });

  it('rejects malformed dates', () => {
    expect(() => zonedDayStart('2026/11/22', 'UTC')).toThrow(RangeError);
  });
});
