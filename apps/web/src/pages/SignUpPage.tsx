import { Alert, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useT } from '../app/i18n/context';
import { AuthLayout } from '../app/layout/AuthLayout';
import { SignUpForm } from '../modules/auth/components/SignUpForm';
import { useInvitationPreview } from '../modules/invitations/api';
import { InvitationSummary } from '../modules/invitations/components/InvitationSummary';
import { LoadingState } from '../ui/states';
import { useErrorMessage } from '../ui/use-error-message';

export default function SignUpPage() {
  const t = useT();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [params] = useSearchParams();
  const inviteToken = params.get('invite') ?? undefined;
  const preview = useInvitationPreview(inviteToken);
  const signInHref = inviteToken
    ? `/sign-in?next=${encodeURIComponent(`/invite/${inviteToken}`)}`
    : '/sign-in';

  return (
    <AuthLayout
      title={inviteToken ? t('auth.signUp.titleJoin') : t('auth.signUp.title')}
      subtitle={inviteToken ? t('auth.signUp.subtitleJoin') : t('auth.signUp.subtitle')}
    >
      {preview.data ? (
        <div style={{ marginBottom: 16 }}>
          <InvitationSummary preview={preview.data} />
        </div>
      ) : null}
      {preview.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('invite.invalid')}
          description={errorMessage(preview.error)}
        />
      ) : null}
      {inviteToken && preview.isPending ? (
        <LoadingState />
      ) : (
        <SignUpForm
          inviteToken={preview.isError ? undefined : inviteToken}
          invitedEmail={preview.data?.email}
          onSignedUp={(session) => {
            const first = session.workspaces[0];
            void navigate(first ? `/w/${first.id}/today` : '/welcome', { replace: true });
          }}
        />
      )}
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('auth.signUp.haveAccount')}{' '}
        <Link to={signInHref} data-testid="goto-sign-in">
          {t('auth.signIn.title')}
        </Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
