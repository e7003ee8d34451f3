import { DatePicker, Select, Space, Segmented } from 'antd';
import type { Dayjs } from 'dayjs';
import { PLATFORMS, type TAccount, type TPlatform } from '@yunce/contracts';
import { dayjs } from '../../../app/dates';
import { useT } from '../../../app/i18n/context';
import { useMetricText } from '../hooks';
import {
  RANGE_PRESETS,
  presetRange,
  type TDashboardFilters,
  type TRangePreset,
} from '../utils/filters';

const PRESET_KEYS = {
  '7d': 'analytics.range.7d',
  '30d': 'analytics.range.30d',
  thisMonth: 'analytics.range.thisMonth',
  lastMonth: 'analytics.range.lastMonth',
} as const;

/** Period, accounts and platform of the dashboard; every change goes to the URL. */
export function DashboardFilters({
  filters,
  setFilters,
  today,
  accounts,
  accountsLoading,
}: {
  filters: TDashboardFilters;
  setFilters: (patch: Partial<TDashboardFilters>) => void;
  today: string;
  accounts: readonly TAccount[];
  accountsLoading: boolean;
}) {
  const t = useT();
  const m = useMetricText();
  const platforms = PLATFORMS.filter((p) => accounts.some((a) => a.platform === p));
  const rangeValue: [Dayjs, Dayjs] = [dayjs(filters.from), dayjs(filters.to)];

  return (
    <Space wrap size={[12, 12]} style={{ marginBottom: 16 }} data-testid="analytics-filters">
      <Segmented<TRangePreset | 'custom'>
        value={filters.preset ?? 'custom'}
        onChange={(value) => {
          if (value === 'custom') return;
          setFilters({ ...presetRange(value, today), preset: value });
        }}
        options={[
          ...RANGE_PRESETS.map((p) => ({ value: p, label: t(PRESET_KEYS[p]) })),
          { value: 'custom' as const, label: t('analytics.range.custom'), disabled: true },
        ]}
        aria-label={t('analytics.filters.range')}
        data-testid="analytics-range-presets"
      />
      <DatePicker.RangePicker
        value={rangeValue}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(today), 'day')}
        onChange={(values) => {
          const [from, to] = values ?? [];
          if (!from || !to) return;
          setFilters({
            from: from.format('YYYY-MM-DD'),
            to: to.format('YYYY-MM-DD'),
            preset: null,
          });
        }}
        aria-label={t('analytics.filters.range')}
        data-testid="analytics-range"
      />
      <Select<string[]>
        mode="multiple"
        allowClear
        maxTagCount="responsive"
        style={{ minWidth: 240 }}
        placeholder={t('analytics.filters.allAccounts')}
        loading={accountsLoading}
        value={filters.accountIds}
        onChange={(accountIds) => setFilters({ accountIds })}
        optionFilterProp="label"
        options={accounts.map((a) => ({
          value: a.id,
          label: `${a.name}（${m.platform(a.platform)}）`,
        }))}
        aria-label={t('analytics.filters.accounts')}
        data-testid="analytics-accounts"
      />
      <Select<TPlatform | ''>
        style={{ minWidth: 140 }}
        value={filters.platform ?? ''}
        onChange={(value) => setFilters({ platform: value === '' ? undefined : value })}
        options={[
          { value: '' as const, label: t('analytics.filters.allPlatforms') },
          ...platforms.map((p) => ({ value: p, label: m.platform(p) })),
        ]}
        aria-label={t('analytics.filters.platform')}
        data-testid="analytics-platform"
      />
    </Space>
  );
}
