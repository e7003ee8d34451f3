import { Card } from 'antd';
import { useT } from '../../app/i18n/context';
import { useWorkspace, useWorkspaceQuery } from '../../app/workspace';
import { WorkspaceSettingsForm } from '../../modules/workspaces/components/WorkspaceSettingsForm';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';

export default function WorkspaceSettingsPage() {
  const t = useT();
  const ws = useWorkspace();
  const workspace = useWorkspaceQuery(ws.workspaceId);

  return (
    <>
      <PageHeader title={t('nav.settingsWorkspace')} subtitle={t('settings.workspace.subtitle')} />
      <Card>
        {workspace.isPending ? (
          <LoadingState />
        ) : workspace.isError ? (
          <ErrorState error={workspace.error} onRetry={() => void workspace.refetch()} />
        ) : (
          <WorkspaceSettingsForm
            key={workspace.data.id}
            workspace={workspace.data}
            canEdit={ws.can('workspace.update')}
          />
        )}
      </Card>
    </>
  );
}
