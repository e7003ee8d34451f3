import { Card, Col, Row, Tooltip, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  InfoCircleOutlined,
  MinusOutlined,
} from '@ant-design/icons';
import type { TKpi, TOverview } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useMetricText } from '../hooks';
import { TONE_COLORS, changeTone } from '../utils/metrics';

/** A change against the previous period: arrow, signed percentage, green when it is good news. */
export function ChangeText({
  metric,
  ratio,
  testId,
}: {
  metric: string;
  ratio: number | null;
  testId?: string;
}) {
  const t = useT();
  const m = useMetricText();
  const tone = changeTone(metric, ratio);
  if (tone === 'unknown')
    return (
      <Typography.Text type="secondary" data-testid={testId}>
        {t('analytics.kpi.noPrevious')}
      </Typography.Text>
    );
  const icon =
    tone === 'flat' ? (
      <MinusOutlined />
    ) : (ratio ?? 0) > 0 ? (
      <ArrowUpOutlined />
    ) : (
      <ArrowDownOutlined />
    );
  return (
    <span style={{ color: TONE_COLORS[tone] }} data-testid={testId} data-tone={tone}>
      {icon} {m.change(ratio)}
    </span>
  );
}

function KpiCard({
  title,
  value,
  previous,
  metric,
  ratio,
  hint,
  testId,
}: {
  title: string;
  value: string;
  previous: string;
  metric: string;
  ratio: number | null;
  hint?: string;
  testId: string;
}) {
  const t = useT();
  return (
    <Card size="small" data-testid={testId} style={{ height: '100%' }}>
      <Typography.Text type="secondary">
        {title}{' '}
        {hint ? (
          <Tooltip title={hint}>
            <InfoCircleOutlined aria-label={hint} tabIndex={0} />
          </Tooltip>
        ) : null}
      </Typography.Text>
      <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}>{value}</div>
      <div>
        <ChangeText metric={metric} ratio={ratio} />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analytics.kpi.previous', { value: previous })}
      </Typography.Text>
    </Card>
  );
}

/** The period's headline numbers, each against the same-length period before. */
export function KpiCards({ overview }: { overview: TOverview }) {
  const t = useT();
  const m = useMetricText();
  const { engagement } = overview;
  const engagementRatio =
    engagement.rate !== null && engagement.previous !== null && engagement.previous !== 0
      ? engagement.rate / engagement.previous - 1
      : null;
  const kpiCard = (k: TKpi) => (
    <Col key={k.key} xs={12} md={8} xl={6} xxl={4}>
      <KpiCard
        title={m.label(k.key)}
        value={m.format(k.key, k.value)}
        previous={m.format(k.key, k.previous)}
        metric={k.key}
        ratio={k.ratio}
        testId={`kpi-${k.key}`}
      />
    </Col>
  );
  return (
    <Row gutter={[12, 12]} data-testid="kpi-cards">
      {overview.kpis.map(kpiCard)}
      <Col xs={12} md={8} xl={6} xxl={4}>
        <KpiCard
          title={t('analytics.kpi.engagementRate')}
          value={m.share(engagement.rate)}
          previous={m.share(engagement.previous)}
          metric="engagementRate"
          ratio={engagementRatio}
          hint={engagement.formula}
          testId="kpi-engagementRate"
        />
      </Col>
      <Col xs={12} md={8} xl={6} xxl={4}>
        <Card size="small" data-testid="kpi-posts" style={{ height: '100%' }}>
          <Typography.Text type="secondary">{t('analytics.kpi.posts')}</Typography.Text>
          <div style={{ fontSize: 26, fontWeight: 600, lineHeight: 1.4 }}>
            {m.count(overview.posts)}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('analytics.kpi.period', { from: m.day(overview.from), to: m.day(overview.to) })}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
