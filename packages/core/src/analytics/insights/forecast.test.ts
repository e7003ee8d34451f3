import { describe, expect, it } from 'vitest';
import { forecastGoal, type TDatedValue, type TGoalForecastInput } from './forecast';

/** Consecutive days from `first` (a January 2026 day) with the given values. */
function daily(firstDay: number, values: readonly number[]): TDatedValue[] {
  return values.map((value, i) => ({
    date: `2026-01-${String(firstDay + i).padStart(2, '0')}`,
    value,
  }));
}

const line = daily(
  1,
  Array.from({ length: 10 }, (_, i) => 1000 + 10 * i),
); // 1000 … 1090 on Jan 1 … Jan 10

const base: TGoalForecastInput = {
  series: line,
  mode: 'level',
  start: '2026-01-01',
  end: '2026-01-31',
  baseline: 1000,
  target: 1300,
  today: '2026-01-10',
};

describe('forecastGoal: trend', () => {
  it('a straight line that hits the target exactly is certain and on track', () => {
    // 1090 on Jan 10 + 10/day × 21 days = 1300 on Jan 31.
    const r = forecastGoal(base);
    expect(r.current).toBe(1090);
    expect(r.asOf).toBe('2026-01-10');
    expect(r.progress).toBeCloseTo(0.3, 12);
    expect(r.projected).toBeCloseTo(1300, 9);
    expect(r.interval!.low).toBeCloseTo(1300, 9);
    expect(r.interval!.high).toBeCloseTo(1300, 9);
    expect(r.probability).toBe(1);
    expect(r.status).toBe('on_track');
    expect(r.recentPerDay).toBeCloseTo(10, 9);
    expect(r.neededPerDay).toBeCloseTo(10, 12);
    expect(r.trendWindow).toEqual({ from: '2026-01-01', to: '2026-01-10', points: 10 });
    expect(r.explanation['zh-CN']).toBe(
      '有望按期达成（达成概率 100.0%）：当前 1,090，目标 1,300，完成 30.0%；' +
        '按最近 10 天的趋势（每天 +10），到 2026-01-31 预计 1,300（80% 区间 1,300–1,300）；' +
        '要按期达成，每天需 +10。',
    );
  });

  it('writes the daily change of a rate in percentage points', () => {
    // Engagement rate 3.0% → 3.9% over Jan 1-10: +0.1 point a day.
    const r = forecastGoal({
      ...base,
      series: daily(
        1,
        Array.from({ length: 10 }, (_, i) => 0.03 + 0.001 * i),
      ),
      baseline: 0.03,
      target: 0.06,
      valueFormat: 'rate',
    });
    expect(r.explanation['zh-CN']).toContain('当前 3.9%，目标 6.0%');
    expect(r.explanation['zh-CN']).toContain('每天 +0.10 个百分点');
    expect(r.explanation['en-US']).toContain('+0.10 pp a day');
  });

  it('the same line misses a target one unit higher', () => {
    const r = forecastGoal({ ...base, target: 1301 });
    expect(r.probability).toBe(0);
    expect(r.status).toBe('off_track');
  });

  it('a flat line never reaches a higher target', () => {
    const r = forecastGoal({ ...base, series: daily(1, Array<number>(10).fill(1000)) });
    expect(r.projected).toBeCloseTo(1000, 9);
    expect(r.interval).toEqual({ low: 1000, high: 1000 });
    expect(r.recentPerDay).toBeCloseTo(0, 12);
    expect(r.probability).toBe(0);
    expect(r.status).toBe('off_track');
    expect(r.neededPerDay).toBeCloseTo(300 / 21, 12);
  });

  it('noise gives a prediction interval that widens with the horizon', () => {
    // y = 0,2,0,2,0 on Jan 6-10: slope 0, mean 0.8, SSE 4.8, s² = 4.8/3 = 1.6, Sxx = 10, x̄ = −2
    // (x counted from Jan 10). At Jan 18 (x0 = 8): se = sqrt(1.6 × (1 + 1/5 + 100/10)) = 4.23320.
    const noisy: TGoalForecastInput = {
      ...base,
      series: daily(6, [0, 2, 0, 2, 0]),
      start: '2026-01-06',
      end: '2026-01-18',
      baseline: 0,
      target: 0.8,
    };
    const far = forecastGoal(noisy);
    const se = Math.sqrt(1.6 * 11.2);
    expect(far.projected).toBeCloseTo(0.8, 12);
    expect(far.interval!.low).toBeCloseTo(0.8 - 1.2815516 * se, 5);
    expect(far.interval!.high).toBeCloseTo(0.8 + 1.2815516 * se, 5);
    // Target equal to the projection: a coin toss.
    expect(far.probability).toBeCloseTo(0.5, 6);
    expect(far.status).toBe('at_risk');

    // At Jan 14 (x0 = 4): se = sqrt(1.6 × (1 + 0.2 + 36/10)) = 2.77128.
    const near = forecastGoal({ ...noisy, end: '2026-01-14' });
    const width = (r: typeof far) => r.interval!.high - r.interval!.low;
    expect(width(near)).toBeCloseTo(2 * 1.2815516 * Math.sqrt(1.6 * 4.8), 5);
    expect(width(far)).toBeGreaterThan(width(near));
  });

  it('a target at the top of the 80% interval has a 10% probability', () => {
    const noisy: TGoalForecastInput = {
      ...base,
      series: daily(6, [0, 2, 0, 2, 0]),
      start: '2026-01-06',
      end: '2026-01-18',
      baseline: 0,
      target: 0.8 + 1.2815515655446004 * Math.sqrt(1.6 * 11.2),
    };
    const r = forecastGoal(noisy);
    expect(r.probability).toBeCloseTo(0.1, 5);
    expect(r.status).toBe('off_track');
  });

  it('handles a decreasing target such as response time', () => {
    // 60 → 42 minutes over Jan 1-10 (−2/day); the trend reaches 0 by Jan 31, below 20.
    const r = forecastGoal({
      ...base,
      series: daily(
        1,
        Array.from({ length: 10 }, (_, i) => 60 - 2 * i),
      ),
      baseline: 60,
      target: 20,
    });
    expect(r.direction).toBe('decrease');
    expect(r.progress).toBeCloseTo(18 / 40, 12);
    expect(r.projected).toBeCloseTo(0, 9);
    expect(r.probability).toBe(1);
    expect(r.status).toBe('on_track');
    expect(r.neededPerDay).toBeCloseTo(-22 / 21, 12);
  });

  it('fits only the recent window', () => {
    // Flat for 30 days, then +10/day for the last 10: with a 10-day window only the climb counts.
    const values = [
      ...Array<number>(21).fill(1000),
      ...Array.from({ length: 10 }, (_, i) => 1010 + 10 * i),
    ];
    const series = values.map((value, i) => ({
      date: `2025-12-${String(i + 1).padStart(2, '0')}`,
      value,
    }));
    const r = forecastGoal({
      ...base,
      series,
      start: '2025-12-01',
      today: '2025-12-31',
      end: '2026-01-10',
      target: 1200,
      windowDays: 10,
    });
    expect(r.recentPerDay).toBeCloseTo(10, 9);
    expect(r.projected).toBeCloseTo(1200, 9);
    expect(r.trendWindow).toEqual({ from: '2025-12-22', to: '2025-12-31', points: 10 });
  });
});

