import { describe, expect, it } from 'vitest';
import type { TProfileIssue } from '@yunce/contracts';
import {
  checkProfile,
  PROFILE_ISSUE_CODES as C,
  scoreProfileIssues,
  type TProfileCheckOptions,
  type TProfileInput,
} from './profile-check';

const NOW = new Date('2026-03-01T08:00:00Z');
const ZH: TProfileCheckOptions = { now: NOW, locale: 'zh-CN' };
const EN: TProfileCheckOptions = { now: NOW, locale: 'en-US' };

/** A complete, well-written Xiaohongshu profile reviewed last month. */
function good(overrides: Partial<TProfileInput> = {}): TProfileInput {
  return {
    platform: 'xiaohongshu',
    name: '小鹿咖啡官方',
    handle: 'xiaolu_coffee',
    bio: '上海独立咖啡馆，分享手冲咖啡教程和每月新品',
    hasAvatar: true,
    category: '咖啡',
    purpose: 'brand_exposure',
    persona: {
      ageBands: ['25_30', '31_40'],
      gender: 'all',
      regions: ['上海'],
      interests: ['咖啡', '探店'],
      consumptionHabits: '',
    },
    infoReviewedAt: new Date('2026-02-01T00:00:00Z'),
    createdAt: new Date('2025-06-01T00:00:00Z'),
    ...overrides,
  };
}

function codes(input: TProfileInput, opts: TProfileCheckOptions = ZH): string[] {
  return checkProfile(input, opts).issues.map((i) => i.code);
}

function issue(input: TProfileInput, code: string, opts: TProfileCheckOptions = ZH): TProfileIssue {
  const found = checkProfile(input, opts).issues.find((i) => i.code === code);
  if (!found) throw new Error(`expected issue ${code}`);
  return found;
}

describe('checkProfile: a good profile', () => {
  it('scores 100 with no issues', () => {
    expect(checkProfile(good(), ZH)).toEqual({ score: 100, issues: [] });
  });

  it('scores 100 on every platform when the name and bio fit', () => {
    for (const platform of [
      'wechat_oa',
      'wechat_channels',
      'weibo',
      'douyin',
      'xiaohongshu',
      'bilibili',
      'kuaishou',
      'zhihu',
      'community',
      'other',
    ] as const) {
      expect(checkProfile(good({ platform }), EN), platform).toEqual({ score: 100, issues: [] });
    }
  });

  it('accepts an English name and bio', () => {
    const input = good({
      name: 'Xiaolu Coffee',
      bio: 'Independent Shanghai cafe sharing pour-over tutorials',
      category: 'Coffee',
    });
    expect(checkProfile(input, EN).issues).toEqual([]);
  });
});

describe('checkProfile: name length', () => {
  it('flags a name over the platform limit as an error, with both numbers', () => {
    const i = issue(
      good({ platform: 'kuaishou', name: '小鹿咖啡上海静安精品手冲店' }),
      C.nameTooLong,
    );
    expect(i.severity).toBe('error');
    expect(i.field).toBe('name');
    expect(i.message).toContain('13 个字');
    expect(i.message).toContain('12 个字');
    expect(i.fix).toContain('1 个字');
  });

  it('measures WeChat Official Account names in weighted characters', () => {
    // 16 Chinese characters = 32 weighted, over 30; 15 = 30 is fine.
    const over = issue(
      good({ platform: 'wechat_oa', name: '小鹿咖啡上海静安区精品手冲咖啡馆' }),
      C.nameTooLong,
    );
    expect(over.message).toContain('32 个字符');
    expect(over.message).toContain('1 个汉字算 2 个字符');
    expect(
      codes(good({ platform: 'wechat_oa', name: '小鹿咖啡上海静安区精品手冲咖啡' })),
    ).not.toContain(C.nameTooLong);
  });

  it('flags a name under the platform minimum as an error', () => {
    const i = issue(good({ platform: 'wechat_oa', name: '鹿' }), C.nameTooShort);
    expect(i.severity).toBe('error');
    expect(i.message).toContain('2 个字符');
    expect(i.message).toContain('4 个字符');
    expect(codes(good({ platform: 'wechat_oa', name: '小鹿' }))).not.toContain(C.nameTooShort);
  });

  it('warns about a long name within the platform limit (over about 12 Chinese characters)', () => {
    const i = issue(good({ platform: 'other', name: '小鹿咖啡上海静安区精品手冲店' }), C.nameLong);
    expect(i.severity).toBe('warn');
    expect(i.fix).toContain('12');
    expect(codes(good({ platform: 'other', name: '小鹿咖啡上海静安精品店' }))).not.toContain(
      C.nameLong,
    );
  });

  it('does not add the soft warning when the hard limit is already exceeded', () => {
    const found = codes(
      good({ platform: 'xiaohongshu', name: '小鹿咖啡上海静安区精品手冲咖啡馆官方旗舰店欢迎你来' }),
    );
    expect(found).toContain(C.nameTooLong);
    expect(found).not.toContain(C.nameLong);
  });

  it('reports a missing name once, as an error', () => {
    const r = checkProfile(good({ name: '   ' }), ZH);
    expect(r.issues.map((i) => i.code)).toEqual([C.nameMissing]);
    expect(r.issues[0]?.severity).toBe('error');
  });
});

