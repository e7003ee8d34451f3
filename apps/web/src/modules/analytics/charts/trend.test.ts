import { describe, expect, it } from 'vitest';
import type { TTrend } from '@yunce/contracts';
import { buildTrendOption, type TrendText } from './trend';

const text: TrendText = {
  label: (m) => `L:${m}`,
  format: (m, v) => (m === 'ctr' ? `${(v * 100).toFixed(1)}%` : String(v)),
  isRate: (m) => m === 'ctr',
};

const trend: TTrend = {
  interval: 'day',
  buckets: ['2026-03-01', '2026-03-02', '2026-03-03'],
  series: [
    { metric: 'views', values: [100, null, 300] },
    { metric: 'likes', values: [1, 2, 3] },
  ],
};

type Series = { type: string; name: string; yAxisIndex: number; data: (number | null)[] };
const seriesOf = (option: ReturnType<typeof buildTrendOption>) => option.series as Series[];

describe('buildTrendOption', () => {
  it('draws one line per metric over the buckets, keeping gaps as gaps', () => {
    const option = buildTrendOption(trend, text);
    expect(option.xAxis).toMatchObject({ type: 'category', data: trend.buckets });
    expect(seriesOf(option).map((s) => [s.type, s.name, s.data])).toEqual([
      ['line', 'L:views', [100, null, 300]],
      ['line', 'L:likes', [1, 2, 3]],
    ]);
    expect(seriesOf(option).every((s) => s.yAxisIndex === 0)).toBe(true);
    expect(Array.isArray(option.yAxis)).toBe(false);
  });

  it('puts rates on a second axis when they are mixed with counts', () => {
    const option = buildTrendOption(
      { ...trend, series: [...trend.series, { metric: 'ctr', values: [0.1, 0.2, null] }] },
      text,
    );
    expect(Array.isArray(option.yAxis) && option.yAxis.length).toBe(2);
    expect(seriesOf(option).map((s) => s.yAxisIndex)).toEqual([0, 0, 1]);
  });

  it('formats the tooltip with each metric’s own format and a dash for missing values', () => {
    const option = buildTrendOption(trend, { ...text, bucketLabel: (b) => b.slice(5) });
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter([
      { seriesIndex: 0, dataIndex: 1, seriesName: 'L:views', marker: '' },
      { seriesIndex: 1, dataIndex: 1, seriesName: 'L:likes', marker: '' },
    ]);
    expect(html).toBe('03-02<br/>L:views：—<br/>L:likes：2');
  });

  it('escapes names in the tooltip', () => {
    const option = buildTrendOption(trend, { ...text, label: () => '<b>' });
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter([{ seriesIndex: 0, dataIndex: 0, seriesName: '<b>' }])).toContain(
      '&#60;b&#62;',
    );
  });
});
