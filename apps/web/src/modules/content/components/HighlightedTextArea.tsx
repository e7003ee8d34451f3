import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { Button, Space, Tag, Typography } from 'antd';
import { useT } from '../../../app/i18n/context';
import { replaceSpan, segmentText, spansAt } from '../utils/highlight';

export type Severity = 'block' | 'warn' | 'info';

/** A passage to mark; message and suggestions show when the caret or the pointer is on it. */
export type Mark = {
  start: number;
  end: number;
  severity: Severity;
  message?: string;
  suggestions?: readonly string[];
  /** A short note next to the severity (e.g. which account's platform rule it is). */
  label?: string;
};

/** What the editor can do with the field from outside (the findings panel). */
export type HighlightedTextAreaHandle = {
  /** Focuses the field, selects start..end, scrolls it into view and shows that mark's note. */
  select: (start: number, end: number) => void;
  /** The current selection, for anchoring a comment to a passage. */
  selection: () => { start: number; end: number; text: string } | null;
};

const COLOURS: Record<Severity, { background: string; line: string }> = {
  block: { background: 'rgba(255, 77, 79, 0.25)', line: '#ff4d4f' },
  warn: { background: 'rgba(250, 173, 20, 0.28)', line: '#faad14' },
  info: { background: 'rgba(22, 119, 255, 0.16)', line: '#1677ff' },
};
const SEVERITY_TAG: Record<Severity, string> = { block: 'red', warn: 'orange', info: 'blue' };
const RANK: Record<Severity, number> = { block: 3, warn: 2, info: 1 };

// The textarea and the layer behind it must lay out text identically, character for character.
const shared: CSSProperties = {
  fontFamily: 'inherit',
  fontSize: 14,
  lineHeight: '22px',
  letterSpacing: 'normal',
  padding: '8px 11px',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'break-word',
  tabSize: 4,
  margin: 0,
  border: '1px solid transparent',
  boxSizing: 'border-box',
};

type Active = { indexes: number[]; top: number; left: number; via: 'caret' | 'pointer' };

/**
 * A plain textarea over a mirrored layer that draws the findings: the text stays a native,
 * keyboard-friendly field while the marks show through its transparent background. Putting the
 * caret on a mark (or pointing at it) shows its explanation and suggestions; choosing a
 * suggestion replaces the marked passage.
 */
