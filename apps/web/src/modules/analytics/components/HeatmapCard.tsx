import { useMemo } from 'react';
import { Alert, List, Tag, Typography } from 'antd';
import type { TAnalyticsQuery } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useHeatmap } from '../api';
import { buildHeatmapOption, hourLabel } from '../charts/heatmap';
import { useMetricText } from '../hooks';
import { ChartCard } from './ChartCard';

/** When posts did best (weekday × hour in the workspace zone) and the slots to use next. */
export function HeatmapCard({ query }: { query: TAnalyticsQuery }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const heatmap = useHeatmap(ws.workspaceId, query);
  const option = useMemo(
    () =>
      heatmap.data
        ? buildHeatmapOption(heatmap.data, {
            weekdays: m.weekdays,
            formatRate: m.share,
            posts: (n) => t('analytics.breakdown.posts', { count: n }),
            engagement: t('analytics.heatmap.meanEngagement'),
            noData: t('analytics.heatmap.noPosts'),
          })
        : null,
    [heatmap.data, m, t],
  );
  const data = heatmap.data;
  const hasPosts = data?.cells.some((c) => c.posts > 0) ?? false;
  return (
    <ChartCard
      title={t('analytics.heatmap.title')}
      testId="analytics-heatmap"
      tile="heatmap"
      query={query}
      fileName={t('analytics.heatmap.title')}
      chartLabel={t('analytics.heatmap.title')}
      state={heatmap}
      isEmpty={!hasPosts}
      emptyText={data?.reason ?? t('analytics.heatmap.empty')}
      option={option}
      height={300}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analytics.heatmap.zone', { zone: data?.timeZone ?? ws.timeZone })}
      </Typography.Text>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('analytics.heatmap.slots')}
      </Typography.Title>
      {data?.reason ? (
        <Alert type="info" showIcon title={data.reason} data-testid="analytics-heatmap-reason" />
      ) : data && data.slots.length === 0 ? (
        <Typography.Text type="secondary">{t('analytics.heatmap.noSlots')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data?.slots ?? []}
          data-testid="analytics-heatmap-slots"
          renderItem={(slot) => (
            <List.Item>
              <Tag color="blue">
                {m.weekdays[slot.weekday]} {hourLabel(slot.hour)}
              </Tag>
              <Typography.Text>{slot.reason}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {t('analytics.breakdown.posts', { count: slot.posts })}
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </ChartCard>
  );
}
