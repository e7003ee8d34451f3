import { describe, expect, it } from 'vitest';
import { PLATFORMS, type TLocale } from '@yunce/contracts';
import {
  PLATFORM_INFO,
  PLATFORM_TYPE_INFO,
  PLATFORM_TYPES,
  platformGuide,
  platformName,
  platformsOfType,
  platformTypeName,
} from './platforms';

const LOCALES: TLocale[] = ['zh-CN', 'en-US'];

describe('PLATFORM_INFO', () => {
  it('describes every platform of the contract', () => {
    expect(Object.keys(PLATFORM_INFO).sort()).toEqual([...PLATFORMS].sort());
  });

  it('gives every platform a name, summary, strengths, content forms, audience and tips in both locales', () => {
    for (const p of PLATFORMS) {
      for (const locale of LOCALES) {
        const guide = PLATFORM_INFO[p].guide[locale];
        expect(PLATFORM_INFO[p].name[locale], `${p} ${locale}`).not.toBe('');
        expect(guide.summary, `${p} ${locale}`).not.toBe('');
        expect(guide.audience, `${p} ${locale}`).not.toBe('');
        expect(guide.strengths.length, `${p} ${locale}`).toBeGreaterThan(0);
        expect(guide.contentForms.length, `${p} ${locale}`).toBeGreaterThan(0);
        expect(guide.tips.length, `${p} ${locale}`).toBeGreaterThan(0);
      }
      // Same number of items in both languages: the lists are translations of each other.
      const zh = PLATFORM_INFO[p].guide['zh-CN'];
      const en = PLATFORM_INFO[p].guide['en-US'];
      expect(en.strengths.length, p).toBe(zh.strengths.length);
      expect(en.contentForms.length, p).toBe(zh.contentForms.length);
      expect(en.tips.length, p).toBe(zh.tips.length);
    }
  });

  it('writes the Chinese guide in Chinese and the English guide without Chinese characters', () => {
    for (const p of PLATFORMS) {
      expect(PLATFORM_INFO[p].guide['zh-CN'].summary, p).toMatch(/\p{Script=Han}/u);
      const en = PLATFORM_INFO[p].guide['en-US'];
      const all = [en.summary, en.audience, ...en.strengths, ...en.contentForms, ...en.tips].join(
        ' ',
      );
      expect(all, p).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('has sane limits: min ≥ 0, max ≥ min, and a source note', () => {
    for (const p of PLATFORMS) {
      const { name, bio, source } = PLATFORM_INFO[p].limits;
      for (const l of [name, bio]) {
        expect(l.min, p).toBeGreaterThanOrEqual(0);
        if (l.max !== null) expect(l.max, p).toBeGreaterThanOrEqual(l.min);
      }
      expect(name.min, p).toBeGreaterThanOrEqual(1);
      expect(source, p).not.toBe('');
    }
  });

  it('uses weighted lengths for WeChat Official Account and Weibo names', () => {
    expect(PLATFORM_INFO.wechat_oa.limits.name).toEqual({
      min: 4,
      max: 30,
      lengthUnit: 'weighted',
    });
    expect(PLATFORM_INFO.wechat_oa.limits.bio).toEqual({ min: 4, max: 120, lengthUnit: 'char' });
    expect(PLATFORM_INFO.weibo.limits.name).toEqual({ min: 4, max: 30, lengthUnit: 'weighted' });
  });

  it('sets no hard length limit for community groups and other platforms', () => {
    for (const p of ['community', 'other'] as const) {
      expect(PLATFORM_INFO[p].limits.name.max).toBeNull();
      expect(PLATFORM_INFO[p].limits.bio.max).toBeNull();
    }
  });

  it('marks the limits it could not verify as unverified', () => {
    expect(PLATFORM_INFO.kuaishou.limits.verified).toBe(false);
    expect(PLATFORM_INFO.zhihu.limits.verified).toBe(false);
  });

  it('discourages contact details in the bio on Xiaohongshu and Douyin only', () => {
    const discouraged = PLATFORMS.filter((p) => PLATFORM_INFO[p].bioContactDiscouraged);
    expect(discouraged.sort()).toEqual(['douyin', 'xiaohongshu']);
  });

  it('survives a JSON round trip unchanged, as the platforms endpoint serves it', () => {
    expect(JSON.parse(JSON.stringify(PLATFORM_INFO))).toEqual(PLATFORM_INFO);
  });
});

describe('platform types', () => {
  it('classifies Weibo and Douyin as comprehensive, Xiaohongshu, Bilibili and Zhihu as vertical, WeChat surfaces as messaging', () => {
    expect(platformsOfType('comprehensive')).toEqual(['weibo', 'douyin', 'kuaishou']);
    expect(platformsOfType('vertical')).toEqual(['xiaohongshu', 'bilibili', 'zhihu']);
    expect(platformsOfType('messaging')).toEqual(['wechat_oa', 'wechat_channels', 'community']);
    expect(platformsOfType('other')).toEqual(['other']);
  });

  it('puts every platform in exactly one type', () => {
    const all = PLATFORM_TYPES.flatMap((t) => platformsOfType(t));
    expect(all.sort()).toEqual([...PLATFORMS].sort());
  });

  it('names the types as the spec does', () => {
    expect(platformTypeName('comprehensive', 'zh-CN')).toBe('综合类');
    expect(platformTypeName('vertical', 'zh-CN')).toBe('垂直类');
    expect(platformTypeName('messaging', 'zh-CN')).toContain('即时通讯');
    expect(PLATFORM_TYPE_INFO.vertical.name['en-US']).toBe('Vertical');
  });
});

describe('platformName and platformGuide', () => {
  it('returns the display name in the requested locale', () => {
    expect(platformName('wechat_oa', 'zh-CN')).toBe('公众号');
    expect(platformName('wechat_oa', 'en-US')).toBe('WeChat Official Account');
    expect(platformName('bilibili', 'zh-CN')).toBe('B站');
    expect(platformName('community', 'en-US')).toBe('Community groups (WeChat/WeCom)');
  });

  it('returns the guide in the requested locale', () => {
    expect(platformGuide('xiaohongshu', 'zh-CN')).toBe(PLATFORM_INFO.xiaohongshu.guide['zh-CN']);
    expect(platformGuide('xiaohongshu', 'en-US').summary).toMatch(/recommendation/);
  });
});
