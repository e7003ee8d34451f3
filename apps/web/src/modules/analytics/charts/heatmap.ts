import type { THeatmap } from '@yunce/contracts';
import { escapeHtml, type ChartOption } from './types';

export interface HeatmapText {
  /** Seven names, Monday first. */
  weekdays: readonly string[];
  formatRate: (value: number) => string;
  posts: (count: number) => string;
  engagement: string;
  noData: string;
}

export const HOURS = Array.from({ length: 24 }, (_, h) => h);

/** `HH:00` for an hour of the day. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/**
 * Posting-time heatmap: weekday rows (Monday on top) × hour columns, coloured by the mean
 * engagement rate of posts published in that slot; slots without posts stay blank.
 */
export function buildHeatmapOption(heatmap: THeatmap, text: HeatmapText): ChartOption {
  const cells = new Map(heatmap.cells.map((c) => [`${c.weekday}:${c.hour}`, c]));
  const values = heatmap.cells
    .map((c) => c.meanEngagement)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  const max = values.length > 0 ? Math.max(...values) : 0;
  const data: [number, number, number | '-'][] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (const hour of HOURS) {
      const cell = cells.get(`${weekday}:${hour}`);
      data.push([hour, weekday, cell?.meanEngagement ?? '-']);
    }
  }
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 72, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (params: unknown) => {
        const value = (params as { value?: [number, number, number | '-'] }).value;
        if (!value) return '';
        const [hour, weekday, rate] = value;
        const cell = cells.get(`${weekday}:${hour}`);
        const head = `${escapeHtml(text.weekdays[weekday] ?? '')} ${hourLabel(hour)}`;
        if (!cell || cell.posts === 0) return `${head}<br/>${escapeHtml(text.noData)}`;
        const shown = rate === '-' ? '—' : text.formatRate(rate);
        return `${head}<br/>${escapeHtml(text.posts(cell.posts))}<br/>${escapeHtml(text.engagement)}：${escapeHtml(shown)}`;
      },
    },
    xAxis: {
      type: 'category',
      data: HOURS.map((h) => String(h)),
    },
    yAxis: {
      type: 'category',
      data: [...text.weekdays],
      inverse: true,
    },
    visualMap: {
      min: 0,
      max: max > 0 ? max : 1,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      formatter: (value: unknown) => text.formatRate(Number(value)),
      inRange: { color: ['#e6f4ff', '#69b1ff', '#0958d9'] },
    },
    series: [
      {
        type: 'heatmap',
        name: text.engagement,
        data,
        // Blank slots stay white; a thin border keeps the grid readable without striping.
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.3)' } },
      },
    ],
  };
}
