import { describe, expect, it } from 'vitest';
import {
  CODE_UNIT_COUNT,
  FILLER_CHARACTERS,
  foldCodeUnit,
  isFillerCodeUnit,
  normalizeForMatching,
  normalizeText,
} from './normalize';

describe('normalizeText', () => {
  it('folds full-width ASCII, the ideographic space and case, keeping length', () => {
    expect(normalizeText('ｉＰｈｏｎｅ')).toBe('iphone');
    expect(normalizeText('ＮＯ．１\u3000Top1')).toBe('no.1 top1');
    expect(normalizeText('最好的ÄΣ')).toBe('最好的äσ');
    const mixed = '😀ＡbＣ';
    expect(normalizeText(mixed)).toHaveLength(mixed.length);
  });

  it('leaves surrogate pairs and long texts intact', () => {
    const long = '😀最ＡＢ'.repeat(5000);
    expect(normalizeText(long)).toBe('😀最ab'.repeat(5000));
  });

  it('folds every code unit to one that folds to itself', () => {
    // Idempotence is what lets patterns and texts be folded independently.
    for (let u = 0; u < CODE_UNIT_COUNT; u++) {
      const f = foldCodeUnit(u);
      if (foldCodeUnit(f) !== f) throw new Error(`fold not idempotent at U+${u.toString(16)}`);
    }
  });
});

describe('fillers', () => {
  it('treats the listed symbols, their full-width forms, spaces and zero-width chars as fillers', () => {
    for (const ch of '*·.-_~|/\\ \t\n\u3000\u200b\u200c\u200d\ufeff＊．－＿～｜／＼・—') {
      expect(isFillerCodeUnit(ch.charCodeAt(0)), `U+${ch.charCodeAt(0).toString(16)}`).toBe(true);
    }
    for (let i = 0; i < FILLER_CHARACTERS.length; i++) {
      expect(isFillerCodeUnit(FILLER_CHARACTERS.charCodeAt(i))).toBe(true);
    }
  });

  it('does not treat letters, digits, CJK or sentence punctuation as fillers', () => {
    for (const ch of 'aZ0９最好，。！？、😀') {
      expect(isFillerCodeUnit(ch.charCodeAt(0)), ch).toBe(false);
    }
  });
});

describe('normalizeForMatching', () => {
  it('is the identity map without filler skipping', () => {
    const n = normalizeForMatching('Ａ*b', false);
    expect(n.text).toBe('a*b');
    expect(Array.from(n.toOriginal)).toEqual([0, 1, 2]);
  });

  it('drops fillers and maps the kept units back to the original offsets', () => {
    const n = normalizeForMatching('😀最＊ \u200b好Ａ', true);
    expect(n.text).toBe('😀最好a');
    expect(Array.from(n.toOriginal)).toEqual([0, 1, 2, 6, 7]);
  });
});
