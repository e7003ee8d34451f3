import { createContext, useCallback, useContext } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { TSession } from '@yunce/contracts';
import { ApiError, api, setCsrfToken } from './api';

export const SESSION_KEY = ['session'] as const;

/** The current session, or null when nobody is signed in. */
async function fetchSession(): Promise<TSession | null> {
  try {
    const session = await api.get<TSession>('/auth/session', { allowUnauthorized: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Stores a session the API just returned (sign-in, sign-up, accepting an invitation). */
export function storeSession(queryClient: QueryClient, session: TSession | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, session);
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 5 * 60_000 });
}

/**
 * The signed-in session, provided by RequireAuth. Children read it from context rather than the
 * query, so on sign-out they are unmounted by the guard before they could see "no session".
 */
export const SessionContext = createContext<TSession | null>(null);

/** The signed-in session; only call below RequireAuth. */
export function useSession(): TSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside RequireAuth');
  return session;
}

/** Forgets every cached answer but the session, then stores the new session (or none). */
export function resetSession(queryClient: QueryClient, session: TSession | null): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  storeSession(queryClient, session);
}

export function useStoreSession() {
  const queryClient = useQueryClient();
  return useCallback(
    (session: TSession | null) => storeSession(queryClient, session),
    [queryClient],
  );
}

/**
 * Signs out, then reloads on the sign-in page: nothing of this person's data stays in memory for
 * whoever uses the browser next.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () =>
      api.post<{ ok: true }>('/auth/sign-out', undefined, { allowUnauthorized: true }),
    onSettled: () => {
      setCsrfToken(null);
      window.location.replace('/sign-in');
    },
  });
}

/** Re-reads the session (after the list of workspaces or their names changed). */
export function useRefreshSession() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: SESSION_KEY }), [queryClient]);
}
