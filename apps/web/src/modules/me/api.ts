import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSession, TUpdateMeBody, TUser } from '@yunce/contracts';
import { api } from '../../app/api';
import { SESSION_KEY } from '../../app/session';

export function updateMe(body: TUpdateMeBody): Promise<TUser> {
  return api.patch<TUser>('/me', body);
}

/** PATCH /me, and the session's copy of the user follows. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => {
      queryClient.setQueryData<TSession | null>(SESSION_KEY, (session) =>
        session ? { ...session, user } : session,
      );
    },
  });
}
