import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatEnNumber,
  formatPercent,
  formatSigned,
  formatZhNumber,
} from './format';

describe('formatZhNumber', () => {
  it('uses 万 and 亿 with one decimal, dropping a trailing .0', () => {
    expect(formatZhNumber(12_000)).toBe('1.2万');
    expect(formatZhNumber(10_000)).toBe('1万');
    expect(formatZhNumber(123_456)).toBe('12.3万');
    expect(formatZhNumber(12_345_678)).toBe('1234.6万');
    expect(formatZhNumber(123_456_789)).toBe('1.2亿');
    expect(formatZhNumber(-25_000)).toBe('-2.5万');
  });

  it('rolls 9999.96万 over to 1亿 instead of printing 10000万', () => {
    expect(formatZhNumber(99_999_999)).toBe('1亿');
  });

  it('groups small integers and keeps up to two decimals for fractions', () => {
    expect(formatZhNumber(3456)).toBe('3,456');
    expect(formatZhNumber(0)).toBe('0');
    expect(formatZhNumber(12.345)).toBe('12.35');
    expect(formatZhNumber(1234.56)).toBe('1,235');
    expect(formatZhNumber(123.45)).toBe('123.5');
    expect(formatZhNumber(0.0042)).toBe('0.0042');
    expect(formatZhNumber(Number.NaN)).toBe('—');
  });
});

describe('formatEnNumber', () => {
  it('uses K, M and B from ten thousand up', () => {
    expect(formatEnNumber(12_000)).toBe('12K');
    expect(formatEnNumber(123_456)).toBe('123.5K');
    expect(formatEnNumber(1_234_567)).toBe('1.2M');
    expect(formatEnNumber(999_999)).toBe('1M');
    expect(formatEnNumber(2_500_000_000)).toBe('2.5B');
    expect(formatEnNumber(9999)).toBe('9,999');
  });
});

describe('formatPercent', () => {
  it('writes ratios as percentages with one decimal', () => {
    expect(formatPercent(0.23)).toBe('23.0%');
    expect(formatPercent(0.2345)).toBe('23.5%');
    expect(formatPercent(1.5)).toBe('150.0%');
    expect(formatPercent(-0.0001)).toBe('0.0%');
  });

  it('rounds decimals half away from zero despite binary representation', () => {
    expect(formatDecimal(2.15)).toBe('2.2');
    expect(formatDecimal(2)).toBe('2.0');
    expect(formatDecimal(-1.25)).toBe('-1.3');
  });

  it('signs positive changes only', () => {
    expect(formatSigned(12, formatZhNumber)).toBe('+12');
    expect(formatSigned(-3.5, formatZhNumber)).toBe('-3.5');
    expect(formatSigned(0, formatZhNumber)).toBe('0');
  });
});
