/**
 * Character analysis of account names: what makes a name hard to read, type or search.
 *
 * Fine: Chinese (Han) characters, letters, digits, a plain space, the middle dots · and ・, and a
 * few punctuation marks common in brand names: - ‐ – . & ' ’ ( ) （ ）.
 * Odd: invisible characters, emoji, symbols (★☆♥|~ …) and other punctuation (_ # @ 【】 …),
 * "fancy" letters and digits (𝓛𝓸𝓿𝓮, ＡＢＣ, ①, ᴄᴏꜰꜰᴇᴇ), the same punctuation repeated, scripts
 * mixed in a way users cannot type (小鹿の咖啡, a Cyrillic "о" inside a Latin word), and leading,
 * trailing, double or special spaces.
 */

/** Punctuation allowed once in a name. */
const ALLOWED_PUNCTUATION = new Set([
  '·',
  '・',
  '-',
  '‐',
  '–',
  '.',
  '&',
  "'",
  '’',
  '(',
  ')',
  '（',
  '）',
]);

/** Blank-looking letters and symbols used to fake empty or spaced names. */
const FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0, 0x2800]);

/** Ranges of stylised look-alikes of letters and digits. */
const STYLIZED_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0250, 0x02af], // IPA extensions (ʚ ɞ ɐ …)
  [0x1d00, 0x1dbf], // phonetic extensions (small capitals ᴀ ᴄ …)
  [0x2070, 0x209f], // superscripts and subscripts
  [0x2100, 0x214f], // letterlike symbols (ℒ ℴ ℃ ™ …)
  [0x2150, 0x218f], // number forms (Ⅷ ½ …)
  [0x2460, 0x24ff], // enclosed alphanumerics (① Ⓐ …)
  [0xa720, 0xa7ff], // Latin extended-D (ꜰ ꜱ …)
  [0xff10, 0xff19], // full-width digits
  [0xff21, 0xff3a], // full-width capitals
  [0xff41, 0xff5a], // full-width small letters
  [0x1d400, 0x1d7ff], // mathematical alphanumerics (𝐀 𝓛 𝟙 …)
  [0x1f100, 0x1f1e5], // enclosed alphanumeric supplement (🄰 🅰 …), before the regional indicators
];

/** Scripts users type without switching keyboards; any other script mixed with these is odd. */
const PRIMARY_SCRIPTS = new Set(['Han', 'Latin']);

