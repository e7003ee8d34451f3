import type { TGoalDetail } from '@yunce/contracts';
import { asParamList, escapeHtml, type ChartOption } from './types';

export interface GoalChartText {
  actual: string;
  projection: string;
  band: string;
  target: string;
  format: (value: number) => string;
  dateLabel?: (date: string) => string;
}

/** Every date of the actual series and the projection, in order, once each. */
export function goalDates(detail: Pick<TGoalDetail, 'actual' | 'projection'>): string[] {
  return [
    ...new Set([...detail.actual.map((p) => p.date), ...detail.projection.map((p) => p.date)]),
  ].sort();
}

/**
 * A goal's progress: the actual values, the projection to the end date with its interval drawn
 * as a band (a transparent "low" line with "high − low" stacked on it), and the target line.
 */
export function buildGoalForecastOption(
  detail: Pick<TGoalDetail, 'actual' | 'projection' | 'target' | 'baseline'>,
  text: GoalChartText,
): ChartOption {
  const dates = goalDates(detail);
  const dateLabel = text.dateLabel ?? ((d: string) => d);
  const actual = new Map(detail.actual.map((p) => [p.date, p.value]));
  const projection = new Map(detail.projection.map((p) => [p.date, p]));
  // The projection line starts at the last actual point so the two lines join.
  const lastActual = detail.actual.at(-1);
  const projected = dates.map((d) => {
    const p = projection.get(d);
    if (p) return p.value;
    if (lastActual && d === lastActual.date && detail.projection.length > 0)
      return lastActual.value;
    return null;
  });
  const low = dates.map((d) => projection.get(d)?.low ?? null);
  const band = dates.map((d) => {
    const p = projection.get(d);
    return p ? Math.max(0, p.high - p.low) : null;
  });
  const values = [
    ...detail.actual.map((p) => p.value),
    ...detail.projection.flatMap((p) => [p.low, p.high]),
    detail.target,
    detail.baseline,
  ];
  const min = Math.min(...values);

  return {
    grid: { left: 16, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: [text.actual, text.projection, text.band] },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const list = asParamList(params);
        const index = list[0]?.dataIndex ?? 0;
        const date = dates[index];
        if (!date) return '';
        const lines = [escapeHtml(dateLabel(date))];
        const a = actual.get(date);
        if (a !== undefined)
          lines.push(`${escapeHtml(text.actual)}：${escapeHtml(text.format(a))}`);
        const p = projection.get(date);
        if (p) {
          lines.push(`${escapeHtml(text.projection)}：${escapeHtml(text.format(p.value))}`);
          lines.push(
            `${escapeHtml(text.band)}：${escapeHtml(text.format(p.low))} – ${escapeHtml(text.format(p.high))}`,
          );
        }
        return lines.join('<br/>');
      },
    },
    xAxis: { type: 'category', boundaryGap: false, data: dates.map(dateLabel) },
    yAxis: {
      type: 'value',
      // Counts like followers sit far from zero; start the axis near the data.
      scale: min > 0,
      axisLabel: { formatter: (v: number) => text.format(v) },
    },
    series: [
      {
        type: 'line',
        name: text.actual,
        itemStyle: { color: '#1677ff' },
        showSymbol: dates.length <= 45,
        data: dates.map((d) => actual.get(d) ?? null),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#52c41a', type: 'dashed' },
          label: {
            formatter: `${text.target} ${text.format(detail.target)}`,
            position: 'insideEndTop',
          },
          data: [{ yAxis: detail.target }],
        },
      },
      {
        type: 'line',
        name: text.projection,
        itemStyle: { color: '#fa8c16' },
        lineStyle: { type: 'dashed' },
        showSymbol: false,
        data: projected,
      },
      {
        type: 'line',
        name: '__low',
        stack: 'band',
        lineStyle: { opacity: 0 },
        showSymbol: false,
        silent: true,
        tooltip: { show: false },
        data: low,
      },
      {
        type: 'line',
        name: text.band,
        stack: 'band',
        lineStyle: { opacity: 0 },
        itemStyle: { color: '#fa8c16' },
        areaStyle: { color: 'rgba(250, 140, 22, 0.18)' },
        showSymbol: false,
        silent: true,
        data: band,
      },
    ],
  };
}
