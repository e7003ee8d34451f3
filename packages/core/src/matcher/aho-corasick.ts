/**
 * Multi-pattern matcher: Aho-Corasick over a compact alphabet, stored as an XOR double array in
 * typed arrays.
 *
 * Why this layout: a full DFA (states × alphabet) is the fastest table, but 10k Chinese terms have
 * ~40k states over ~3k distinct characters, i.e. ~120M cells. The double array keeps one slot per
 * state and still resolves a transition with two loads (base, check). Failure links are followed
 * at scan time; on Chinese text they are short (most misses fall straight back to the root, whose
 * row is dense), and characters that occur in no pattern collapse to one "other" symbol that
 * resets to the root without touching the table.
 *
 * Patterns that see through fillers live in a second automaton whose scan skips filler code units;
 * the two never share states, so a plain pattern can never match across a skipped filler.
 */
import {
  CODE_UNIT_COUNT,
  getFillerTable,
  getFillerUnits,
  getFoldedUnits,
  getFoldTable,
} from './normalize';

// A local copy: transpiled imports can become property reads, too slow for loop bounds.
const UNITS: number = CODE_UNIT_COUNT;

/** A keyword to look for. */
export interface TMatcherPattern {
  /** Reported back in each match; several patterns may share a text and each reports. */
  readonly id: number;
  /** The keyword; folded like the text (width, case) before matching. Must not be empty. */
  readonly text: string;
  /** Allow filler characters (whitespace, * · . - _ ~ | / \, zero-width…) between characters. */
  readonly seeThroughFillers?: boolean;
}

/** One occurrence; offsets are UTF-16 code units into the original text, end exclusive. */
export interface TMatch {
  readonly patternId: number;
  readonly start: number;
  readonly end: number;
}

/** Options for createMatcher. */
export interface TMatcherOptions {
  /** Default for patterns that leave seeThroughFillers unset. */
  readonly seeThroughFillers?: boolean;
}

/** A compiled, immutable pattern set. */
export interface TMatcher {
  /** Number of patterns the matcher was built from. */
  readonly patternCount: number;
  /** Every (overlapping) occurrence of every pattern, sorted by start, then end, then pattern id. */
  findAll(text: string): TMatch[];
  /** Number of occurrences findAll would return, without allocating them. */
  count(text: string): number;
  /** Whether any pattern occurs; stops at the first occurrence. */
  test(text: string): boolean;
}

/** Symbol for code units that occur in no pattern; it has no transitions, so it resets to root. */
const OTHER = 0;
/** Symbol for filler code units in a see-through automaton; the scan skips them entirely. */
const FILLER = 0xffff;
/** check[] value of a free slot; real values are parent slots (>= 0). */
const FREE = -1;
/** check[] value of the root slot, so no lookup can ever land on it. */
const ROOT_MARK = -2;

interface Automaton {
  /** Code unit → symbol (fold and alphabet compaction in one load). */
  readonly cls: Uint16Array;
  readonly base: Int32Array;
  readonly check: Int32Array;
  readonly fail: Int32Array;
  /** Dense transition row of the root, indexed by symbol (0 = stay at root). */
  readonly rootNext: Int32Array;
  /** Occurrences ending in this state, counting the whole dictionary-suffix chain. */
  readonly outCount: Int32Array;
  /** Nearest state on the failure chain (itself included) that has patterns of its own. */
  readonly firstOut: Int32Array;
  /** Patterns of a state are the contiguous range ownLo..ownHi of the sorted pattern order. */
  readonly ownLo: Int32Array;
  readonly ownHi: Int32Array;
  readonly patIds: Float64Array;
  readonly patLen: Int32Array;
  /** Offsets of the most recent symbol code units, to recover a match's start after skips. */
  readonly ring: Int32Array;
  readonly ringMask: number;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

interface KeyEntry {
  readonly key: string;
  readonly id: number;
  readonly index: number;
}

/**
 * Free-slot bookkeeping for double-array construction. Every base ^ symbol stays inside the
 * base's block, so free slots are kept per block (sorted doubly linked lists) with a count and
 * the smallest fan-out that already failed to fit: with ~3k symbols a node with dozens of children
 * only fits in a sparse block, and scanning every crowded block again for each such node made
 * building 100k terms quadratic.
 */
class SlotPool {
  check: Int32Array = new Int32Array(0);
  base: Int32Array = new Int32Array(0);
  capacity = 0;
  private next: Int32Array = new Int32Array(0);
  private prev: Int32Array = new Int32Array(0);
  private blockHead: Int32Array = new Int32Array(0);
  private blockFree: Int32Array = new Int32Array(0);
  private blockFailFanout: Int32Array = new Int32Array(0);
  private blocks = 0;
  /** Blocks before this one have no free slot left. */
  private firstOpen = 0;
  private readonly shift: number;

