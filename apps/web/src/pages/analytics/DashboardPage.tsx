import { Button, Col, Row, Space, Typography } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccounts } from '../../modules/accounts/api';
import { exportPath, useOverview } from '../../modules/analytics/api';
import { BreakdownCard } from '../../modules/analytics/components/BreakdownCard';
import { ContentRankCard } from '../../modules/analytics/components/ContentRankCard';
import { DashboardFilters } from '../../modules/analytics/components/DashboardFilters';
import { FollowersCard } from '../../modules/analytics/components/FollowersCard';
import { FunnelCard } from '../../modules/analytics/components/FunnelCard';
import { HeatmapCard } from '../../modules/analytics/components/HeatmapCard';
import { KpiCards } from '../../modules/analytics/components/KpiCards';
import { MetricDefinitions } from '../../modules/analytics/components/MetricDefinitions';
import { TrendCard } from '../../modules/analytics/components/TrendCard';
import { useApiDownload, useDashboardFilters, useMetricText } from '../../modules/analytics/hooks';
import { DateTime } from '../../ui/DateTime';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

/** 数据看板: the period's numbers, how they moved, what worked and when to post. */
export default function DashboardPage() {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const navigate = useNavigate();
  const download = useApiDownload();
  const canRead = ws.can('analytics.read');
  const { filters, query, setFilters, today } = useDashboardFilters();
  const accounts = useAccounts(
    ws.workspaceId,
    { status: 'all' },
    canRead && ws.can('accounts.read'),
  );
  const overview = useOverview(ws.workspaceId, query, canRead);

  if (!canRead) return <Forbidden />;

  const importButton = ws.can('analytics.import') ? (
    <Button
      type="primary"
      icon={<UploadOutlined />}
      onClick={() => void navigate(ws.path('analytics/import'))}
      data-testid="analytics-goto-import"
    >
      {t('analytics.import.cta')}
    </Button>
  ) : null;

  const data = overview.data;
  const isEmpty =
    data !== undefined &&
    data.posts === 0 &&
    data.kpis.every((k) => k.value === null || k.value === 0) &&
    data.engagement.rate === null;

  let body;
  if (overview.isPending) body = <LoadingState />;
  else if (overview.isError || !data)
    body = <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  else if (isEmpty)
    body = (
      <EmptyState
        testId="analytics-empty"
        description={
          <Space orientation="vertical" size={4}>
            <Typography.Text>{t('analytics.empty.title')}</Typography.Text>
            <Typography.Text type="secondary">
              {ws.can('analytics.import')
                ? t('analytics.empty.body')
                : t('analytics.empty.bodyReadOnly')}
            </Typography.Text>
          </Space>
        }
        action={importButton}
      />
    );
  else
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <KpiCards overview={data} />
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <TrendCard query={query} />
          </Col>
          <Col xs={24} xl={10}>
            <FollowersCard query={query} />
          </Col>
          <Col xs={24}>
            <ContentRankCard query={query} />
          </Col>
          <Col xs={24} xl={14}>
            <BreakdownCard query={query} />
          </Col>
          <Col xs={24} xl={10}>
            <FunnelCard query={query} />
          </Col>
          <Col xs={24}>
            <HeatmapCard query={query} />
          </Col>
        </Row>
        <MetricDefinitions formula={data.engagement.formula} />
      </Space>
    );

  return (
    <>
      <PageHeader
        title={t('nav.analyticsDashboard')}
        subtitle={
          data ? (
            <span data-testid="analytics-period">
              {t('analytics.period.compare', {
                from: m.date(data.from),
                to: m.date(data.to),
                previousFrom: m.date(data.previousFrom),
                previousTo: m.date(data.previousTo),
              })}
              {data.lastImportAt ? (
                <>
                  {' · '}
                  {t('analytics.period.lastImport')} <DateTime value={data.lastImportAt} />
                </>
              ) : null}
            </span>
          ) : (
            t('analytics.dashboard.subtitle')
          )
        }
        documentTitle={t('nav.analyticsDashboard')}
        extra={
          <>
            {data && !isEmpty ? (
              <Button
                icon={<FileExcelOutlined />}
                onClick={() =>
                  void download(
                    exportPath(ws.workspaceId),
                    { tile: 'overview', ...query },
                    `${t('nav.analyticsDashboard')}.xlsx`,
                  )
                }
                data-testid="analytics-export-overview"
              >
                {t('analytics.export.overview')}
              </Button>
            ) : null}
            {importButton}
          </>
        }
      />
      <DashboardFilters
        filters={filters}
        setFilters={setFilters}
        today={today}
        accounts={accounts.data ?? []}
        accountsLoading={accounts.isPending && accounts.fetchStatus !== 'idle'}
      />
      {body}
    </>
  );
}
