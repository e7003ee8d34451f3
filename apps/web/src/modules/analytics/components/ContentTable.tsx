import { Space, Table, Typography, type TableColumnsType } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TContentRow } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { PlatformTag } from '../../accounts/components/PlatformTag';
import { DateTime } from '../../../ui/DateTime';
import { useMetricText } from '../hooks';

const METRIC_COLUMNS = ['views', 'likes', 'comments', 'shares', 'saves'] as const;

/** A content item's title: to the Yunce item when there is one, else to the post on the platform. */
export function ContentTitle({ row }: { row: Pick<TContentRow, 'itemId' | 'url' | 'title'> }) {
  const ws = useWorkspace();
  const t = useT();
  const title = row.title || t('analytics.content.untitled');
  if (row.itemId) return <Link to={ws.path(`content/${row.itemId}`)}>{title}</Link>;
  if (row.url && /^https?:\/\//i.test(row.url))
    return (
      <a href={row.url} target="_blank" rel="noopener noreferrer">
        {title} <LinkOutlined aria-label={t('analytics.content.external')} />
      </a>
    );
  return <span>{title}</span>;
}

/** Content rows with their metrics, ranked as the API gave them. */
export function ContentTable({
  rows,
  testId,
  highlight,
}: {
  rows: readonly TContentRow[];
  testId?: string;
  /** The metric the rows are sorted by, shown in bold. */
  highlight?: string;
}) {
  const t = useT();
  const m = useMetricText();
  const strong = (key: string, text: string) =>
    key === highlight ? <Typography.Text strong>{text}</Typography.Text> : text;
  const columns: TableColumnsType<TContentRow> = [
    { key: 'rank', title: '#', width: 48, render: (_, __, i) => i + 1 },
    {
      key: 'title',
      title: t('analytics.content.title'),
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <ContentTitle row={r} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[r.format ? m.formatName(r.format) : null, r.pillar ? m.pillarName(r.pillar) : null]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: 'account',
      title: t('analytics.content.account'),
      render: (_, r) => (
        <Space size={4} wrap>
          <PlatformTag platform={r.platform} />
          {r.accountName}
        </Space>
      ),
    },
    {
      key: 'publishedAt',
      title: t('analytics.content.publishedAt'),
      render: (_, r) => <DateTime value={r.publishedAt} />,
    },
    ...METRIC_COLUMNS.map((key) => ({
      key,
      title: m.label(key),
      align: 'right' as const,
      render: (_: unknown, r: TContentRow) => strong(key, m.format(key, r.metrics[key])),
    })),
    {
      key: 'engagementRate',
      title: t('analytics.kpi.engagementRate'),
      align: 'right',
      render: (_, r) => strong('engagementRate', m.share(r.engagementRate)),
    },
  ];
  return (
    <Table<TContentRow>
      size="small"
      rowKey="postId"
      columns={columns}
      dataSource={[...rows]}
      pagination={false}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: t('analytics.content.empty') }}
      data-testid={testId}
    />
  );
}
