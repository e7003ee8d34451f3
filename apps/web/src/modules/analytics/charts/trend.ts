import type { TTrend } from '@yunce/contracts';
import { PALETTE, asParamList, escapeHtml, type ChartOption } from './types';

export interface TrendText {
  /** A metric's display name. */
  label: (metric: string) => string;
  /** A metric value for axis labels and tooltips. */
  format: (metric: string, value: number) => string;
  /** Rates (0..1) get their own axis so they are not flattened against counts. */
  isRate: (metric: string) => boolean;
  /** A bucket as shown on the axis (the bucket's first day as the API gives it by default). */
  bucketLabel?: (bucket: string) => string;
  /** Shown in tooltips for a missing value. */
  none?: string;
}

/** The trend line chart: one line per metric over the buckets, rates on a second axis. */
export function buildTrendOption(trend: TTrend, text: TrendText): ChartOption {
  const bucketLabel = text.bucketLabel ?? ((b: string) => b);
  const rateMetrics = trend.series.filter((s) => text.isRate(s.metric));
  const twoAxes = rateMetrics.length > 0 && rateMetrics.length < trend.series.length;
  const firstCount = trend.series.find((s) => !text.isRate(s.metric))?.metric;
  const firstRate = rateMetrics[0]?.metric;
  const axisOf = (metric: string) => (twoAxes && text.isRate(metric) ? 1 : 0);
  const axisFormatter = (metric: string | undefined) => (value: number) =>
    metric ? text.format(metric, value) : String(value);

  return {
    color: PALETTE,
    grid: { left: 16, right: twoAxes ? 16 : 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asParamList(params);
        const index = list[0]?.dataIndex ?? 0;
        const bucket = trend.buckets[index];
        const lines = list.map((p) => {
          const series = trend.series[p.seriesIndex ?? 0];
          const value = series?.values[index];
          const shown =
            series && value !== null && value !== undefined
              ? text.format(series.metric, value)
              : (text.none ?? '—');
          return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}：${escapeHtml(shown)}`;
        });
        return [escapeHtml(bucket ? bucketLabel(bucket) : ''), ...lines].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.buckets.map(bucketLabel),
    },
    yAxis: twoAxes
      ? [
          { type: 'value', axisLabel: { formatter: axisFormatter(firstCount) } },
          {
            type: 'value',
            axisLabel: { formatter: axisFormatter(firstRate) },
            splitLine: { show: false },
          },
        ]
      : {
          type: 'value',
          axisLabel: { formatter: axisFormatter(trend.series[0]?.metric) },
        },
    series: trend.series.map((s) => ({
      type: 'line',
      name: text.label(s.metric),
      yAxisIndex: axisOf(s.metric),
      data: s.values.map((v) => (v === null ? null : v)),
      showSymbol: trend.buckets.length <= 31,
      smooth: false,
      connectNulls: false,
    })),
  };
}
