import { Collapse, Table, Typography, type TableColumnsType } from 'antd';
import { PLATFORMS, type TPlatform } from '@yunce/contracts';
import { ENGAGEMENT_DENOMINATOR, METRICS, METRIC_KEYS, type TMetricKey } from '@yunce/core';
import { useT } from '../../../app/i18n/context';
import { useMetricText } from '../hooks';

/** 指标口径: what every number means, and what engagement rate is divided by on each platform. */
export function MetricDefinitions({ formula }: { formula?: string }) {
  const t = useT();
  const m = useMetricText();
  const metricColumns: TableColumnsType<TMetricKey> = [
    {
      key: 'label',
      title: t('analytics.definitions.metric'),
      width: 160,
      render: (_, k) => METRICS[k].label[m.locale],
    },
    {
      key: 'definition',
      title: t('analytics.definitions.definition'),
      render: (_, k) => METRICS[k].definition[m.locale],
    },
  ];
  const platformColumns: TableColumnsType<TPlatform> = [
    {
      key: 'platform',
      title: t('analytics.definitions.platform'),
      render: (_, p) => m.platform(p),
    },
    {
      key: 'denominator',
      title: t('analytics.definitions.denominator'),
      render: (_, p) => m.label(ENGAGEMENT_DENOMINATOR[p]),
    },
  ];
  return (
    <Collapse
      data-testid="analytics-definitions"
      items={[
        {
          key: 'definitions',
          label: t('analytics.definitions.title'),
          children: (
            <>
              <Typography.Paragraph>
                <Typography.Text strong>{t('analytics.kpi.engagementRate')}</Typography.Text>
                {'：'}
                {t('analytics.definitions.engagement')}
              </Typography.Paragraph>
              {formula ? (
                <Typography.Paragraph type="secondary" data-testid="analytics-formula">
                  {t('analytics.definitions.current', { formula })}
                </Typography.Paragraph>
              ) : null}
              <Table<TPlatform>
                size="small"
                rowKey={(p) => p}
                columns={platformColumns}
                dataSource={[...PLATFORMS]}
                pagination={false}
                style={{ marginBottom: 16, maxWidth: 520 }}
              />
              <Table<TMetricKey>
                size="small"
                rowKey={(k) => k}
                columns={metricColumns}
                dataSource={[...METRIC_KEYS]}
                pagination={false}
              />
            </>
          ),
        },
      ]}
    />
  );
}
