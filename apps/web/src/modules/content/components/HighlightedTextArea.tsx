import { useRef, type CSSProperties } from 'react';
import { segmentText } from '../utils/highlight';

export type Mark = { start: number; end: number; severity: 'block' | 'warn' | 'info' };

const COLOURS: Record<Mark['severity'], string> = {
  block: 'rgba(255, 77, 79, 0.28)',
  warn: 'rgba(250, 173, 20, 0.3)',
  info: 'rgba(22, 119, 255, 0.18)',
};
const RANK = { block: 3, warn: 2, info: 1 } as const;

const shared: CSSProperties = {
  fontFamily: 'inherit',
  fontSize: 14,
  lineHeight: '22px',
  padding: '8px 11px',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'break-word',
  margin: 0,
  border: '1px solid transparent',
  boxSizing: 'border-box',
};

/**
 * A plain textarea over a mirrored layer that draws the findings: the text stays a native,
 * keyboard-friendly field while the marks show through its transparent background.
 */
export function HighlightedTextArea({
  value,
  onChange,
  marks,
  rows = 12,
  testId,
  onKeyDown,
}: {
  value: string;
  onChange: (v: string) => void;
  marks: Mark[];
  rows?: number;
  testId?: string;
  onKeyDown?: (e: React.KeyboardEvent<HTMLTextAreaElement>) => void;
}) {
  const mirror = useRef<HTMLDivElement>(null);
  const segments = segmentText(value, marks);
  return (
    <div
      style={{
        position: 'relative',
        border: '1px solid #d9d9d9',
        borderRadius: 6,
        background: '#fff',
      }}
    >
      <div
        ref={mirror}
        aria-hidden
        style={{
          ...shared,
          position: 'absolute',
          inset: 0,
          color: 'transparent',
          overflow: 'hidden',
          pointerEvents: 'none',
        }}
        data-testid={testId ? `${testId}-marks` : undefined}
      >
        {segments.map((s) => {
          if (s.findings.length === 0) return <span key={s.start}>{s.text}</span>;
          const worst =
            s.findings
              .map((i) => marks[i]?.severity ?? 'info')
              .sort((a, b) => RANK[b] - RANK[a])[0] ?? 'info';
          return (
            <mark
              key={s.start}
              data-severity={worst}
              style={{
                background: COLOURS[worst],
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
        value={value}
        rows={rows}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        onScroll={(e) => {
          if (mirror.current) mirror.current.scrollTop = e.currentTarget.scrollTop;
        }}
        style={{
          ...shared,
          position: 'relative',
          width: '100%',
          background: 'transparent',
          resize: 'vertical',
          outline: 'none',
          color: 'rgba(0,0,0,0.88)',
          display: 'block',
        }}
      />
    </div>
  );
}
