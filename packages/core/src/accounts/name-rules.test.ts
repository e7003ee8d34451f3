import { describe, expect, it } from 'vitest';
import { analyzeNameCharacters, isCleanName, suggestCleanName } from './name-rules';

describe('analyzeNameCharacters', () => {
  it.each([
    '小鹿咖啡官方',
    '小鹿咖啡',
    'Xiaolu Coffee',
    '小鹿Coffee',
    '阿·木',
    '小鹿咖啡（上海）',
    "M&M's Store",
    'Dr. Li',
    '3C数码测评',
    'ユニクロ',
    '小鹿咖啡2号店',
  ])('finds nothing odd in the normal name %s', (name) => {
    expect(isCleanName(analyzeNameCharacters(name))).toBe(true);
  });

  it('reports decorative symbols such as ★☆♥|~', () => {
    expect(analyzeNameCharacters('★小鹿咖啡★').symbols).toEqual(['★']);
    expect(analyzeNameCharacters('☆小鹿♥咖啡|上海~').symbols).toEqual(['☆', '♥', '|', '~']);
  });

  it('reports underscores and decorative brackets as symbols', () => {
    expect(analyzeNameCharacters('小鹿_咖啡').symbols).toEqual(['_']);
    expect(analyzeNameCharacters('【官方】小鹿').symbols).toEqual(['【', '】']);
  });

  it('reports emoji, including ones written with a variation selector or a skin tone, once each', () => {
    expect(analyzeNameCharacters('😀小鹿').emoji).toEqual(['😀']);
    expect(analyzeNameCharacters('小鹿❤️咖啡').emoji).toEqual(['❤']);
    const thumbs = analyzeNameCharacters('小鹿👍🏻');
    expect(thumbs.emoji).toEqual(['👍']);
    expect(thumbs.invisible).toEqual([]);
    expect(analyzeNameCharacters('1️⃣号店').emoji).toEqual(['1️⃣']);
  });

  it('reports zero-width and blank filler characters as invisible, by code point', () => {
    expect(analyzeNameCharacters('小鹿\u200B咖啡').invisible).toEqual(['U+200B']);
    expect(analyzeNameCharacters('\u3164小鹿').invisible).toEqual(['U+3164']);
    expect(analyzeNameCharacters('小鹿\uFEFF').invisible).toEqual(['U+FEFF']);
  });

  it('reports stylised, full-width and enclosed letters and digits', () => {
    expect(analyzeNameCharacters('𝓛𝓸𝓿𝓮小鹿').stylized).toEqual(['𝓛', '𝓸', '𝓿', '𝓮']);
    expect(analyzeNameCharacters('ＡＢ咖啡').stylized).toEqual(['Ａ', 'Ｂ']);
    expect(analyzeNameCharacters('①号店').stylized).toEqual(['①']);
    expect(analyzeNameCharacters('ᴄᴏꜰꜰᴇᴇ').stylized).toEqual(['ᴄ', 'ᴏ', 'ꜰ', 'ᴇ']);
    expect(analyzeNameCharacters('小̸鹿').stylized).toEqual(['U+0338']);
  });

  it('reports the same punctuation repeated, but not a single allowed mark', () => {
    expect(analyzeNameCharacters('小鹿咖啡!!!').repeatedPunctuation).toEqual(['!!!']);
    expect(analyzeNameCharacters('小鹿··咖啡').repeatedPunctuation).toEqual(['··']);
    expect(analyzeNameCharacters('小鹿·咖啡').repeatedPunctuation).toEqual([]);
  });

  it('reports letters from a script mixed into Chinese or Latin text', () => {
    expect(analyzeNameCharacters('小鹿の咖啡').mixedScriptLetters).toEqual(['の']);
    // A Cyrillic "о" hidden in a Latin word.
    expect(analyzeNameCharacters('C\u043Effee Lab').mixedScriptLetters).toEqual(['\u043E']);
    expect(analyzeNameCharacters('小鹿Coffee').mixedScriptLetters).toEqual([]);
  });

  it('reports leading, trailing, double and special spaces', () => {
    expect(analyzeNameCharacters(' 小鹿').spacing.leading).toBe(true);
    expect(analyzeNameCharacters('小鹿 ').spacing.trailing).toBe(true);
    expect(analyzeNameCharacters('小鹿  咖啡').spacing.double).toBe(true);
    expect(analyzeNameCharacters('小鹿\u3000咖啡').spacing.special).toBe(true);
    expect(analyzeNameCharacters('Xiaolu Coffee').spacing).toEqual({
      leading: false,
      trailing: false,
      double: false,
      special: false,
    });
  });
});

describe('suggestCleanName', () => {
  it.each([
    ['★小鹿咖啡★', '小鹿咖啡'],
    ['😀小鹿', '小鹿'],
    ['小鹿\u200B咖啡', '小鹿咖啡'],
    ['𝓛𝓸𝓿𝓮 Coffee', 'Love Coffee'],
    ['小鹿咖啡!!!', '小鹿咖啡'],
    ['小鹿··咖啡', '小鹿·咖啡'],
    ['小鹿の咖啡', '小鹿的咖啡'],
    ['  Xiaolu   Coffee ', 'Xiaolu Coffee'],
    ['小鹿咖啡官方', '小鹿咖啡官方'],
  ])('turns %s into %s', (name, expected) => {
    expect(suggestCleanName(name)).toBe(expected);
  });
});
