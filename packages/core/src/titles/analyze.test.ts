import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@yunce/contracts';
import {
  analyzeTitle,
  compareTitleVariants,
  TITLE_WARNING_CODES as C,
  type TTitleAnalysis,
} from './analyze';
import { PLATFORM_TITLE_RULES } from './rules';

const codes = (a: TTitleAnalysis) => a.warnings.map((w) => w.code);

describe('length and limits', () => {
  it('小红书: 20 characters, counted by code point; a meter for the editor', () => {
    const a = analyzeTitle({ title: '上海咖啡馆探店合集', platform: 'xiaohongshu' }, 'zh-CN');
    expect(a).toMatchObject({ length: 9, limit: 20, unit: 'char', over: false, verified: true });
    expect(a.meter).toBeCloseTo(0.45);
    expect(a.warnings).toEqual([]);
  });

  it('over a hard limit warns and marks the overflow', () => {
    const title = '一二三四五六七八九十一二三四五六七八九十多出';
    const a = analyzeTitle({ title, platform: 'xiaohongshu' }, 'zh-CN');
    expect(a.over).toBe(true);
    expect(a.meter).toBeCloseTo(22 / 20);
    const w = a.warnings.find((x) => x.code === C.overLimit)!;
    expect(w.severity).toBe('warn');
    expect(title.slice(w.span!.start, w.span!.end)).toBe('多出');
    expect(w.message).toContain('20');
  });

  it('emoji outside the BMP count once, and the overflow span does not split them', () => {
    const title = '☕'.repeat(19) + '😀😀';
    const a = analyzeTitle({ title, platform: 'xiaohongshu' }, 'en-US');
    expect(a.length).toBe(21);
    const w = a.warnings.find((x) => x.code === C.overLimit)!;
    expect(title.slice(w.span!.start)).toBe('😀');
  });

  it('公众号 64, B站 80', () => {
    expect(analyzeTitle({ title: 'x', platform: 'wechat_oa' }, 'zh-CN').limit).toBe(64);
    expect(analyzeTitle({ title: 'x', platform: 'bilibili' }, 'zh-CN').limit).toBe(80);
  });

  it('抖音: a soft, unverified limit gives an info, not a warning', () => {
    const a = analyzeTitle({ title: '字'.repeat(60), platform: 'douyin' }, 'zh-CN');
    expect(a).toMatchObject({ limit: 55, over: true, verified: false });
    expect(a.warnings).toEqual([expect.objectContaining({ code: C.overLimit, severity: 'info' })]);
  });

  it('视频号 short title: 6–16 characters', () => {
    const a = analyzeTitle({ title: '新品上市', platform: 'wechat_channels' }, 'zh-CN');
    expect(codes(a)).toEqual([C.tooShort]);
    expect(a.verified).toBe(false);
  });

  it('微博 has no title: no limit, an info, other checks still run', () => {
    const a = analyzeTitle({ title: '震惊！今天的新品', platform: 'weibo' }, 'zh-CN');
    expect(a).toMatchObject({ limit: null, over: false, meter: 0 });
    expect(codes(a)).toEqual([C.noTitleField, C.clickbait]);
  });

  it('empty title', () => {
    expect(
      codes(analyzeTitle({ title: '   ', platform: 'bilibili', focusKeyword: '咖啡' }, 'zh-CN')),
    ).toEqual([C.empty]);
  });

  it('every platform has a rule; unverified ones say so', () => {
    for (const p of PLATFORMS) {
      const rule = PLATFORM_TITLE_RULES[p];
      expect(rule.source.length, p).toBeGreaterThan(10);
      expect(rule.hasTitle || rule.limit === null, p).toBe(true);
    }
    expect(PLATFORM_TITLE_RULES.douyin.verified).toBe(false);
    expect(PLATFORM_TITLE_RULES.kuaishou.verified).toBe(false);
    expect(PLATFORM_TITLE_RULES.zhihu.verified).toBe(false);
  });

  it('unknown platform is a clear error', () => {
    // A platform string from an untyped request body.
    const input = JSON.parse('{"title":"标题","platform":"myspace"}') as Parameters<
      typeof analyzeTitle
    >[0];
    expect(() => analyzeTitle(input, 'zh-CN')).toThrow(/unknown platform 'myspace'/);
  });
});

