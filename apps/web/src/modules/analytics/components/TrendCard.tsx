import { useMemo, useState } from 'react';
import { Segmented, Select } from 'antd';
import { ANALYTICS_METRIC_KEYS, type TAnalyticsQuery } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useTrend, type TTrendInterval } from '../api';
import { buildTrendOption } from '../charts/trend';
import { useMetricText } from '../hooks';
import { ChartCard } from './ChartCard';

const MAX_METRICS = 4;
export const INTERVALS: readonly TTrendInterval[] = ['day', 'week', 'month'];

/** Metrics over time, the metrics and the bucket size picked on the card. */
export function TrendCard({ query }: { query: TAnalyticsQuery }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const [metrics, setMetrics] = useState<string[]>(['views', 'likes']);
  const [interval, setBucket] = useState<TTrendInterval>('day');
  const trend = useTrend(ws.workspaceId, query, metrics, interval);
  const option = useMemo(
    () =>
      trend.data
        ? buildTrendOption(trend.data, {
            label: (k) => m.label(k),
            format: (k, v) => m.format(k, v),
            isRate: m.isRate,
            bucketLabel: m.day,
          })
        : null,
    [trend.data, m],
  );
  const isEmpty = !trend.data || trend.data.series.every((s) => s.values.every((v) => v === null));

  return (
    <ChartCard
      title={t('analytics.trend.title')}
      testId="analytics-trend"
      tile="trend"
      query={query}
      exportQuery={{ metrics: metrics.join(','), interval }}
      fileName={t('analytics.trend.title')}
      chartLabel={t('analytics.trend.chartLabel', {
        metrics: metrics.map((k) => m.label(k)).join('、'),
      })}
      state={trend}
      isEmpty={isEmpty}
      option={option}
      controls={
        <>
          <Select<string[]>
            mode="multiple"
            size="small"
            style={{ minWidth: 220, maxWidth: 420 }}
            value={metrics}
            maxCount={MAX_METRICS}
            onChange={(next) => setMetrics(next.length > 0 ? next : metrics)}
            options={ANALYTICS_METRIC_KEYS.map((k) => ({ value: k, label: m.label(k) }))}
            optionFilterProp="label"
            aria-label={t('analytics.trend.metrics')}
            data-testid="analytics-trend-metrics"
          />
          <Segmented<TTrendInterval>
            size="small"
            value={interval}
            onChange={setBucket}
            options={INTERVALS.map((i) => ({ value: i, label: t(`analytics.interval.${i}`) }))}
            aria-label={t('analytics.trend.interval')}
            data-testid="analytics-trend-interval"
          />
        </>
      }
    />
  );
}