describe('checkProfile: odd characters in the name', () => {
  it.each(['小鹿咖啡官方', '阿·木咖啡', 'Xiaolu Coffee', '小鹿咖啡（上海）'])(
    'does not flag the normal name %s',
    (name) => {
      expect(checkProfile(good({ name }), ZH).issues).toEqual([]);
    },
  );

  it('flags ★小鹿咖啡★ for its symbols and suggests the clean name', () => {
    const i = issue(good({ name: '★小鹿咖啡★' }), C.nameSymbols);
    expect(i.severity).toBe('warn');
    expect(i.message).toContain('★');
    expect(i.fix).toContain('「小鹿咖啡」');
  });

  it('flags emoji', () => {
    const i = issue(good({ name: '小鹿咖啡☕' }), C.nameEmoji);
    expect(i.message).toContain('☕');
    expect(codes(good())).not.toContain(C.nameEmoji);
  });

  it('flags zero-width characters as an error, naming the code point', () => {
    const i = issue(good({ name: '小鹿\u200B咖啡' }), C.nameInvisible);
    expect(i.severity).toBe('error');
    expect(i.message).toContain('U+200B');
  });

  it('flags stylised letters', () => {
    expect(issue(good({ name: '𝓛𝓸𝓿𝓮咖啡' }), C.nameStylized).fix).toContain('Love咖啡');
  });

  it('flags repeated punctuation', () => {
    expect(issue(good({ name: '小鹿咖啡!!!' }), C.nameRepeatedPunctuation).message).toContain(
      '!!!',
    );
  });

  it('flags mixed scripts such as の in a Chinese name', () => {
    const i = issue(good({ name: '小鹿の咖啡' }), C.nameMixedScripts);
    expect(i.message).toContain('の');
    expect(i.fix).toContain('小鹿的咖啡');
  });

  it('flags leading, trailing and double spaces', () => {
    const i = issue(good({ name: ' 小鹿  Coffee ' }), C.nameSpacing);
    expect(i.severity).toBe('warn');
    expect(i.message).toContain('开头有空格');
    expect(i.message).toContain('结尾有空格');
    expect(i.message).toContain('连续空格');
    expect(i.fix).toContain('「小鹿 Coffee」');
    expect(codes(good({ name: '小鹿 Coffee' }))).not.toContain(C.nameSpacing);
  });
});

describe('checkProfile: avatar', () => {
  it('flags a missing avatar as an error', () => {
    const i = issue(good({ hasAvatar: false }), C.avatarMissing);
    expect(i.severity).toBe('error');
    expect(i.field).toBe('avatar');
    expect(codes(good({ hasAvatar: true }))).not.toContain(C.avatarMissing);
  });
});

