import { useState } from 'react';
import { Button, Card } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useGoals } from '../../modules/goals/api';
import { GoalFormDrawer } from '../../modules/goals/components/GoalFormDrawer';
import { GoalsTable } from '../../modules/goals/components/GoalsTable';
import { Forbidden } from '../../ui/Forbidden';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';

/** 目标: every goal with progress computed from the data and a forecast of whether it is met. */
export default function GoalsPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const canRead = ws.can('analytics.read');
  const canWrite = ws.can('goals.write');
  const goals = useGoals(ws.workspaceId, canRead);
  const [creating, setCreating] = useState(false);

  if (!canRead) return <Forbidden />;

  const createButton = canWrite ? (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => setCreating(true)}
      data-testid="goal-new"
    >
      {t('goals.create.button')}
    </Button>
  ) : null;

  let body;
  if (goals.isPending) body = <LoadingState />;
  else if (goals.isError)
    body = <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />;
  else if (goals.data.length === 0)
    body = (
      <EmptyState
        testId="goals-empty"
        description={canWrite ? t('goals.empty.body') : t('goals.empty.bodyReadOnly')}
        action={createButton}
      />
    );
  else body = <GoalsTable goals={goals.data} />;

  return (
    <>
      <PageHeader title={t('nav.goals')} subtitle={t('goals.subtitle')} extra={createButton} />
      <Card>{body}</Card>
      {canWrite ? (
        <GoalFormDrawer
          open={creating}
          goal={null}
          onClose={() => setCreating(false)}
          onSaved={(g) => void navigate(ws.path(`goals/${g.id}`))}
        />
      ) : null}
    </>
  );
}
