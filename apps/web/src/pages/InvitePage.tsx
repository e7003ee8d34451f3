import { Alert, Button, Space, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { TSession } from '@yunce/contracts';
import { useT } from '../app/i18n/context';
import { AuthLayout } from '../app/layout/AuthLayout';
import { useSessionQuery } from '../app/session';
import { useAcceptInvitation, useInvitationPreview } from '../modules/invitations/api';
import { InvitationSummary } from '../modules/invitations/components/InvitationSummary';
import { ErrorState, LoadingState } from '../ui/states';
import { useErrorMessage } from '../ui/use-error-message';

/** The workspace the person just joined: the one that is new in their session. */
function joinedWorkspaceId(before: TSession | null | undefined, after: TSession, name: string) {
  const known = new Set(before?.workspaces.map((w) => w.id) ?? []);
  return (
    after.workspaces.find((w) => !known.has(w.id))?.id ??
    after.workspaces.find((w) => w.name === name)?.id ??
    after.workspaces[0]?.id
  );
}

export default function InvitePage() {
  const t = useT();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const { token = '' } = useParams();
  const preview = useInvitationPreview(token);
  const session = useSessionQuery();
  const accept = useAcceptInvitation(token);

  const title = preview.data
    ? t('invite.title', { workspace: preview.data.workspaceName })
    : t('invite.titleGeneric');

  let body;
  if (preview.isPending || session.isPending) {
    body = <LoadingState />;
  } else if (preview.isError) {
    body = <ErrorState title={t('invite.invalid')} error={preview.error} />;
  } else if (session.data) {
    const signedIn = session.data;
    body = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <InvitationSummary preview={preview.data} />
        <Typography.Text type="secondary">
          {t('invite.signedInAs', { name: signedIn.user.displayName, email: signedIn.user.email })}
        </Typography.Text>
        {accept.isError ? <Alert type="error" showIcon title={errorMessage(accept.error)} /> : null}
        <Button
          type="primary"
          block
          loading={accept.isPending}
          data-testid="invite-accept"
          onClick={() =>
            accept.mutate(undefined, {
              onSuccess: (after) => {
                const id = joinedWorkspaceId(signedIn, after, preview.data.workspaceName);
                void navigate(id ? `/w/${id}/today` : '/', { replace: true });
              },
            })
          }
        >
          {t('invite.accept')}
        </Button>
      </Space>
    );
  } else {
    body = (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <InvitationSummary preview={preview.data} />
        <Button
          type="primary"
          block
          data-testid="invite-sign-up"
          onClick={() => void navigate(`/sign-up?invite=${encodeURIComponent(token)}`)}
        >
          {t('invite.signUpToJoin')}
        </Button>
        <Button
          block
          data-testid="invite-sign-in"
          onClick={() => void navigate(`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`)}
        >
          {t('invite.signInToJoin')}
        </Button>
      </Space>
    );
  }

  return (
    <AuthLayout title={title} subtitle={t('invite.subtitle')}>
      {body}
    </AuthLayout>
  );
}
