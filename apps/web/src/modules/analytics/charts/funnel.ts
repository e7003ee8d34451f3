import type { TFunnel } from '@yunce/contracts';
import { escapeHtml, type ChartOption } from './types';

export type TFunnelStageKey = TFunnel['stages'][number]['key'];

export interface FunnelText {
  stage: (key: TFunnelStageKey) => string;
  formatCount: (value: number) => string;
  formatRate: (value: number) => string;
  /** "of the stage before", after a rate. */
  ofPrevious: string;
}

const COLORS: Record<TFunnelStageKey, string> = {
  impressions: '#91caff',
  views: '#4096ff',
  engagements: '#0958d9',
  conversions: '#002c8c',
};

/** Stages with a known value; the funnel leaves out the ones the data does not have. */
export function knownStages(funnel: TFunnel): TFunnel['stages'] {
  return funnel.stages.filter((s) => s.value !== null && Number.isFinite(s.value));
}

/** Exposure → click → engage → convert, each stage with its share of the one before. */
export function buildFunnelOption(funnel: TFunnel, text: FunnelText): ChartOption {
  const stages = knownStages(funnel);
  const label = (key: TFunnelStageKey) => {
    const stage = stages.find((s) => s.key === key);
    if (!stage || stage.value === null) return text.stage(key);
    const rate = stage.rate === null ? '' : `（${text.formatRate(stage.rate)}）`;
    return `${text.stage(key)} ${text.formatCount(stage.value)}${rate}`;
  };
  // Funnel widths are relative; a log scale keeps a 1% click rate visible next to exposure.
  const widths = stages.map((s) => Math.log10(Math.max(0, s.value ?? 0) + 1));
  const max = Math.max(1, ...widths);
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const index = (params as { dataIndex?: number }).dataIndex ?? 0;
        const stage = stages[index];
        if (!stage || stage.value === null) return '';
        const lines = [
          `${escapeHtml(text.stage(stage.key))}：${escapeHtml(text.formatCount(stage.value))}`,
        ];
        if (stage.rate !== null)
          lines.push(`${escapeHtml(text.formatRate(stage.rate))} ${escapeHtml(text.ofPrevious)}`);
        return lines.join('<br/>');
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        // The funnel on the left, its labels beside it: a narrow last stage cannot hold its text.
        left: '4%',
        width: '52%',
        top: 8,
        bottom: 8,
        min: 0,
        max,
        minSize: '8%',
        gap: 2,
        label: { show: true, position: 'right', color: '#262626' },
        labelLine: { show: true, length: 12 },
        data: stages.map((s, i) => ({
          value: widths[i] ?? 0,
          name: label(s.key),
          itemStyle: { color: COLORS[s.key] },
        })),
      },
    ],
  };
}
