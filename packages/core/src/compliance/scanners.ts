/**
 * Fixed, hand-written scanners for things a word list cannot express: phone numbers, e-mail
 * addresses, links and hashtags. Every expression here is a constant written by us; user input is
 * never compiled. All scanners work on the folded text (full-width → half-width, lower case), which
 * has the same offsets as the original, so spans are UTF-16 offsets into the caller's text.
 */
import { foldCodeUnit, isFillerCodeUnit, normalizeText } from '../matcher';
import type { TLengthUnit } from '../accounts/text';
import { isWideCodePoint } from '../accounts/text';

/** A half-open span [start, end) in UTF-16 code units. */
export interface TSpan {
  readonly start: number;
  readonly end: number;
}

function isDigit(u: number): boolean {
  return u >= 0x30 && u <= 0x39;
}

function isAsciiLetter(u: number): boolean {
  return u >= 0x61 && u <= 0x7a;
}

/** The class of an ASCII edge character, for word-boundary checks on Latin terms. */
export type TEdgeClass = 'letter' | 'digit' | null;

/** Whether a (folded) code unit is an ASCII letter, digit or neither. */
export function edgeClass(codeUnit: number): TEdgeClass {
  const u = foldCodeUnit(codeUnit);
  if (isAsciiLetter(u)) return 'letter';
  if (isDigit(u)) return 'digit';
  return null;
}

/**
 * Mainland mobile numbers (1[3-9] + 9 digits), also written with single separators (138 1234 5678,
 * 138-1234-5678, 138*1234*5678) or full-width digits, and with a +86/86 prefix. A digit run of any
 * other length (order numbers, dates) is not a phone number.
 */
export function findMobileNumbers(text: string): TSpan[] {
  const out: TSpan[] = [];
  const positions: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(foldCodeUnit(text.charCodeAt(i)))) {
      i++;
      continue;
    }
    positions.length = 0;
    let j = i;
    while (j < text.length) {
      const u = foldCodeUnit(text.charCodeAt(j));
      if (isDigit(u)) {
        positions.push(j);
        j++;
      } else if (
        isFillerCodeUnit(u) &&
        j + 1 < text.length &&
        isDigit(foldCodeUnit(text.charCodeAt(j + 1)))
      ) {
        j++; // one separator between digits
      } else {
        break;
      }
    }
    const digits = positions.map((p) => foldCodeUnit(text.charCodeAt(p)) - 0x30);
    let first = -1;
    if (digits.length === 11) first = 0;
    else if (digits.length === 13 && digits[0] === 8 && digits[1] === 6) first = 2;
    if (first >= 0 && digits[first] === 1 && (digits[first + 1] ?? 0) >= 3) {
      out.push({ start: positions[first]!, end: positions[positions.length - 1]! + 1 });
    }
    i = j;
  }
  return out;
}

const EMAIL_RE = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/g;

/** E-mail addresses (full-width forms included); pass `folded` when the caller has it already. */
export function findEmails(text: string, folded: string = normalizeText(text)): TSpan[] {
  const out: TSpan[] = [];
  for (const m of folded.matchAll(EMAIL_RE))
    out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * Characters that end a link: whitespace, quotes, brackets and punctuation. The text is folded
 * first, so the full-width ，；！（） arrive as ASCII and end the link too (links rarely contain
 * them; a Chinese sentence right after a link almost always does).
 */
const LINK_BODY = String.raw`[^\s<>"',;!()\[\]{}。、【】《》「」]`;
/**
 * http(s):// and www. links, and bare domains on common TLDs, which also covers the short links
 * operators paste (t.cn/…, b23.tv/…, xhslink.com/…, v.douyin.com/…, dwz.cn/…, bit.ly/…). The
 * look-behind keeps the domain of an e-mail address (a@qq.com) from counting as a link.
 */
const LINK_RE = new RegExp(
  String.raw`(?:https?:\/\/|www\.)${LINK_BODY}+` +
    String.raw`|(?<![a-z0-9.@_-])(?:[a-z0-9-]+\.)+(?:com|cn|net|org|io|top|xyz|vip|cc|me|tv|co|shop|site|link|ly|im)(?![a-z0-9-])(?:\/${LINK_BODY}*)?`,
  'g',
);
/** Sentence punctuation that ends a sentence rather than belonging to the link. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', ')', ']', '}']);

/** Links in the text, trailing sentence punctuation excluded; `folded` as for findEmails. */
export function findLinks(text: string, folded: string = normalizeText(text)): TSpan[] {
  const out: TSpan[] = [];
  for (const m of folded.matchAll(LINK_RE)) {
    let end = m.index + m[0].length;
    while (end > m.index && TRAILING.has(folded[end - 1]!)) end--;
    out.push({ start: m.index, end });
  }
  return out;
}

/** Characters that end a hashtag (besides whitespace and #). */
const TAG_STOP = new Set(Array.from(',.!?;:"\'()[]{}<>@，。！？；：、“”‘’（）【】《》「」…~'));
/** Xiaohongshu writes topics as #咖啡[话题]#; the suffix belongs to the tag. */
const XHS_TOPIC_SUFFIX = '[话题]#';
const MAX_TAG_LENGTH = 64;
const WHITESPACE = /\s/;

/** A hashtag found in text; `key` is its folded name, for de-duplication. */
export interface THashtag extends TSpan {
  readonly key: string;
}

/**
 * Inline hashtags in the styles the platforms use: #tag (Douyin, Bilibili), #话题# (Weibo) and
 * #话题[话题]# (Xiaohongshu). A tag of digits only (#1) is not a hashtag.
 */
export function findHashtags(text: string, folded: string = normalizeText(text)): THashtag[] {
  const out: THashtag[] = [];
  let i = 0;
  while (i < folded.length) {
    if (folded[i] !== '#') {
      i++;
      continue;
    }
    let j = i + 1;
    let hasNonDigit = false;
    while (j < folded.length && j - i <= MAX_TAG_LENGTH) {
      const ch = folded[j]!;
      if (ch === '#' || TAG_STOP.has(ch) || WHITESPACE.test(ch)) break;
      if (!isDigit(ch.charCodeAt(0))) hasNonDigit = true;
      j++;
    }
    if (j === i + 1 || !hasNonDigit) {
      i = j;
      continue;
    }
    const key = folded.slice(i + 1, j);
    let end = j;
    if (folded.startsWith(XHS_TOPIC_SUFFIX, j)) end = j + XHS_TOPIC_SUFFIX.length;
    else if (folded[j] === '#') end = j + 1; // Weibo's closing #
    out.push({ start: i, end, key });
    i = end;
  }
  return out;
}

/** Folded name of a hashtag given as a list item (#好物, 好物, #好物#, #好物[话题]#). */
export function hashtagKey(tag: string): string {
  let key = normalizeText(tag.trim());
  if (key.endsWith(XHS_TOPIC_SUFFIX)) key = key.slice(0, -XHS_TOPIC_SUFFIX.length);
  while (key.startsWith('#')) key = key.slice(1);
  while (key.endsWith('#')) key = key.slice(0, -1);
  return key;
}

/**
 * UTF-16 offset of the first code point that takes the text past `max` (in `unit`), or -1 when the
 * text fits; that offset starts the overflow span.
 */
export function overflowOffset(text: string, max: number, unit: TLengthUnit): number {
  let n = 0;
  let offset = 0;
  for (const ch of text) {
    n += unit === 'weighted' && isWideCodePoint(ch.codePointAt(0) ?? 0) ? 2 : 1;
    if (n > max) return offset;
    offset += ch.length;
  }
  return -1;
}
