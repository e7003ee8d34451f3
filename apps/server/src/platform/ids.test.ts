import { describe, expect, it } from 'vitest';
import { uuidv7, uuidv7Time } from './ids';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has version 7, the RFC variant and the time it was made at', () => {
    const at = Date.UTC(2026, 11, 5, 8, 30, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(V7);
    expect(uuidv7Time(id)).toBe(at);
  });

  it('sorts in the order the ids were made, within a millisecond and across them', () => {
    const start = Date.UTC(2027, 0, 1);
    const ids: string[] = [];
    // 10,000 in the same millisecond overflow the 12-bit counter and borrow the next ones.
    for (let i = 0; i < 10_000; i++) ids.push(uuidv7(start));
    for (let i = 0; i < 1_000; i++) ids.push(uuidv7(start + 10 + Math.floor(i / 100)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(V7);
  });

  it('keeps the order when the clock goes back', () => {
    const a = uuidv7(Date.UTC(2027, 5, 1));
    const b = uuidv7(Date.UTC(2027, 4, 1));
    expect(b > a).toBe(true);
  });

  it('puts 62 random bits in each id', () => {
    const at = Date.UTC(2028, 0, 1);
    const tails = new Set(Array.from({ length: 1000 }, () => uuidv7(at).slice(20)));
    expect(tails.size).toBe(1000);
  });
});
