import { describe, expect, it } from 'vitest';
import { replaceSpan, segmentText, spansAt } from './highlight';

/** Segments as [text, covering finding indexes]. */
const runs = (text: string, spans: { start: number; end: number }[]) =>
  segmentText(text, spans).map((s) => [s.text, s.findings]);

describe('segmentText', () => {
  it('splits overlapping findings into runs that each list every finding covering them', () => {
    // 全网最低价 (0..5) and 最低 (2..4) overlap; 加V (5..7) touches the first one's end.
    expect(
      runs('全网最低价加V领券', [
        { start: 0, end: 5 },
        { start: 2, end: 4 },
        { start: 5, end: 7 },
      ]),
    ).toEqual([
      ['全网', [0]],
      ['最低', [0, 1]],
      ['价', [0]],
      ['加V', [2]],
      ['领券', []],
    ]);
  });

  it('keeps identical spans of different rules both', () => {
    expect(
      runs('第一品牌', [
        { start: 0, end: 2 },
        { start: 0, end: 2 },
      ]),
    ).toEqual([
      ['第一', [0, 1]],
      ['品牌', []],
    ]);
  });

  it('handles a span nested inside another that starts earlier and ends later', () => {
    expect(
      runs('abcdefg', [
        { start: 1, end: 6 },
        { start: 3, end: 4 },
        { start: 2, end: 5 },
      ]),
    ).toEqual([
      ['a', []],
      ['b', [0]],
      ['c', [0, 2]],
      ['d', [0, 1, 2]],
      ['e', [0, 2]],
      ['f', [0]],
      ['g', []],
    ]);
  });

  it('skips empty spans (findings about the whole field) and clamps spans past the end', () => {
    expect(
      runs('你好', [
        { start: 1, end: 1 },
        { start: 1, end: 9 },
      ]),
    ).toEqual([
      ['你', []],
      ['好', [1]],
    ]);
  });

  it('reassembles to the original text, surrogate pairs included', () => {
    const text = '😀最好😀的';
    const segs = segmentText(text, [{ start: 2, end: 4 }]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.find((s) => s.findings.length)?.text).toBe('最好');
  });

  it('gives one empty list for an empty text', () => {
    expect(segmentText('', [{ start: 0, end: 3 }])).toEqual([]);
  });
});

describe('spansAt', () => {
  const spans = [
    { start: 0, end: 5 },
    { start: 2, end: 4 },
    { start: 5, end: 5 },
  ];
  it('finds every span holding the caret, the narrowest first', () => {
    expect(spansAt(spans, 3)).toEqual([1, 0]);
    expect(spansAt(spans, 5)).toEqual([0]);
    expect(spansAt(spans, 6)).toEqual([]);
  });
});

describe('replaceSpan', () => {
  it('replaces the span and puts the caret after the replacement', () => {
    expect(replaceSpan('全网最低价的拿铁', 0, 5, '超值价')).toEqual({
      text: '超值价的拿铁',
      caret: 3,
    });
  });
  it('clamps a span that no longer fits the text', () => {
    expect(replaceSpan('短', 0, 10, '长一点')).toEqual({ text: '长一点', caret: 3 });
  });
});
