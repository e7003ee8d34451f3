import type { TPlatform } from '@yunce/contracts';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULE_SETS, defaultEngine } from './builtin';
import { createComplianceEngine, hasBlocking, type TComplianceFinding } from './engine';
import { loadRuleSet } from './schema';

const engine = defaultEngine();

/** [ruleId, severity, start, end, text] per finding, the shape most assertions need. */
function brief(
  text: string,
  platform?: TPlatform,
  e = engine,
): [string, string, number, number, string][] {
  return e
    .check(text, platform === undefined ? {} : { platform })
    .findings.map((f) => [f.ruleId, f.severity, f.start, f.end, f.text]);
}

function ids(text: string, platform?: TPlatform): string[] {
  return brief(text, platform).map(([id]) => id);
}

describe('absolute terms', () => {
  it('reports 全网最低价 once, as the longest term', () => {
    expect(brief('全网最低价')).toEqual([['absolute.zuidijia', 'block', 0, 5, '全网最低价']]);
    expect(brief('今天最低价')).toEqual([['absolute.zuidijia', 'block', 2, 5, '最低价']]);
  });

  it('blocks the statutory words and allows consumer tips (SAMR 2023)', () => {
    expect(brief('最佳选择')).toEqual([['absolute.zuijia', 'block', 0, 2, '最佳']]);
    expect(brief('国家级品质')).toEqual([['absolute.guojiaji', 'block', 0, 3, '国家级']]);
    expect(brief('本品最佳食用时间为开封后3天')).toEqual([]);
    expect(brief('最 佳赏味期是一周')).toEqual([]);
  });

  it('treats ordinal 第一 as fine and ranking 第一 as blocked', () => {
    expect(brief('这是我们第一次推出')).toEqual([]);
    expect(brief('第一步，打开包装')).toEqual([]);
    expect(brief('销量第一的面霜')).toEqual([
      ['absolute.xiaoliang_guanjun', 'block', 0, 4, '销量第一'],
    ]);
    expect(brief('排名第 一')).toEqual([['absolute.diyi', 'block', 2, 5, '第 一']]);
    expect(brief('行业第 一')).toEqual([
      ['absolute.xiaoliang_guanjun', 'block', 0, 5, '行业第 一'],
    ]);
  });

  it('sees through fillers inserted to dodge', () => {
    expect(brief('最*好的咖啡')).toEqual([['absolute.zuihao', 'block', 0, 3, '最*好']]);
    expect(brief('最\u200b好')).toEqual([['absolute.zuihao', 'block', 0, 3, '最\u200b好']]);
    // Sentence punctuation is not a filler: 最，好 is two clauses.
    expect(ids('做到最，好评如潮')).toEqual(['absolute.zui']);
  });

  it('folds width and case, with Latin word boundaries', () => {
    expect(brief('ｎｏ．１的选择')).toEqual([['absolute.no1', 'block', 0, 4, 'ｎｏ．１']]);
    expect(brief('Top 1 好物')).toEqual([['absolute.no1', 'block', 0, 5, 'Top 1']]);
    expect(brief('Top10 好物')).toEqual([]);
    expect(brief('NO.12 号')).toEqual([]);
  });

  it('grades softer words warn and a bare 最 info', () => {
    expect(brief('首选好物')).toEqual([['absolute.shouxuan', 'warn', 0, 2, '首选']]);
    expect(brief('极致体验')).toEqual([['absolute.jizhi', 'warn', 0, 2, '极致']]);
    expect(brief('独家配方')).toEqual([['absolute.dujia', 'warn', 0, 2, '独家']]);
    expect(brief('最美的风景')).toEqual([['absolute.zui', 'info', 0, 1, '最']]);
  });

  it('exempts time words, advice and review idioms', () => {
    expect(brief('最近很忙，最后一天，最多3件')).toEqual([]);
    expect(brief('最新消息：门店周末营业')).toEqual([]);
    expect(brief('最好提前预约')).toEqual([]);
    expect(brief('唯一的缺点是有点贵')).toEqual([]);
    expect(brief('唯一指定供应商')).toEqual([['absolute.weiyi', 'block', 0, 2, '唯一']]);
  });

  it('keeps a contained shorter finding that is more severe than the longer one', () => {
    const custom = loadRuleSet(
      {
        id: 'custom',
        version: '2026.11.1',
        title: { 'zh-CN': '自定义', 'en-US': 'Custom' },
        description: 'test',
        rules: [
          {
            kind: 'terms',
            id: 'custom.long',
            category: 'absolute_terms',
            severity: 'info',
            terms: ['好最好好'],
            explanation: { 'zh-CN': '说明', 'en-US': 'Explanation' },
          },
        ],
      },
      'custom.json',
    );
    const e = createComplianceEngine([...BUILT_IN_RULE_SETS, custom]);
    expect(brief('好最好好', undefined, e).map(([id]) => id)).toEqual([
      'custom.long',
      'absolute.zuihao',
    ]);
  });
});

