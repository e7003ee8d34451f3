import { List, Progress, Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { TGoal } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useMetricText } from '../../analytics/hooks';
import { GOAL_STATUS_COLOR, progressPercent, type TGoalStatus } from '../utils';

export function GoalStatusTag({ status }: { status: TGoalStatus }) {
  const t = useT();
  return (
    <Tag color={GOAL_STATUS_COLOR[status]} data-testid={`goal-status-${status}`}>
      {t(`goals.status.${status}`)}
    </Tag>
  );
}

/** The bar from baseline to target with the current value and the target in words. */
export function GoalProgress({ goal }: { goal: TGoal }) {
  const m = useMetricText();
  const t = useT();
  const { progress } = goal;
  const status =
    progress.status === 'achieved'
      ? 'success'
      : progress.status === 'off_track'
        ? 'exception'
        : 'normal';
  return (
    <div style={{ minWidth: 180 }}>
      <Progress
        percent={progressPercent(progress.ratio)}
        status={status}
        size="small"
        aria-label={t('goals.progress')}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('goals.currentOfTarget', {
          current: m.format(goal.metric, progress.current),
          target: m.format(goal.metric, goal.target),
        })}
      </Typography.Text>
    </div>
  );
}

/** S/M/A/R/T, each passed or with a warning and the reason. */
export function SmartLetters({
  smart,
  loading,
  testId,
}: {
  smart: TGoal['smart'];
  loading?: boolean;
  testId?: string;
}) {
  const t = useT();
  return (
    <List
      size="small"
      loading={loading}
      dataSource={smart}
      data-testid={testId}
      locale={{ emptyText: t('goals.smart.waiting') }}
      renderItem={(s) => (
        <List.Item data-testid={`smart-${s.letter}`} data-status={s.status}>
          <Space align="start">
            {s.status === 'pass' ? (
              <CheckCircleFilled style={{ color: '#52c41a' }} aria-label={t('goals.smart.pass')} />
            ) : (
              <ExclamationCircleFilled
                style={{ color: '#faad14' }}
                aria-label={t('goals.smart.warn')}
              />
            )}
            <div>
              <Typography.Text strong>
                {s.letter} · {t(`goals.smart.letter.${s.letter}`)}
              </Typography.Text>
              <div>
                <Typography.Text type={s.status === 'pass' ? 'secondary' : 'warning'}>
                  {s.reason}
                </Typography.Text>
              </div>
            </div>
          </Space>
        </List.Item>
      )}
    />
  );
}

/** The five letters as compact tags (for tables). */
export function SmartTags({ smart }: { smart: TGoal['smart'] }) {
  return (
    <Space size={2}>
      {smart.map((s) => (
        <Tag
          key={s.letter}
          color={s.status === 'pass' ? 'green' : 'gold'}
          title={s.reason}
          style={{ marginInlineEnd: 0 }}
        >
          {s.letter}
        </Tag>
      ))}
    </Space>
  );
}
