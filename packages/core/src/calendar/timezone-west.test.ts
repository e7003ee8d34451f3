import { afterAll, describe, expect, it, vi } from 'vitest';

// Runs before the imports below (vi.hoisted), so chinese-days builds its tables in this zone.
// Test files run in separate processes (pool: forks); the zone is restored afterwards anyway.
const previousTz = vi.hoisted(() => {
  const previous = process.env.TZ;
  process.env.TZ = 'America/New_York';
  return previous;
});
// Put the zone back in case the worker process is reused by another file.
afterAll(() => {
  if (previousTz === undefined) delete process.env.TZ;
  else process.env.TZ = previousTz;
});

import { statutoryHolidaysInRange } from './holidays';
import { nodesInRange } from './nodes';

/** Minutes behind UTC in January, as getTimezoneOffset reports it. */
const OFFSET = 300;

// chinese-days mixes UTC parsing with local formatting; the adapter must give the same answers
// on a host in America/New_York as anywhere else.
describe('host time zone America/New_York', () => {
  it('is in effect', () => {
    expect(new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset()).toBe(OFFSET);
  });

  it('lunar, rule and solar-term nodes keep their dates', () => {
    const got = Object.fromEntries(
      nodesInRange('2026-01-01', '2026-12-31').map((o) => [
        o.id,
        o.kind === 'sales_window' ? `${o.start}..${o.end}` : o.date,
      ]),
    );
    expect(got).toMatchObject({
      laba: '2026-01-26',
      lunar_new_years_eve: '2026-02-16',
      spring_festival: '2026-02-17',
      qingming: '2026-04-05',
      mothers_day: '2026-05-10',
      dragon_boat: '2026-06-19',
      mid_autumn: '2026-09-25',
      winter_solstice: '2026-12-22',
      nianhuo_festival: '2026-01-26..2026-02-16',
    });
  });

  it('holidays and make-up workdays keep their dates', () => {
    const r = statutoryHolidaysInRange('2026-09-14', '2026-10-14');
    expect(r.days.filter((d) => d.type === 'workday').map((d) => d.date)).toEqual([
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(r.days.filter((d) => d.type === 'off')[0]?.date).toBe('2026-09-25');
    expect(r.covered).toBe(true);
    expect(statutoryHolidaysInRange('2027-01-01', '2027-01-31').uncoveredYears).toEqual([2027]);
  });
});
