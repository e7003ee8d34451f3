import { describe, expect, it } from 'vitest';
import { diffText, type DiffPart } from './diff';

const side = (parts: DiffPart[], drop: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind !== drop)
    .map((p) => p.text)
    .join('');

/** Length of a longest common subsequence, by the textbook table (the oracle). */
function lcsLength(a: string, b: string): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j] ?? 0;
      row[j] = a[i - 1] === b[j - 1] ? diag + 1 : Math.max(up, row[j - 1] ?? 0);
      diag = up;
    }
  }
  return row[b.length] ?? 0;
}

describe('diffText', () => {
  it('marks removed and added characters and keeps what both versions share', () => {
    const parts = diffText('全网最低价的桂花拿铁', '超值的桂花拿铁，限时');
    expect(side(parts, 'added')).toBe('全网最低价的桂花拿铁');
    expect(side(parts, 'removed')).toBe('超值的桂花拿铁，限时');
    expect(parts).toContainEqual({ kind: 'same', text: '的桂花拿铁' });
    expect(parts).toContainEqual({ kind: 'added', text: '，限时' });
  });

  it('returns one unchanged run for equal texts and nothing for two empty ones', () => {
    expect(diffText('一样', '一样')).toEqual([{ kind: 'same', text: '一样' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('shows a text written from nothing as added, and a deleted one as removed', () => {
    expect(diffText('', '新的')).toEqual([{ kind: 'added', text: '新的' }]);
    expect(diffText('旧的', '')).toEqual([{ kind: 'removed', text: '旧的' }]);
  });

  it('merges neighbouring characters of the same kind into one run', () => {
    const parts = diffText('abc', 'xyz');
    expect(parts).toEqual([
      { kind: 'removed', text: 'abc' },
      { kind: 'added', text: 'xyz' },
    ]);
  });

  it('keeps a minimal edit: as many characters shared as a longest common subsequence', () => {
    // Deterministic pseudo-random texts over a small alphabet, so there is a lot to share.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = '最好的咖啡拿铁ab';
    const text = (n: number) =>
      Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let run = 0; run < 200; run++) {
      const a = text(Math.floor(rand() * 30));
      const b = text(Math.floor(rand() * 30));
      const parts = diffText(a, b);
      expect(side(parts, 'added')).toBe(a);
      expect(side(parts, 'removed')).toBe(b);
      const shared = parts.filter((p) => p.kind === 'same').reduce((n, p) => n + p.text.length, 0);
      expect(shared).toBe(lcsLength(a, b));
    }
  });

  it('falls back to replaced-as-a-whole for texts too big to compare character by character', () => {
    const a = `开头${'甲'.repeat(3000)}结尾`;
    const b = `开头${'乙'.repeat(3000)}结尾`;
    expect(diffText(a, b)).toEqual([
      { kind: 'same', text: '开头' },
      { kind: 'removed', text: '甲'.repeat(3000) },
      { kind: 'added', text: '乙'.repeat(3000) },
      { kind: 'same', text: '结尾' },
    ]);
  });
});
