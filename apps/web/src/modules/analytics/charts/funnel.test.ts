import { describe, expect, it } from 'vitest';
import type { TFunnel } from '@yunce/contracts';
import { buildFunnelOption, knownStages } from './funnel';

const funnel: TFunnel = {
  stages: [
    { key: 'impressions', value: 100000, rate: null },
    { key: 'views', value: 5000, rate: 0.05 },
    { key: 'engagements', value: 400, rate: 0.08 },
    { key: 'conversions', value: null, rate: null },
  ],
};
const text = {
  stage: (k: string) => k,
  formatCount: (v: number) => String(v),
  formatRate: (v: number) => `${(v * 100).toFixed(1)}%`,
  ofPrevious: '占上一步',
};

describe('buildFunnelOption', () => {
  it('keeps the stage order and leaves out unknown stages', () => {
    const option = buildFunnelOption(funnel, text);
    const series = option.series as { sort: string; data: { name: string; value: number }[] }[];
    expect(series[0]!.sort).toBe('none');
    expect(series[0]!.data.map((d) => d.name)).toEqual([
      'impressions 100000',
      'views 5000（5.0%）',
      'engagements 400（8.0%）',
    ]);
    expect(knownStages(funnel)).toHaveLength(3);
  });

  it('narrows stage by stage and fits the widest to the scale', () => {
    const series = buildFunnelOption(funnel, text).series as {
      max: number;
      data: { value: number }[];
    }[];
    const widths = series[0]!.data.map((d) => d.value);
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(widths[2]!);
    expect(series[0]!.max).toBe(widths[0]);
  });

  it('gives the real number and the step rate in the tooltip', () => {
    const tooltip = buildFunnelOption(funnel, text).tooltip as {
      formatter: (p: unknown) => string;
    };
    expect(tooltip.formatter({ dataIndex: 1 })).toBe('views：5000<br/>5.0% 占上一步');
  });
});