describe('checkProfile: bio', () => {
  it('flags a missing bio as an error and skips the other bio checks', () => {
    for (const bio of [null, undefined, '', '   ']) {
      expect(codes(good({ bio }))).toEqual([C.bioMissing]);
    }
  });

  it('flags a bio over the platform limit as an error, with both numbers', () => {
    const bio = `分享咖啡${'好'.repeat(100)}`; // 104 characters, Xiaohongshu allows 100
    const i = issue(good({ bio }), C.bioTooLong);
    expect(i.severity).toBe('error');
    expect(i.message).toContain('104 个字');
    expect(i.message).toContain('100 个字');
    expect(i.fix).toContain('4 个字');
    expect(codes(good({ bio: `分享咖啡${'好'.repeat(96)}` }))).not.toContain(C.bioTooLong);
  });

  it('notes that an unverified limit is approximate', () => {
    const bio = `分享咖啡${'好'.repeat(100)}`;
    expect(issue(good({ bio }), C.bioTooLong).message).toContain('近似值');
    expect(issue(good({ bio }), C.bioTooLong, EN).message).toContain('approximate');
  });

  it('flags a bio under the WeChat Official Account minimum of 4 characters', () => {
    expect(issue(good({ platform: 'wechat_oa', bio: '咖啡' }), C.bioTooShort).severity).toBe(
      'error',
    );
  });

  it('warns when a short bio says nothing about the offer or the category', () => {
    const i = issue(good({ bio: '热爱生活，记录日常' }), C.bioNoPositioning);
    expect(i.severity).toBe('warn');
    expect(i.message).toContain('咖啡'); // names the category it expected
  });

  it('only notes (info) a longer bio without positioning words', () => {
    const bio = '人生如逆旅，我亦是行人。愿你走出半生，归来仍是少年，眼里有光，心中有爱。';
    expect(issue(good({ bio }), C.bioNoPositioning).severity).toBe('info');
  });

  it('accepts a bio that mentions the category or an offer word', () => {
    expect(codes(good({ bio: '上海小众咖啡' }))).not.toContain(C.bioNoPositioning);
    expect(codes(good({ bio: '好物推荐', category: null }))).not.toContain(C.bioNoPositioning);
  });

  it('warns about contact details in the bio on Xiaohongshu and Douyin', () => {
    const bio = '分享咖啡，合作加V：xl123，电话13812345678';
    for (const platform of ['xiaohongshu', 'douyin'] as const) {
      const i = issue(good({ platform, bio }), C.bioContactDetails);
      expect(i.severity).toBe('warn');
      expect(i.message).toContain('13812345678');
      expect(i.message).toContain('加v');
    }
  });

  it('allows contact details on platforms that do not forbid them', () => {
    const bio = '分享咖啡，合作加V：xl123，电话13812345678';
    expect(codes(good({ platform: 'wechat_oa', bio }))).not.toContain(C.bioContactDetails);
    expect(codes(good({ platform: 'xiaohongshu' }))).not.toContain(C.bioContactDetails);
  });
});

describe('checkProfile: category, purpose and persona', () => {
  it('warns about a missing category and a missing purpose', () => {
    const found = checkProfile(good({ category: '  ', purpose: null }), ZH).issues;
    expect(found.find((i) => i.code === C.categoryMissing)?.severity).toBe('warn');
    expect(found.find((i) => i.code === C.purposeMissing)?.severity).toBe('warn');
    expect(codes(good())).not.toContain(C.categoryMissing);
    expect(codes(good())).not.toContain(C.purposeMissing);
  });

  it('warns about an empty persona (no age bands, regions or interests)', () => {
    for (const persona of [null, undefined, { ageBands: [], regions: [], interests: [] }]) {
      expect(issue(good({ persona }), C.personaEmpty).severity).toBe('warn');
    }
  });

  it('notes (info) which persona parts are missing when some are filled in', () => {
    const i = issue(
      good({ persona: { ageBands: ['18_24'], regions: [], interests: [] } }),
      C.personaIncomplete,
    );
    expect(i.severity).toBe('info');
    expect(i.message).toContain('地域');
    expect(i.message).toContain('兴趣');
    expect(i.message).not.toContain('年龄段');
  });
});

