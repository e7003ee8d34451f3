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

  it('rejects malformed dates', () => {
    expect(() => zonedDayStart('2026/11/22', 'UTC')).toThrow(RangeError);
  });
});