const SCRIPT_TESTS: ReadonlyArray<readonly [string, RegExp]> = [
  ['Han', /\p{Script=Han}/u],
  ['Latin', /\p{Script=Latin}/u],
  ['Kana', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

export interface TNameCharFindings {
  /** Invisible characters, shown as "U+200B". */
  invisible: string[];
  emoji: string[];
  /** Symbols and punctuation that do not belong in a name. */
  symbols: string[];
  /** Stylised look-alike letters and digits, and decorative combining marks (shown as "U+0338"). */
  stylized: string[];
  /** Runs of one punctuation mark, e.g. "!!!" or "··". */
  repeatedPunctuation: string[];
  /** Letters from a script mixed in with others (e.g. の in 小鹿の咖啡); empty when not mixed. */
  mixedScriptLetters: string[];
  spacing: { leading: boolean; trailing: boolean; double: boolean; special: boolean };
}

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** "U+200B" for a code point. */
export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

function isInvisible(ch: string, cp: number): boolean {
  return /[\p{Cf}\p{Cc}]/u.test(ch) || FILLERS.has(cp) || isVariationSelector(cp);
}

function isEmoji(ch: string, cp: number, next: string | undefined): boolean {
  if (/\p{Emoji_Presentation}/u.test(ch)) return true;
  if (!/\p{Extended_Pictographic}/u.test(ch)) return false;
  return cp >= 0x1f000 || next === '\uFE0F';
}

function scriptOf(ch: string): string {
  for (const [name, re] of SCRIPT_TESTS) if (re.test(ch)) return name;
  return 'Other';
}

function pushUnique(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}

/** Finds the odd characters in a name (see the module comment for what counts as odd). */
export function analyzeNameCharacters(name: string): TNameCharFindings {
  const f: TNameCharFindings = {
    invisible: [],
    emoji: [],
    symbols: [],
    stylized: [],
    repeatedPunctuation: [],
    mixedScriptLetters: [],
    spacing: {
      leading: /^\p{Zs}/u.test(name),
      trailing: /\p{Zs}$/u.test(name),
      double: /\p{Zs}{2,}/u.test(name),
      special: /[\p{Zs}\p{Zl}\p{Zp}]/u.test(name.replace(/ /g, '')),
    },
  };
  const chars = Array.from(name.normalize('NFC'));
  const lettersByScript = new Map<string, string[]>();
  /** What the previous character was, so sequences (emoji + selector, letter + mark) stay together. */
  let prev: 'emoji' | 'symbol' | 'base' | 'other' = 'other';

  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const cp = ch.codePointAt(0) ?? 0;
    const next = chars[i + 1];

    if (/\p{Zs}/u.test(ch)) {
      prev = 'other';
      continue; // spaces are handled by `spacing`
    }
    // Keycap emoji: 1️⃣ = digit (+ U+FE0F) + U+20E3.
    if (
      /[0-9#*]/.test(ch) &&
      (next === '\u20E3' || (next === '\uFE0F' && chars[i + 2] === '\u20E3'))
    ) {
      pushUnique(f.emoji, ch + (next === '\uFE0F' ? '\uFE0F\u20E3' : '\u20E3'));
      prev = 'emoji';
      continue;
    }
    // Joiners, selectors, skin tones and marks that belong to a preceding emoji or symbol are part of it.
    if (
      (prev === 'emoji' || prev === 'symbol') &&
      (isInvisible(ch, cp) || /\p{M}/u.test(ch) || /\p{Emoji_Modifier}/u.test(ch))
    ) {
      continue;
    }
    if (isEmoji(ch, cp, next)) {
      pushUnique(f.emoji, ch);
      prev = 'emoji';
      continue;
    }
    if (isInvisible(ch, cp)) {
      pushUnique(f.invisible, codePointLabel(ch));
      prev = 'other';
      continue;
    }
    if (/\p{M}/u.test(ch)) {
      // After NFC, a mark still attached to a Chinese character, Latin letter or digit is decoration
      // (Z̸a̸l̸g̸o̸); marks are normal in scripts such as Thai or Devanagari.
      if (prev === 'base') pushUnique(f.stylized, codePointLabel(ch));
      continue;
    }
    if (
      inRanges(cp, STYLIZED_RANGES) ||
      (/\p{N}/u.test(ch) && !/\p{Nd}/u.test(ch) && ch !== '〇')
    ) {
      pushUnique(f.stylized, ch);
      prev = 'other';
      continue;
    }
    if (/\p{S}/u.test(ch)) {
      pushUnique(f.symbols, ch);
      prev = 'symbol';
      continue;
    }
    if (/\p{P}/u.test(ch)) {
      let j = i;
      while (chars[j + 1] === ch) j++;
      if (j > i) {
        pushUnique(f.repeatedPunctuation, ch.repeat(j - i + 1));
        i = j;
      } else if (!ALLOWED_PUNCTUATION.has(ch)) {
        pushUnique(f.symbols, ch);
      }
      prev = 'other';
      continue;
    }
    if (/\p{L}/u.test(ch)) {
      const script = scriptOf(ch);
      const list = lettersByScript.get(script) ?? [];
      pushUnique(list, ch);
      lettersByScript.set(script, list);
      prev = script === 'Han' || script === 'Latin' ? 'base' : 'other';
      continue;
    }
    prev = /\p{Nd}/u.test(ch) ? 'base' : 'other';
  }

  const scripts = [...lettersByScript.keys()];
  const secondary = scripts.filter((s) => !PRIMARY_SCRIPTS.has(s));
  const hasPrimary = scripts.some((s) => PRIMARY_SCRIPTS.has(s));
  if (secondary.length > 0 && (hasPrimary || secondary.length > 1)) {
    // Report the letters of the scripts that are not Chinese or Latin; with two such scripts and
    // neither Chinese nor Latin, report the smaller one.
    const report = hasPrimary
      ? secondary
      : [...secondary]
          .sort(
            (a, b) => (lettersByScript.get(a)?.length ?? 0) - (lettersByScript.get(b)?.length ?? 0),
          )
          .slice(0, 1);
    for (const s of report)
      for (const ch of lettersByScript.get(s) ?? []) pushUnique(f.mixedScriptLetters, ch);
  }
  return f;
}

/** True when `analyzeNameCharacters` found nothing odd (spacing included). */
export function isCleanName(f: TNameCharFindings): boolean {
  return (
    f.invisible.length +
      f.emoji.length +
      f.symbols.length +
      f.stylized.length +
      f.repeatedPunctuation.length +
      f.mixedScriptLetters.length ===
      0 &&
    !f.spacing.leading &&
    !f.spacing.trailing &&
    !f.spacing.double &&
    !f.spacing.special
  );
}

/**
 * A cleaned-up version of `name` to suggest in a fix: drops invisible characters, emoji, symbols
 * and odd punctuation, turns stylised and full-width letters into plain ones (NFKC), collapses
 * repeated punctuation and spaces, and replaces the decorative の with 的. Mixed scripts other than
 * の are left for the operator to decide.
 */
export function suggestCleanName(name: string): string {
  let s = Array.from(name.normalize('NFC'))
    .map((ch, i, all) => {
      const cp = ch.codePointAt(0) ?? 0;
      if (isInvisible(ch, cp) || /\p{Emoji_Modifier}/u.test(ch)) return '';
      if (isEmoji(ch, cp, all[i + 1]) || /\p{Extended_Pictographic}/u.test(ch)) return '';
      // Enclosed alphanumerics (Ⓐ) are symbols that NFKC turns into plain letters: keep them.
      if (/\p{S}/u.test(ch) && !(cp >= 0x2460 && cp <= 0x24ff)) return ' ';
      return ch;
    })
    .join('')
    .normalize('NFKC');
  s = Array.from(s)
    .map((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      if (FILLERS.has(cp) || /[\p{Cf}\p{Cc}]/u.test(ch)) return '';
      if (/\p{S}/u.test(ch)) return ' ';
      if (/\p{P}/u.test(ch) && !ALLOWED_PUNCTUATION.has(ch)) return ' ';
      return ch;
    })
    .join('')
    .replace(/([\p{Script=Han}\p{Script=Latin}\d ])\p{M}+/gu, '$1')
    .replace(/(\p{P})\1+/gu, '$1')
    .replace(/(\p{Script=Han})の(?=\p{Script=Han})/gu, '$1的')
    .replace(/\s+/gu, ' ')
    .replace(/(\p{Script=Han}) (?=\p{Script=Han})/gu, '$1')
    .trim();
  return s;
}
