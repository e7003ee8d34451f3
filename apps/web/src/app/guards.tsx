import { useEffect, type ReactNode } from 'react';
import type { TSession } from '@yunce/contracts';
import { readStoredLocale, useI18n } from './i18n/context';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorState, LoadingState } from '../ui/states';
import { SessionContext, useSessionQuery } from './session';

/** Only same-site paths are accepted as a place to return to after sign-in. */
export function safeNextPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
    return null;
  return next;
}

/** Renders children for a signed-in person; everyone else goes to sign-in and comes back after. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const session = useSessionQuery();
  if (session.isPending) return <LoadingState />;
  if (session.isError)
    return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${query}`} replace />;
  }
  return (
    <SessionContext.Provider value={session.data}>
      <AdoptProfileLocale session={session.data} />
      {children}
    </SessionContext.Provider>
  );
}

/** On a device where nobody picked a language yet, use the one saved in the person's profile. */
function AdoptProfileLocale({ session }: { session: TSession }) {
  const { locale, setLocale } = useI18n();
  const preferred = session.user.locale;
  useEffect(() => {
    if (readStoredLocale() === null && preferred !== locale) setLocale(preferred);
  }, [preferred, locale, setLocale]);
  return null;
}

/** Sign-in and sign-up: a signed-in person goes straight on. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const [params] = useSearchParams();
  const session = useSessionQuery();
  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={safeNextPath(params.get('next')) ?? '/'} replace />;
  // A failed session probe should not lock anybody out of the sign-in form.
  return <>{children}</>;
}

/** `/`: the first workspace's Today, or the welcome page for someone without a workspace. */
export function RootRedirect() {
  const session = useSessionQuery();
  const first = session.data?.workspaces[0];
  return <Navigate to={first ? `/w/${first.id}/today` : '/welcome'} replace />;
}
