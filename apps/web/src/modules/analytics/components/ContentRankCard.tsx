import { useState } from 'react';
import { Segmented, Select } from 'antd';
import type { TAnalyticsQuery } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useContentRows } from '../api';
import { useMetricText } from '../hooks';
import { ChartCard } from './ChartCard';
import { ContentTable } from './ContentTable';

const SORTS = [
  'views',
  'engagementRate',
  'likes',
  'comments',
  'shares',
  'saves',
  'followersGained',
  'conversions',
] as const;
type TSort = (typeof SORTS)[number];

/** The best and the worst content of the period by a chosen metric. */
export function ContentRankCard({ query }: { query: TAnalyticsQuery }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const [sort, setSort] = useState<TSort>('views');
  const [order, setOrder] = useState<'desc' | 'asc'>('desc');
  const rows = useContentRows(ws.workspaceId, query, sort, order, 10);
  const sortLabel = (s: TSort) =>
    s === 'engagementRate' ? t('analytics.kpi.engagementRate') : m.label(s);

  return (
    <ChartCard
      title={t('analytics.content.cardTitle')}
      testId="analytics-content"
      tile="content"
      query={query}
      exportQuery={{ sort, order, limit: 100 }}
      fileName={t('analytics.content.cardTitle')}
      chartLabel={t('analytics.content.cardTitle')}
      state={rows}
      isEmpty={!rows.data || rows.data.rows.length === 0}
      emptyText={t('analytics.content.empty')}
      option={null}
      controls={
        <>
          <Segmented<'desc' | 'asc'>
            size="small"
            value={order}
            onChange={setOrder}
            options={[
              { value: 'desc', label: t('analytics.content.top') },
              { value: 'asc', label: t('analytics.content.bottom') },
            ]}
            aria-label={t('analytics.content.order')}
            data-testid="analytics-content-order"
          />
          <Select<TSort>
            size="small"
            style={{ minWidth: 140 }}
            value={sort}
            onChange={setSort}
            options={SORTS.map((s) => ({ value: s, label: sortLabel(s) }))}
            aria-label={t('analytics.content.sort')}
            data-testid="analytics-content-sort"
          />
        </>
      }
    >
      <ContentTable
        rows={rows.data?.rows ?? []}
        highlight={sort}
        testId={order === 'desc' ? 'analytics-content-top' : 'analytics-content-bottom'}
      />
    </ChartCard>
  );
}
