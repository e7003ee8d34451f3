import { describe, expect, it } from 'vitest';
import type { TBreakdown } from '@yunce/contracts';
import { buildBreakdownOption } from './breakdown';

const breakdown: TBreakdown = {
  by: 'pillar',
  groups: [
    {
      key: 'a',
      label: '产品推广',
      posts: 10,
      metrics: {},
      engagementRate: 0.02,
      viewsPerPost: 500,
    },
    {
      key: 'b',
      label: '使用技巧',
      posts: 3,
      metrics: {},
      engagementRate: 0.05,
      viewsPerPost: 1200,
    },
    { key: 'c', label: '其他', posts: 1, metrics: {}, engagementRate: null, viewsPerPost: null },
  ],
};
const text = {
  viewsPerPost: '篇均阅读',
  engagementRate: '互动率',
  formatCount: (v: number) => String(v),
  formatRate: (v: number) => `${(v * 100).toFixed(1)}%`,
  posts: (n: number) => `${n} 篇`,
};

describe('buildBreakdownOption', () => {
  it('orders groups by views per post and plots engagement on a second axis', () => {
    const option = buildBreakdownOption(breakdown, text);
    expect(option.xAxis).toMatchObject({ data: ['使用技巧', '产品推广', '其他'] });
    const series = option.series as { type: string; yAxisIndex?: number; data: unknown[] }[];
    expect(series[0]).toMatchObject({ type: 'bar', data: [1200, 500, null] });
    expect(series[1]).toMatchObject({ type: 'line', yAxisIndex: 1, data: [0.05, 0.02, null] });
  });

  it('names the group and its post count in the tooltip', () => {
    const tooltip = buildBreakdownOption(breakdown, text).tooltip as {
      formatter: (p: unknown) => string;
    };
    expect(tooltip.formatter([{ dataIndex: 2 }])).toBe(
      '其他（1 篇）<br/>篇均阅读：—<br/>互动率：—',
    );
  });
});