  constructor(
    private readonly blockSize: number,
    initialCapacity: number,
  ) {
    this.shift = Math.log2(blockSize);
    this.grow(Math.max(blockSize, initialCapacity));
  }

  private grow(minCapacity: number): void {
    let cap = Math.max(this.capacity * 2, this.blockSize);
    while (cap < minCapacity) cap *= 2;
    const blocks = Math.ceil(cap / this.blockSize);
    cap = blocks * this.blockSize;
    const extend = (a: Int32Array, n: number, fill: number): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      if (fill !== 0) b.fill(fill, a.length);
      return b;
    };
    this.check = extend(this.check, cap, FREE);
    this.base = extend(this.base, cap, 0);
    this.next = extend(this.next, cap, 0);
    this.prev = extend(this.prev, cap, 0);
    this.blockHead = extend(this.blockHead, blocks, 0);
    this.blockFree = extend(this.blockFree, blocks, this.blockSize);
    this.blockFailFanout = extend(this.blockFailFanout, blocks, 0x7fffffff);
    for (let blk = this.blocks; blk < blocks; blk++) {
      const first = blk * this.blockSize;
      const last = first + this.blockSize - 1;
      this.blockHead[blk] = first;
      for (let i = first; i <= last; i++) {
        this.prev[i] = i === first ? -1 : i - 1;
        this.next[i] = i === last ? -1 : i + 1;
      }
    }
    this.blocks = blocks;
    this.capacity = cap;
  }

  occupy(slot: number, parent: number): void {
    const blk = slot >> this.shift;
    const p = this.prev[slot]!;
    const n = this.next[slot]!;
    if (p === -1) this.blockHead[blk] = n;
    else this.next[p] = n;
    if (n !== -1) this.prev[n] = p;
    this.blockFree[blk]!--;
    this.check[slot] = parent;
  }

  /** Finds a base whose child slots (base ^ symbol) are all free, growing if none is. */
  findBase(symbols: Int32Array, count: number): number {
    const first = symbols[0]!;
    while (this.firstOpen < this.blocks && this.blockFree[this.firstOpen] === 0) this.firstOpen++;
    for (let blk = this.firstOpen; ; blk++) {
      if (blk === this.blocks) this.grow(this.capacity + this.blockSize);
      if (this.blockFree[blk]! < count || count >= this.blockFailFanout[blk]!) continue;
      for (let p = this.blockHead[blk]!; p !== -1; p = this.next[p]!) {
        const b = p ^ first;
        let ok = true;
        for (let i = 1; i < count; i++) {
          if (this.check[b ^ symbols[i]!] !== FREE) {
            ok = false;
            break;
          }
        }
        if (ok) return b;
      }
      // A heuristic: the block only fills up, so a node this wide will rarely fit later either.
      this.blockFailFanout[blk] = count;
    }
  }
}

