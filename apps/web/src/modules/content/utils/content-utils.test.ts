import { describe, expect, it } from 'vitest';
import { segmentText } from './highlight';
import { diffText } from './diff';
import { calendarWeeks, moveToDay } from './calendar';

describe('segmentText', () => {
  it('cuts at every boundary and lists the findings covering each run, overlaps included', () => {
    const segs = segmentText('全网最低价加V', [
      { start: 0, end: 5 },
      { start: 2, end: 4 },
      { start: 5, end: 7 },
      { start: 3, end: 3 },
    ]);
    expect(segs.map((s) => [s.text, s.findings])).toEqual([
      ['全网', [0]],
      ['最低', [0, 1]],
      ['价', [0]],
      ['加V', [2]],
    ]);
  });

  it('keeps plain text as one run', () => {
    expect(segmentText('你好', [])).toEqual([{ start: 0, end: 2, text: '你好', findings: [] }]);
  });
});

describe('diffText', () => {
  it('marks added and removed characters and keeps the rest', () => {
    const parts = diffText('全网最低价的咖啡', '超值价的手冲咖啡');
    expect(
      parts
        .filter((p) => p.kind !== 'added')
        .map((p) => p.text)
        .join(''),
    ).toBe('全网最低价的咖啡');
    expect(
      parts
        .filter((p) => p.kind !== 'removed')
        .map((p) => p.text)
        .join(''),
    ).toBe('超值价的手冲咖啡');
    expect(parts.some((p) => p.kind === 'added' && p.text.includes('手冲'))).toBe(true);
  });

  it('says nothing changed for equal texts', () => {
    expect(diffText('一样', '一样')).toEqual([{ kind: 'same', text: '一样' }]);
  });
});

describe('calendar', () => {
  it('lays out a month in Monday-first weeks', () => {
    const weeks = calendarWeeks('2026-11');
    expect(weeks[0]?.[0]).toBe('2026-10-26');
    expect(weeks.at(-1)?.[6]).toBe('2026-12-06');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });

  it('moves a post to another day keeping its time of day in the workspace zone, across DST', () => {
    expect(moveToDay('2026-11-23T01:30:00.000Z', '2026-11-25', 'Asia/Shanghai')).toBe(
      '2026-11-25T01:30:00.000Z',
    );
    // 09:00 in Berlin is 08:00Z in winter and 07:00Z in summer.
    expect(moveToDay('2027-03-27T08:00:00.000Z', '2027-03-29', 'Europe/Berlin')).toBe(
      '2027-03-29T07:00:00.000Z',
    );
  });
});
