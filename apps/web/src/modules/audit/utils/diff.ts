export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** Dotted path of the field, e.g. `persona.regions`; empty when the whole value is a scalar. */
  path: string;
  before: unknown;
  after: unknown;
  kind: ChangeKind;
}

// Identity and bookkeeping columns: they never change meaningfully and would drown the change.
const IGNORED_FIELDS = new Set(['id', 'workspaceId', 'createdAt', 'updatedAt']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Nested objects become dotted paths; arrays and scalars are leaves. */
function flatten(value: Record<string, unknown>, prefix = '', out = new Map<string, unknown>()) {
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(child) && Object.keys(child).length > 0) flatten(child, path, out);
    else out.set(path, child);
  }
  return out;
}

function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isPlainObject(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

const isBlank = (value: unknown) =>
  value === null ||
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0);

/**
 * The fields that differ between an audit entry's before and after, in the order they appear.
 * A creation (no before) lists the fields that were set; a deletion (no after) the ones removed.
 */
export function diffAuditValues(before: unknown, after: unknown): FieldChange[] {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    if (stable(before ?? null) === stable(after ?? null)) return [];
    const kind: ChangeKind = isBlank(before) ? 'added' : isBlank(after) ? 'removed' : 'changed';
    return [{ path: '', before, after, kind }];
  }
  const b = isPlainObject(before) ? flatten(before) : new Map<string, unknown>();
  const a = isPlainObject(after) ? flatten(after) : new Map<string, unknown>();
  const paths = [...new Set([...b.keys(), ...a.keys()])];
  const changes: FieldChange[] = [];
  for (const path of paths) {
    if (IGNORED_FIELDS.has(path)) continue;
    const was = b.get(path);
    const now = a.get(path);
    if (stable(was ?? null) === stable(now ?? null)) continue;
    if (isBlank(was) && isBlank(now)) continue;
    const kind: ChangeKind =
      !b.has(path) || isBlank(was) ? 'added' : !a.has(path) || isBlank(now) ? 'removed' : 'changed';
    changes.push({ path, before: was, after: now, kind });
  }
  return changes;
}

/** A value as short text for the diff table. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.length === 0 ? '—' : value.map(formatAuditValue).join(', ');
  return JSON.stringify(value);
}