export function HighlightedTextArea({
  value,
  onChange,
  marks,
  rows = 12,
  testId,
  onKeyDown,
  readOnly,
  ariaLabel,
  ref,
}: {
  value: string;
  onChange: (v: string) => void;
  marks: readonly Mark[];
  rows?: number;
  testId?: string;
  onKeyDown?: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  readOnly?: boolean;
  ariaLabel?: string;
  ref?: Ref<HighlightedTextAreaHandle>;
}) {
  const t = useT();
  const wrapper = useRef<HTMLDivElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const [active, setActive] = useState<Active | null>(null);
  const segments = segmentText(value, marks);

  // The mirror wraps at the textarea's inner width, which shrinks when a scrollbar appears.
  const syncMirror = useCallback(() => {
    const el = field.current;
    const layer = mirror.current;
    if (!el || !layer) return;
    layer.style.width = `${el.clientWidth + 2}px`;
    layer.style.height = `${el.offsetHeight}px`;
    layer.scrollTop = el.scrollTop;
  }, []);
  useEffect(() => {
    const el = field.current;
    if (!el) return;
    const observer = new ResizeObserver(syncMirror);
    observer.observe(el);
    return () => observer.disconnect();
  }, [syncMirror]);
  useLayoutEffect(syncMirror, [value, syncMirror]);

  // After a suggestion replaced a passage, the caret goes right after the new text.
  useEffect(() => {
    const el = field.current;
    if (pendingCaret.current === null || !el) return;
    el.focus();
    el.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);

  /** Position (relative to the wrapper) just under the marked run that starts at `start`. */
  const anchorAt = useCallback((start: number): { top: number; left: number } | null => {
    const box = wrapper.current?.getBoundingClientRect();
    const runs = mirror.current?.querySelectorAll<HTMLElement>('[data-start]') ?? [];
    for (const run of runs) {
      const s = Number(run.dataset.start);
      const e = Number(run.dataset.end);
      if (start >= s && start < e) {
        const rect = run.getClientRects()[0] ?? run.getBoundingClientRect();
        if (!box) return null;
        return { top: rect.bottom - box.top + 4, left: Math.max(0, rect.left - box.left) };
      }
    }
    return null;
  }, []);

  const showAtCaret = useCallback(() => {
    const el = field.current;
    if (!el) return;
    if (el.selectionStart !== el.selectionEnd) return;
    const indexes = spansAt(marks, el.selectionStart);
    const first = indexes[0] !== undefined ? marks[indexes[0]] : undefined;
    const at = first ? anchorAt(first.start) : null;
    setActive(first && at ? { indexes, ...at, via: 'caret' } : null);
  }, [marks, anchorAt]);

  useImperativeHandle(
    ref,
    () => ({
      select: (start, end) => {
        const el = field.current;
        const layer = mirror.current;
        if (!el) return;
        el.focus({ preventScroll: true });
        el.setSelectionRange(start, end);
        const run = [...(layer?.querySelectorAll<HTMLElement>('[data-start]') ?? [])].find(
          (r) => start >= Number(r.dataset.start) && start < Number(r.dataset.end),
        );
        if (run) el.scrollTop = Math.max(0, run.offsetTop - el.clientHeight / 3);
        if (layer) layer.scrollTop = el.scrollTop;
        el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
        const indexes = spansAt(marks, start).filter((i) => marks[i]?.end === end);
        const at = anchorAt(start);
        setActive(indexes.length && at ? { indexes, ...at, via: 'caret' } : null);
      },
      selection: () => {
        const el = field.current;
        if (!el || el.selectionEnd <= el.selectionStart) return null;
        return {
          start: el.selectionStart,
          end: el.selectionEnd,
          text: el.value.slice(el.selectionStart, el.selectionEnd),
        };
      },
    }),
    [marks, anchorAt],
  );

  // Pointing at a mark: the textarea is on top, so hit-test the mirror's marks by their boxes.
  const onPointer = (x: number, y: number) => {
    if (active?.via === 'caret') return;
    const box = wrapper.current?.getBoundingClientRect();
    const runs = mirror.current?.querySelectorAll<HTMLElement>('mark[data-start]') ?? [];
    for (const run of runs) {
      for (const rect of run.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom && box) {
          const indexes = (run.dataset.findings ?? '')
            .split(',')
            .filter(Boolean)
            .map(Number)
            .sort((a, b) => RANK[marks[b]?.severity ?? 'info'] - RANK[marks[a]?.severity ?? 'info']);
          const key = indexes.join(',');
          if (active?.indexes.join(',') !== key)
            setActive({
              indexes,
              top: rect.bottom - box.top + 4,
              left: Math.max(0, rect.left - box.left),
              via: 'pointer',
            });
          return;
        }
      }
    }
  };

  const apply = (mark: Mark, replacement: string) => {
    const next = replaceSpan(value, mark.start, mark.end, replacement);
    pendingCaret.current = next.caret;
    setActive(null);
    onChange(next.text);
  };

  const popupWidth = 320;
  const left = Math.min(
    active?.left ?? 0,
    Math.max(0, (wrapper.current?.clientWidth ?? popupWidth) - popupWidth),
  );

  return (
    <div
      ref={wrapper}
      style={{
        position: 'relative',
        border: '1px solid #d9d9d9',
        borderRadius: 6,
        background: readOnly ? '#fafafa' : '#fff',
      }}
      onMouseLeave={(e) => {
        if (active?.via === 'pointer' && !e.currentTarget.contains(e.relatedTarget as Node | null))
          setActive(null);
      }}
    >
      <div
        ref={mirror}
        aria-hidden
        style={{
          ...shared,
          position: 'absolute',
          top: 0,
          left: 0,
          color: 'transparent',
          overflow: 'hidden',
          pointerEvents: 'none',
        }}
        data-testid={testId ? `${testId}-marks` : undefined}
      >
        {segments.map((s) => {
          if (s.findings.length === 0)
            return (
              <span key={s.start} data-start={s.start} data-end={s.end}>
                {s.text}
              </span>
            );
          const worst =
            s.findings
              .map((i) => marks[i]?.severity ?? 'info')
              .sort((a, b) => RANK[b] - RANK[a])[0] ?? 'info';
          return (
            <mark
              key={s.start}
              data-severity={worst}
              data-start={s.start}
              data-end={s.end}
              data-findings={s.findings.join(',')}
              style={{
                background: COLOURS[worst].background,
                boxShadow: `inset 0 -2px 0 ${COLOURS[worst].line}`,
                color: 'transparent',
                borderRadius: 2,
                padding: 0,
              }}
            >
              {s.text}
            </mark>
          );
        })}
        {'\n'}
      </div>
      <textarea
        ref={field}
        value={value}
        rows={rows}
        readOnly={readOnly}
        aria-label={ariaLabel}
        data-testid={testId}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && active) {
            e.stopPropagation();
            setActive(null);
          }
          onKeyDown?.(e);
        }}
        onKeyUp={(e) => {
          if (e.key !== 'Escape') showAtCaret();
        }}
        onClick={showAtCaret}
        onMouseMove={(e) => onPointer(e.clientX, e.clientY)}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
          if (active) setActive(null);
        }}
        style={{
          ...shared,
          position: 'relative',
          width: '100%',
          background: 'transparent',
          resize: 'vertical',
          outline: 'none',
          color: 'rgba(0,0,0,0.88)',
          caretColor: 'rgba(0,0,0,0.88)',
          display: 'block',
        }}
      />
      {active ? (
        <div
          role="status"
          aria-live="polite"
          data-testid={testId ? `${testId}-popover` : undefined}
          style={{
            position: 'absolute',
            top: active.top,
            left,
            width: popupWidth,
            zIndex: 5,
            background: '#fff',
            border: '1px solid #f0f0f0',
            borderRadius: 8,
            boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
            padding: '8px 12px',
          }}
        >
          <Space direction="vertical" size={6} style={{ width: '100%' }}>
            {active.indexes.map((i) => {
              const mark = marks[i];
              if (!mark) return null;
              return (
                <div key={i}>
                  <Space size={4} wrap>
                    <Tag color={SEVERITY_TAG[mark.severity]}>
                      {t(`content.severity.${mark.severity}`)}
                    </Tag>
                    <Typography.Text strong>「{value.slice(mark.start, mark.end)}」</Typography.Text>
                    {mark.label ? <Tag>{mark.label}</Tag> : null}
                  </Space>
                  {mark.message ? (
                    <Typography.Paragraph style={{ margin: '4px 0 0', fontSize: 13 }}>
                      {mark.message}
                    </Typography.Paragraph>
                  ) : null}
                  {!readOnly && mark.suggestions?.length ? (
                    <Space size={4} wrap style={{ marginTop: 4 }}>
                      {mark.suggestions.slice(0, 4).map((s) => (
                        <Button
                          key={s}
                          size="small"
                          onMouseDown={(e) => e.preventDefault()}
                          onClick={() => apply(mark, s)}
                          data-testid={testId ? `${testId}-suggestion` : undefined}
                        >
                          {t('content.editor.applySuggestion', { text: s })}
                        </Button>
                      ))}
                    </Space>
                  ) : null}
                </div>
              );
            })}
          </Space>
        </div>
      ) : null}
    </div>
  );
}
