import type { ApiErrorDetail } from '../app/api';

export type FieldPath = readonly (string | number)[];

export interface FieldErrors {
  name: (string | number)[];
  errors: string[];
}

export interface MappedErrors {
  /** Errors that belong to a field of the form, ready for antd `form.setFields`. */
  fields: FieldErrors[];
  /** Errors that name no field of the form: show them above the form. */
  unmatched: ApiErrorDetail[];
}

// Wrappers some validators put in front of the field path (`body.name`, `/body/name`).
const CONTAINER_SEGMENTS = new Set(['body', 'query', 'params']);

/**
 * Splits an API field name into a form path: `persona.ageBands.0`, `persona/ageBands/0`,
 * `persona.ageBands[0]` and `/body/persona/ageBands/0` all give ['persona', 'ageBands', 0].
 */
export function fieldToPath(field: string): (string | number)[] {
  const segments = field
    .replace(/\[(\w+)\]/g, '.$1')
    .split(/[./]/)
    .filter((s) => s.length > 0);
  if (segments.length > 1 && CONTAINER_SEGMENTS.has(segments[0]!)) segments.shift();
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function startsWith(path: readonly (string | number)[], prefix: FieldPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * Assigns each error detail to the deepest form field its path falls under (an error on
 * `persona.regions.3` lands on the `persona.regions` tags input); several messages on one field
 * are kept together. Details that match no field are returned as `unmatched`.
 */
export function mapErrorDetailsToFields(
  details: readonly ApiErrorDetail[],
  formFields: readonly FieldPath[],
): MappedErrors {
  const byField = new Map<string, FieldErrors>();
  const unmatched: ApiErrorDetail[] = [];
  for (const detail of details) {
    const path = fieldToPath(detail.field);
    let best: FieldPath | undefined;
    for (const candidate of formFields) {
      if (startsWith(path, candidate) && (!best || candidate.length > best.length))
        best = candidate;
    }
    if (!best) {
      unmatched.push(detail);
      continue;
    }
    const key = JSON.stringify(best);
    const entry = byField.get(key) ?? { name: [...best], errors: [] };
    if (!entry.errors.includes(detail.message)) entry.errors.push(detail.message);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unmatched };
}
