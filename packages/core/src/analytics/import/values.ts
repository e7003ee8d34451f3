/**
 * Cell parsers for platform export files (DOMAIN-FACTS §1). Exports mix strings ("1.2万", "3.74%",
 * "21.46秒", "2026年03月25日09时49分34秒"), numbers and dates from the spreadsheet reader, so each
 * parser accepts any cell and says what is wrong in both languages. A blank or dash cell is a
 * missing value (ok, `value` undefined): platforms print `-` for "no data", which is not zero.
 */
import { zonedWallClockToUtc, zoneOffsetMs } from '../../time';

/** One cell as the spreadsheet reader hands it over (rich text already flattened to a string). */
export type TCellInput = string | number | Date | null | undefined;

/** Stable reasons a cell is refused; the UI may key its own texts on them. */
export type TValueErrorCode =
  | 'INVALID_NUMBER'
  | 'NEGATIVE_NOT_ALLOWED'
  | 'NOT_WHOLE_NUMBER'
  | 'INVALID_RATE'
  | 'RATE_OUT_OF_RANGE'
  | 'INVALID_DURATION'
  | 'INVALID_DATE'
  | 'IMPOSSIBLE_DATE'
  | 'UNEXPECTED_TYPE';

/** A parsed cell: `value` undefined means the cell was blank or a "no data" mark. */
export type TParseResult<T> =
  | { ok: true; value: T | undefined }
  | { ok: false; code: TValueErrorCode; message: string; messageEn: string };

/** A calendar day and, when the cell had a time of day, the instant it names. */
export interface TParsedDateTime {
  /** 'YYYY-MM-DD', the day on the wall clock of the given time zone. */
  date: string;
  /** The UTC instant, only when the cell carried a time of day. */
  at?: Date;
}

export interface TNumberOptions {
  /** Accept values below zero (only net changes such as followersNet can be negative). */
  allowNegative?: boolean;
}

// Marks platforms print for "no data". Compared after NFKC and lower-casing.
const MISSING_MARKS = new Set([
  '',
  '-',
  '--',
  '---',
  '—',
  '——',
  '–',
  '/',
  'n/a',
  'na',
  '#n/a',
  'null',
  'none',
  'nan',
  '暂无',
  '无',
]);

// Chinese and Latin magnitude suffixes seen in exports and dashboards.
const MAGNITUDES: Record<string, number> = {
  万: 4,
  w: 4,
  亿: 8,
  千: 3,
  k: 3,
};

// Count words some exports append ("123次", "45人").
const COUNT_UNITS = /(?:次|人|条|个|篇|位)$/;

const ok = <T>(value: T | undefined): TParseResult<T> => ({ ok: true, value });

const fail = <T>(code: TValueErrorCode, message: string, messageEn: string): TParseResult<T> => ({
  ok: false,
  code,
  message,
  messageEn,
});

/**
 * Text NFKC leaves alone and with nothing to strip or collapse: printable ASCII, CJK unified
 * ideographs and the common CJK punctuation, single spaces between (checked code point by code
 * point in values.test.ts). Most cells of an export are like this, and NFKC is the slow part.
 */
const ALREADY_NORMAL =
  /^[!-~\u3001\u3002\u3008-\u3011\u4e00-\u9fff]+(?: [!-~\u3001\u3002\u3008-\u3011\u4e00-\u9fff]+)*$/;

/** Full-width to half-width, unified spaces and trimmed; the canonical form every parser reads. */
export function normalizeCellText(raw: string): string {
  if (ALREADY_NORMAL.test(raw)) return raw;
  return raw
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True for a blank cell or a platform's "no data" mark such as `-`, `—` or `N/A`. */
export function isMissingCell(raw: TCellInput): boolean {
  if (raw === null || raw === undefined) return true;
  if (typeof raw === 'string') {
    // No mark starts with an ASCII digit, and normalising leaves a leading one in place: most
    // cells (counts, dates) are settled without normalising.
    const first = raw.charCodeAt(0);
    if (first >= 48 && first <= 57) return false;
  }
  if (typeof raw === 'number') return Number.isNaN(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime());
  return MISSING_MARKS.has(normalizeCellText(raw).toLowerCase());
}

/** Display form of a cell for error messages. */
export function cellToString(raw: TCellInput): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString();
  return String(raw);
}

