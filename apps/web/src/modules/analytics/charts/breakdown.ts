import type { TBreakdown } from '@yunce/contracts';
import { asParamList, escapeHtml, type ChartOption } from './types';

export interface BreakdownText {
  viewsPerPost: string;
  engagementRate: string;
  formatCount: (value: number) => string;
  formatRate: (value: number) => string;
  posts: (count: number) => string;
  none?: string;
}

/**
 * Groups side by side, compared per post so a pillar with 30 posts does not beat one with 3 by
 * volume alone: views per post as bars, engagement rate as points on a second axis.
 */
export function buildBreakdownOption(breakdown: TBreakdown, text: BreakdownText): ChartOption {
  const groups = [...breakdown.groups].sort(
    (a, b) => (b.viewsPerPost ?? -1) - (a.viewsPerPost ?? -1),
  );
  const none = text.none ?? '—';
  return {
    grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asParamList(params);
        const group = groups[list[0]?.dataIndex ?? 0];
        if (!group) return '';
        return [
          `${escapeHtml(group.label)}（${escapeHtml(text.posts(group.posts))}）`,
          `${escapeHtml(text.viewsPerPost)}：${escapeHtml(group.viewsPerPost === null ? none : text.formatCount(group.viewsPerPost))}`,
          `${escapeHtml(text.engagementRate)}：${escapeHtml(group.engagementRate === null ? none : text.formatRate(group.engagementRate))}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: groups.map((g) => g.label),
      axisLabel: { interval: 0, overflow: 'truncate', width: 80 },
    },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => text.formatCount(v) } },
      {
        type: 'value',
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => text.formatRate(v) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: text.viewsPerPost,
        itemStyle: { color: '#1677ff' },
        barMaxWidth: 48,
        data: groups.map((g) => g.viewsPerPost),
      },
      {
        type: 'line',
        name: text.engagementRate,
        yAxisIndex: 1,
        itemStyle: { color: '#fa8c16' },
        lineStyle: { opacity: 0 },
        symbolSize: 10,
        data: groups.map((g) => g.engagementRate),
      },
    ],
  };
}
