import { useCallback, useMemo } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import type { TAnalyticsQuery, TFunnel } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useFunnel } from '../api';
import { buildFunnelOption, knownStages } from '../charts/funnel';
import { useMetricText } from '../hooks';
import { ChartCard } from './ChartCard';

type TStage = TFunnel['stages'][number];

/** Exposure → click → engage → convert, with each step's conversion. */
export function FunnelCard({ query }: { query: TAnalyticsQuery }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const funnel = useFunnel(ws.workspaceId, query);
  const stageName = useCallback((key: TStage['key']) => t(`analytics.funnel.stage.${key}`), [t]);
  const option = useMemo(
    () =>
      funnel.data
        ? buildFunnelOption(funnel.data, {
            stage: stageName,
            formatCount: m.count,
            formatRate: m.share,
            ofPrevious: t('analytics.funnel.ofPrevious'),
          })
        : null,
    [funnel.data, m, t, stageName],
  );
  const columns: TableColumnsType<TStage> = [
    { key: 'stage', title: t('analytics.funnel.stage'), render: (_, s) => stageName(s.key) },
    {
      key: 'value',
      title: t('analytics.funnel.value'),
      align: 'right',
      render: (_, s) => m.count(s.value),
    },
    {
      key: 'rate',
      title: t('analytics.funnel.rate'),
      align: 'right',
      render: (_, s) => m.share(s.rate),
    },
  ];
  const known = funnel.data ? knownStages(funnel.data) : [];
  return (
    <ChartCard
      title={t('analytics.funnel.title')}
      testId="analytics-funnel"
      tile="funnel"
      query={query}
      fileName={t('analytics.funnel.title')}
      chartLabel={t('analytics.funnel.title')}
      state={funnel}
      isEmpty={known.length === 0}
      option={option}
      height={240}
    >
      <Table<TStage>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={funnel.data?.stages ?? []}
        pagination={false}
        style={{ marginTop: 12 }}
      />
      {known.length < (funnel.data?.stages.length ?? 0) ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('analytics.funnel.missing')}
        </Typography.Text>
      ) : null}
    </ChartCard>
  );
}
