import { useMemo } from 'react';
import { DEFAULT_TIME_ZONE, formatDate, formatDateTime } from './dates';
import { useI18n } from './i18n/context';
import { useOptionalWorkspace } from './workspace';

/** Date formatters in the current workspace's time zone (Asia/Shanghai outside a workspace). */
export function useDates() {
  const { locale } = useI18n();
  const timeZone = useOptionalWorkspace()?.timeZone ?? DEFAULT_TIME_ZONE;
  return useMemo(
    () => ({
      timeZone,
      dateTime: (iso: string) => formatDateTime(iso, timeZone, locale),
      date: (iso: string) => formatDate(iso, timeZone, locale),
    }),
    [timeZone, locale],
  );
}
