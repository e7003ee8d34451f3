import { useMemo, useState } from 'react';
import { Segmented, Table, type TableColumnsType } from 'antd';
import type { TAnalyticsQuery, TBreakdown } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useBreakdown, type TBreakdownBy } from '../api';
import { buildBreakdownOption } from '../charts/breakdown';
import { useMetricText } from '../hooks';
import { ChartCard } from './ChartCard';

type TGroup = TBreakdown['groups'][number];
const BYS: readonly TBreakdownBy[] = ['pillar', 'format', 'account', 'platform'];
const PER_POST = ['likes', 'comments', 'shares', 'saves'] as const;

/** Per post, so a group of 30 posts and one of 3 compare fairly. */
export function perPost(group: TGroup, key: (typeof PER_POST)[number]): number | null {
  const total = group.metrics[key];
  return total === undefined || group.posts === 0 ? null : total / group.posts;
}

/** One decimal is enough for an average per post (92.24 → 92.2). */
function roundPerPost(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/** Content compared by pillar, format, account or platform: chart and per-post table. */
export function BreakdownCard({ query }: { query: TAnalyticsQuery }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const [by, setBy] = useState<TBreakdownBy>('pillar');
  const breakdown = useBreakdown(ws.workspaceId, query, by);
  const option = useMemo(
    () =>
      breakdown.data
        ? buildBreakdownOption(breakdown.data, {
            viewsPerPost: t('analytics.breakdown.viewsPerPost'),
            engagementRate: t('analytics.kpi.engagementRate'),
            formatCount: m.count,
            formatRate: m.share,
            posts: (n) => t('analytics.breakdown.posts', { count: n }),
          })
        : null,
    [breakdown.data, m, t],
  );
  const columns: TableColumnsType<TGroup> = [
    { key: 'label', title: t(`analytics.breakdown.by.${by}`), dataIndex: 'label' },
    {
      key: 'posts',
      title: t('analytics.breakdown.postsColumn'),
      dataIndex: 'posts',
      align: 'right',
    },
    {
      key: 'viewsPerPost',
      title: t('analytics.breakdown.viewsPerPost'),
      align: 'right',
      render: (_, g) => m.count(roundPerPost(g.viewsPerPost)),
    },
    ...PER_POST.map((key) => ({
      key,
      title: t('analytics.breakdown.perPost', { metric: m.label(key) }),
      align: 'right' as const,
      render: (_: unknown, g: TGroup) => m.count(roundPerPost(perPost(g, key))),
    })),
    {
      key: 'engagementRate',
      title: t('analytics.kpi.engagementRate'),
      align: 'right',
      render: (_, g) => m.share(g.engagementRate),
    },
  ];
  return (
    <ChartCard
      title={t('analytics.breakdown.title')}
      testId="analytics-breakdown"
      tile="breakdown"
      query={query}
      exportQuery={{ by }}
      fileName={`${t('analytics.breakdown.title')}-${t(`analytics.breakdown.by.${by}`)}`}
      chartLabel={t('analytics.breakdown.title')}
      state={breakdown}
      isEmpty={!breakdown.data || breakdown.data.groups.length === 0}
      option={option}
      height={280}
      controls={
        <Segmented<TBreakdownBy>
          size="small"
          value={by}
          onChange={setBy}
          options={BYS.map((b) => ({ value: b, label: t(`analytics.breakdown.by.${b}`) }))}
          aria-label={t('analytics.breakdown.byLabel')}
          data-testid="analytics-breakdown-by"
        />
      }
    >
      <Table<TGroup>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={[...(breakdown.data?.groups ?? [])].sort(
          (a, b) => (b.viewsPerPost ?? -1) - (a.viewsPerPost ?? -1),
        )}
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 12 }}
        data-testid="analytics-breakdown-table"
      />
    </ChartCard>
  );
}
