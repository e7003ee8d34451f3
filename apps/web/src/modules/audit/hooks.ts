import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditFilters } from './api';

const KEYS = ['actorUserId', 'entityType', 'entityId', 'from', 'to'] as const;
type Key = (typeof KEYS)[number];

/** Audit filters in the URL, so "history of this account" is a link. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(() => {
    const out: AuditFilters = {};
    for (const key of KEYS) {
      const value = params.get(key)?.trim();
      if (value) out[key] = value;
    }
    return out;
  }, [params]);

  const setFilters = useCallback(
    (changes: Partial<Record<Key, string | undefined>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(changes)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { filters, setFilters };
}