describe('clickbait', () => {
  it.each([
    ['震惊！这家店居然这样做', '震惊'],
    ['惊呆了，原来咖啡要这样喝', '惊呆了'],
    ['打工人必看的咖啡清单', '必看'],
    ['速看：新品明天下架', '速看'],
    ['不看后悔的五家咖啡馆', '不看后悔'],
    ['万万没想到，咖啡还能这样', '万万没想到'],
    ['99%的人都不知道的冲泡技巧', '99%的人都不知道'],
    ['赶紧收藏这份清单', '赶紧收藏'],
    ['全网疯传的做法', '疯传'],
    ['重磅发布：秋季新品', '重磅'],
    ['你绝对想不到这杯咖啡多少钱', '你绝对想不到'],
  ])('%s → %s', (title, phrase) => {
    const a = analyzeTitle({ title, platform: 'wechat_oa' }, 'zh-CN');
    const hits = a.warnings.filter((w) => w.code === C.clickbait);
    // Overlaps (你绝对想不到 / 绝对想不到) are reported once, by the longest phrase.
    expect(hits.map((w) => title.slice(w.span!.start, w.span!.end))).toEqual([phrase]);
    expect(hits[0]!.severity).toBe('warn');
  });

  it('full-width forms match too (刚刚！, ９９％)', () => {
    const a = analyzeTitle({ title: '刚刚！９９％的人都不知道', platform: 'wechat_oa' }, 'zh-CN');
    expect(a.warnings.filter((w) => w.code === C.clickbait)).toHaveLength(2);
  });

  it('刚刚 alone is not flagged', () => {
    expect(
      analyzeTitle({ title: '刚刚好的一杯咖啡', platform: 'wechat_oa' }, 'zh-CN').warnings,
    ).toEqual([]);
  });

  it('Latin phrases match whole words only, any case', () => {
    expect(
      codes(analyzeTitle({ title: 'You Won’t Believe this', platform: 'other' }, 'en-US')),
    ).toEqual([]);
    expect(
      codes(analyzeTitle({ title: "You won't believe this latte", platform: 'other' }, 'en-US')),
    ).toEqual([C.clickbait]);
    expect(codes(analyzeTitle({ title: 'Shocking prices', platform: 'other' }, 'en-US'))).toEqual([
      C.clickbait,
    ]);
    expect(codes(analyzeTitle({ title: 'Shockingly good', platform: 'other' }, 'en-US'))).toEqual(
      [],
    );
  });

  it('excessive !!! / ？？？ (either width)', () => {
    const title = '新品来了!!!真的吗？？？';
    const a = analyzeTitle({ title, platform: 'wechat_oa' }, 'zh-CN');
    const hits = a.warnings.filter((w) => w.code === C.excessivePunctuation);
    expect(hits.map((w) => title.slice(w.span!.start, w.span!.end))).toEqual(['!!!', '？？？']);
    expect(
      codes(analyzeTitle({ title: '新品来了！真的吗？', platform: 'wechat_oa' }, 'zh-CN')),
    ).toEqual([]);
  });

  it('ALL-CAPS: one word is an info (may be a brand), several are a warning; short acronyms pass', () => {
    const brand = analyzeTitle({ title: 'HOKA 新款跑鞋试穿', platform: 'xiaohongshu' }, 'zh-CN');
    expect(brand.warnings).toEqual([
      expect.objectContaining({ code: C.allCaps, severity: 'info' }),
    ]);
    const shout = analyzeTitle({ title: 'BEST COFFEE EVER', platform: 'other' }, 'en-US');
    expect(shout.warnings.map((w) => [w.code, w.severity])).toEqual([
      [C.allCaps, 'warn'],
      [C.allCaps, 'warn'],
      [C.allCaps, 'warn'],
    ]);
    expect(
      analyzeTitle({ title: 'AI 咖啡机 CEO 专访', platform: 'bilibili' }, 'zh-CN').warnings,
    ).toEqual([]);
  });
});

describe('user input is text, never a pattern', () => {
  it('a keyword with regex syntax is matched literally', () => {
    // As a RegExp, '.*咖啡' would match any title containing 咖啡; literally it is not here.
    const a = analyzeTitle(
      { title: '上海咖啡地图', platform: 'wechat_oa', focusKeyword: '.*咖啡' },
      'zh-CN',
    );
    expect(codes(a)).toEqual([C.missingKeyword]);
    const b = analyzeTitle(
      { title: '正则 (a+)+$ 的坑', platform: 'wechat_oa', focusKeyword: '(a+)+$' },
      'zh-CN',
    );
    expect(b).toMatchObject({ keywordPosition: 3, warnings: [] });
  });
});

