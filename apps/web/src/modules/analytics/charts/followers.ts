import type { TTrend } from '@yunce/contracts';
import { BAD_COLOR, GOOD_COLOR, asParamList, escapeHtml, type ChartOption } from './types';

export const FOLLOWER_METRICS = [
  'followersGained',
  'followersLost',
  'followersNet',
  'followersTotal',
] as const;

export interface FollowerText {
  label: (metric: (typeof FOLLOWER_METRICS)[number]) => string;
  format: (value: number) => string;
  bucketLabel?: (bucket: string) => string;
  none?: string;
}

/** Whether a trend holds any follower number at all (else the card says there is none). */
export function hasFollowerData(trend: TTrend): boolean {
  return trend.series.some(
    (s) =>
      (FOLLOWER_METRICS as readonly string[]).includes(s.metric) &&
      s.values.some((v) => v !== null),
  );
}

/**
 * Follower growth: gained above the axis and lost below it (stacked, so a day reads as one
 * bar), net beside them, and the follower total as a line on its own axis.
 */
export function buildFollowerOption(trend: TTrend, text: FollowerText): ChartOption {
  const bucketLabel = text.bucketLabel ?? ((b: string) => b);
  const values = (metric: (typeof FOLLOWER_METRICS)[number]) =>
    trend.series.find((s) => s.metric === metric)?.values ??
    trend.buckets.map((): number | null => null);
  const gained = values('followersGained');
  const lost = values('followersLost');
  const net = values('followersNet');
  const total = values('followersTotal');
  const raw = [gained, lost, net, total];

  return {
    grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asParamList(params);
        const index = list[0]?.dataIndex ?? 0;
        const bucket = trend.buckets[index];
        const lines = list.map((p) => {
          // Lost is drawn below the axis; the tooltip says the real (positive) number.
          const value = raw[p.seriesIndex ?? 0]?.[index];
          const shown =
            value === null || value === undefined ? (text.none ?? '—') : text.format(value);
          return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}：${escapeHtml(shown)}`;
        });
        return [escapeHtml(bucket ? bucketLabel(bucket) : ''), ...lines].join('<br/>');
      },
    },
    xAxis: { type: 'category', data: trend.buckets.map(bucketLabel) },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => text.format(v) } },
      {
        type: 'value',
        scale: true,
        splitLine: { show: false },
        axisLabel: { formatter: (v: number) => text.format(v) },
      },
    ],
    series: [
      {
        type: 'bar',
        name: text.label('followersGained'),
        stack: 'flow',
        itemStyle: { color: GOOD_COLOR },
        data: gained,
      },
      {
        type: 'bar',
        name: text.label('followersLost'),
        stack: 'flow',
        itemStyle: { color: BAD_COLOR },
        data: lost.map((v) => (v === null ? null : -Math.abs(v))),
      },
      {
        type: 'bar',
        name: text.label('followersNet'),
        itemStyle: { color: '#1677ff' },
        data: net,
      },
      {
        type: 'line',
        name: text.label('followersTotal'),
        yAxisIndex: 1,
        itemStyle: { color: '#722ed1' },
        showSymbol: trend.buckets.length <= 31,
        connectNulls: true,
        data: total,
      },
    ],
  };
}
