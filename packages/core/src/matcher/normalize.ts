/**
 * Text normalisation for keyword matching.
 *
 * Folding is deliberately one UTF-16 code unit in, one code unit out: the normalised text then has
 * exactly the offsets of the original, so the hot matching loop can fold on the fly through a
 * lookup table and report original offsets without carrying an index map. Only filler skipping
 * changes lengths, and that path keeps an explicit map back to the original.
 */

/** Number of distinct UTF-16 code units; every lookup table below is indexed by a code unit. */
export const CODE_UNIT_COUNT = 0x10000;

/**
 * Characters a see-through pattern may have between its own characters (after folding, so the
 * full-width forms ＊．－＿～｜／＼ and U+3000 are covered through their half-width targets). Sentence
 * punctuation (，。！？、) is left out on purpose: skipping it would stitch words across clause
 * boundaries ("做到最，好评如潮" would then contain 最好).
 */
export const FILLER_CHARACTERS: string = [
  // whitespace, including the ideographic space (folded to U+0020) and no-break spaces
  '\t\n\v\f\r \u0085\u00a0\u1680',
  '\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f',
  // invisible characters used to split words without a visible trace
  '\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff',
  // the symbols operators see inserted to dodge filters, and their look-alikes
  '*.-_~|/\\',
  '\u00b7\u30fb\uff65\u2022\u2027\u2219\u22c5', // middle dots and bullets
  '\u2010\u2011\u2012\u2013\u2014\u2015\u301c\u3030', // hyphens, dashes, wave dashes
  '\u00a6\u2215\u2044', // broken bar, division and fraction slashes
].join('');

let foldTable: Uint16Array | undefined;
let fillerTable: Uint8Array | undefined;

/** Returns the shared code-unit fold table (full-width → half-width, then simple lower-casing). */
export function getFoldTable(): Uint16Array {
  if (foldTable !== undefined) return foldTable;
  const table = new Uint16Array(CODE_UNIT_COUNT);
  for (let u = 0; u < CODE_UNIT_COUNT; u++) {
    let v = u;
    if (v >= 0xff01 && v <= 0xff5e) v -= 0xfee0;
    else if (v === 0x3000) v = 0x20;
    if (v < 0x80) {
      if (v >= 0x41 && v <= 0x5a) v += 0x20;
    } else if (v < 0xd800 || v > 0xdfff) {
      // Mappings that change length (İ → i̇) are skipped to keep folding one unit to one unit.
      const lower = String.fromCharCode(v).toLowerCase();
      if (lower.length === 1) v = lower.charCodeAt(0);
    }
    table[u] = v;
  }
  foldTable = table;
  return table;
}

/** Returns a table with 1 for every code unit that folds to a filler character, 0 otherwise. */
export function getFillerTable(): Uint8Array {
  if (fillerTable !== undefined) return fillerTable;
  const fold = getFoldTable();
  const isFillerTarget = new Uint8Array(CODE_UNIT_COUNT);
  for (let i = 0; i < FILLER_CHARACTERS.length; i++) {
    isFillerTarget[fold[FILLER_CHARACTERS.charCodeAt(i)]!] = 1;
  }
  const table = new Uint8Array(CODE_UNIT_COUNT);
  for (let u = 0; u < CODE_UNIT_COUNT; u++) table[u] = isFillerTarget[fold[u]!]!;
  fillerTable = table;
  return table;
}

let foldedUnits: Uint16Array | undefined;
let fillerUnits: Uint16Array | undefined;

function unitsWhere(predicate: (u: number) => boolean): Uint16Array {
  const units: number[] = [];
  for (let u = 0; u < CODE_UNIT_COUNT; u++) if (predicate(u)) units.push(u);
  return Uint16Array.from(units);
}

/** Code units that fold to a different unit (~1.5k), so tables can be built without a 64K loop. */
export function getFoldedUnits(): Uint16Array {
  if (foldedUnits !== undefined) return foldedUnits;
  const fold = getFoldTable();
  foldedUnits = unitsWhere((u) => fold[u] !== u);
  return foldedUnits;
}

/** Every code unit that is a filler, full-width forms included. */
export function getFillerUnits(): Uint16Array {
  if (fillerUnits !== undefined) return fillerUnits;
  const filler = getFillerTable();
  fillerUnits = unitsWhere((u) => filler[u] === 1);
  return fillerUnits;
}

/** Folds one UTF-16 code unit the way the matcher does. */
export function foldCodeUnit(codeUnit: number): number {
  return getFoldTable()[codeUnit & 0xffff]!;
}

/** Whether a UTF-16 code unit is skipped by see-through patterns. */
export function isFillerCodeUnit(codeUnit: number): boolean {
  return getFillerTable()[codeUnit & 0xffff] === 1;
}

/** Normalised text plus, for each of its code units, the offset of that unit in the original. */
export interface TNormalizedText {
  readonly text: string;
  readonly toOriginal: Int32Array;
}

const DECODE_CHUNK = 4096;

function decodeUnits(units: Uint16Array, length: number): string {
  let out = '';
  // Chunked because spreading millions of arguments overflows the call stack.
  for (let i = 0; i < length; i += DECODE_CHUNK) {
    out += String.fromCharCode(...units.subarray(i, Math.min(length, i + DECODE_CHUNK)));
  }
  return out;
}

/** Folds text for matching; the result has the same length and offsets as the input. */
export function normalizeText(text: string): string {
  const fold = getFoldTable();
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = fold[text.charCodeAt(i)]!;
  return decodeUnits(units, text.length);
}

/**
 * Folds text and, when skipFillers is set, drops filler characters; toOriginal maps every
 * remaining code unit back to its offset in the input.
 */
export function normalizeForMatching(text: string, skipFillers: boolean): TNormalizedText {
  const fold = getFoldTable();
  const filler = getFillerTable();
  const units = new Uint16Array(text.length);
  const toOriginal = new Int32Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (skipFillers && filler[u]! === 1) continue;
    units[n] = fold[u]!;
    toOriginal[n] = i;
    n++;
  }
  return { text: decodeUnits(units, n), toOriginal: toOriginal.slice(0, n) };
}
