import { describe, expect, it } from 'vitest';
import { createMatcher, type TMatch, type TMatcherPattern } from './aho-corasick';
import { isFillerCodeUnit, normalizeForMatching } from './normalize';

/** Brute force: indexOf of each normalised pattern at every position of the normalised text. */
function oracle(patterns: readonly TMatcherPattern[], text: string): TMatch[] {
  const plain = normalizeForMatching(text, false);
  const stripped = normalizeForMatching(text, true);
  const out: TMatch[] = [];
  for (const p of patterns) {
    const see = p.seeThroughFillers === true;
    const key = normalizeForMatching(p.text, see).text;
    const hay = see ? stripped : plain;
    for (let i = hay.text.indexOf(key); i !== -1; i = hay.text.indexOf(key, i + 1)) {
      out.push({
        patternId: p.id,
        start: hay.toOriginal[i]!,
        end: hay.toOriginal[i + key.length - 1]! + 1,
      });
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.patternId - b.patternId);
}

/** mulberry32, so every failing case can be replayed from its seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Units, not characters: the emoji stays a pair, the rest are one code unit each.
const ALPHABET = [
  '最',
  '好',
  '第',
  '一',
  '的',
  'a',
  'A',
  'b',
  'B',
  'ａ',
  'Ｂ',
  '*',
  ' ',
  '·',
  '\u200b',
  '－',
  '\u3000',
  '😀',
];

// Few distinct folded symbols make long shared prefixes and deep failure chains likely.
const NARROW = ['a', 'A', 'ａ', 'b', '最', '*'];

function randomString(
  rand: () => number,
  min: number,
  max: number,
  alphabet: readonly string[] = ALPHABET,
): string {
  const length = min + Math.floor(rand() * (max - min + 1));
  let s = '';
  for (let i = 0; i < length; i++) s += alphabet[Math.floor(rand() * alphabet.length)]!;
  return s;
}

function onlyFillers(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isFillerCodeUnit(text.charCodeAt(i))) return false;
  return true;
}

function expectAgreement(patterns: TMatcherPattern[], texts: string[], label: string): void {
  const matcher = createMatcher(patterns);
  for (const text of texts) {
    const expected = oracle(patterns, text);
    const actual = matcher.findAll(text);
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      // toEqual only on mismatch: it is slow over thousands of cases.
      expect({ label, text, patterns, actual }).toEqual({
        label,
        text,
        patterns,
        actual: expected,
      });
    }
    expect(matcher.count(text), label).toBe(expected.length);
    expect(matcher.test(text), label).toBe(expected.length > 0);
  }
}

describe('createMatcher against a brute-force oracle', () => {
  it('agrees on 3000 seeded random dictionaries and texts', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const rand = seeded(seed);
      const patterns: TMatcherPattern[] = [];
      const size = 1 + Math.floor(rand() * (seed % 10 === 0 ? 60 : 10));
      for (let i = 0; i < size; i++) {
        // Reuse an earlier text now and then: duplicate texts with distinct ids must all report.
        const earlier = patterns[Math.floor(rand() * patterns.length)];
        const text =
          earlier !== undefined && rand() < 0.1 ? earlier.text : randomString(rand, 1, 4);
        const see = rand() < 0.4 && !onlyFillers(text);
        patterns.push({ id: Math.floor(rand() * 1000), text, seeThroughFillers: see });
      }
      const texts = [randomString(rand, 0, 8), randomString(rand, 10, 80)];
      expectAgreement(patterns, texts, `seed ${seed}`);
    }
  });

  it('agrees on 1000 seeded cases over a narrow alphabet (deep failure chains)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const rand = seeded(500_000 + seed);
      const patterns: TMatcherPattern[] = [];
      const size = 1 + Math.floor(rand() * 30);
      for (let i = 0; i < size; i++) {
        const text = randomString(rand, 1, 7, NARROW);
        const see = rand() < 0.3 && !onlyFillers(text);
        patterns.push({ id: i, text, seeThroughFillers: see });
      }
      expectAgreement(patterns, [randomString(rand, 20, 120, NARROW)], `narrow seed ${seed}`);
    }
  });

  it('agrees with a large alphabet that spans many double-array blocks', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rand = seeded(1_000_000 + seed);
      const chars = Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0x4e00 + i * 3));
      const pick = (n: number): string => chars[Math.floor(rand() * n)]!;
      const patterns: TMatcherPattern[] = [];
      for (let i = 0; i < 400; i++) {
        let text = '';
        const length = 1 + Math.floor(rand() * 5);
        for (let j = 0; j < length; j++) text += pick(j === 0 ? chars.length : 40);
        patterns.push({ id: i, text, seeThroughFillers: rand() < 0.3 });
      }
      let text = '';
      for (let i = 0; i < 3000; i++) {
        const r = rand();
        if (r < 0.05) text += patterns[Math.floor(rand() * patterns.length)]!.text;
        else if (r < 0.1) text += '*';
        else text += pick(r < 0.5 ? 40 : chars.length);
      }
      expectAgreement(patterns, [text], `large alphabet seed ${seed}`);
    }
  });

  it('agrees on a pathological nested dictionary (a, aa, aaa, …)', () => {
    const patterns = Array.from({ length: 40 }, (_, i) => ({ id: i, text: 'a'.repeat(i + 1) }));
    expectAgreement(patterns, ['a'.repeat(300), `b${'A'.repeat(45)}b`], 'nested');
  });
});

describe('createMatcher named cases', () => {
  it('reports overlapping terms', () => {
    const m = createMatcher([
      { id: 1, text: '最' },
      { id: 2, text: '最好' },
      { id: 3, text: '好' },
    ]);
    expect(m.findAll('最好的')).toEqual([
      { patternId: 1, start: 0, end: 1 },
      { patternId: 2, start: 0, end: 2 },
      { patternId: 3, start: 1, end: 2 },
    ]);
    expect(m.count('最好的')).toBe(3);
    expect(m.patternCount).toBe(3);
  });

  it('folds full-width and case in both patterns and text', () => {
    const m = createMatcher([
      { id: 1, text: 'iPhone' },
      { id: 2, text: 'ＴＯＰ１' },
    ]);
    expect(m.findAll('ｉＰｈｏｎｅ IPHONE top1')).toEqual([
      { patternId: 1, start: 0, end: 6 },
      { patternId: 1, start: 7, end: 13 },
      { patternId: 2, start: 14, end: 18 },
    ]);
  });

  it('reports offsets into the original text across full-width chars and emoji', () => {
    const text = '😀ｉＰｈｏｎｅ😀最好';
    const m = createMatcher([
      { id: 1, text: 'iphone' },
      { id: 2, text: '最好' },
      { id: 3, text: '😀最' },
    ]);
    const found = m.findAll(text);
    expect(found).toEqual([
      { patternId: 1, start: 2, end: 8 },
      { patternId: 3, start: 8, end: 11 },
      { patternId: 2, start: 10, end: 12 },
    ]);
    expect(found.map((x) => text.slice(x.start, x.end))).toEqual(['ｉＰｈｏｎｅ', '😀最', '最好']);
  });

  it('sees through fillers only for patterns that ask for it', () => {
    const m = createMatcher([
      { id: 1, text: '最好', seeThroughFillers: true },
      { id: 2, text: '第一', seeThroughFillers: true },
      { id: 3, text: '最好' },
    ]);
    const text = '最*好 第 一 最\u200b好 第\u3000一 最＊－好 最好';
    expect(m.findAll(text).map((x) => [x.patternId, text.slice(x.start, x.end)])).toEqual([
      [1, '最*好'],
      [2, '第 一'],
      [1, '最\u200b好'],
      [2, '第\u3000一'],
      [1, '最＊－好'],
      [1, '最好'],
      [3, '最好'],
    ]);
    expect(createMatcher([{ id: 3, text: '最好' }]).test('最*好 最 好')).toBe(false);
  });

  it('does not stretch a see-through match over leading or trailing fillers', () => {
    const m = createMatcher([{ id: 1, text: '*第一*', seeThroughFillers: true }]);
    expect(m.findAll('**第--一**')).toEqual([{ patternId: 1, start: 2, end: 6 }]);
  });

  it('applies the seeThroughFillers option as a default', () => {
    const m = createMatcher([{ id: 1, text: '第一' }], { seeThroughFillers: true });
    expect(m.count('第 一')).toBe(1);
    const n = createMatcher([{ id: 1, text: '第一', seeThroughFillers: false }], {
      seeThroughFillers: true,
    });
    expect(n.count('第 一')).toBe(0);
  });

  it('handles empty text and a pattern equal to the whole text', () => {
    const m = createMatcher([{ id: 7, text: '全网销量第一' }]);
    expect(m.findAll('')).toEqual([]);
    expect(m.count('')).toBe(0);
    expect(m.test('')).toBe(false);
    expect(m.findAll('全网销量第一')).toEqual([{ patternId: 7, start: 0, end: 6 }]);
  });

  it('reports duplicate texts under every id, in id order', () => {
    const m = createMatcher([
      { id: 9, text: '最佳' },
      { id: 4, text: '最佳' },
      { id: 6, text: '最佳', seeThroughFillers: true },
    ]);
    expect(m.findAll('最佳').map((x) => x.patternId)).toEqual([4, 6, 9]);
    expect(m.count('最佳')).toBe(3);
  });

  it('matches regular-expression metacharacters literally', () => {
    const m = createMatcher([
      { id: 1, text: 'a.*b' },
      { id: 2, text: '(x|y)' },
      { id: 3, text: '[^z]' },
    ]);
    expect(m.count('axxb ab x y z a.*b (x|y) [^z]')).toBe(3);
  });

  it('rejects empty patterns and see-through patterns made only of fillers', () => {
    expect(() => createMatcher([{ id: 5, text: '' }])).toThrow(
      'patterns[0].text: must not be empty (id 5)',
    );
    expect(() => createMatcher([{ id: 6, text: ' * ', seeThroughFillers: true }])).toThrow(
      'patterns[0].text: only filler characters',
    );
    expect(createMatcher([{ id: 6, text: ' * ' }]).count('a * b')).toBe(1);
  });

  it('builds from an empty pattern list', () => {
    const m = createMatcher([]);
    expect(m.findAll('最好')).toEqual([]);
    expect(m.test('最好')).toBe(false);
    expect(m.patternCount).toBe(0);
  });

  it('can be reused: repeated calls do not leak matches between texts', () => {
    const m = createMatcher([
      { id: 1, text: '最好' },
      { id: 2, text: '第一', seeThroughFillers: true },
    ]);
    expect(m.findAll('最好第*一')).toHaveLength(2);
    expect(m.findAll('无')).toEqual([]);
    expect(m.findAll('第一')).toEqual([{ patternId: 2, start: 0, end: 2 }]);
  });
});
