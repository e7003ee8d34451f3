import { useMemo, useState } from 'react';
import { Segmented } from 'antd';
import type { TAnalyticsQuery } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useTrend, type TTrendInterval } from '../api';
import { FOLLOWER_METRICS, buildFollowerOption, hasFollowerData } from '../charts/followers';
import { useMetricText } from '../hooks';
import { ChartCard } from './ChartCard';
import { INTERVALS } from './TrendCard';

/** Follower growth: gained, lost and net per bucket with the running total. */
export function FollowersCard({ query }: { query: TAnalyticsQuery }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const [interval, setBucket] = useState<TTrendInterval>('day');
  const trend = useTrend(ws.workspaceId, query, FOLLOWER_METRICS, interval);
  const option = useMemo(
    () =>
      trend.data
        ? buildFollowerOption(trend.data, {
            label: (k) => m.label(k),
            format: m.count,
            bucketLabel: m.day,
          })
        : null,
    [trend.data, m],
  );
  return (
    <ChartCard
      title={t('analytics.followers.title')}
      testId="analytics-followers"
      tile="trend"
      query={query}
      exportQuery={{ metrics: FOLLOWER_METRICS.join(','), interval }}
      fileName={t('analytics.followers.title')}
      chartLabel={t('analytics.followers.title')}
      state={trend}
      isEmpty={!trend.data || !hasFollowerData(trend.data)}
      emptyText={t('analytics.followers.empty')}
      option={option}
      controls={
        <Segmented<TTrendInterval>
          size="small"
          value={interval}
          onChange={setBucket}
          options={INTERVALS.map((i) => ({ value: i, label: t(`analytics.interval.${i}`) }))}
          aria-label={t('analytics.trend.interval')}
        />
      }
    />
  );
}