describe('focus keyword', () => {
  it('missing keyword warns', () => {
    const a = analyzeTitle(
      { title: '秋天的第一杯', platform: 'xiaohongshu', focusKeyword: '拿铁' },
      'zh-CN',
    );
    expect(a.warnings).toEqual([
      expect.objectContaining({ code: C.missingKeyword, severity: 'warn' }),
    ]);
    expect(a.keywordPosition).toBeNull();
  });

  it('found keyword: position in characters, matched across width and case', () => {
    const a = analyzeTitle(
      { title: '秋天的第一杯Latte', platform: 'xiaohongshu', focusKeyword: 'ｌａｔｔｅ' },
      'zh-CN',
    );
    expect(a.warnings).toEqual([]);
    expect(a.keywordPosition).toBe(6);
  });

  it('keyword only after the part feeds show is an info with its span', () => {
    const title = '周末去哪儿：上海这几家小众又安静、适合一个人待一下午的独立书店和咖啡馆';
    const a = analyzeTitle({ title, platform: 'wechat_oa', focusKeyword: '咖啡馆' }, 'zh-CN');
    const w = a.warnings.find((x) => x.code === C.keywordLate)!;
    expect(w.severity).toBe('info');
    expect(title.slice(w.span!.start, w.span!.end)).toBe('咖啡馆');
    expect(a.warnings.filter((x) => x.severity === 'warn')).toEqual([]);
    const early = analyzeTitle(
      { title: '咖啡馆推荐：' + title, platform: 'wechat_oa', focusKeyword: '咖啡馆' },
      'zh-CN',
    );
    expect(early.warnings).toEqual([]);
    expect(early.keywordPosition).toBe(0);
  });

  it('a blank keyword is no keyword', () => {
    expect(
      analyzeTitle({ title: '秋天的第一杯', platform: 'xiaohongshu', focusKeyword: '  ' }, 'zh-CN')
        .warnings,
    ).toEqual([]);
  });
});

describe('English locale', () => {
  it('messages are in English', () => {
    const a = analyzeTitle(
      { title: '震惊！' + '字'.repeat(20), platform: 'xiaohongshu', focusKeyword: '咖啡' },
      'en-US',
    );
    expect(codes(a)).toEqual([C.overLimit, C.clickbait, C.missingKeyword]);
    expect(a.warnings[0]!.message).toMatch(/over the platform's limit of 20; cut 3/);
    expect(a.warnings[1]!.message).toMatch(/^“震惊” is a shock phrase/);
    expect(a.warnings[2]!.message).toContain('focus keyword “咖啡” is not in the title');
    for (const w of a.warnings) expect(w.message).not.toMatch(/[的是了]/);
  });
});

describe('compareTitleVariants', () => {
  const input = { platform: 'xiaohongshu' as const, focusKeyword: '拿铁' };

  it('recommends the clean variant with the keyword earliest', () => {
    const r = compareTitleVariants(
      ['震惊！这杯拿铁太好喝了', '秋天的第一杯拿铁', '拿铁｜秋天的第一杯', '今天喝什么'],
      input,
      'zh-CN',
    );
    expect(r.variants.map((v) => v.warningCount)).toEqual([1, 0, 0, 1]);
    expect(r.recommendedIndex).toBe(2);
    expect(r.reason).toContain('C');
    expect(r.reason).toContain('经验规则');
  });

  it('ties on keyword position go to the shorter title, then the earlier one', () => {
    expect(
      compareTitleVariants(['拿铁做法大全合集', '拿铁做法'], input, 'zh-CN').recommendedIndex,
    ).toBe(1);
    expect(compareTitleVariants(['拿铁做法', '拿铁技巧'], input, 'zh-CN').recommendedIndex).toBe(0);
  });

  it('infos do not count against a variant', () => {
    const r = compareTitleVariants(
      ['HOKA 拿铁色跑鞋', '跑鞋推荐'],
      { platform: 'xiaohongshu', focusKeyword: '跑鞋' },
      'zh-CN',
    );
    expect(r.variants[0]!.warningCount).toBe(0);
    expect(r.recommendedIndex).toBe(1);
  });

  it('without a keyword: the shortest clean title', () => {
    expect(
      compareTitleVariants(['秋天的第一杯咖啡', '秋日咖啡'], { platform: 'xiaohongshu' }, 'en-US'),
    ).toMatchObject({
      recommendedIndex: 1,
      reason: expect.stringContaining('not a click prediction') as unknown,
    });
  });

  it('no recommendation when every variant has warnings, or there are none', () => {
    const r = compareTitleVariants(['震惊！', '必看！'], input, 'en-US');
    expect(r.recommendedIndex).toBeNull();
    expect(r.reason).toMatch(/resolve the warnings/);
    expect(compareTitleVariants([], input, 'zh-CN').recommendedIndex).toBeNull();
  });
});