function buildAutomaton(entries: KeyEntry[], skipFillers: boolean): Automaton {
  const fold = getFoldTable();
  const used = new Uint8Array(UNITS);
  const distinct: number[] = [];
  let totalLength = 0;
  let maxLength = 0;
  for (const { key } of entries) {
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      if (used[u] === 0) {
        used[u] = 1;
        distinct.push(u);
      }
    }
    totalLength += key.length;
    if (key.length > maxLength) maxLength = key.length;
  }
  if (distinct.length + 1 >= FILLER) {
    throw new RangeError('patterns: use more distinct code units than the matcher alphabet holds');
  }
  const alphabetSize = distinct.length + 1;
  // Symbols follow code-unit order so that sorting the key strings sorts their symbol sequences.
  const alphabet = Uint16Array.from(distinct).sort();
  // Keys are already folded, so their units are fold fixed points; the table then only needs
  // entries for those units, for units that fold onto them, and for fillers.
  const cls = new Uint16Array(UNITS);
  for (let s = 1; s < alphabetSize; s++) cls[alphabet[s - 1]!] = s;
  const symbols = new Uint16Array(totalLength);
  const keyCount = entries.length;
  const keyStart = new Int32Array(keyCount + 1);
  const patIds = new Float64Array(keyCount);
  const patLen = new Int32Array(keyCount);
  // Sorted keys make each trie node a contiguous range, so the trie never exists as objects.
  entries.sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id || a.index - b.index,
  );
  {
    let o = 0;
    let k = 0;
    for (const { key, id } of entries) {
      keyStart[k] = o;
      for (let i = 0; i < key.length; i++) symbols[o++] = cls[key.charCodeAt(i)]!;
      patIds[k] = id;
      patLen[k] = key.length;
      k++;
    }
    keyStart[keyCount] = o;
  }
  const folded = getFoldedUnits();
  for (let i = 0; i < folded.length; i++) {
    const u = folded[i]!;
    cls[u] = cls[fold[u]!]!;
  }
  if (skipFillers) {
    const fillers = getFillerUnits();
    for (let i = 0; i < fillers.length; i++) cls[fillers[i]!] = FILLER;
  }

  const blockSize = nextPowerOfTwo(alphabetSize);
  const maxNodes = totalLength + 1;
  const pool = new SlotPool(blockSize, Math.min(maxNodes * 2, 1 << 22) + blockSize);
  pool.occupy(0, ROOT_MARK);
  // BFS queue doubles as the node list in BFS order for the failure pass.
  const qSlot = new Int32Array(maxNodes);
  const qParent = new Int32Array(maxNodes);
  const qSymbol = new Int32Array(maxNodes);
  const qLo = new Int32Array(maxNodes);
  const qHi = new Int32Array(maxNodes);
  const qDepth = new Int32Array(maxNodes);
  const qOwnHi = new Int32Array(maxNodes);
  const childSymbols = new Int32Array(blockSize);
  const childLo = new Int32Array(blockSize);
  const childHi = new Int32Array(blockSize);
  qHi[0] = keyCount;
  let tail = 1;
  let maxBase = 0;
  for (let head = 0; head < tail; head++) {
    const slot = qSlot[head]!;
    const hi = qHi[head]!;
    const depth = qDepth[head]!;
    let k = qLo[head]!;
    // Keys that end here sort first within the range (a prefix sorts before its extensions).
    while (k < hi && keyStart[k + 1]! - keyStart[k]! === depth) k++;
    qOwnHi[head] = k;
    let children = 0;
    while (k < hi) {
      const symbol = symbols[keyStart[k]! + depth]!;
      childSymbols[children] = symbol;
      childLo[children] = k;
      k++;
      while (k < hi && symbols[keyStart[k]! + depth]! === symbol) k++;
      childHi[children] = k;
      children++;
    }
    if (children === 0) continue;
    const b = slot === 0 ? 0 : pool.findBase(childSymbols, children);
    pool.base[slot] = b;
    if (b > maxBase) maxBase = b;
    for (let c = 0; c < children; c++) {
      const child = b ^ childSymbols[c]!;
      pool.occupy(child, slot);
      qSlot[tail] = child;
      qParent[tail] = slot;
      qSymbol[tail] = childSymbols[c]!;
      qLo[tail] = childLo[c]!;
      qHi[tail] = childHi[c]!;
      qDepth[tail] = depth + 1;
      tail++;
    }
  }

  let maxSlot = maxBase;
  for (let j = 0; j < tail; j++) if (qSlot[j]! > maxSlot) maxSlot = qSlot[j]!;
  // Every base ^ symbol lands in the base's block, so whole blocks keep lookups in bounds.
  const size = Math.ceil((maxSlot + 1) / blockSize) * blockSize;
  const base = pool.base.slice(0, size);
  const check = pool.check.slice(0, size);
  const fail = new Int32Array(size);
  const outCount = new Int32Array(size);
  const firstOut = new Int32Array(size);
  const ownLo = new Int32Array(size);
  const ownHi = new Int32Array(size);
  // BFS order guarantees the failure target (shallower) is finished before it is used.
  for (let j = 1; j < tail; j++) {
    const t = qSlot[j]!;
    const parent = qParent[j]!;
    const symbol = qSymbol[j]!;
    let f = 0;
    if (parent !== 0) {
      f = fail[parent]!;
      for (;;) {
        const u = base[f]! ^ symbol;
        if (check[u]! === f) {
          f = u;
          break;
        }
        if (f === 0) break;
        f = fail[f]!;
      }
    }
    fail[t] = f;
    const own = qOwnHi[j]! - qLo[j]!;
    ownLo[t] = qLo[j]!;
    ownHi[t] = qOwnHi[j]!;
    outCount[t] = own + outCount[f]!;
    firstOut[t] = own > 0 ? t : firstOut[f]!;
  }
  const rootNext = new Int32Array(blockSize);
  for (let c = 1; c < alphabetSize; c++) rootNext[c] = check[c]! === 0 ? c : 0;
  const ringSize = nextPowerOfTwo(Math.max(maxLength, 1));
  return {
    cls,
    base,
    check,
    fail,
    rootNext,
    outCount,
    firstOut,
    ownLo,
    ownHi,
    patIds,
    patLen,
    ring: new Int32Array(ringSize),
    ringMask: ringSize - 1,
  };
}

