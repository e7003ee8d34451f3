/** A run of text and the findings (by index) that cover it. */
export type Segment = { start: number; end: number; text: string; findings: number[] };

/**
 * Cuts a text into runs at every finding boundary, so overlapping findings can be drawn as nested
 * marks: each run lists every finding that covers it. Empty spans (whole-field findings) are skipped.
 */
export function segmentText(
  text: string,
  spans: readonly { start: number; end: number }[],
): Segment[] {
  const cuts = new Set<number>([0, text.length]);
  spans.forEach((s) => {
    if (s.end > s.start) {
      cuts.add(Math.max(0, Math.min(text.length, s.start)));
      cuts.add(Math.max(0, Math.min(text.length, s.end)));
    }
  });
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? 0;
    if (end <= start) continue;
    const covering: number[] = [];
    spans.forEach((s, idx) => {
      if (s.end > s.start && s.start <= start && s.end >= end) covering.push(idx);
    });
    out.push({ start, end, text: text.slice(start, end), findings: covering });
  }
  return out;
}

/**
 * Indexes of the spans that hold a caret at `offset` (start ≤ offset ≤ end, so a caret right
 * after the last character still belongs to the span), narrowest first.
 */
export function spansAt(spans: readonly { start: number; end: number }[], offset: number): number[] {
  return spans
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.end > s.start && s.start <= offset && offset <= s.end)
    .sort((a, b) => a.s.end - a.s.start - (b.s.end - b.s.start) || a.i - b.i)
    .map(({ i }) => i);
}

/** The text with `start..end` replaced, and where the caret goes afterwards. */
export function replaceSpan(
  text: string,
  start: number,
  end: number,
  replacement: string,
): { text: string; caret: number } {
  const s = Math.max(0, Math.min(text.length, start));
  const e = Math.max(s, Math.min(text.length, end));
  return { text: text.slice(0, s) + replacement + text.slice(e), caret: s + replacement.length };
}
