import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { TGoal } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useMetricText } from '../../analytics/hooks';
import { GoalProgress, GoalStatusTag, SmartTags } from './GoalBits';

/** Goals with their progress, status and chance of being met; children under their parent. */
export function GoalsTable({ goals, compact }: { goals: readonly TGoal[]; compact?: boolean }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  // Phases sit under their long-term goal; a goal whose parent is not listed stays at the top.
  const ids = new Set(goals.map((g) => g.id));
  type Row = TGoal & { children?: Row[] };
  const toRow = (g: TGoal): Row => {
    const children = goals.filter((c) => c.parentId === g.id).map(toRow);
    return children.length > 0 ? { ...g, children } : { ...g };
  };
  const rows = compact
    ? goals.map((g) => ({ ...g }))
    : goals.filter((g) => !g.parentId || !ids.has(g.parentId)).map(toRow);

  const columns: TableColumnsType<Row> = [
    {
      key: 'name',
      title: t('goals.field.name'),
      render: (_, g) => (
        <Link to={ws.path(`goals/${g.id}`)} data-testid={`goal-link-${g.id}`}>
          {g.name}
        </Link>
      ),
    },
    { key: 'metric', title: t('goals.field.metric'), render: (_, g) => m.label(g.metric) },
    {
      key: 'scope',
      title: t('goals.field.scope'),
      render: (_, g) =>
        g.scope === 'account'
          ? (g.accountName ?? t('goals.scope.account'))
          : t('goals.scope.workspace'),
    },
    { key: 'progress', title: t('goals.progress'), render: (_, g) => <GoalProgress goal={g} /> },
    {
      key: 'status',
      title: t('goals.statusLabel'),
      render: (_, g) => <GoalStatusTag status={g.progress.status} />,
    },
    {
      key: 'probability',
      title: t('goals.probability'),
      align: 'right',
      render: (_, g) => m.share(g.progress.probability),
    },
    ...(compact
      ? []
      : ([
          {
            key: 'period',
            title: t('goals.period'),
            render: (_: unknown, g: Row) => (
              <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                {m.range(g.startDate, g.endDate)}
              </Typography.Text>
            ),
          },
          {
            key: 'owner',
            title: t('goals.field.owner'),
            render: (_: unknown, g: Row) => g.ownerName ?? '—',
          },
          {
            key: 'smart',
            title: 'SMART',
            render: (_: unknown, g: Row) => <SmartTags smart={g.smart} />,
          },
        ] satisfies TableColumnsType<Row>)),
  ];
  return (
    <Table<Row>
      rowKey="id"
      size={compact ? 'small' : 'middle'}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
      expandable={{ defaultExpandAllRows: true }}
      data-testid="goals-table"
    />
  );
}