function countIn(a: Automaton, text: string): number {
  const { cls, base, check, fail, rootNext, outCount } = a;
  const length = text.length;
  let s = 0;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const c = cls[text.charCodeAt(i)]!;
    if (c === OTHER) {
      s = 0;
      continue;
    }
    if (c === FILLER) continue;
    let t = 0;
    while (s !== 0) {
      t = base[s]! ^ c;
      if (check[t]! === s) break;
      s = fail[s]!;
    }
    s = s === 0 ? rootNext[c]! : t;
    n += outCount[s]!;
  }
  return n;
}

function testIn(a: Automaton, text: string): boolean {
  const { cls, base, check, fail, rootNext, outCount } = a;
  const length = text.length;
  let s = 0;
  for (let i = 0; i < length; i++) {
    const c = cls[text.charCodeAt(i)]!;
    if (c === OTHER) {
      s = 0;
      continue;
    }
    if (c === FILLER) continue;
    let t = 0;
    while (s !== 0) {
      t = base[s]! ^ c;
      if (check[t]! === s) break;
      s = fail[s]!;
    }
    s = s === 0 ? rootNext[c]! : t;
    if (outCount[s]! !== 0) return true;
  }
  return false;
}

/** Match-buffer entries kept between findAll calls (3 × 4 bytes each). */
const RETAINED_BUFFER = 1 << 16;

/**
 * Growable parallel arrays of matches, kept sorted by (start, end) as they arrive. Scan order is
 * by end, and within one end by increasing start, so an arriving match only moves past the few
 * recent matches nested inside it; a pathological dictionary falls back to one final sort.
 */
class MatchBuffer {
  start = new Int32Array(64);
  end = new Int32Array(64);
  pattern = new Int32Array(64);
  length = 0;
  private moves = 0;
  private sorted = true;