describe('medical claims', () => {
  it('blocks cure claims and is not fooled by 治愈系', () => {
    expect(brief('根治失眠')).toEqual([['medical.zhiyu', 'block', 0, 2, '根治']]);
    expect(brief('无副作用，降血压')).toEqual([
      ['medical.fuzuoyong', 'block', 0, 4, '无副作用'],
      ['medical.disease', 'block', 5, 8, '降血压'],
    ]);
    expect(brief('治愈系的海边日落')).toEqual([]);
    expect(brief('每天喝水八杯')).toEqual([]);
  });

  it('warns on 治疗 but not in the health-food disclaimer', () => {
    expect(ids('及时就医治疗')).toEqual(['medical.zhiliao']);
    expect(brief('保健食品不是药物，不能代替药物治疗疾病')).toEqual([]);
  });

  it('cannot be cancelled by a workspace allow-phrase', () => {
    const e = createComplianceEngine(BUILT_IN_RULE_SETS, { allowPhrases: ['根治堂'] });
    expect(brief('根治堂', undefined, e).map(([id]) => id)).toEqual(['medical.zhiyu']);
  });
});

describe('financial promises', () => {
  it('blocks guaranteed returns and warns on annualised returns', () => {
    expect(brief('保本稳赚，零风险')).toEqual([
      ['finance.baoben', 'block', 0, 2, '保本'],
      ['finance.wenzhuan', 'block', 2, 4, '稳赚'],
      ['finance.lingfengxian', 'block', 5, 8, '零风险'],
    ]);
    expect(brief('稳赚不赔')).toEqual([['finance.wenzhuan', 'block', 0, 4, '稳赚不赔']]);
    expect(ids('年化收益率4%')).toEqual(['finance.nianhua']);
    expect(brief('投资有风险，入市需谨慎')).toEqual([]);
  });
});

describe('inducement (WeChat only)', () => {
  it('blocks on WeChat and ignores other platforms', () => {
    expect(brief('关注后才能领取优惠券', 'wechat_oa')).toEqual([
      ['inducement.guanzhu', 'block', 0, 5, '关注后才能'],
    ]);
    expect(brief('关注后才能领取优惠券', 'weibo')).toEqual([]);
    expect(brief('关注后才能领取优惠券')).toEqual([]);
    expect(ids('集赞38个送咖啡', 'community')).toEqual(['inducement.jizan']);
    expect(ids('转发 抽奖！', 'wechat_channels')).toEqual(['inducement.zhuanfa']);
    expect(brief('欢迎转发给需要的朋友', 'wechat_oa')).toEqual([]);
  });
});

describe('diversion', () => {
  it('blocks on Xiaohongshu, warns on Douyin, ignores elsewhere', () => {
    expect(brief('加V：abc123', 'xiaohongshu')).toEqual([
      ['diversion.jia_v', 'block', 0, 2, '加V'],
    ]);
    expect(brief('加V：abc123', 'douyin')).toEqual([['diversion.jia_v', 'warn', 0, 2, '加V']]);
    expect(brief('加V：abc123', 'weibo')).toEqual([]);
  });

  it('catches disguises but respects Latin word boundaries', () => {
    expect(ids('私信领取资料包', 'xiaohongshu')).toEqual(['diversion.sixin_lingqu']);
    expect(brief('ｖｘ：abc', 'xiaohongshu')).toEqual([
      ['diversion.weixin_id', 'block', 0, 2, 'ｖｘ'],
    ]);
    expect(ids('vx123456', 'xiaohongshu')).toEqual(['diversion.weixin_id']);
    expect(brief('加vip会员', 'xiaohongshu')).toEqual([]);
    expect(brief('nvxy', 'xiaohongshu')).toEqual([]);
  });

  it('finds phone numbers and keeps explicit QR prompts above bare 扫码', () => {
    expect(brief('电话138-1234-5678', 'xiaohongshu')).toEqual([
      ['diversion.mobile_phone', 'block', 2, 15, '138-1234-5678'],
    ]);
    expect(brief('扫码加群', 'xiaohongshu')).toEqual([
      ['diversion.erweima_jiaqun', 'block', 0, 4, '扫码加群'],
    ]);
    expect(brief('门店支持扫码点餐', 'xiaohongshu')).toEqual([
      ['diversion.erweima', 'warn', 4, 6, '扫码'],
    ]);
    expect(brief('订单号 20241381234567890', 'xiaohongshu')).toEqual([]);
  });
});

