import { describe, expect, it } from 'vitest';
import { formatDayNumber, toDayNumber } from '../../calendar/dates';
import { detectAnomalies } from './anomaly';
import type { TDatedValue } from './forecast';

const D0 = toDayNumber('2026-03-01');

/** Values on consecutive days from 2026-03-01. */
function series(values: readonly number[]): TDatedValue[] {
  return values.map((value, i) => ({ date: formatDayNumber(D0 + i), value }));
}

/** 95, 105, 95, 105 …: median 100, MAD 5, robust scale 1.4826 × 5 = 7.413. */
const calm = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 95 : 105));

describe('detectAnomalies', () => {
  it('flags a spike against the median with a MAD-based robust z-score', () => {
    const r = detectAnomalies(series([...calm(20), 140]));
    expect(r).toHaveLength(1);
    const a = r[0]!;
    expect(a.date).toBe('2026-03-21');
    expect(a.baseline).toBe(100);
    expect(a.change).toBe(40);
    expect(a.deviation).toBeCloseTo(40 / (1.4826 * 5), 12); // 5.40
    expect(a.direction).toBe('spike');
    expect(a.evidence).toEqual(calm(20));
  });

  it('does not flag a move within the threshold', () => {
    // 120 is 20 / 7.413 = 2.7 robust z-scores away.
    expect(detectAnomalies(series([...calm(20), 120]))).toEqual([]);
  });

  it('flags drops', () => {
    const r = detectAnomalies(series([...calm(20), 40]));
    expect(r.map((a) => [a.direction, a.change])).toEqual([['drop', -60]]);
  });

  it('an earlier outlier does not hide the next one', () => {
    // At day 25 the window holds the 400 spike, yet its median is still 100 and its MAD still 5,
    // so 140 scores 5.4 (a mean ± SD rule would score it about 0.5 and miss it).
    const values = [...calm(20), 400, 95, 105, 95, 140];
    const r = detectAnomalies(series(values));
    expect(r.map((a) => [a.date, a.value, a.baseline])).toEqual([
      ['2026-03-21', 400, 100],
      ['2026-03-25', 140, 100],
    ]);
  });

  it('needs minHistory points in the window before judging a day', () => {
    expect(detectAnomalies(series([...calm(10), 400]))).toEqual([]);
    expect(detectAnomalies(series([...calm(10), 400]), { minHistory: 10 })).toHaveLength(1);
  });

  it('uses only the calendar window before the point', () => {
    const r = detectAnomalies(series([...calm(40), 400]));
    expect(r).toHaveLength(1);
    expect(r[0]!.evidence).toHaveLength(28);
    // Days with no data simply are not in the window.
    const gappy = series([...calm(40), 400]).filter((_, i) => i < 20 || i >= 30);
    expect(detectAnomalies(gappy)[0]!.evidence).toHaveLength(18);
  });

  it('ignores tiny absolute changes such as 1 → 4 likes', () => {
    const likes = [...Array<number>(20).fill(1), 4];
    expect(detectAnomalies(series(likes))).toEqual([]);
    // Without the absolute floor, the same jump on a flat series is extreme.
    expect(detectAnomalies(series(likes), { minAbsoluteChange: 0 })).toHaveLength(1);
  });

  it('guards MAD = 0 with a floor relative to the median', () => {
    // Flat at 100: the spread floor is 5% of 100 = 5, so 120 scores 4 and 110 scores 2.
    const flat = Array<number>(20).fill(100);
    const r = detectAnomalies(series([...flat, 120]));
    expect(r).toHaveLength(1);
    expect(r[0]!.deviation).toBeCloseTo(4, 12);
    expect(detectAnomalies(series([...flat, 110]))).toEqual([]);
  });

  it('keeps scores finite on a series stuck at zero', () => {
    const r = detectAnomalies(series([...Array<number>(20).fill(0), 50]));
    expect(r).toHaveLength(1);
    expect(Number.isFinite(r[0]!.deviation)).toBe(true);
  });

  it('sorts its input and rejects duplicate dates', () => {
    const s = series([...calm(20), 140]);
    expect(detectAnomalies([...s].reverse())).toEqual(detectAnomalies(s));
    expect(() => detectAnomalies([...s, s[0]!])).toThrow(/duplicate/);
    expect(() => detectAnomalies(s, { threshold: 0 })).toThrow(RangeError);
  });
});
