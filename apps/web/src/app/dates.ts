import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { TLocale } from '@yunce/contracts';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** dayjs's name for one of our locales. */
export function dayjsLocale(locale: TLocale): string {
  return locale === 'zh-CN' ? 'zh-cn' : 'en';
}

const FORMATS: Record<TLocale, { dateTime: string; date: string }> = {
  'zh-CN': { dateTime: 'YYYY年M月D日 HH:mm', date: 'YYYY年M月D日' },
  'en-US': { dateTime: 'MMM D, YYYY HH:mm', date: 'MMM D, YYYY' },
};

function inZone(iso: string, timeZone: string, locale: TLocale) {
  return dayjs(iso).tz(timeZone).locale(dayjsLocale(locale));
}

/** A UTC timestamp as wall-clock time in the workspace's zone: 2026年11月22日 21:56. */
export function formatDateTime(iso: string, timeZone: string, locale: TLocale): string {
  return inZone(iso, timeZone, locale).format(FORMATS[locale].dateTime);
}

/** The calendar date of a UTC timestamp in the workspace's zone: 2026年11月22日. */
export function formatDate(iso: string, timeZone: string, locale: TLocale): string {
  return inZone(iso, timeZone, locale).format(FORMATS[locale].date);
}

export { dayjs };