describe('sponsorship', () => {
  it('flags a sponsored post without a 广告 label, at 0..0', () => {
    expect(engine.check('这款面霜真的好用', { sponsored: true }).findings).toEqual([
      expect.objectContaining({
        ruleId: 'sponsorship.undisclosed',
        category: 'sponsorship',
        severity: 'block',
        start: 0,
        end: 0,
        text: '',
      }),
    ]);
  });

  it('accepts #广告 anywhere in the post and ignores unsponsored posts', () => {
    expect(brief('这款面霜真的好用 #广告')).toEqual([]);
    expect(engine.check('这款面霜真的好用 #广告', { sponsored: true }).findings).toEqual([]);
    expect(engine.check('这款面霜真的好用', { sponsored: false }).findings).toEqual([]);
    expect(
      engine.checkPost({
        title: '好物分享',
        body: '真的好用',
        hashtags: ['#广告'],
        sponsored: true,
      }).findings,
    ).toEqual([]);
    expect(
      engine.checkPost({ title: '广告｜好物分享', body: '真的好用', sponsored: true }).findings,
    ).toEqual([]);
  });

  it('does not count a negated label', () => {
    expect(ids2(engine.check('本文非广告，纯自用分享', { sponsored: true }).findings)).toEqual([
      'sponsorship.undisclosed',
    ]);
  });
});

function ids2(findings: readonly TComplianceFinding[]): string[] {
  return findings.map((f) => f.ruleId);
}

describe('prohibited', () => {
  it('blocks everywhere, except in public-service slogans', () => {
    expect(brief('代开发票，联系我')).toEqual([['prohibited.invoice', 'block', 0, 4, '代开发票']]);
    expect(ids('线上博彩平台', 'weibo')).toEqual(['prohibited.gambling']);
    expect(brief('远离赌博，珍爱家庭')).toEqual([]);
    expect(brief('OK粉丝们好')).toEqual([]);
  });
});

describe('offsets', () => {
  it('are UTF-16 offsets into the original text, emoji included', () => {
    const text = '😀👍🏻 今天最好';
    const [f] = engine.check(text).findings;
    // 😀, 👍 and 🏻 are two code units each, then a space and 今天.
    expect(f).toMatchObject({ ruleId: 'absolute.zuihao', start: 9, end: 11, text: '最好' });
    expect(text.slice(f!.start, f!.end)).toBe('最好');
  });

  it('stay right in a long mixed text', () => {
    const text = `${'🌸好物分享，'.repeat(50)}全网最低价！`;
    const findings = engine.check(text).findings;
    expect(findings).toHaveLength(1);
    expect(text.slice(findings[0]!.start, findings[0]!.end)).toBe('全网最低价');
  });
});

