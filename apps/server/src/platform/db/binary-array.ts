/**
 * Values in PostgreSQL's binary wire format: one-dimensional arrays (what `array_send` writes)
 * for the big `unnest` parameters of imports, and the fields of binary COPY. Both drivers send a
 * Buffer parameter as binary, and reading it costs the server a copy per element where the text
 * form (`{1.5,2,…}`) costs a parse: `float8in` is a `strtod` per number, which in PGlite's
 * WebAssembly took ~1.3 µs — a third of a 100,000-row import's database time went to reading
 * its own parameters.
 *
 * The SQL still names the type (`${binaryArray('float8', xs)}::float8[]`); the server checks
 * the element type written here against it.
 */

export type BinaryArrayType = 'float8' | 'text' | 'uuid' | 'date' | 'timestamptz';

const OID: Record<BinaryArrayType, number> = {
  float8: 701,
  text: 25,
  uuid: 2950,
  date: 1082,
  timestamptz: 1184,
};

/** 2000-01-01, PostgreSQL's epoch for dates and timestamps. */
const PG_EPOCH_MS = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Value = string | number | Date | null | undefined;

function refuse(type: BinaryArrayType, value: Value): never {
  throw new Error(`invalid input for ${type}: ${JSON.stringify(String(value))}`);
}

/** Days since 2000-01-01 of a `yyyy-mm-dd` that names a real day. */
function pgDate(value: Value): number {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) refuse('date', value);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    refuse('date', value);
  return (ms - PG_EPOCH_MS) / DAY_MS;
}

/** Milliseconds since 2000-01-01 UTC of a Date or a string Date.parse reads. */
function pgTimestampMs(value: Value): number {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(ms)) refuse('timestamptz', value);
  return ms - PG_EPOCH_MS;
}

/**
 * Below this many ms from 2000 (about 285 years) the microseconds are exact as a double and are
 * split into two 32-bit words; beyond it a BigInt does the arithmetic.
 */
const EXACT_MS = Math.floor(Number.MAX_SAFE_INTEGER / 1000);
const TWO_32 = 2 ** 32;

function hexValue(code: number): number {
  // '0'-'9', 'A'-'F', 'a'-'f'; the caller checked the uuid's shape.
  return code <= 57 ? code - 48 : (code | 32) - 87;
}

/** A growing buffer of values in the binary wire format (shared by arrays and binary COPY). */
export class BinaryWriter {
  bytes: Buffer;
  view: DataView;
  at = 0;
  /** How many NULLs were written. */
  nulls = 0;
  /** Per writer: an export repeats its days, each checked and converted once. */
  private readonly days = new Map<string, number>();

  constructor(size = 1 << 16) {
    this.bytes = Buffer.allocUnsafe(size);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, size);
  }

  /** Makes room for `n` more bytes. */
  room(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    let size = this.bytes.length * 2;
    while (size < this.at + n) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.bytes.copy(next, 0, 0, this.at);
    this.bytes = next;
    this.view = new DataView(next.buffer, next.byteOffset, size);
  }

  int16(v: number): void {
    this.room(2);
    this.view.setInt16(this.at, v);
    this.at += 2;
  }

  int32(v: number): void {
    this.room(4);
    this.view.setInt32(this.at, v);
    this.at += 4;
  }

  raw(b: Uint8Array): void {
    this.room(b.length);
    this.bytes.set(b, this.at);
    this.at += b.length;
  }

  /**
   * One value as a field: its length then its bytes, or length -1 for NULL (null, undefined, a
   * float8 that is not a finite number). A value the type cannot hold is refused, naming the type.
   */
  value(type: BinaryArrayType, v: Value): void {
    if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) {
      this.int32(-1);
      this.nulls++;
      return;
    }
    switch (type) {
      case 'float8': {
        const x = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
        if (!Number.isFinite(x)) refuse('float8', v);
        this.room(12);
        this.view.setInt32(this.at, 8);
        this.view.setFloat64(this.at + 4, x);
        this.at += 12;
        return;
      }
      case 'date': {
        const key = String(v);
        let day = this.days.get(key);
        if (day === undefined) {
          day = pgDate(v);
          this.days.set(key, day);
        }
        this.room(8);
        this.view.setInt32(this.at, 4);
        this.view.setInt32(this.at + 4, day);
        this.at += 8;
        return;
      }
      case 'timestamptz': {
        const ms = pgTimestampMs(v);
        this.room(12);
        this.view.setInt32(this.at, 8);
        if (Math.abs(ms) <= EXACT_MS) {
          // The int64 as high and low words (two's complement: floor keeps it right before 2000).
          const us = ms * 1000;
          const high = Math.floor(us / TWO_32);
          this.view.setInt32(this.at + 4, high);
          this.view.setUint32(this.at + 8, us - high * TWO_32);
        } else this.view.setBigInt64(this.at + 4, BigInt(ms) * 1000n);
        this.at += 12;
        return;
      }
      case 'uuid': {
        const s = String(v);
        if (!UUID.test(s)) refuse('uuid', v);
        this.room(20);
        this.view.setInt32(this.at, 16);
        let o = this.at + 4;
        for (let i = 0; i < 36; i += 2) {
          if (s.charCodeAt(i) === 45) i++; // '-'
          this.bytes[o++] = (hexValue(s.charCodeAt(i)) << 4) | hexValue(s.charCodeAt(i + 1));
        }
        this.at = o;
        return;
      }
      case 'text': {
        const str = String(v);
        // A UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4).
        this.room(4 + 3 * str.length);
        const written = this.bytes.write(str, this.at + 4, 'utf8');
        this.view.setInt32(this.at, written);
        this.at += 4 + written;
        return;
      }
    }
  }

  /**
   * The float8 values[start…end) one after another, as value() writes them; finite numbers (what
   * an import's metric columns hold) without going through value()'s type switch.
   */
  float8s(values: readonly Value[], start: number, end: number): void {
    this.room(12 * (end - start));
    let at = this.at;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (typeof v === 'number' && Number.isFinite(v)) {
        this.view.setInt32(at, 8);
        this.view.setFloat64(at + 4, v);
        at += 12;
      } else {
        this.at = at;
        this.value('float8', v);
        at = this.at;
      }
    }
    this.at = at;
  }

  /** The bytes written so far (a view: valid until the next write). */
  result(): Buffer {
    return this.bytes.subarray(0, this.at);
  }
}

/**
 * The array of `values[start…end)` as a binary parameter. `null`/`undefined` (and, for float8, a
 * number that is not finite) is NULL; a value the type cannot hold is refused here, naming the
 * type, as the server's cast would.
 */
export function binaryArray(
  type: BinaryArrayType,
  values: readonly Value[],
  start = 0,
  end = values.length,
): Buffer {
  const w = new BinaryWriter(20 + 12 * (end - start));
  w.int32(1); // dimensions
  w.int32(0); // has NULLs: set below
  w.int32(OID[type]);
  w.int32(end - start);
  w.int32(1); // lower bound
  if (type === 'float8') w.float8s(values, start, end);
  else for (let i = start; i < end; i++) w.value(type, values[i]);
  if (w.nulls > 0) w.view.setInt32(4, 1);
  return w.result();
}
