/**
 * Helpers for the few hand-written statements that move many rows in one round trip
 * (`unnest` of array parameters), shared by PGlite and node-postgres.
 */

const NEEDS_ESCAPE = /[\\"]/;

/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) for one text parameter; cast it in SQL
 * (`::uuid[]`, `::timestamptz[]`). Passing one literal works the same on both drivers, which
 * serialise JavaScript arrays differently.
 */
export function pgArray(values: readonly (string | null)[]): string {
  const items = values.map((v) =>
    v === null
      ? 'NULL'
      : NEEDS_ESCAPE.test(v)
        ? `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
        : `"${v}"`,
  );
  return `{${items.join(',')}}`;
}

/** The rows of a raw `execute()` result (PGlite and node-postgres both answer `{ rows }`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  if (result && typeof result === 'object' && 'rows' in result && Array.isArray(result.rows)) {
    return result.rows.filter(
      (r): r is Record<string, unknown> => typeof r === 'object' && r !== null,
    );
  }
  return [];
}

/** A raw column value as text ('' for null), dates as ISO strings. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean')
    return String(value);
  if (value instanceof Date) return value.toISOString();
  return '';
}

/** textOf, but null for null or empty. */
export function textOrNull(value: unknown): string | null {
  const t = textOf(value);
  return t === '' ? null : t;
}
