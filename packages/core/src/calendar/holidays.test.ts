import { describe, expect, it } from 'vitest';
import { statutoryHolidaysInRange } from './holidays';

describe('statutoryHolidaysInRange (chinese-days)', () => {
  // State Council notice for 2026 (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm,
  // as quoted in chinese-days): 国庆节 10/1–10/7
  // off, make-up workdays Sun 9/20 and Sat 10/10; 中秋节 9/25–9/27 off.
  it('2026 National Day and Mid-Autumn: days off, 调休 days and make-up workdays', () => {
    const r = statutoryHolidaysInRange('2026-09-14', '2026-10-14');
    expect(r.covered).toBe(true);
    expect(r.uncoveredYears).toEqual([]);
    expect(r.days.map((d) => [d.date, d.type, d.holiday.id, d.inLieu])).toEqual([
      ['2026-09-20', 'workday', 'national_day', false],
      ['2026-09-25', 'off', 'mid_autumn', false],
      ['2026-09-26', 'off', 'mid_autumn', false],
      ['2026-09-27', 'off', 'mid_autumn', false],
      ['2026-10-01', 'off', 'national_day', false],
      ['2026-10-02', 'off', 'national_day', false],
      ['2026-10-03', 'off', 'national_day', false],
      ['2026-10-04', 'off', 'national_day', false],
      ['2026-10-05', 'off', 'national_day', false],
      ['2026-10-06', 'off', 'national_day', true],
      ['2026-10-07', 'off', 'national_day', true],
      ['2026-10-10', 'workday', 'national_day', false],
    ]);
    expect(r.days[0]!.holiday.name).toEqual({ 'zh-CN': '国庆节', 'en-US': 'National Day' });
  });

  // 春节 2026: 2/15 (Sun) – 2/23 (Mon) off, 9 days; make-up workdays Sat 2/14 and Sat 2/28.
  it('2026 Spring Festival: nine days off and two make-up Saturdays', () => {
    const r = statutoryHolidaysInRange('2026-02-01', '2026-03-05');
    const off = r.days.filter((d) => d.type === 'off').map((d) => d.date);
    expect(off).toEqual([
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ]);
    expect(r.days.filter((d) => d.type === 'workday').map((d) => d.date)).toEqual([
      '2026-02-14',
      '2026-02-28',
    ]);
    expect(r.days.filter((d) => d.inLieu).map((d) => d.date)).toEqual(['2026-02-20', '2026-02-23']);
    expect(r.days.every((d) => d.holiday.id === 'spring_festival')).toBe(true);
  });

  it('says when a year is beyond the data the installed chinese-days ships', () => {
    // v1.5.7 ships arrangements up to 2026; 2027 is announced by the State Council in late 2026.
    const r = statutoryHolidaysInRange('2026-12-25', '2027-01-10');
    expect(r.covered).toBe(false);
    expect(r.coveredYears).toEqual([2026]);
    expect(r.uncoveredYears).toEqual([2027]);
    expect(r.days.some((d) => d.date.startsWith('2027'))).toBe(false);
  });

  it('returns nothing for a range without holidays, and ordinary weekends are not listed', () => {
    const r = statutoryHolidaysInRange('2026-03-01', '2026-03-31');
    expect(r).toEqual({ days: [], covered: true, coveredYears: [2026], uncoveredYears: [] });
  });

  it('rejects bad input', () => {
    expect(() => statutoryHolidaysInRange('2026-13-01', '2026-12-31')).toThrow(RangeError);
    expect(() => statutoryHolidaysInRange('2026-12-31', '2026-01-01')).toThrow(/before/);
  });
});