describe('workspace config', () => {
  const ws = createComplianceEngine(BUILT_IN_RULE_SETS, {
    bannedWords: ['割韭菜'],
    competitorNames: ['某某咖啡'],
    brandSpellings: [{ wrong: 'iphone', right: 'iPhone' }],
    allowPhrases: ['第一坊'],
    disabledRuleIds: ['absolute.dujia'],
    severityOverrides: { 'absolute.shouxuan': 'block', 'diversion.jia_v': 'info' },
  });

  it('blocks banned words, also when dodged with fillers', () => {
    expect(brief('别被割*韭菜', undefined, ws)).toEqual([
      ['workspace.banned_word', 'block', 2, 6, '割*韭菜'],
    ]);
  });

  it('warns on competitor names', () => {
    const [f] = ws.check('比某某咖啡好喝').findings;
    expect(f).toMatchObject({
      ruleId: 'workspace.competitor_name',
      category: 'competitor_names',
      severity: 'warn',
      start: 1,
      end: 5,
    });
    expect(f!.message).toContain('《广告法》第十三条');
  });

  it('warns on brand misspellings with the right spelling suggested, never on the right one', () => {
    expect(ws.check('新款IPHONE到了').findings).toEqual([
      expect.objectContaining({
        ruleId: 'workspace.brand_spelling',
        severity: 'warn',
        start: 2,
        end: 8,
        text: 'IPHONE',
        suggestions: ['iPhone'],
      }),
    ]);
    expect(ws.check('新款iPhone到了').findings).toEqual([]);
  });

  it('exempts findings that overlap an allow-phrase', () => {
    expect(brief('第一坊酱油', undefined, ws)).toEqual([]);
    expect(brief('第一坊酱油')).toEqual([['absolute.diyi', 'block', 0, 2, '第一']]);
  });

  it('disables rules and overrides severities, across platforms too', () => {
    expect(brief('独家配方', undefined, ws)).toEqual([]);
    expect(brief('首选好物', undefined, ws)).toEqual([
      ['absolute.shouxuan', 'block', 0, 2, '首选'],
    ]);
    expect(brief('加V', 'xiaohongshu', ws)).toEqual([['diversion.jia_v', 'info', 0, 2, '加V']]);
    expect(ws.describeRule('absolute.dujia')).toBeUndefined();
    expect(ws.describeRule('absolute.shouxuan')?.severity).toBe('block');
  });

  it('ignores unknown rule ids so rule upgrades never break a workspace', () => {
    expect(() =>
      createComplianceEngine(BUILT_IN_RULE_SETS, {
        disabledRuleIds: ['absolute.retired'],
        severityOverrides: { 'absolute.retired': 'info' },
      }),
    ).not.toThrow();
  });

  it('lets a later rule set replace a built-in rule by id', () => {
    const override = loadRuleSet(
      {
        id: 'ws_overrides',
        version: '2026.11.1',
        title: { 'zh-CN': '工作区', 'en-US': 'Workspace' },
        description: 'test',
        rules: [
          {
            kind: 'terms',
            id: 'absolute.dujia',
            category: 'absolute_terms',
            severity: 'info',
            terms: ['独家', '独门'],
            explanation: { 'zh-CN': '说明', 'en-US': 'Explanation' },
          },
        ],
      },
      'ws.json',
    );
    const e = createComplianceEngine([...BUILT_IN_RULE_SETS, override]);
    expect(brief('独门独家', undefined, e)).toEqual([
      ['absolute.dujia', 'info', 0, 2, '独门'],
      ['absolute.dujia', 'info', 2, 4, '独家'],
    ]);
  });
});

describe('platform limits', () => {
  it('marks the title overflow from the limit to the end', () => {
    const title = '这是一个非常非常长的小红书笔记标题超过二十个字了';
    const findings = engine.checkPost({ title, body: '正文', platform: 'xiaohongshu' }).findings;
    const f = findings.find((x) => x.ruleId === 'limits.title_length');
    expect(f).toMatchObject({ field: 'title', severity: 'block', start: 20, end: title.length });
    expect(f!.text).toBe(title.slice(20));
    expect(f!.message).toContain('小红书');
  });

  it('counts code points, so emoji before the limit shift UTF-16 offsets', () => {
    const title = `${'😀'.repeat(20)}多`;
    const [f] = engine.checkPost({ title, body: '', platform: 'xiaohongshu' }).findings;
    expect(f).toMatchObject({ ruleId: 'limits.title_length', start: 40, end: 41, text: '多' });
  });

  it('warns (not blocks) on an unverified body limit', () => {
    const body = '好'.repeat(1005);
    const [f] = engine.check(body, { platform: 'xiaohongshu' }).findings;
    expect(f).toMatchObject({
      ruleId: 'limits.body_length',
      severity: 'warn',
      start: 1000,
      end: 1005,
    });
    expect(engine.check('好'.repeat(1000), { platform: 'xiaohongshu' }).findings).toEqual([]);
    expect(engine.check(body, { platform: 'weibo' }).findings).toEqual([]);
  });

  it('counts inline and listed hashtags without double-counting', () => {
    const body = `今天的分享 ${Array.from({ length: 8 }, (_, i) => `#话题${i}[话题]#`).join(' ')}`;
    const post = {
      body,
      hashtags: ['#话题0', '额外1', '额外2', '额外3'],
      platform: 'xiaohongshu' as const,
    };
    const f = engine.checkPost(post).findings.find((x) => x.ruleId === 'limits.hashtag_count');
    // 8 inline + 3 new listed = 11 > 10: the 11th is listed item 3.
    expect(f).toMatchObject({ field: 'hashtag', index: 3, start: 0, end: 3, text: '额外3' });
    expect(f!.message).toContain('11');
    const inline = `${Array.from({ length: 12 }, (_, i) => `#t${i}`).join(' ')}`;
    const g = engine.check(inline, { platform: 'xiaohongshu' }).findings[0]!;
    expect(g).toMatchObject({ ruleId: 'limits.hashtag_count', text: '#t10 #t11' });
  });

  it('reports links where the platform does not allow them', () => {
    const text = '详情见 https://example.com/a?b=1，或 t.cn/AbC123 或 www.foo.cn。';
    expect(brief(text, 'xiaohongshu')).toEqual([
      ['limits.external_link', 'block', 4, 29, 'https://example.com/a?b=1'],
      ['limits.external_link', 'block', 32, 43, 't.cn/AbC123'],
      ['limits.external_link', 'block', 46, 56, 'www.foo.cn'],
    ]);
    expect(brief(text, 'weibo')).toEqual([]);
    expect(brief(text)).toEqual([]);
    expect(ids('原文 https://mp.weixin.qq.com/s/x', 'wechat_oa')).toEqual(['limits.external_link']);
    expect(
      engine.check('原文 https://a.cn/x', { platform: 'wechat_oa' }).findings[0]!.severity,
    ).toBe('info');
  });

  it('exposes limits for length meters', () => {
    expect(engine.platformLimits('xiaohongshu')?.title).toMatchObject({ max: 20, verified: true });
  });
});

