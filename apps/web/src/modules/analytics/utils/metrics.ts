import {
  formatInsightValue,
  formatPercent,
  insightMetricLabel,
  insightValueFormat,
  isInsightMetric,
  isLowerBetter,
  type TInsightValueFormat,
} from '@yunce/core';
import type { TLocale, TPlatform } from '@yunce/contracts';

/** The display name of a metric key (stored or derived); unknown keys are shown as they are. */
export function metricLabel(key: string, locale: TLocale, platform?: TPlatform): string {
  return isInsightMetric(key) ? insightMetricLabel(key, platform)[locale] : key;
}

/** How a metric's values are written (rates as %, money as ¥, seconds…). */
export function metricFormat(key: string): TInsightValueFormat {
  return isInsightMetric(key) ? insightValueFormat(key) : 'number';
}

/** A metric value for the locale: 1.2万 / 12K, 12.3%, ¥3,200, 38 秒; null is "—". */
export function formatMetric(key: string, value: number | null | undefined, locale: TLocale) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatInsightValue(value, metricFormat(key), locale);
}

/** A plain count for the locale (1.2万 in Chinese), "—" when unknown. */
export function formatCount(value: number | null | undefined, locale: TLocale): string {
  return formatMetric('views', value, locale);
}

/** A share with one decimal (12.3%), "—" when unknown. */
export function formatShare(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatPercent(value);
}

/** A period-over-period change as a signed percentage: +12.3% / -4.0% / 0.0%. */
export function formatChange(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  const text = formatPercent(ratio);
  return ratio > 0 ? `+${text}` : text;
}

export type TChangeTone = 'good' | 'bad' | 'flat' | 'unknown';

/** Whether a change is good news: up is good, except for metrics where less is better. */
export function changeTone(key: string, ratio: number | null | undefined): TChangeTone {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return 'unknown';
  if (Math.abs(ratio) < 0.0005) return 'flat';
  const up = ratio > 0;
  const lowerBetter = isInsightMetric(key) && isLowerBetter(key);
  return up !== lowerBetter ? 'good' : 'bad';
}

/** Green for good, red for bad (the dashboard's convention), grey otherwise. */
export const TONE_COLORS: Record<TChangeTone, string> = {
  good: '#389e0d',
  bad: '#cf1322',
  flat: '#8c8c8c',
  unknown: '#8c8c8c',
};
