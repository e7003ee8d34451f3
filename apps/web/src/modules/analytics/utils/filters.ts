import { PLATFORMS, type TAnalyticsQuery, type TPlatform } from '@yunce/contracts';
import { dayjs } from '../../../app/dates';

/** Quick choices of the dashboard's date range; relative, so a shared link stays "the last 7 days". */
export const RANGE_PRESETS = ['7d', '30d', 'thisMonth', 'lastMonth'] as const;
export type TRangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_RANGE_PRESET: TRangePreset = '30d';

export interface TDashboardFilters {
  from: string;
  to: string;
  /** The quick choice the range came from, or null for a custom range. */
  preset: TRangePreset | null;
  accountIds: string[];
  platform: TPlatform | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isDate(value: string | null): value is string {
  return value !== null && DATE.test(value) && dayjs.utc(value).format('YYYY-MM-DD') === value;
}

/** The days a quick choice covers, `today` being the workspace's calendar date (YYYY-MM-DD). */
export function presetRange(preset: TRangePreset, today: string): { from: string; to: string } {
  const day = dayjs.utc(today);
  switch (preset) {
    case '7d':
      return { from: day.subtract(6, 'day').format('YYYY-MM-DD'), to: today };
    case '30d':
      return { from: day.subtract(29, 'day').format('YYYY-MM-DD'), to: today };
    case 'thisMonth':
      return { from: day.startOf('month').format('YYYY-MM-DD'), to: today };
    case 'lastMonth': {
      const last = day.startOf('month').subtract(1, 'month');
      return {
        from: last.format('YYYY-MM-DD'),
        to: last.endOf('month').format('YYYY-MM-DD'),
      };
    }
  }
}

/** The dashboard filters in a URL query: `range=7d` or `from`+`to`, `accounts=a,b`, `platform`. */
export function readFilters(params: URLSearchParams, today: string): TDashboardFilters {
  const from = params.get('from');
  const to = params.get('to');
  const range = params.get('range');
  const platform = params.get('platform');
  const accountIds = (params.get('accounts') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => UUID.test(s));
  const scope = {
    accountIds: [...new Set(accountIds)],
    platform: PLATFORMS.includes(platform as TPlatform) ? (platform as TPlatform) : undefined,
  };
  if (!range && isDate(from) && isDate(to) && from <= to) {
    return { from, to, preset: null, ...scope };
  }
  const preset = RANGE_PRESETS.includes(range as TRangePreset)
    ? (range as TRangePreset)
    : DEFAULT_RANGE_PRESET;
  return { ...presetRange(preset, today), preset, ...scope };
}

/** Writes filters back into a query string, leaving out defaults so plain links stay short. */
export function writeFilters(
  prev: URLSearchParams,
  filters: Pick<TDashboardFilters, 'from' | 'to' | 'preset' | 'accountIds' | 'platform'>,
): URLSearchParams {
  const next = new URLSearchParams(prev);
  for (const key of ['range', 'from', 'to', 'accounts', 'platform']) next.delete(key);
  if (filters.preset) {
    if (filters.preset !== DEFAULT_RANGE_PRESET) next.set('range', filters.preset);
  } else {
    next.set('from', filters.from);
    next.set('to', filters.to);
  }
  if (filters.accountIds.length > 0) next.set('accounts', filters.accountIds.join(','));
  if (filters.platform) next.set('platform', filters.platform);
  return next;
}

/** The query every dashboard tile takes. */
export function toAnalyticsQuery(filters: TDashboardFilters): TAnalyticsQuery {
  return {
    from: filters.from,
    to: filters.to,
    ...(filters.accountIds.length > 0 ? { accountIds: filters.accountIds.join(',') } : {}),
    ...(filters.platform ? { platform: filters.platform } : {}),
  };
}

/** A dashboard link for one account around one day (where an alert sends the reader). */
export function dashboardSearchFor(accountId: string | null, date: string): string {
  const day = dayjs.utc(date.slice(0, 10));
  const params = new URLSearchParams();
  params.set('from', day.subtract(27, 'day').format('YYYY-MM-DD'));
  params.set('to', day.add(3, 'day').format('YYYY-MM-DD'));
  if (accountId) params.set('accounts', accountId);
  return `?${params.toString()}`;
}
