import { describe, expect, it } from 'vitest';
import { analyzeFrequency, frequencyGapThreshold, frequencyOverloadThreshold } from './frequency';

// 2026-03-02 is a Monday; March 2026 has ISO weeks W10 (3/2–3/8) … W14 (3/30–4/5).
const MON = '2026-03-02';

describe('thresholds', () => {
  it('gap: ceil(7 / postsPerWeek) + 1', () => {
    expect(frequencyGapThreshold(1)).toBe(8);
    expect(frequencyGapThreshold(3)).toBe(4);
    expect(frequencyGapThreshold(7)).toBe(2);
    expect(frequencyGapThreshold(14)).toBe(2);
    expect(frequencyGapThreshold(0.5)).toBe(15);
  });
  it('overload: max(2, ceil(postsPerWeek / 7) + 1)', () => {
    expect(frequencyOverloadThreshold(1)).toBe(2);
    expect(frequencyOverloadThreshold(7)).toBe(2);
    expect(frequencyOverloadThreshold(14)).toBe(3);
    expect(frequencyOverloadThreshold(21)).toBe(4);
  });
});

describe('analyzeFrequency', () => {
  it('ok week: exactly on plan, evenly spread — no gaps, no overloads', () => {
    const r = analyzeFrequency(
      { postsPerWeek: 3 },
      ['2026-03-02', '2026-03-04', '2026-03-06'],
      MON,
      '2026-03-08',
    );
    expect(r.weeks).toEqual([
      {
        isoWeek: '2026-W10',
        weekStart: '2026-03-02',
        weekEnd: '2026-03-08',
        daysInRange: 7,
        target: 3,
        planned: 3,
        status: 'ok',
      },
    ]);
    // Sat+Sun after the last post: 2 empty days, under the threshold of 4.
    expect(r.gaps).toEqual([]);
    expect(r.overloadedDays).toEqual([]);
    expect(r.thresholds).toEqual({ gapDays: 4, maxPostsPerDay: 2 });
    expect(r.hasPlan).toBe(true);
  });

  it('under and over weeks', () => {
    const r = analyzeFrequency(
      { postsPerWeek: 3 },
      ['2026-03-02', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'],
      MON,
      '2026-03-15',
    );
    expect(r.weeks.map((w) => [w.isoWeek, w.planned, w.status])).toEqual([
      ['2026-W10', 1, 'under'],
      ['2026-W11', 4, 'over'],
    ]);
  });

  it('gap: a run of empty days longer than the threshold, with its length', () => {
    // 3/week → threshold 4: 3/3–3/7 (5 days) is a gap; 3/9–3/11 (3 days) is not.
    const r = analyzeFrequency(
      { postsPerWeek: 3 },
      ['2026-03-02', '2026-03-08', '2026-03-12'],
      MON,
      '2026-03-12',
    );
    expect(r.gaps).toEqual([
      { start: '2026-03-03', end: '2026-03-07', days: 5, atRangeEdge: false },
    ]);
  });

  it('gaps at the edges of the range are reported and marked', () => {
    const r = analyzeFrequency({ postsPerWeek: 7 }, ['2026-03-05'], MON, '2026-03-10');
    expect(r.gaps).toEqual([
      { start: '2026-03-02', end: '2026-03-04', days: 3, atRangeEdge: true },
      { start: '2026-03-06', end: '2026-03-10', days: 5, atRangeEdge: true },
    ]);
  });

  it('a range with no posts at all is one gap', () => {
    const r = analyzeFrequency({ postsPerWeek: 2 }, [], MON, '2026-03-15');
    expect(r.gaps).toEqual([{ start: MON, end: '2026-03-15', days: 14, atRangeEdge: true }]);
    expect(r.weeks.every((w) => w.status === 'under')).toBe(true);
  });

  it('overloaded days: more than the per-day threshold (duplicates are separate posts)', () => {
    const day = '2026-03-03';
    const r = analyzeFrequency(
      { postsPerWeek: 3 },
      [day, day, day, '2026-03-05', '2026-03-05'],
      MON,
      '2026-03-08',
    );
    expect(r.overloadedDays).toEqual([{ date: day, count: 3 }]);
    const busy = analyzeFrequency({ postsPerWeek: 14 }, [day, day, day], MON, '2026-03-08');
    expect(busy.overloadedDays).toEqual([]);
  });

  it('partial weeks get a prorated target', () => {
    // Range Thu 3/5 – Wed 3/11: W10 has 4 days (target 3×4/7 ≈ 1.71), W11 has 3 days (≈ 1.29).
    const r = analyzeFrequency(
      { postsPerWeek: 3 },
      ['2026-03-06', '2026-03-10', '2026-03-11'],
      '2026-03-05',
      '2026-03-11',
    );
    expect(r.weeks.map((w) => [w.weekStart, w.daysInRange, w.target, w.planned, w.status])).toEqual(
      [
        ['2026-03-02', 4, 1.71, 1, 'ok'],
        ['2026-03-09', 3, 1.29, 2, 'ok'],
      ],
    );
    const none = analyzeFrequency({ postsPerWeek: 3 }, [], '2026-03-05', '2026-03-11');
    expect(none.weeks.map((w) => w.status)).toEqual(['under', 'under']);
  });

  it('weeks follow ISO numbering across a year boundary', () => {
    const r = analyzeFrequency(
      { postsPerWeek: 1 },
      ['2026-12-30', '2027-01-06'],
      '2026-12-28',
      '2027-01-10',
    );
    expect(r.weeks.map((w) => [w.isoWeek, w.planned, w.status])).toEqual([
      ['2026-W53', 1, 'ok'],
      ['2027-W01', 1, 'ok'],
    ]);
  });

  it('ignores posts outside the range', () => {
    const r = analyzeFrequency(
      { postsPerWeek: 1 },
      ['2026-02-27', '2026-03-04', '2026-03-20'],
      MON,
      '2026-03-08',
    );
    expect(r.weeks[0]!.planned).toBe(1);
  });

  it('postsPerWeek 0 means no plan: counts only, no warnings', () => {
    const day = '2026-03-03';
    const r = analyzeFrequency({ postsPerWeek: 0 }, [day, day, day, day], MON, '2026-03-31');
    expect(r.hasPlan).toBe(false);
    expect(r.gaps).toEqual([]);
    expect(r.overloadedDays).toEqual([]);
    expect(r.thresholds).toEqual({ gapDays: null, maxPostsPerDay: null });
    expect(r.weeks.every((w) => w.status === 'ok' && w.target === 0)).toBe(true);
    expect(r.weeks[0]!.planned).toBe(4);
  });

  it('rejects bad input', () => {
    expect(() => analyzeFrequency({ postsPerWeek: -1 }, [], MON, MON)).toThrow(RangeError);
    expect(() => analyzeFrequency({ postsPerWeek: Number.NaN }, [], MON, MON)).toThrow(RangeError);
    expect(() => analyzeFrequency({ postsPerWeek: 3 }, ['2026-03-32'], MON, MON)).toThrow(
      /postDates\[0\]/,
    );
    expect(() => analyzeFrequency({ postsPerWeek: 3 }, [], '2026-03-08', MON)).toThrow(/before/);
  });
});
