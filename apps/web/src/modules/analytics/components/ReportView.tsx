import { useMemo, type ReactNode } from 'react';
import { Card, Col, List, Row, Space, Table, Typography, type TableColumnsType } from 'antd';
import {
  BulbOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  InfoCircleFilled,
} from '@ant-design/icons';
import type { TKpi, TReport } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { DateTime } from '../../../ui/DateTime';
import { GoalsTable } from '../../goals/components/GoalsTable';
import { buildTrendOption } from '../charts/trend';
import { useMetricText } from '../hooks';
import { ContentTable } from './ContentTable';
import { EChart } from './EChart';
import { ChangeText } from './KpiCards';

type TFinding = TReport['findings'][number];

const SEVERITY_ICON: Record<TFinding['severity'], ReactNode> = {
  good: <CheckCircleFilled style={{ color: '#52c41a' }} />,
  bad: <CloseCircleFilled style={{ color: '#ff4d4f' }} />,
  info: <InfoCircleFilled style={{ color: '#1677ff' }} />,
};

function Findings({
  items,
  testId,
  icon,
}: {
  items: readonly TFinding[];
  testId: string;
  icon?: ReactNode;
}) {
  const t = useT();
  return (
    <List
      size="small"
      dataSource={[...items]}
      data-testid={testId}
      locale={{ emptyText: t('analytics.report.none') }}
      renderItem={(f) => (
        <List.Item data-severity={f.severity}>
          <Space align="start">
            <span aria-label={t(`analytics.report.severity.${f.severity}`)}>
              {icon ?? SEVERITY_ICON[f.severity]}
            </span>
            <Typography.Text>{f.text}</Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** A weekly or monthly report as the browser shows it (the PDF and XLSX carry the same). */
export function ReportView({ report }: { report: TReport }) {
  const t = useT();
  const m = useMetricText();
  const trendOption = useMemo(
    () =>
      buildTrendOption(report.trend, {
        label: (k) => m.label(k),
        format: (k, v) => m.format(k, v),
        isRate: m.isRate,
        bucketLabel: m.day,
      }),
    [report.trend, m],
  );
  const engagementRatio =
    report.engagement.rate !== null && report.engagement.previous
      ? report.engagement.rate / report.engagement.previous - 1
      : null;
  const hasEngagementKpi = report.kpis.some((k) => k.key === 'engagementRate');
  const kpiRows: TKpi[] = [
    ...report.kpis,
    ...(hasEngagementKpi
      ? []
      : [
          {
            key: 'engagementRate',
            value: report.engagement.rate,
            previous: report.engagement.previous,
            delta:
              report.engagement.rate !== null && report.engagement.previous !== null
                ? report.engagement.rate - report.engagement.previous
                : null,
            ratio: engagementRatio,
          },
        ]),
  ];
  const kpiColumns: TableColumnsType<TKpi> = [
    { key: 'metric', title: t('analytics.definitions.metric'), render: (_, k) => m.label(k.key) },
    {
      key: 'value',
      title: t('analytics.report.thisPeriod'),
      align: 'right',
      render: (_, k) => m.format(k.key, k.value),
    },
    {
      key: 'previous',
      title: t('analytics.report.previousPeriod'),
      align: 'right',
      render: (_, k) => m.format(k.key, k.previous),
    },
    {
      key: 'change',
      title: t('analytics.report.change'),
      align: 'right',
      render: (_, k) => <ChangeText metric={k.key} ratio={k.ratio} />,
    },
  ];
  const hasTrend = report.trend.series.some((s) => s.values.some((v) => v !== null));

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="report-view">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="report-title">
          {report.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('analytics.report.meta', {
            workspace: report.workspaceName,
            scope: report.accountName ?? t('analytics.report.allAccounts'),
            from: m.date(report.from),
            to: m.date(report.to),
            previousFrom: m.date(report.previousFrom),
            previousTo: m.date(report.previousTo),
          })}
          {' · '}
          {t('analytics.report.generatedAt')} <DateTime value={report.generatedAt} />
        </Typography.Text>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('analytics.report.findings')} size="small">
            <Findings items={report.findings} testId="report-findings" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('analytics.report.actions')} size="small">
            <Findings
              items={report.actions}
              testId="report-actions"
              icon={<BulbOutlined style={{ color: '#faad14' }} />}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('analytics.report.kpis')} size="small">
            <Table<TKpi>
              size="small"
              rowKey="key"
              columns={kpiColumns}
              dataSource={kpiRows}
              pagination={false}
              data-testid="report-kpis"
            />
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
            >
              {report.engagement.formula}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('analytics.trend.title')} size="small">
            {hasTrend ? (
              <EChart option={trendOption} height={300} label={t('analytics.trend.title')} />
            ) : (
              <Typography.Text type="secondary">{t('analytics.tile.empty')}</Typography.Text>
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('analytics.report.best')} size="small">
            <ContentTable rows={report.best} testId="report-best" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('analytics.report.worst')} size="small">
            <ContentTable rows={report.worst} testId="report-worst" />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('analytics.report.goals')} size="small">
            {report.goals.length === 0 ? (
              <Typography.Text type="secondary">{t('analytics.report.noGoals')}</Typography.Text>
            ) : (
              <GoalsTable goals={report.goals} compact />
            )}
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
