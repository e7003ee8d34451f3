import { useEffect, useState } from 'react';
import { Input, Segmented, Select, Space } from 'antd';
import { PLATFORMS, type TPlatform } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import type { useAccountFilters } from '../hooks';
import { platformName } from '../platforms';

type Filters = ReturnType<typeof useAccountFilters>;

export function AccountFilters({ filters, setFilter }: Pick<Filters, 'filters' | 'setFilter'>) {
  const { t, locale } = useI18n();
  const [q, setQ] = useState(filters.q ?? '');

  // Typing settles for a moment before the list is asked again.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      if ((filters.q ?? '') !== q.trim()) setFilter('q', q.trim() || undefined);
    }, 300);
    return () => window.clearTimeout(timer);
  }, [q, filters.q, setFilter]);

  return (
    <Space wrap size="middle" style={{ marginBottom: 16 }}>
      <Segmented
        value={filters.status}
        onChange={(value) => setFilter('status', value)}
        options={[
          {
            value: 'active',
            label: <span data-testid="accounts-status-active">{t('account.status.active')}</span>,
          },
          {
            value: 'archived',
            label: (
              <span data-testid="accounts-status-archived">{t('account.status.archived')}</span>
            ),
          },
          {
            value: 'all',
            label: <span data-testid="accounts-status-all">{t('account.status.all')}</span>,
          },
        ]}
      />
      <Select<TPlatform>
        allowClear
        placeholder={t('account.filter.allPlatforms')}
        value={filters.platform}
        onChange={(value) => setFilter('platform', value)}
        style={{ minWidth: 180 }}
        data-testid="accounts-platform-filter"
        options={PLATFORMS.map((p) => ({ value: p, label: platformName(p, locale) }))}
      />
      <Input.Search
        allowClear
        placeholder={t('account.filter.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(value) => setFilter('q', value.trim() || undefined)}
        style={{ width: 240 }}
        data-testid="accounts-search"
      />
    </Space>
  );
}