// Multiplying by powers of ten in binary floating point leaves tails (1.2345 × 10⁴ =
// 12344.999…); 15 significant digits is what the source decimal text carried.
function scaleDecimal(n: number, exponent: number): number {
  return Number((n * 10 ** exponent).toPrecision(15));
}

/** Digits with an optional fraction: Number() reads them exactly as parseDecimalText would. */
const PLAIN_NUMBER = /^\d{1,15}(?:\.\d{1,15})?$/;

const DECIMAL = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[+-]?\d+)?$/;

// Parses the text of a number with an optional magnitude suffix; null when it is not one.
function parseDecimalText(text: string): number | null {
  let t = text.replace(/\s/g, '').toLowerCase();
  // "10万+" is how 公众号 caps large counts; keep the stated lower bound.
  t = t.replace(/\+$/, '');
  t = t.replace(COUNT_UNITS, '');
  let exponent = 0;
  const suffix = t.slice(-1);
  const magnitude = MAGNITUDES[suffix];
  if (magnitude !== undefined) {
    exponent = magnitude;
    t = t.slice(0, -1);
  }
  if (t === '' || t === '+' || t === '-' || !/\d/.test(t) || !DECIMAL.test(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  return exponent === 0 ? n : scaleDecimal(n, exponent);
}

/** A number: `12,345`, `1.2万`, `3.4w`, `1亿`, full-width digits; blanks and dashes are missing. */
export function parseNumber(raw: TCellInput, options: TNumberOptions = {}): TParseResult<number> {
  // Most cells are plain digits: nothing to normalise, strip or scale.
  if (typeof raw === 'string' && PLAIN_NUMBER.test(raw)) return ok(Number(raw));
  if (isMissingCell(raw)) return ok<number>(undefined);
  let n: number | null;
  if (raw instanceof Date) {
    return fail('UNEXPECTED_TYPE', '应为数字，实际是日期', 'Expected a number, found a date');
  }
  if (typeof raw === 'number') n = Number.isFinite(raw) ? raw : null;
  else n = parseDecimalText(normalizeCellText(raw ?? ''));
  if (n === null) {
    const shown = cellToString(raw);
    return fail('INVALID_NUMBER', `「${shown}」不是有效的数字`, `"${shown}" is not a valid number`);
  }
  if (n < 0 && !options.allowNegative) {
    const shown = cellToString(raw);
    return fail(
      'NEGATIVE_NOT_ALLOWED',
      `「${shown}」为负数，此列不能为负`,
      `"${shown}" is negative; this column cannot be negative`,
    );
  }
  // -0 would print as "0" but compare oddly in totals.
  return ok(n === 0 ? 0 : n);
}

/** A whole count (plays, likes): like parseNumber, rounding only the tails left by 万/亿 scaling. */
export function parseCount(raw: TCellInput, options: TNumberOptions = {}): TParseResult<number> {
  if (typeof raw === 'string' && PLAIN_NUMBER.test(raw)) {
    const n = Number(raw);
    if (Number.isInteger(n)) return ok(n);
  }
  const r = parseNumber(raw, options);
  if (!r.ok || r.value === undefined) return r;
  const rounded = Math.round(r.value);
  // "1.23456万" is 12345.6: the platform rounded the display, so the nearest whole is the count.
  const scaled = typeof raw === 'string' && /[万亿千wk]\+?$/i.test(normalizeCellText(raw));
  if (!scaled && Math.abs(rounded - r.value) > 1e-9) {
    const shown = cellToString(raw);
    return fail(
      'NOT_WHOLE_NUMBER',
      `「${shown}」不是整数，此列应为次数`,
      `"${shown}" is not a whole number; this column holds counts`,
    );
  }
  return ok(rounded === 0 ? 0 : rounded);
}

/**
 * A rate as a fraction 0..1: `3.74%` and `0.0374` are both 0.0374; a bare number in (1, 100] is
 * read as a percentage (37.4 → 0.374) because exports drop the % sign; anything larger is refused.
 */
export function parseRate(raw: TCellInput): TParseResult<number> {
  // Most cells are a plain fraction or percentage number.
  if (typeof raw === 'string' && PLAIN_NUMBER.test(raw)) return rateOf(raw, Number(raw), false);
  if (isMissingCell(raw)) return ok<number>(undefined);
  if (raw instanceof Date) return invalidRate(raw);
  let n: number | null;
  let percent = false;
  if (typeof raw === 'number') {
    n = Number.isFinite(raw) ? raw : null;
  } else {
    const text = normalizeCellText(raw ?? '').replace(/\s/g, '');
    percent = text.endsWith('%');
    const body = percent ? text.slice(0, -1) : text;
    // Magnitude suffixes make no sense on a rate, so only plain decimals are accepted.
    n = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(body) ? Number(body) : null;
  }
  if (n === null) return invalidRate(raw);
  return rateOf(raw, n, percent);
}

function invalidRate(raw: TCellInput): TParseResult<number> {
  const shown = cellToString(raw);
  return fail('INVALID_RATE', `「${shown}」不是有效的比率`, `"${shown}" is not a valid rate`);
}

/** The fraction a rate cell's number `n` stands for (see parseRate), or why it cannot be one. */
function rateOf(raw: TCellInput, n: number, percent: boolean): TParseResult<number> {
  if (n < 0) {
    const shown = cellToString(raw);
    return fail(
      'RATE_OUT_OF_RANGE',
      `「${shown}」为负数，比率应在 0–100% 之间`,
      `"${shown}" is negative; a rate must be between 0 and 100%`,
    );
  }
  if (percent || n > 1) {
    if (n > 100) {
      const shown = cellToString(raw);
      return fail(
        'RATE_OUT_OF_RANGE',
        `「${shown}」超出 0–100% 的范围`,
        `"${shown}" is outside 0–100%`,
      );
    }
    return ok(scaleDecimal(n, -2));
  }
  return ok(n);
}

const DURATION_UNITS: Record<string, number> = {
  小时: 3600,
  时: 3600,
  h: 3600,
  hr: 3600,
  分钟: 60,
  分: 60,
  min: 60,
  m: 60,
  秒钟: 1,
  秒: 1,
  s: 1,
  sec: 1,
};

// The Excel epoch: time-only cells arrive from the reader as a Date on this day.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Seconds from `21.46秒`, `1分20秒`, `1.5分钟`, `01:20` (m:ss), `1:02:03` (h:mm:ss), `85s` or `85`. */
export function parseDuration(raw: TCellInput): TParseResult<number> {
  if (isMissingCell(raw)) return ok<number>(undefined);
  const shown = cellToString(raw);
  const invalid = () =>
    fail<number>(
      'INVALID_DURATION',
      `「${shown}」不是有效的时长`,
      `"${shown}" is not a valid duration`,
    );
  if (raw instanceof Date) {
    // A cell formatted as a time of day (00:01:20) is a fraction of a day after the Excel epoch.
    const ms = raw.getTime() - EXCEL_EPOCH_MS;
    if (ms < 0 || ms >= DAY_MS) return invalid();
    return ok(Math.round(ms) / 1000);
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return invalid();
    return ok(raw);
  }
  const text = normalizeCellText(raw ?? '')
    .replace(/\s/g, '')
    .toLowerCase();
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?(\.\d+)?$/.exec(text);
  if (clock) {
    const [, a, b, c, frac] = clock;
    const fraction = frac ? Number(frac) : 0;
    if (c === undefined) {
      const sec = Number(b);
      if (sec >= 60) return invalid();
      return ok(scaleDecimal(Number(a) * 60 + sec + fraction, 0));
    }
    const min = Number(b);
    const sec = Number(c);
    if (min >= 60 || sec >= 60) return invalid();
    return ok(scaleDecimal(Number(a) * 3600 + min * 60 + sec + fraction, 0));
  }
  if (/^\d+(?:\.\d+)?$/.test(text)) return ok(Number(text));
  const part = /(\d+(?:\.\d+)?)(小时|分钟|秒钟|hr|min|sec|时|分|秒|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = part.exec(text)) !== null) {
    const unit = DURATION_UNITS[match[2] ?? ''];
    if (unit === undefined) return invalid();
    total += Number(match[1]) * unit;
    consumed = part.lastIndex;
  }
  if (consumed === 0 || consumed !== text.length) return invalid();
  return ok(scaleDecimal(total, 0));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1] ?? 0;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** The number written by the ASCII digits s[from…to), or -1 when one is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The wall clock of the form most exports use, read without normalising or regexes:
 * `yyyy-mm-dd`, then optionally ` hh:mm` or ` hh:mm:ss` (also `/` or `.` between the date
 * parts, `T` before the time). Null for anything else, which the general parser reads. Ranges
 * are checked by the caller, as for every other form.
 */
function plainWallClock(s: string): TWallClock | null {
  const n = s.length;
  if (n !== 10 && n !== 16 && n !== 19) return null;
  const sep = s.charCodeAt(4);
  if ((sep !== 45 && sep !== 47 && sep !== 46) || s.charCodeAt(7) !== sep) return null;
  const year = digitsAt(s, 0, 4);
  const month = digitsAt(s, 5, 7);
  const day = digitsAt(s, 8, 10);
  if (year < 0 || month < 0 || day < 0) return null;
  if (n === 10) return { year, month, day };
  const t = s.charCodeAt(10);
  if ((t !== 32 && t !== 84) || s.charCodeAt(13) !== 58) return null;
  const hour = digitsAt(s, 11, 13);
  const minute = digitsAt(s, 14, 16);
  const second = n === 19 ? (s.charCodeAt(16) === 58 ? digitsAt(s, 17, 19) : -1) : 0;
  if (hour < 0 || minute < 0 || second < 0) return null;
  return { year, month, day, time: { hour, minute, second } };
}

interface TWallClock {
  year: number;
  month: number;
  day: number;
  time?: { hour: number; minute: number; second: number };
}

function wallClockResult(
  wall: TWallClock,
  timeZone: string,
  shown: string,
): TParseResult<TParsedDateTime> {
  const { year, month, day, time } = wall;
  if (
    year < 1900 ||
    year > 2199 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    (time && (time.hour > 23 || time.minute > 59 || time.second > 59))
  ) {
    return fail(
      'IMPOSSIBLE_DATE',
      `「${shown}」不是存在的日期或时间`,
      `"${shown}" is not a date or time that exists`,
    );
  }
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (!time) return ok({ date });
  const at = zonedWallClockToUtc(
    Date.UTC(year, month - 1, day, time.hour, time.minute, time.second),
    timeZone,
  );
  return ok({ date, at });
}

// A wall clock read from the UTC fields of a Date, rounded to the second (Excel's binary
// fractions of a day leave 12:40:33.999).
function wallClockOfUtcFields(ms: number): TWallClock {
  const d = new Date(Math.round(ms / 1000) * 1000);
  const hour = d.getUTCHours();
  const minute = d.getUTCMinutes();
  const second = d.getUTCSeconds();
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    // Midnight exactly is what a date-only cell looks like, so it carries no time of day.
    ...(hour || minute || second ? { time: { hour, minute, second } } : {}),
  };
}

