import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PLATFORMS, type TListAccountsQuery, type TPlatform } from '@yunce/contracts';

export type TAccountStatusFilter = 'active' | 'archived' | 'all';
const STATUS_FILTERS: readonly TAccountStatusFilter[] = ['active', 'archived', 'all'];

/** The accounts list filters, kept in the URL so a filtered list can be shared and reloaded. */
export function useAccountFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<Required<Pick<TListAccountsQuery, 'status'>> & TListAccountsQuery>(() => {
    const status = params.get('status');
    const platform = params.get('platform');
    const q = params.get('q')?.trim();
    return {
      status: STATUS_FILTERS.includes(status as TAccountStatusFilter)
        ? (status as TAccountStatusFilter)
        : 'active',
      platform: PLATFORMS.includes(platform as TPlatform) ? (platform as TPlatform) : undefined,
      q: q ? q : undefined,
    };
  }, [params]);

  const setFilter = useCallback(
    (key: 'status' | 'platform' | 'q', value: string | undefined) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (!value || (key === 'status' && value === 'active')) next.delete(key);
          else next.set(key, value);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const isFiltered = Boolean(filters.platform || filters.q || filters.status !== 'active');
  return { filters, setFilter, isFiltered };
}
