import { describe, expect, it } from 'vitest';
import type { THeatmap } from '@yunce/contracts';
import { buildHeatmapOption, hourLabel } from './heatmap';

const heatmap: THeatmap = {
  timeZone: 'Asia/Shanghai',
  cells: [
    { weekday: 0, hour: 9, posts: 4, meanEngagement: 0.04 },
    { weekday: 6, hour: 21, posts: 2, meanEngagement: 0.08 },
  ],
  slots: [],
  reason: null,
};
const text = {
  weekdays: ['一', '二', '三', '四', '五', '六', '日'],
  formatRate: (v: number) => `${(v * 100).toFixed(1)}%`,
  posts: (n: number) => `${n} 篇`,
  engagement: '平均互动率',
  noData: '没有发布',
};

describe('buildHeatmapOption', () => {
  it('has a cell for every weekday × hour, blank where nothing was posted', () => {
    const option = buildHeatmapOption(heatmap, text);
    const series = option.series as { data: [number, number, number | '-'][] }[];
    const data = series[0]!.data;
    expect(data).toHaveLength(7 * 24);
    expect(data).toContainEqual([9, 0, 0.04]);
    expect(data).toContainEqual([21, 6, 0.08]);
    expect(data.filter((d) => d[2] !== '-')).toHaveLength(2);
  });

  it('scales colours to the best slot and puts Monday on top', () => {
    const option = buildHeatmapOption(heatmap, text);
    expect(option.visualMap).toMatchObject({ min: 0, max: 0.08 });
    expect(option.yAxis).toMatchObject({ inverse: true, data: text.weekdays });
  });

  it('describes a slot in the tooltip', () => {
    const tooltip = buildHeatmapOption(heatmap, text).tooltip as {
      formatter: (p: unknown) => string;
    };
    expect(tooltip.formatter({ value: [9, 0, 0.04] })).toBe(
      '一 09:00<br/>4 篇<br/>平均互动率：4.0%',
    );
    expect(tooltip.formatter({ value: [3, 2, '-'] })).toBe('三 03:00<br/>没有发布');
  });

  it('still has a scale with no data', () => {
    const option = buildHeatmapOption({ ...heatmap, cells: [] }, text);
    expect(option.visualMap).toMatchObject({ max: 1 });
    expect(hourLabel(7)).toBe('07:00');
  });
});
