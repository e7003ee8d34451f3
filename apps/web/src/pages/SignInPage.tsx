import { Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeNextPath } from '../app/guards';
import { useT } from '../app/i18n/context';
import { AuthLayout } from '../app/layout/AuthLayout';
import { SignInForm } from '../modules/auth/components/SignInForm';

export default function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const inviteMatch = next ? /^\/invite\/([^/?#]+)/.exec(next) : null;
  const signUpHref = inviteMatch ? `/sign-up?invite=${inviteMatch[1]}` : '/sign-up';

  return (
    <AuthLayout title={t('auth.signIn.title')} subtitle={t('auth.signIn.subtitle')}>
      <SignInForm onSignedIn={() => void navigate(next ?? '/', { replace: true })} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('auth.signIn.noAccount')}{' '}
        <Link to={signUpHref} data-testid="goto-sign-up">
          {t('auth.signUp.title')}
        </Link>
      </Typography.Paragraph>
    </AuthLayout>
  );
}
