import { useCallback } from 'react';
import { ApiError, CLIENT_ERROR_CODES } from '../app/api';
import { useI18n } from '../app/i18n/context';

// Codes whose localised sentence says everything; for the others the server's detail is kept.
const SELF_EXPLANATORY = new Set(['UNAUTHENTICATED', 'CSRF', 'INTERNAL', 'RATE_LIMITED']);

/**
 * A sentence for any error. The API's messages are English; in Chinese the error code's own
 * sentence leads and the server's detail follows in brackets, so nothing specific is lost.
 */
export function useErrorMessage() {
  const { t, tMaybe, locale } = useI18n();
  return useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('errors.unknown');
      if (error.code === CLIENT_ERROR_CODES.network) return t('errors.network');
      if (error.code === CLIENT_ERROR_CODES.unexpected) {
        return t('errors.unexpected', { status: error.status });
      }
      if (locale === 'en-US') return error.message;
      const known = tMaybe(`errors.code.${error.code}`);
      if (!known) return error.message;
      return SELF_EXPLANATORY.has(error.code) ? known : `${known}（${error.message}）`;
    },
    [t, tMaybe, locale],
  );
}
