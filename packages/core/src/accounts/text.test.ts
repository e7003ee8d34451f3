import { describe, expect, it } from 'vitest';
import { isWideCodePoint, measureLength } from './text';

describe('measureLength', () => {
  it('counts code points in char mode, so an emoji outside the BMP counts once', () => {
    expect(measureLength('小鹿咖啡', 'char')).toBe(4);
    expect(measureLength('Xiaolu', 'char')).toBe(6);
    expect(measureLength('😀', 'char')).toBe(1);
    expect(measureLength('', 'char')).toBe(0);
  });

  it('counts Chinese characters as 2 and Latin letters and digits as 1 in weighted mode', () => {
    expect(measureLength('小鹿咖啡', 'weighted')).toBe(8);
    expect(measureLength('小鹿Coffee', 'weighted')).toBe(10);
    expect(measureLength('Shop 1', 'weighted')).toBe(6);
  });

  it('counts full-width punctuation and letters as 2 in weighted mode', () => {
    expect(measureLength('，。！', 'weighted')).toBe(6);
    expect(measureLength('ＡＢ', 'weighted')).toBe(4);
    expect(measureLength('・', 'weighted')).toBe(2);
  });

  it('counts the middle dot · and half-width punctuation as 1 in weighted mode', () => {
    expect(measureLength('阿·木', 'weighted')).toBe(5);
    expect(measureLength('M&M', 'weighted')).toBe(3);
  });

  it('counts rare CJK extension characters (outside the BMP) as one wide character', () => {
    expect(measureLength('𠀀', 'char')).toBe(1);
    expect(measureLength('𠀀', 'weighted')).toBe(2);
  });
});

describe('isWideCodePoint', () => {
  it('treats Han, kana and Hangul as wide and ASCII as narrow', () => {
    expect(isWideCodePoint('中'.codePointAt(0)!)).toBe(true);
    expect(isWideCodePoint('の'.codePointAt(0)!)).toBe(true);
    expect(isWideCodePoint('한'.codePointAt(0)!)).toBe(true);
    expect(isWideCodePoint('a'.codePointAt(0)!)).toBe(false);
  });
});
