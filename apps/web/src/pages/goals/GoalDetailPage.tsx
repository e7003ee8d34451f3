import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  List,
  Popconfirm,
  Row,
  Space,
  Typography,
} from 'antd';
import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { buildGoalForecastOption } from '../../modules/analytics/charts/goal';
import { EChart } from '../../modules/analytics/components/EChart';
import { useMetricText } from '../../modules/analytics/hooks';
import { useDeleteGoal, useGoal, useGoals } from '../../modules/goals/api';
import { GoalFormDrawer } from '../../modules/goals/components/GoalFormDrawer';
import { GoalProgress, GoalStatusTag, SmartLetters } from '../../modules/goals/components/GoalBits';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { buttonWithTestId } from '../../ui/test-id';
import { useErrorMessage } from '../../ui/use-error-message';

/** One goal: how it is going, where the trend leads, why, and its phases. */
export default function GoalDetailPage() {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { goalId = '' } = useParams();
  const canRead = ws.can('analytics.read');
  const canWrite = ws.can('goals.write');
  const goal = useGoal(ws.workspaceId, goalId);
  const all = useGoals(ws.workspaceId, canRead);
  const remove = useDeleteGoal(ws.workspaceId);
  const [editing, setEditing] = useState(false);
  const detail = goal.data;
  const option = useMemo(
    () =>
      detail
        ? buildGoalForecastOption(detail, {
            actual: t('goals.chart.actual'),
            projection: t('goals.chart.projection'),
            band: t('goals.chart.band'),
            target: t('goals.field.target'),
            format: (v) => m.format(detail.metric, v),
            dateLabel: m.day,
          })
        : null,
    [detail, m, t],
  );

  if (!canRead) return <Forbidden />;
  if (goal.isPending) return <LoadingState />;
  if (goal.isError) return <ErrorState error={goal.error} onRetry={() => void goal.refetch()} />;
  const g = goal.data;
  const parent = all.data?.find((p) => p.id === g.parentId);
  const fmt = (v: number | null) => m.format(g.metric, v);

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {g.name}
            <GoalStatusTag status={g.progress.status} />
          </Space>
        }
        documentTitle={g.name}
        subtitle={<Link to={ws.path('goals')}>{t('goals.back')}</Link>}
        extra={
          canWrite ? (
            <>
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                data-testid="goal-edit"
              >
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('goals.delete.confirm', { name: g.name })}
                description={g.children.length > 0 ? t('goals.delete.children') : undefined}
                onConfirm={() =>
                  remove.mutate(g.id, {
                    onSuccess: () => {
                      void message.success(t('goals.delete.done'));
                      void navigate(ws.path('goals'));
                    },
                    onError: (e) => void message.error(errorMessage(e)),
                  })
                }
                okButtonProps={buttonWithTestId('confirm-ok', { danger: true })}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="goal-delete">
                  {t('goals.delete')}
                </Button>
              </Popconfirm>
            </>
          ) : null
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card data-testid="goal-summary">
              <GoalProgress goal={g} />
              <Alert
                style={{ marginTop: 12 }}
                type={
                  g.progress.status === 'off_track'
                    ? 'error'
                    : g.progress.status === 'at_risk'
                      ? 'warning'
                      : g.progress.status === 'achieved'
                        ? 'success'
                        : 'info'
                }
                showIcon
                title={g.progress.explanation}
                data-testid="goal-explanation"
              />
              <Descriptions
                style={{ marginTop: 12 }}
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'metric', label: t('goals.field.metric'), children: m.label(g.metric) },
                  {
                    key: 'scope',
                    label: t('goals.field.scope'),
                    children:
                      g.scope === 'account'
                        ? (g.accountName ?? t('goals.scope.account'))
                        : t('goals.scope.workspace'),
                  },
                  { key: 'baseline', label: t('goals.field.baseline'), children: fmt(g.baseline) },
                  { key: 'target', label: t('goals.field.target'), children: fmt(g.target) },
                  { key: 'current', label: t('goals.current'), children: fmt(g.progress.current) },
                  {
                    key: 'projected',
                    label: t('goals.projected'),
                    children:
                      g.progress.projected === null
                        ? '—'
                        : t('goals.projectedRange', {
                            value: fmt(g.progress.projected),
                            low: fmt(g.progress.low),
                            high: fmt(g.progress.high),
                          }),
                  },
                  {
                    key: 'probability',
                    label: t('goals.probability'),
                    children: m.share(g.progress.probability),
                  },
                  {
                    key: 'period',
                    label: t('goals.period'),
                    children: m.range(g.startDate, g.endDate),
                  },
                  { key: 'owner', label: t('goals.field.owner'), children: g.ownerName ?? '—' },
                  {
                    key: 'parent',
                    label: t('goals.field.parent'),
                    children: g.parentId ? (
                      <Link to={ws.path(`goals/${g.parentId}`)}>
                        {parent?.name ?? t('goals.parentLink')}
                      </Link>
                    ) : (
                      '—'
                    ),
                  },
                ]}
              />
              {g.note ? (
                <Typography.Paragraph style={{ marginTop: 12, whiteSpace: 'pre-wrap' }}>
                  <Typography.Text type="secondary">{t('goals.field.note')}：</Typography.Text>
                  {g.note}
                </Typography.Paragraph>
              ) : null}
            </Card>
            <Card title={t('goals.chart.title')} data-testid="goal-chart">
              {g.actual.length === 0 && g.projection.length === 0 ? (
                <EmptyState description={t('goals.chart.empty')} />
              ) : option ? (
                <EChart option={option} height={340} label={t('goals.chart.title')} />
              ) : null}
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('goals.smart.title')} size="small">
              <SmartLetters smart={g.smart} testId="goal-detail-smart" />
            </Card>
            <Card title={t('goals.children')} size="small" data-testid="goal-children">
              {g.children.length === 0 ? (
                <Typography.Text type="secondary">{t('goals.childrenNone')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={g.children}
                  renderItem={(c) => (
                    <List.Item>
                      <Link to={ws.path(`goals/${c.id}`)}>{c.name}</Link>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
      </Row>
      {canWrite ? (
        <GoalFormDrawer open={editing} goal={g} onClose={() => setEditing(false)} />
      ) : null}
    </>
  );
}