function instantResult(at: Date, timeZone: string): TParseResult<TParsedDateTime> {
  const wall = new Date(at.getTime() + zoneOffsetMs(at, timeZone));
  const date = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  return ok({ date, at });
}

function fromNumber(n: number, timeZone: string, shown: string): TParseResult<TParsedDateTime> {
  if (Number.isInteger(n) && n >= 19000101 && n <= 21991231) {
    // yyyymmdd stored as a number (公众号 已通知内容).
    return wallClockResult(
      { year: Math.floor(n / 10000), month: Math.floor(n / 100) % 100, day: n % 100 },
      timeZone,
      shown,
    );
  }
  if (n >= 1e9 && n < 1e10) return instantResult(new Date(Math.round(n) * 1000), timeZone);
  if (n >= 1e12 && n < 1e13) return instantResult(new Date(Math.round(n)), timeZone);
  // Excel serials from 61 (1900-03-01) on; below that the 1900 leap-year bug shifts days and
  // no export has such dates anyway.
  if (n >= 61 && n < 109_574) {
    return wallClockResult(wallClockOfUtcFields(EXCEL_EPOCH_MS + n * DAY_MS), timeZone, shown);
  }
  return fail('INVALID_DATE', `「${shown}」不是有效的日期`, `"${shown}" is not a valid date`);
}