describe('checkProfile: stale info', () => {
  it('warns when the info was last reviewed more than 90 days ago, saying how many days', () => {
    const i = issue(good({ infoReviewedAt: new Date('2025-11-01T00:00:00Z') }), C.infoStale);
    expect(i.severity).toBe('warn');
    expect(i.field).toBe('infoReviewedAt');
    expect(i.message).toContain('120 天');
    expect(i.message).toContain('2025-11-01');
  });

  it('does not warn at exactly 90 days', () => {
    const reviewed = new Date(NOW.getTime() - 90 * 86_400_000);
    expect(codes(good({ infoReviewedAt: reviewed }))).not.toContain(C.infoStale);
  });

  it('falls back to the creation date when the info was never reviewed', () => {
    const i = issue(
      good({ infoReviewedAt: null, createdAt: new Date('2025-11-30T00:00:00Z') }),
      C.infoStale,
    );
    expect(i.message).toContain('91 天');
    expect(i.message).toContain('从未复核');
    expect(
      codes(good({ infoReviewedAt: null, createdAt: new Date('2026-02-20T00:00:00Z') })),
    ).not.toContain(C.infoStale);
  });

  it('honours a custom staleDays', () => {
    const input = good({ infoReviewedAt: new Date('2026-02-01T00:00:00Z') }); // 28 days ago
    expect(codes(input, { ...ZH, staleDays: 30 })).not.toContain(C.infoStale);
    expect(issue(input, C.infoStale, { ...ZH, staleDays: 14 }).message).toContain('28 天');
  });
});

describe('checkProfile: locale', () => {
  it('writes messages and fixes in English for en-US', () => {
    const r = checkProfile(
      good({
        name: '★小鹿咖啡★',
        hasAvatar: false,
        bio: null,
        purpose: null,
        infoReviewedAt: null,
      }),
      EN,
    );
    expect(r.issues.length).toBeGreaterThan(0);
    for (const i of r.issues) {
      // Only quoted user data may contain Chinese; strip quotes before checking.
      const text = `${i.message} ${i.fix}`.replace(/“[^”]*”/g, '');
      expect(text, i.code).not.toMatch(/\p{Script=Han}/u);
      expect(text, i.code).toMatch(/[a-z]{3}/);
    }
    expect(r.issues.find((i) => i.code === C.avatarMissing)?.message).toBe(
      'The account has no avatar.',
    );
  });

  it('names the platform in the requested language', () => {
    const input = good({ platform: 'kuaishou', name: '小鹿咖啡上海静安精品手冲店' });
    expect(issue(input, C.nameTooLong, EN).message).toContain('Kuaishou');
    expect(issue(input, C.nameTooLong, ZH).message).toContain('快手');
  });
});

describe('checkProfile: score and order', () => {
  it('deducts 25 per error, 10 per warning and 3 per info', () => {
    // One error (avatar) and one warning (purpose).
    expect(checkProfile(good({ hasAvatar: false, purpose: null }), ZH).score).toBe(65);
    // One info (incomplete persona).
    expect(
      checkProfile(good({ persona: { ageBands: ['18_24'], regions: ['上海'], interests: [] } }), ZH)
        .score,
    ).toBe(97);
  });

  it('never goes below 0', () => {
    const r = checkProfile(
      {
        platform: 'wechat_oa',
        name: ' ★小鹿の咖啡★ 上海静安区精品手冲咖啡旗舰店!!',
        bio: null,
        hasAvatar: false,
        category: null,
        purpose: null,
        persona: null,
        infoReviewedAt: null,
        createdAt: new Date('2024-01-01T00:00:00Z'),
      },
      ZH,
    );
    expect(r.score).toBe(0);
    expect(Number.isInteger(r.score)).toBe(true);
  });

  it('lists errors first, then warnings, then infos', () => {
    const r = checkProfile(
      good({
        name: '★小鹿咖啡★',
        hasAvatar: false,
        persona: { ageBands: ['18_24'], regions: [], interests: [] },
      }),
      ZH,
    );
    expect(r.issues.map((i) => i.severity)).toEqual(['error', 'warn', 'info']);
  });

  it('scoreProfileIssues floors at 0 and returns an integer', () => {
    expect(scoreProfileIssues([])).toBe(100);
    expect(scoreProfileIssues([{ severity: 'warn' }, { severity: 'info' }])).toBe(87);
    expect(
      scoreProfileIssues(Array.from({ length: 5 }, () => ({ severity: 'error' as const }))),
    ).toBe(0);
  });

  it('gives every issue a code, field, message and fix', () => {
    const r = checkProfile(
      good({
        name: '★小鹿の咖啡!!',
        hasAvatar: false,
        bio: '热爱生活',
        category: null,
        purpose: null,
        persona: null,
      }),
      EN,
    );
    for (const i of r.issues) {
      expect(i.code).toMatch(/^[a-z]+\.[a-z_]+$/);
      expect(i.field).not.toBe('');
      expect(i.message).not.toBe('');
      expect(i.fix).not.toBe('');
    }
  });
});
