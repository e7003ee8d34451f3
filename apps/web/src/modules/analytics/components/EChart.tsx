import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartOption } from '../charts/types';

// Only what the analytics pages draw is bundled (see ChartOption).
echarts.use([
  BarChart,
  FunnelChart,
  HeatmapChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** What a parent can do with a drawn chart. */
export interface EChartHandle {
  /** The chart as a PNG data URL (white background, 2× for print), or null before it is drawn. */
  toPng: () => string | null;
}

/**
 * An ECharts canvas for an option built by one of the charts/build*Option functions. A thin
 * wrapper of echarts/core (echarts-for-react's ESM build needs an undeclared `tslib`): init on
 * mount, replace the option when it changes, follow the container's size, dispose on unmount.
 */
export function EChart({
  option,
  height = 320,
  label,
  ref,
  testId,
}: {
  option: ChartOption;
  height?: number;
  /** What the chart shows, for screen readers (the numbers are in the tables beside it). */
  label: string;
  ref?: Ref<EChartHandle>;
  testId?: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.EChartsType | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true, lazyUpdate: true });
  }, [option]);

  useImperativeHandle(
    ref,
    () => ({
      toPng: () =>
        chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? null,
    }),
    [],
  );

  return (
    <div
      ref={container}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: '100%' }}
    />
  );
}
