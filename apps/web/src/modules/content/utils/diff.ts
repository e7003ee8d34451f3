export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };

/**
 * Character diff by longest common subsequence: fine for posts (a few thousand characters); for
 * longer texts the common prefix and suffix are trimmed first, which keeps typical edits cheap.
 */
export function diffText(before: string, after: string): DiffPart[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix])
    prefix++;
  let suffix = 0;
  while (
    suffix < before.length - prefix &&
    suffix < after.length - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  )
    suffix++;
  const a = before.slice(prefix, before.length - suffix);
  const b = after.slice(prefix, after.length - suffix);
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  push('same', before.slice(0, prefix));
  if (a.length * b.length > 4_000_000) {
    // Too big to compare character by character: show it as replaced.
    push('removed', a);
    push('added', b);
  } else {
    const n = a.length;
    const m = b.length;
    const table = new Uint32Array((n + 1) * (m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[i * (m + 1) + j] =
          a[i] === b[j]
            ? (table[(i + 1) * (m + 1) + j + 1] ?? 0) + 1
            : Math.max(table[(i + 1) * (m + 1) + j] ?? 0, table[i * (m + 1) + j + 1] ?? 0);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[i] === b[j]) {
        push('same', a[i] ?? '');
        i++;
        j++;
      } else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) {
        push('removed', a[i] ?? '');
        i++;
      } else {
        push('added', b[j] ?? '');
        j++;
      }
    }
    push('removed', a.slice(i));
    push('added', b.slice(j));
  }
  push('same', before.slice(before.length - suffix));
  return parts;
}
