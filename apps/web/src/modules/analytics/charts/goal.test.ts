import { describe, expect, it } from 'vitest';
import { buildGoalForecastOption, goalDates } from './goal';

const detail = {
  baseline: 1000,
  target: 2000,
  actual: [
    { date: '2026-03-01', value: 1000 },
    { date: '2026-03-02', value: 1100 },
  ],
  projection: [
    { date: '2026-03-03', value: 1200, low: 1150, high: 1260 },
    { date: '2026-03-04', value: 1300, low: 1200, high: 1400 },
  ],
};
const text = {
  actual: '实际',
  projection: '预测',
  band: '预测区间',
  target: '目标',
  format: (v: number) => String(v),
};

type Series = { name: string; stack?: string; data: (number | null)[]; markLine?: unknown };

describe('buildGoalForecastOption', () => {
  it('lays actual and projected dates on one axis', () => {
    expect(goalDates(detail)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04']);
  });

  it('joins the projection to the last actual point and draws the interval as a stacked band', () => {
    const series = buildGoalForecastOption(detail, text).series as Series[];
    const [actual, projected, low, band] = series;
    expect(actual!.data).toEqual([1000, 1100, null, null]);
    expect(projected!.data).toEqual([null, 1100, 1200, 1300]);
    expect(low!.stack).toBe('band');
    expect(band!.stack).toBe('band');
    expect(low!.data).toEqual([null, null, 1150, 1200]);
    expect(band!.data).toEqual([null, null, 110, 200]);
  });

  it('marks the target', () => {
    const series = buildGoalForecastOption(detail, text).series as Series[];
    expect(series[0]!.markLine).toMatchObject({ data: [{ yAxis: 2000 }] });
  });

  it('shows the interval in the tooltip', () => {
    const tooltip = buildGoalForecastOption(detail, text).tooltip as {
      formatter: (p: unknown) => string;
    };
    expect(tooltip.formatter([{ dataIndex: 3 }])).toBe(
      '2026-03-04<br/>预测：1300<br/>预测区间：1200 – 1400',
    );
  });

  it('works without a projection', () => {
    const series = buildGoalForecastOption({ ...detail, projection: [] }, text).series as Series[];
    expect(series[1]!.data).toEqual([null, null]);
  });
});