  reset(): void {
    // Buffers live as long as the matcher; one huge scan should not pin its memory forever.
    if (this.start.length > RETAINED_BUFFER) {
      this.start = new Int32Array(64);
      this.end = new Int32Array(64);
      this.pattern = new Int32Array(64);
    }
    this.length = 0;
    this.moves = 0;
    this.sorted = true;
  }

  push(start: number, end: number, pattern: number): void {
    let j = this.length;
    if (j === this.start.length) this.grow();
    const starts = this.start;
    if (this.sorted) {
      while (j > 0 && starts[j - 1]! > start) {
        starts[j] = starts[j - 1]!;
        this.end[j] = this.end[j - 1]!;
        this.pattern[j] = this.pattern[j - 1]!;
        j--;
      }
      this.moves += this.length - j;
      if (this.moves > 64 + 8 * this.length) this.sorted = false;
    }
    starts[j] = start;
    this.end[j] = end;
    this.pattern[j] = pattern;
    this.length++;
  }

  /** Restores (start, end, pattern) order if insertion gave up. */
  finish(): void {
    if (this.sorted) return;
    const n = this.length;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const { start, end, pattern } = this;
    order.sort((x, y) => start[x]! - start[y]! || end[x]! - end[y]! || pattern[x]! - pattern[y]!);
    const s2 = new Int32Array(start.length);
    const e2 = new Int32Array(start.length);
    const p2 = new Int32Array(start.length);
    for (let i = 0; i < n; i++) {
      const o = order[i]!;
      s2[i] = start[o]!;
      e2[i] = end[o]!;
      p2[i] = pattern[o]!;
    }
    this.start = s2;
    this.end = e2;
    this.pattern = p2;
    this.sorted = true;
  }

  private grow(): void {
    const cap = this.start.length * 2;
    const s = new Int32Array(cap);
    s.set(this.start);
    const e = new Int32Array(cap);
    e.set(this.end);
    const p = new Int32Array(cap);
    p.set(this.pattern);
    this.start = s;
    this.end = e;
    this.pattern = p;
  }
}

function collectIn(a: Automaton, text: string, out: MatchBuffer): void {
  const { cls, base, check, fail, rootNext, outCount, firstOut, ownLo, ownHi, patLen, ring } = a;
  const mask = a.ringMask;
  const length = text.length;
  let s = 0;
  // Symbol code units seen so far; ring[] remembers where the latest ones were.
  let seen = 0;
  out.reset();
  for (let i = 0; i < length; i++) {
    const c = cls[text.charCodeAt(i)]!;
    if (c === OTHER) {
      s = 0;
      continue;
    }
    if (c === FILLER) continue;
    ring[seen & mask] = i;
    seen++;
    let t = 0;
    while (s !== 0) {
      t = base[s]! ^ c;
      if (check[t]! === s) break;
      s = fail[s]!;
    }
    s = s === 0 ? rootNext[c]! : t;
    if (outCount[s]! === 0) continue;
    // A match's code units are the last patLen symbol units: no OTHER can sit inside a match.
    for (let q = firstOut[s]!; q !== 0; q = firstOut[fail[q]!]!) {
      const lo = ownLo[q]!;
      const begin = ring[(seen - patLen[lo]!) & mask]!;
      for (let k = lo; k < ownHi[q]!; k++) out.push(begin, i + 1, k);
    }
  }
  out.finish();
}

class AhoCorasickMatcher implements TMatcher {
  private readonly bufferA = new MatchBuffer();
  private readonly bufferB = new MatchBuffer();

  constructor(
    readonly patternCount: number,
    private readonly plain: Automaton | undefined,
    private readonly seeThrough: Automaton | undefined,
  ) {}

  count(text: string): number {
    let n = 0;
    if (this.plain !== undefined) n += countIn(this.plain, text);
    if (this.seeThrough !== undefined) n += countIn(this.seeThrough, text);
    return n;
  }