const DATE_PART =
  /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日?|([-/.])(\d{1,2})\4(\d{1,2})|(\d{2})(\d{2}))/;
const TIME_PART =
  /^(\d{1,2})(?::(\d{1,2})(?::(\d{1,2})(?:\.\d+)?)?|时(\d{1,2})分(?:(\d{1,2})秒)?|点(\d{1,2})分?)$/;
const ISO_WITH_OFFSET =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})$/i;

function invalidDate(shown: string): TParseResult<TParsedDateTime> {
  return fail('INVALID_DATE', `「${shown}」不是有效的日期`, `"${shown}" is not a valid date`);
}

/**
 * A calendar day, and the instant when a time of day is present, from the date forms exports use
 * (年月日[时分秒], 2026/5/29 12:40, 2026-05-29, 20260529, Excel serials, reader Dates). Wall-clock
 * times are read in `timeZone`; a reader Date carries the wall clock in its UTC fields.
 */
export function parseDateTime(raw: TCellInput, timeZone: string): TParseResult<TParsedDateTime> {
  return plainDateTime(raw, timeZone) ?? generalDateTime(raw, timeZone);
}

/** A cell in the plain `yyyy-mm-dd[ hh:mm[:ss]]` form, read directly; null for any other. */
function plainDateTime(raw: TCellInput, timeZone: string): TParseResult<TParsedDateTime> | null {
  const wall = typeof raw === 'string' ? plainWallClock(raw) : null;
  return wall ? wallClockResult(wall, timeZone, raw as string) : null;
}

