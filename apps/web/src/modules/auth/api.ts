import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TSession, TSignInBody, TSignUpBody } from '@yunce/contracts';
import { api } from '../../app/api';
import { resetSession } from '../../app/session';

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    // A wrong password is a 401 the form shows, not a reason to bounce to sign-in.
    mutationFn: (body: TSignInBody) =>
      api.post<TSession>('/auth/sign-in', body, { allowUnauthorized: true }),
    onSuccess: (session) => resetSession(queryClient, session),
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TSignUpBody) =>
      api.post<TSession>('/auth/sign-up', body, { allowUnauthorized: true }),
    onSuccess: (session) => resetSession(queryClient, session),
  });
}