  test(text: string): boolean {
    return (
      (this.plain !== undefined && testIn(this.plain, text)) ||
      (this.seeThrough !== undefined && testIn(this.seeThrough, text))
    );
  }

  findAll(text: string): TMatch[] {
    const { plain, seeThrough, bufferA, bufferB } = this;
    if (plain !== undefined) collectIn(plain, text, bufferA);
    if (seeThrough !== undefined) collectIn(seeThrough, text, bufferB);
    let out: TMatch[];
    if (seeThrough === undefined) out = plain === undefined ? [] : toMatches(plain, bufferA);
    else if (plain === undefined) out = toMatches(seeThrough, bufferB);
    else out = mergeMatches(plain, bufferA, seeThrough, bufferB);
    bufferA.reset();
    bufferB.reset();
    return out;
  }
}

function toMatches(a: Automaton, buf: MatchBuffer): TMatch[] {
  const n = buf.length;
  const out = new Array<TMatch>(n);
  const { start, end, pattern } = buf;
  const ids = a.patIds;
  for (let i = 0; i < n; i++)
    out[i] = { patternId: ids[pattern[i]!]!, start: start[i]!, end: end[i]! };
  return out;
}

function mergeMatches(a: Automaton, bufA: MatchBuffer, b: Automaton, bufB: MatchBuffer): TMatch[] {
  const out: TMatch[] = [];
  const idsA = a.patIds;
  const idsB = b.patIds;
  let i = 0;
  let j = 0;
  while (i < bufA.length || j < bufB.length) {
    let takeA = j >= bufB.length;
    if (!takeA && i < bufA.length) {
      const ds = bufA.start[i]! - bufB.start[j]!;
      const de = bufA.end[i]! - bufB.end[j]!;
      takeA =
        ds < 0 ||
        (ds === 0 && (de < 0 || (de === 0 && idsA[bufA.pattern[i]!]! <= idsB[bufB.pattern[j]!]!)));
    }
    if (takeA) {
      out.push({ patternId: idsA[bufA.pattern[i]!]!, start: bufA.start[i]!, end: bufA.end[i]! });
      i++;
    } else {
      out.push({ patternId: idsB[bufB.pattern[j]!]!, start: bufB.start[j]!, end: bufB.end[j]! });
      j++;
    }
  }
  return out;
}

function normalizePattern(text: string, skipFillers: boolean): string {
  const fold = getFoldTable();
  const filler = getFillerTable();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (skipFillers && filler[u]! === 1) continue;
    out += String.fromCharCode(fold[u]!);
  }
  return out;
}

/** Compiles patterns into a matcher; throws on empty and filler-only see-through patterns. */
export function createMatcher(
  patterns: readonly TMatcherPattern[],
  options: TMatcherOptions = {},
): TMatcher {
  const plain: KeyEntry[] = [];
  const seeThrough: KeyEntry[] = [];
  patterns.forEach((pattern, index) => {
    const { id, text } = pattern;
    if (typeof id !== 'number' || !Number.isFinite(id)) {
      throw new TypeError(`patterns[${index}].id: must be a finite number`);
    }
    if (typeof text !== 'string' || text.length === 0) {
      throw new RangeError(
        `patterns[${index}].text: must not be empty (id ${id}); it would match at every offset`,
      );
    }
    const skip = pattern.seeThroughFillers ?? options.seeThroughFillers ?? false;
    const key = normalizePattern(text, skip);
    if (key.length === 0) {
      throw new RangeError(
        `patterns[${index}].text: only filler characters, so it cannot see through fillers (id ${id})`,
      );
    }
    (skip ? seeThrough : plain).push({ key, id, index });
  });
  return new AhoCorasickMatcher(
    patterns.length,
    plain.length > 0 ? buildAutomaton(plain, false) : undefined,
    seeThrough.length > 0 ? buildAutomaton(seeThrough, true) : undefined,
  );
}