/** parseDateTime for every form. */
function generalDateTime(raw: TCellInput, timeZone: string): TParseResult<TParsedDateTime> {
  if (isMissingCell(raw)) return ok<TParsedDateTime>(undefined);
  const shown = cellToString(raw);
  if (raw instanceof Date) {
    return wallClockResult(wallClockOfUtcFields(raw.getTime()), timeZone, shown);
  }
  if (typeof raw === 'number') return fromNumber(raw, timeZone, shown);
  const text = normalizeCellText(raw ?? '');
  if (ISO_WITH_OFFSET.test(text)) return instantResult(new Date(text), timeZone);
  if (/^\d+(?:\.\d+)?$/.test(text) && text.length !== 8) {
    return fromNumber(Number(text), timeZone, shown);
  }
  const dateMatch = DATE_PART.exec(text);
  if (!dateMatch) return invalidDate(shown);
  const [head, y, zm, zd, , sm, sd, cm, cd] = dateMatch;
  const wall: TWallClock = {
    year: Number(y),
    month: Number(zm ?? sm ?? cm),
    day: Number(zd ?? sd ?? cd),
  };
  const rest = text.slice(head.length).replace(/^[ T]+/, '');
  if (rest === '') return wallClockResult(wall, timeZone, shown);
  const t = TIME_PART.exec(rest);
  if (!t) return invalidDate(shown);
  const [, h, cmin, csec, zmin, zsec, dmin] = t;
  wall.time = {
    hour: Number(h),
    minute: Number(cmin ?? zmin ?? dmin ?? 0),
    second: Number(csec ?? zsec ?? 0),
  };
  return wallClockResult(wall, timeZone, shown);
}

/**
 * parseDateTime for the cells of one file in one zone: the plain `yyyy-mm-dd hh:mm` forms are
 * read directly, and any other text is parsed once however often it repeats (a daily export
 * repeats each post's publish time, say `2026年03月25日09时49分`, on every day's row).
 */
export function dateTimeReader(
  timeZone: string,
): (raw: TCellInput) => TParseResult<TParsedDateTime> {
  const seen = new Map<string, TParseResult<TParsedDateTime>>();
  return (raw) => {
    const plain = plainDateTime(raw, timeZone);
    if (plain) return plain;
    if (typeof raw !== 'string') return generalDateTime(raw, timeZone);
    let r = seen.get(raw);
    if (!r) {
      r = generalDateTime(raw, timeZone);
      seen.set(raw, r);
    }
    return r;
  };
}
