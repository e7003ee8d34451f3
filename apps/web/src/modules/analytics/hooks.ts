import { useCallback, useMemo } from 'react';
import { App } from 'antd';
import { useSearchParams } from 'react-router';
import type { TPlatform } from '@yunce/contracts';
import {
  CONTENT_FORMAT_LABELS,
  CONTENT_PILLAR_LABELS,
  WEEKDAY_LABELS,
  platformName,
} from '@yunce/core';
import type { QueryValue } from '../../app/api';
import { dayjs } from '../../app/dates';
import { useI18n } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useErrorMessage } from '../../ui/use-error-message';
import { downloadFromApi } from './utils/download';
import {
  readFilters,
  toAnalyticsQuery,
  writeFilters,
  type TDashboardFilters,
} from './utils/filters';
import {
  formatChange,
  formatCount,
  formatMetric,
  formatShare,
  metricFormat,
  metricLabel,
} from './utils/metrics';

/** Metric names and value formats in the current language. */
export function useMetricText() {
  const { locale } = useI18n();
  return useMemo(
    () => ({
      locale,
      label: (key: string, platform?: TPlatform) => metricLabel(key, locale, platform),
      format: (key: string, value: number | null | undefined) => formatMetric(key, value, locale),
      count: (value: number | null | undefined) => formatCount(value, locale),
      share: formatShare,
      change: formatChange,
      isRate: (key: string) => metricFormat(key) === 'rate',
      platform: (platform: TPlatform) => platformName(platform, locale),
      weekdays: WEEKDAY_LABELS.map((w) => w[locale]),
      /** A content format key (short_video) by name; unknown keys as they are. */
      formatName: (key: string) => CONTENT_FORMAT_LABELS[key]?.[locale] ?? key,
      /** A built-in pillar key by name; custom pillars as they are. */
      pillarName: (key: string) => CONTENT_PILLAR_LABELS[key]?.[locale] ?? key,
      /** A YYYY-MM-DD bucket or date as the locale writes short dates. */
      day: (date: string) =>
        dayjs(date.slice(0, 10)).format(locale === 'zh-CN' ? 'M月D日' : 'MMM D'),
      /** Two YYYY-MM-DD dates as a period; the year is written once when both share it. */
      range: (from: string, to: string) => {
        const a = dayjs(from.slice(0, 10));
        const b = dayjs(to.slice(0, 10));
        const full = locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY';
        const short = locale === 'zh-CN' ? 'M月D日' : 'MMM D';
        return `${a.format(a.year() === b.year() ? short : full)} – ${b.format(full)}`;
      },
      /** A YYYY-MM-DD as a full date. */
      date: (date: string) =>
        dayjs(date.slice(0, 10)).format(locale === 'zh-CN' ? 'YYYY年M月D日' : 'MMM D, YYYY'),
    }),
    [locale],
  );
}

export type MetricText = ReturnType<typeof useMetricText>;

/** The workspace's calendar date today. */
export function useWorkspaceToday(): string {
  const ws = useWorkspace();
  return dayjs().tz(ws.timeZone).format('YYYY-MM-DD');
}

/** The dashboard filters, kept in the URL so a view can be shared and reloaded. */
export function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  const today = useWorkspaceToday();
  const filters = useMemo(() => readFilters(params, today), [params, today]);
  const query = useMemo(() => toAnalyticsQuery(filters), [filters]);
  const setFilters = useCallback(
    (patch: Partial<TDashboardFilters>) =>
      setParams((prev) => writeFilters(prev, { ...readFilters(prev, today), ...patch }), {
        replace: true,
      }),
    [setParams, today],
  );
  return { filters, query, setFilters, today };
}

/** Downloads an API-generated file and reports a failure as a message. */
export function useApiDownload() {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  return useCallback(
    (path: string, query: Record<string, QueryValue>, fallbackName: string) =>
      downloadFromApi(path, query, fallbackName, locale).catch((error: unknown) => {
        void message.error(errorMessage(error));
      }),
    [locale, message, errorMessage],
  );
}
