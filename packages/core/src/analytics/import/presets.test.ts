import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '@yunce/contracts';
import { isMetricKey, METRIC_KEYS } from '../metrics';
import {
  findPreset,
  GENERIC_ACCOUNT,
  GENERIC_CONTENT,
  mapContentFormat,
  mappingToPreset,
  normalizeHeader,
  PRESETS,
  SPECIAL_FIELDS,
  type TImportField,
} from './presets';

const SPECIAL: readonly string[] = SPECIAL_FIELDS;

describe('normalizeHeader', () => {
  it('ignores width, case, spacing and trailing units in parentheses', () => {
    expect(normalizeHeader('平均停留时长(s)')).toBe('平均停留时长');
    expect(normalizeHeader(' 平均停留时长（秒） ')).toBe('平均停留时长');
    expect(normalizeHeader('赞赏(分)')).toBe('赞赏');
    expect(normalizeHeader('ＵＲＬ')).toBe('url');
    expect(normalizeHeader('内容 URL')).toBe('内容url');
    expect(normalizeHeader('Followers_Gained')).toBe(normalizeHeader('followersGained'));
    expect(normalizeHeader('\ufeff日期')).toBe('日期');
    expect(normalizeHeader('播放量：')).toBe('播放量');
  });
});

describe('mapContentFormat', () => {
  it.each([
    ['图文', 'article'],
    ['视频', 'short_video'],
    ['短视频', 'short_video'],
    ['直播', 'live'],
    ['音频', 'audio'],
    ['长文', 'long_form'],
    ['Short_Video', 'short_video'],
  ])('maps %s to %s', (raw, format) => {
    expect(mapContentFormat(raw)).toBe(format);
  });

  it('returns null for a format it does not know', () => {
    expect(mapContentFormat('合集')).toBeNull();
  });
});

describe('built-in presets', () => {
  it('have unique ids and known platforms', () => {
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
    for (const p of PRESETS) {
      if (p.platform !== null) expect(PLATFORMS).toContain(p.platform);
      expect(p.name['zh-CN']).not.toBe('');
      expect(p.name['en-US']).not.toBe('');
    }
  });

  it('map each field once and each header to one column only', () => {
    for (const p of PRESETS) {
      const fields = p.columns.map((c) => c.field);
      expect(new Set(fields).size, p.id).toBe(fields.length);
      const headers = [...p.columns.flatMap((c) => c.headers), ...(p.knownHeaders ?? [])].map(
        normalizeHeader,
      );
      expect(new Set(headers).size, p.id).toBe(headers.length);
      for (const f of fields) expect(isMetricKey(f) || SPECIAL.includes(f), f).toBe(true);
    }
  });

  it('read dates as dates and metrics as numbers', () => {
    for (const p of PRESETS) {
      for (const c of p.columns) {
        if (c.field === 'publishedAt' || c.field === 'date') expect(c.parse).toBe('datetime');
        else if (isMetricKey(c.field)) expect(c.parse).not.toMatch(/^(datetime|text)$/);
        else expect(c.parse).toBe('text');
      }
    }
  });

  it('give every platform content preset a required title or id and publish time', () => {
    for (const p of PRESETS.filter((x) => x.grain === 'content' && x.platform !== null)) {
      const required = p.columns.filter((c) => c.required).map((c) => c.field);
      expect(required, p.id).toContain('publishedAt');
      expect(
        required.some((f) => f === 'title' || f === 'externalId'),
        p.id,
      ).toBe(true);
    }
  });

  it('map the documented 公众号 数据明细 and 抖音 columns', () => {
    const byHeader = (id: string) =>
      Object.fromEntries(
        (findPreset(id)?.columns ?? []).flatMap((c) => c.headers.map((h) => [h, c.field])),
      );
    expect(byHeader('wechat_oa.content_detail')).toMatchObject({
      日期: 'date',
      阅读次数: 'views',
      阅读人数: 'viewers',
      分享次数: 'shares',
      阅读原文次数: 'clicks',
      收藏次数: 'saves',
      渠道: 'channel',
    });
    expect(byHeader('douyin.works')).toMatchObject({
      播放量: 'views',
      完播率: 'completionRate',
      平均播放时长: 'avgWatchSeconds',
      主页访问量: 'profileVisits',
      粉丝增量: 'followersGained',
      封面点击率: 'ctr',
    });
    expect(byHeader('wechat_channels.posts')).toMatchObject({
      视频ID: 'externalId',
      描述: 'title',
      喜欢: 'likes',
      关注: 'followersGained',
    });
  });

  it('let the generic formats name every metric by snake_case key or Chinese label', () => {
    for (const preset of [GENERIC_CONTENT, GENERIC_ACCOUNT]) {
      for (const key of METRIC_KEYS) {
        const column = preset.columns.find((c) => c.field === key);
        expect(column, key).toBeDefined();
        expect(column?.headers.length).toBe(2);
      }
    }
    const gained = GENERIC_CONTENT.columns.find((c) => c.field === 'followersGained');
    expect(gained?.headers).toEqual(['followers_gained', '新增关注']);
    const net = GENERIC_ACCOUNT.columns.find((c) => c.field === 'followersNet');
    expect(net?.parse).toBe('signedCount');
    const revenue = GENERIC_ACCOUNT.columns.find((c) => c.field === 'revenue');
    expect(revenue?.parse).toBe('number');
  });
});

describe('mappingToPreset', () => {
  it('turns a user mapping into a preset with one header per column', () => {
    const field: TImportField = 'likes';
    const p = mappingToPreset(
      {
        grain: 'content',
        columns: [
          { header: '转发数', field: 'shares', parse: 'count' },
          { header: '点赞数', field, parse: 'count', required: true },
        ],
      },
      'workspace:weibo',
    );
    expect(p.id).toBe('workspace:weibo');
    expect(p.platform).toBeNull();
    expect(p.columns).toEqual([
      { field: 'shares', headers: ['转发数'], parse: 'count' },
      { field: 'likes', headers: ['点赞数'], parse: 'count', required: true },
    ]);
  });
});
