import { describe, expect, it } from 'vitest';
import { formatCompactNumber, formatNumber, formatPercent } from './numbers';

describe('formatCompactNumber in zh-CN', () => {
  const f = (n: number) => formatCompactNumber(n, 'zh-CN');

  it('keeps numbers below 一万 as grouped digits', () => {
    expect(f(0)).toBe('0');
    expect(f(999)).toBe('999');
    expect(f(9999)).toBe('9,999');
    expect(f(12.345)).toBe('12.35');
  });

  it('counts in 万 from ten thousand', () => {
    expect(f(10_000)).toBe('1万');
    expect(f(12_345)).toBe('1.2万');
    expect(f(15_000)).toBe('1.5万');
    expect(f(100_000)).toBe('10万');
    expect(f(9_876_543)).toBe('987.7万');
  });

  it('counts in 亿 from a hundred million', () => {
    expect(f(100_000_000)).toBe('1亿');
    expect(f(123_456_789)).toBe('1.23亿');
    expect(f(1_234_567_890_000)).toBe('12,345.68亿');
  });

  it('moves up a unit when rounding reaches it', () => {
    expect(f(99_999_999)).toBe('1亿');
    expect(f(9_999.999)).toBe('1万');
  });

  it('keeps the sign of negative numbers', () => {
    expect(f(-12_345)).toBe('-1.2万');
    expect(f(-42)).toBe('-42');
  });

  it('shows a dash for values that are not numbers', () => {
    expect(f(Number.NaN)).toBe('—');
    expect(f(Number.POSITIVE_INFINITY)).toBe('—');
  });
});

describe('formatCompactNumber in en-US', () => {
  const f = (n: number) => formatCompactNumber(n, 'en-US');

  it('uses K, M and B', () => {
    expect(f(999)).toBe('999');
    expect(f(1_200)).toBe('1.2K');
    expect(f(12_345)).toBe('12.3K');
    expect(f(3_400_000)).toBe('3.4M');
    expect(f(999_999)).toBe('1M');
    expect(f(2_500_000_000)).toBe('2.5B');
  });
});

describe('formatNumber and formatPercent', () => {
  it('groups digits for the locale', () => {
    expect(formatNumber(1234567.891, 'zh-CN')).toBe('1,234,567.89');
    expect(formatNumber(1234567.891, 'en-US', 0)).toBe('1,234,568');
  });

  it('formats ratios as percentages', () => {
    expect(formatPercent(0.1234, 'zh-CN')).toBe('12.3%');
    expect(formatPercent(0.5, 'en-US')).toBe('50%');
  });
});
