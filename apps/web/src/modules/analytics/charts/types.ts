import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  FunnelSeriesOption,
  HeatmapSeriesOption,
  LineSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';

/** The option type of every chart the app draws (only the parts registered in EChart.tsx). */
export type ChartOption = ComposeOption<
  | BarSeriesOption
  | FunnelSeriesOption
  | HeatmapSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** What a tooltip formatter receives for one series at the hovered point. */
export interface TooltipParam {
  seriesName?: string;
  seriesIndex?: number;
  dataIndex?: number;
  name?: string;
  value?: unknown;
  marker?: unknown;
  data?: unknown;
}

/** Tooltip params come as one object or a list (axis trigger). */
export function asParamList(params: unknown): TooltipParam[] {
  if (Array.isArray(params)) return params as TooltipParam[];
  return params && typeof params === 'object' ? [params] : [];
}

/** Escapes text for a tooltip, which ECharts renders as HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The app's series colours (antd's palette), in order. */
export const PALETTE = [
  '#1677ff',
  '#52c41a',
  '#fa8c16',
  '#eb2f96',
  '#13c2c2',
  '#722ed1',
  '#faad14',
  '#2f54eb',
];

export const GOOD_COLOR = '#52c41a';
export const BAD_COLOR = '#ff4d4f';