describe('forecastGoal: cumulative_sum', () => {
  it('accumulates daily amounts from the start on top of the baseline', () => {
    // 10 orders a day on Jan 1-10 (two rows on Jan 5 add up); Dec 31 is before the start.
    const series = [
      { date: '2025-12-31', value: 99 },
      ...daily(1, [10, 10, 10, 10, 4, 10, 10, 10, 10, 10]),
      { date: '2026-01-05', value: 6 },
    ];
    const r = forecastGoal({ ...base, series, mode: 'cumulative_sum', baseline: 0, target: 310 });
    expect(r.current).toBe(100);
    expect(r.progress).toBeCloseTo(100 / 310, 12);
    expect(r.projected).toBeCloseTo(310, 9);
    expect(r.status).toBe('on_track');
  });
});

describe('forecastGoal: statuses', () => {
  it('reports current and progress but no forecast with fewer than 5 points', () => {
    const r = forecastGoal({ ...base, series: line.slice(0, 4), today: '2026-01-04' });
    expect(r.status).toBe('insufficient_data');
    expect(r.current).toBe(1030);
    expect(r.progress).toBeCloseTo(0.1, 12);
    expect(r.projected).toBeNull();
    expect(r.interval).toBeNull();
    expect(r.probability).toBeNull();
    expect(r.explanation['zh-CN']).toContain('数据点只有 4 个');
  });

  it('is achieved once the current value reaches the target', () => {
    const r = forecastGoal({ ...base, target: 1050 });
    expect(r.status).toBe('achieved');
    expect(r.probability).toBe(1);
    expect(r.neededPerDay).toBe(0);
    expect(r.progress).toBeCloseTo(1.8, 12);
  });

  it('is not started before the start date', () => {
    const r = forecastGoal({
      ...base,
      series: [],
      mode: 'cumulative_sum',
      baseline: 0,
      target: 100,
      start: '2026-02-01',
      end: '2026-02-10',
    });
    expect(r.status).toBe('not_started');
    expect(r.current).toBe(0);
    expect(r.asOf).toBeNull();
    expect(r.neededPerDay).toBeCloseTo(10, 12);
  });

  it('after the end date the outcome is known: missed is off track with probability 0', () => {
    const r = forecastGoal({ ...base, end: '2026-01-08', today: '2026-01-20' });
    // Only data up to the end date counts: 1070 on Jan 8.
    expect(r.current).toBe(1070);
    expect(r.status).toBe('off_track');
    expect(r.probability).toBe(0);
    expect(r.explanation['zh-CN']).toContain('已于 2026-01-08 结束');
  });

  it('rejects malformed input', () => {
    expect(() => forecastGoal({ ...base, end: '2025-12-01' })).toThrow(/before start/);
    expect(() => forecastGoal({ ...base, today: '2026-13-01' })).toThrow(RangeError);
    expect(() => forecastGoal({ ...base, series: [line[0]!, line[0]!] })).toThrow(/duplicate/);
    expect(() => forecastGoal({ ...base, target: Number.NaN })).toThrow(/target/);
  });
});
