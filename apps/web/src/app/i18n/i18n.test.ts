import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';
import { interpolate, translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('en-US has exactly the zh-CN keys', () => {
    const zh = Object.keys(zhCN).sort();
    const en = Object.keys(enUS).sort();
    expect(en.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(zhCN) as (keyof typeof zhCN)[]) {
      expect({ key, vars: placeholders(enUS[key]) }).toEqual({
        key,
        vars: placeholders(zhCN[key]),
      });
    }
  });

  it('has no empty messages', () => {
    for (const [key, value] of [...Object.entries(zhCN), ...Object.entries(enUS)]) {
      expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate(zhCN, 'invite.title', { workspace: '小鹿咖啡' })).toBe('加入「小鹿咖啡」');
    expect(translate(enUS, 'validation.passwordMin', { min: 8 })).toBe('At least 8 characters');
  });

  it('leaves unknown placeholders visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
