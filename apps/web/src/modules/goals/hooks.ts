import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `delayMs` (compared by its JSON, so objects work). */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const key = JSON.stringify(value);
  const [settled, setSettled] = useState<{ key: string; value: T }>({ key, value });
  useEffect(() => {
    if (key === settled.key) return;
    const timer = setTimeout(() => setSettled({ key, value }), delayMs);
    return () => clearTimeout(timer);
  }, [key, value, delayMs, settled.key]);
  return settled.value;
}
