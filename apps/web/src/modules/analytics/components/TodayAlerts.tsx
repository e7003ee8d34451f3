import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { AlertOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TAlert } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { useGoals } from '../../goals/api';
import { GoalStatusTag } from '../../goals/components/GoalBits';
import { needsAttention } from '../../goals/utils';
import { useAlerts } from '../api';
import { useMetricText } from '../hooks';
import { dashboardSearchFor } from '../utils/filters';
import { Sparkline } from './Sparkline';

const LATEST = 5;

/** 数据提醒 on Today: the latest anomalies and the goals that are behind, each a link to act on. */
export function TodayAlerts() {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const canRead = ws.can('analytics.read');
  const alerts = useAlerts(ws.workspaceId, canRead);
  const goals = useGoals(ws.workspaceId, canRead);
  if (!canRead) return null;

  const latest = [...(alerts.data ?? [])]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
    .slice(0, LATEST);
  const behind = (goals.data ?? []).filter(needsAttention).slice(0, LATEST);
  const alertLink = (a: TAlert) =>
    a.kind === 'goal_off_track'
      ? ws.path(a.goalId ? `goals/${a.goalId}` : 'goals')
      : `${ws.path('analytics/dashboard')}${dashboardSearchFor(a.accountId, a.date)}`;
  const loading = alerts.isPending || goals.isPending;
  const failed = alerts.isError && goals.isError;

  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <>
          <AlertOutlined /> {t('analytics.today.title')}
        </>
      }
      extra={<Link to={ws.path('analytics/dashboard')}>{t('analytics.today.gotoDashboard')}</Link>}
      loading={loading}
      data-testid="today-analytics"
    >
      {failed ? (
        <Typography.Text type="secondary">{t('analytics.today.failed')}</Typography.Text>
      ) : latest.length === 0 && behind.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('analytics.today.none')} />
      ) : (
        <List size="small">
          {behind.map((g) => (
            <List.Item key={g.id} data-testid={`today-goal-${g.id}`}>
              <Space wrap size={4}>
                <GoalStatusTag status={g.progress.status} />
                <Link to={ws.path(`goals/${g.id}`)}>{g.name}</Link>
                <Typography.Text type="secondary">
                  {t('goals.currentOfTarget', {
                    current: m.format(g.metric, g.progress.current),
                    target: m.format(g.metric, g.target),
                  })}
                </Typography.Text>
              </Space>
            </List.Item>
          ))}
          {latest.map((a) => (
            <List.Item key={a.id} data-testid={`today-alert-${a.id}`}>
              <Space wrap size={4}>
                <Tag
                  color={
                    a.direction === 'spike'
                      ? 'green'
                      : a.kind === 'goal_off_track'
                        ? 'red'
                        : 'orange'
                  }
                >
                  {a.kind === 'goal_off_track'
                    ? t('analytics.alert.goal')
                    : a.direction === 'spike'
                      ? t('analytics.alert.spike')
                      : t('analytics.alert.drop')}
                </Tag>
                {a.kind === 'anomaly' ? (
                  <Sparkline
                    values={a.evidence.map((e) => e.value)}
                    point={a.value}
                    baseline={a.baseline}
                    label={a.message}
                  />
                ) : null}
                <Link to={alertLink(a)}>{a.message}</Link>
                <Typography.Text type="secondary">
                  {[a.accountName, m.day(a.date)].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