describe('checkPost', () => {
  it('tags findings with their field and keeps per-field offsets', () => {
    const { findings } = engine.checkPost({
      title: '最好的面霜',
      body: '根治痘痘',
      hashtags: ['#全网第一'],
      platform: 'weibo',
    });
    expect(findings.map((f) => [f.field, f.index, f.ruleId, f.start, f.end])).toEqual([
      ['title', undefined, 'absolute.zuihao', 0, 2],
      ['body', undefined, 'medical.zhiyu', 0, 2],
      ['hashtag', 0, 'absolute.xiaoliang_guanjun', 1, 5],
    ]);
  });

  it('writes messages in zh-CN by default and en-US on request', () => {
    const zh = engine.check('最佳').findings[0]!.message;
    expect(zh).toMatch(/^「最佳」：.*《广告法》第九条/);
    const en = engine.check('最佳', { locale: 'en-US' }).findings[0]!.message;
    expect(en).toMatch(/^"最佳": .*Advertising Law art\. 9\(3\)/);
  });

  it('rejects unknown platforms and oversized input with clear errors', () => {
    expect(() => engine.check('x', { platform: 'myspace' as TPlatform })).toThrow(
      /Unknown platform "myspace"; expected one of wechat_oa/,
    );
    expect(() => engine.check('好'.repeat(200_001))).toThrow(/body: 200001 characters is over/);
    expect(() => engine.checkPost({ body: 'x', hashtags: [1 as unknown as string] })).toThrow(
      /hashtags\[0\]: must be a string/,
    );
    expect(engine.check('').findings).toEqual([]);
  });

  it('reports rule-set versions', () => {
    expect(engine.ruleSets).toContainEqual({ id: 'absolute_terms', version: '2026.11.1' });
  });
});

describe('hasBlocking', () => {
  it('is true only when a finding blocks', () => {
    expect(hasBlocking([])).toBe(false);
    expect(hasBlocking(engine.check('首选').findings)).toBe(false);
    expect(hasBlocking(engine.check('首选，最好').findings)).toBe(true);
  });
});

describe('speed', () => {
  it('checks a 500-character post in well under a millisecond on average', () => {
    const post = `${'今天给大家分享一款好用的面霜，质地清爽，'.repeat(24)}最好用！`.slice(0, 500);
    for (let i = 0; i < 200; i++) engine.check(post, { platform: 'xiaohongshu' });
    const t0 = performance.now();
    for (let i = 0; i < 500; i++) engine.check(post, { platform: 'xiaohongshu' });
    // Loose bound for slow CI machines; the bench reports p50/p99.
    expect((performance.now() - t0) / 500).toBeLessThan(1);
  });
});

describe('ordinals with measure words', () => {
  it('does not flag 第一 counting cups, orders or seasons (秋天的第一杯奶茶)', () => {
    const engine = defaultEngine();
    for (const text of ['秋天的第一杯桂花拿铁', '新店第一单免费', '今年第一场雪']) {
      expect(
        engine.check(text).findings.filter((f) => f.category === 'absolute_terms'),
        text,
      ).toEqual([]);
    }
    expect(
      engine.check('行业第一的品质').findings.some((f) => f.category === 'absolute_terms'),
    ).toBe(true);
  });
});
