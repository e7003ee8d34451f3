import { describe, expect, it } from 'vitest';
import type { TTrend } from '@yunce/contracts';
import { buildFollowerOption, hasFollowerData } from './followers';

const trend: TTrend = {
  interval: 'day',
  buckets: ['2026-03-01', '2026-03-02'],
  series: [
    { metric: 'followersGained', values: [30, 10] },
    { metric: 'followersLost', values: [5, null] },
    { metric: 'followersNet', values: [25, null] },
    { metric: 'followersTotal', values: [1000, 1010] },
  ],
};
const text = { label: (m: string) => m, format: (v: number) => String(v) };

type Series = { type: string; name: string; stack?: string; yAxisIndex?: number; data: unknown[] };

describe('buildFollowerOption', () => {
  it('stacks gained above and lost below the axis, net beside them, total as a line', () => {
    const series = buildFollowerOption(trend, text).series as Series[];
    expect(series.map((s) => [s.type, s.name, s.stack ?? null, s.yAxisIndex ?? 0])).toEqual([
      ['bar', 'followersGained', 'flow', 0],
      ['bar', 'followersLost', 'flow', 0],
      ['bar', 'followersNet', null, 0],
      ['line', 'followersTotal', null, 1],
    ]);
    expect(series[1]!.data).toEqual([-5, null]);
    expect(series[3]!.data).toEqual([1000, 1010]);
  });

  it('shows unfollows as a positive number in the tooltip', () => {
    const tooltip = buildFollowerOption(trend, text).tooltip as {
      formatter: (p: unknown) => string;
    };
    expect(tooltip.formatter([{ seriesIndex: 1, dataIndex: 0, seriesName: 'lost' }])).toBe(
      '2026-03-01<br/>lost：5',
    );
  });

  it('fills metrics the trend lacks with gaps', () => {
    const series = buildFollowerOption(
      { ...trend, series: [{ metric: 'followersTotal', values: [1, 2] }] },
      text,
    ).series as Series[];
    expect(series[0]!.data).toEqual([null, null]);
  });

  it('knows when there is no follower number at all', () => {
    expect(hasFollowerData(trend)).toBe(true);
    expect(
      hasFollowerData({ ...trend, series: [{ metric: 'followersNet', values: [null, null] }] }),
    ).toBe(false);
  });
});
