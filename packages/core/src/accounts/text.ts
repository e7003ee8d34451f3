/**
 * Text measuring shared by the platform limits and the profile check. Pure functions, no I/O.
 */

/** How a platform counts the length of a name or bio. */
export type TLengthUnit = 'char' | 'weighted';

/**
 * Code-point ranges counted as 2 in `weighted` mode: CJK ideographs and radicals, kana, Hangul,
 * CJK and full-width punctuation and forms, and the common wide emoji blocks.
 */
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x2e80, 0x303e], // CJK radicals, symbols and punctuation (incl. 、。「」 and the ideographic space)
  [0x3041, 0x33ff], // kana, Bopomofo, CJK compatibility
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xa000, 0xa4cf], // Yi
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small forms
  [0xff00, 0xff60], // full-width ASCII forms (，！？（）Ａ１ …)
  [0xffe0, 0xffe6], // full-width signs (￥ …)
  [0x1f300, 0x1f64f], // emoji: pictographs, emoticons
  [0x1f900, 0x1f9ff], // emoji: supplemental pictographs
  [0x20000, 0x2fffd], // CJK extensions B–F
  [0x30000, 0x3fffd], // CJK extension G+
];

/** True when a code point is CJK or full-width, i.e. counts as 2 in `weighted` mode. */
export function isWideCodePoint(cp: number): boolean {
  for (const [lo, hi] of WIDE_RANGES) {
    if (cp >= lo && cp <= hi) return true;
  }
  return false;
}

/**
 * Length of `text` as a platform counts it.
 * - `char`: Unicode code points (an emoji outside the BMP is 1, not 2 UTF-16 units).
 * - `weighted`: like `char`, but CJK and full-width characters count 2 — the rule WeChat Official
 *   Account and Weibo use for names ("1 个汉字算 2 个字符").
 */
export function measureLength(text: string, unit: TLengthUnit): number {
  let n = 0;
  for (const ch of text) {
    n += unit === 'weighted' && isWideCodePoint(ch.codePointAt(0) ?? 0) ? 2 : 1;
  }
  return n;
}
