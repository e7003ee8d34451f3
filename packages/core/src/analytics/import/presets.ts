/**
 * Built-in import presets (DOMAIN-FACTS §1): which header of each platform export means which
 * metric. Pure data, JSON-serialisable, so the web app can show the same mapping and a workspace
 * can save its own mapping for an unknown export (e.g. Weibo) in exactly this shape.
 */
import type { TContentFormat, TLocale, TPlatform } from '@yunce/contracts';
import { METRIC_KEYS, METRICS, type TMetricKey } from '../metrics';
import { normalizeCellText } from './values';

/** content: one row per post with lifetime totals as exported; account: one row per day. */
export type TImportGrain = 'content' | 'account';

/** How a column's cells are read; `number` is a non-negative decimal (money). */
export type TColumnParse =
  'count' | 'signedCount' | 'number' | 'rate' | 'seconds' | 'datetime' | 'text';

/** Fields that are not metrics: identity, time and labels of a row. */
export const SPECIAL_FIELDS = [
  'title',
  'externalId',
  'url',
  'publishedAt',
  'date',
  'channel',
  'format',
  'status',
] as const;
export type TSpecialField = (typeof SPECIAL_FIELDS)[number];

/** Where a column's values go. */
export type TImportField = TMetricKey | TSpecialField;

/** One column of a preset: any of `headers` (compared normalised) maps to `field`. */
export interface TPresetColumn {
  field: TImportField;
  headers: readonly string[];
  parse: TColumnParse;
  /** A row whose cell is blank here is not imported; a file without the column is refused. */
  required?: boolean;
}

/** A known export format. A workspace's saved mapping is the same shape with its own id. */
export interface TImportPreset {
  id: string;
  platform: TPlatform | null;
  grain: TImportGrain;
  name: Record<TLocale, string>;
  columns: readonly TPresetColumn[];
  /**
   * Documented columns without a metric meaning (rates derived from other columns, distinct
   * counts we do not store). They count as recognised when detecting the preset, nothing more.
   */
  knownHeaders?: readonly string[];
  /** Channel values that stand for the day's total across channels; normalised to 'all'. */
  totalChannels?: readonly string[];
  /** Decisions a user should know about (which denominator, what is not imported), both languages. */
  notes?: Record<TLocale, string>;
}

/** A user-made column mapping for a file no preset fits. */
export interface TImportMapping {
  grain: TImportGrain;
  columns: readonly {
    header: string;
    field: TImportField;
    parse: TColumnParse;
    required?: boolean;
  }[];
  totalChannels?: readonly string[];
}

/**
 * The comparable form of a header: NFKC (full width → half width), lower case, no spaces,
 * underscores or hyphens, and no trailing unit in parentheses (`平均停留时长(s)` → `平均停留时长`).
 */
export function normalizeHeader(header: string): string {
  let h = normalizeCellText(header).toLowerCase();
  let previous = '';
  while (previous !== h) {
    previous = h;
    h = h.replace(/\s*\([^()]*\)\s*$/, '').replace(/[*:：]+$/, '');
  }
  return h.replace(/[\s_-]/g, '');
}

const FORMAT_WORDS: Record<string, TContentFormat> = {
  图文: 'article',
  文章: 'article',
  笔记: 'article',
  图文笔记: 'article',
  article: 'article',
  视频: 'short_video',
  短视频: 'short_video',
  视频笔记: 'short_video',
  shortvideo: 'short_video',
  video: 'short_video',
  直播: 'live',
  live: 'live',
  音频: 'audio',
  audio: 'audio',
  长文: 'long_form',
  longform: 'long_form',
};

/** The content format a 体裁 cell names (图文 → article, 视频/短视频 → short_video …), or null. */
export function mapContentFormat(raw: string): TContentFormat | null {
  return FORMAT_WORDS[normalizeHeader(raw)] ?? null;
}

/** A saved user mapping as a preset, so detection and normalisation treat both alike. */
export function mappingToPreset(mapping: TImportMapping, id = 'custom'): TImportPreset {
  return {
    id,
    platform: null,
    grain: mapping.grain,
    name: { 'zh-CN': '自定义映射', 'en-US': 'Custom mapping' },
    columns: mapping.columns.map((c) => ({
      field: c.field,
      headers: [c.header],
      parse: c.parse,
      ...(c.required ? { required: true } : {}),
    })),
    ...(mapping.totalChannels ? { totalChannels: mapping.totalChannels } : {}),
  };
}

const col = (
  field: TImportField,
  parse: TColumnParse,
  headers: readonly string[],
  required = false,
): TPresetColumn => ({ field, headers, parse, ...(required ? { required: true } : {}) });

const count = (field: TMetricKey, ...headers: string[]) => col(field, 'count', headers);
const rate = (field: TMetricKey, ...headers: string[]) => col(field, 'rate', headers);
const seconds = (field: TMetricKey, ...headers: string[]) => col(field, 'seconds', headers);

export const WECHAT_OA_CONTENT_DETAIL: TImportPreset = {
  id: 'wechat_oa.content_detail',
  platform: 'wechat_oa',
  grain: 'account',
  name: {
    'zh-CN': '公众号 内容分析 数据明细',
    'en-US': 'WeChat OA content analysis, daily detail',
  },
  columns: [
    col('date', 'datetime', ['日期'], true),
    count('views', '阅读次数'),
    count('viewers', '阅读人数'),
    count('shares', '分享次数'),
    count('clicks', '阅读原文次数'),
    count('saves', '收藏次数'),
    col('channel', 'text', ['渠道', '传播渠道']),
  ],
  knownHeaders: ['分享人数', '阅读原文人数', '收藏人数', '群发篇数'],
  totalChannels: ['全部'],
  notes: {
    'zh-CN':
      '每天每个渠道一行；「全部」行是当天合计（渠道记为 all），合计只取这些行。分享人数、阅读原文人数、收藏人数与群发篇数不导入。',
    'en-US':
      'One row per day and channel; the 全部 row is the day total (channel "all") and totals use only those rows. Distinct sharers, read-more clickers, savers and the number of pushes are not imported.',
  },
};

export const WECHAT_OA_NOTIFIED_ARTICLES: TImportPreset = {
  id: 'wechat_oa.notified_articles',
  platform: 'wechat_oa',
  grain: 'content',
  name: { 'zh-CN': '公众号 已通知内容', 'en-US': 'WeChat OA notified articles' },
  columns: [
    col('title', 'text', ['内容标题', '标题'], true),
    col('publishedAt', 'datetime', ['发表时间', '发布时间'], true),
    count('viewers', '总阅读人数'),
    count('views', '总阅读次数'),
    count('shares', '总分享次数'),
    count('followersGained', '阅读后关注人数'),
    count('deliveries', '送达人数'),
    rate('completionRate', '阅读完成率'),
    col('url', 'text', ['内容url', '内容链接', '文章链接']),
  ],
  knownHeaders: [
    '总分享人数',
    '公众号消息阅读次数',
    '送达阅读率',
    '首次分享次数',
    '分享产生阅读次数',
    '首次分享率',
    '每次分享带来阅读次数',
  ],
  notes: {
    'zh-CN':
      '未开启通知的导出没有送达列，同样适用。送达阅读率可由公众号消息阅读次数 ÷ 送达人数算出，不单独导入；阅读完成率按阅读次数加权。',
    'en-US':
      'Also fits the export without delivery columns (notifications off). The delivery read rate is derivable and not imported; completion rate is weighted by reads.',
  },
};

export const DOUYIN_WORKS: TImportPreset = {
  id: 'douyin.works',
  platform: 'douyin',
  grain: 'content',
  name: { 'zh-CN': '抖音 作品数据', 'en-US': 'Douyin works data' },
  columns: [
    col('title', 'text', ['作品名称', '作品标题'], true),
    col('publishedAt', 'datetime', ['发布时间'], true),
    col('format', 'text', ['体裁']),
    col('status', 'text', ['发布状态', '审核状态']),
    count('views', '播放量'),
    rate('completionRate', '完播率'),
    seconds('avgWatchSeconds', '平均播放时长'),
    count('likes', '点赞量'),
    count('comments', '评论量'),
    count('shares', '分享量'),
    count('saves', '收藏量'),
    count('profileVisits', '主页访问量'),
    count('followersGained', '粉丝增量'),
    rate('ctr', '封面点击率'),
  ],
  knownHeaders: ['5s完播率', '作品时长', '2s跳出率'],
  notes: {
    'zh-CN': '两种导出均适用（发布状态/作品时长 或 审核状态/封面点击率）。「-」视为无数据。',
    'en-US': 'Fits both variants (发布状态/作品时长 or 审核状态/封面点击率). "-" means no data.',
  },
};

export const XIAOHONGSHU_NOTES: TImportPreset = {
  id: 'xiaohongshu.notes',
  platform: 'xiaohongshu',
  grain: 'content',
  name: { 'zh-CN': '小红书 笔记数据', 'en-US': 'Xiaohongshu notes data' },
  columns: [
    col('title', 'text', ['笔记标题'], true),
    col('publishedAt', 'datetime', ['首次发布时间', '发布时间'], true),
    col('format', 'text', ['体裁']),
    count('impressions', '曝光', '曝光量'),
    count('views', '观看量', '阅读量'),
    rate('ctr', '封面点击率'),
    count('likes', '点赞'),
    count('comments', '评论'),
    count('saves', '收藏'),
    count('followersGained', '涨粉'),
    count('shares', '分享'),
    seconds('avgWatchSeconds', '人均观看时长'),
    count('danmaku', '弹幕'),
  ],
  notes: {
    'zh-CN':
      '第 1 行的导出说明会被跳过。人均观看时长按观看量加权（平台按人均计算，与每次播放略有差别）。',
    'en-US':
      'The disclaimer in row 1 is skipped. Average watch time per viewer is stored as watch time and weighted by views.',
  },
};

export const BILIBILI_COMPARE: TImportPreset = {
  id: 'bilibili.compare',
  platform: 'bilibili',
  grain: 'content',
  name: { 'zh-CN': 'B站 稿件对比', 'en-US': 'Bilibili video comparison' },
  columns: [
    col('title', 'text', ['视频标题', '稿件标题'], true),
    col('publishedAt', 'datetime', ['发布时间'], true),
    count('views', '播放量'),
    rate('ctr', '封标点击率'),
    count('followersGained', '涨粉'),
    count('likes', '点赞'),
    count('comments', '评论'),
    count('danmaku', '弹幕'),
    count('saves', '收藏'),
    count('coins', '投币'),
    count('shares', '分享'),
  ],
  knownHeaders: [
    '游客播放占比',
    '3秒跳出率',
    '互动率',
    '点赞率',
    '评论率',
    '收藏率',
    '分享率',
    '平均播放进度',
  ],
  notes: {
    'zh-CN': '只导出所选指标，缺少的列视为无数据。各项“率”可由次数 ÷ 播放量算出，不单独导入。',
    'en-US':
      'Only the chosen metrics are exported; missing columns mean no data. Per-play rates are derivable and not imported.',
  },
};

export const WECHAT_CHANNELS_POSTS: TImportPreset = {
  id: 'wechat_channels.posts',
  platform: 'wechat_channels',
  grain: 'content',
  name: { 'zh-CN': '视频号 动态数据明细', 'en-US': 'WeChat Channels posts detail' },
  columns: [
    col('title', 'text', ['描述']),
    col('externalId', 'text', ['视频ID', '动态ID'], true),
    col('publishedAt', 'datetime', ['发布时间'], true),
    rate('completionRate', '完播率'),
    seconds('avgWatchSeconds', '平均播放时长'),
    count('views', '播放量'),
    count('likes', '喜欢'),
    count('comments', '评论'),
    count('shares', '分享'),
    count('followersGained', '关注'),
  ],
  knownHeaders: ['推荐', '转发朋友圈'],
  notes: {
    'zh-CN':
      '喜欢计为点赞；推荐与转发朋友圈不导入：无法确定「分享」是否已包含转发朋友圈，相加可能重复计算。描述可以为空，以视频ID识别作品。',
    'en-US':
      'Likes come from 喜欢; 推荐 and 转发朋友圈 (Moments reposts) are not imported: the export does not say whether 分享 already includes Moments, so adding them could double count. The description may be blank; posts are identified by video ID.',
  },
};

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// Our generic format names every metric by its key; the Chinese label is a synonym so a
// hand-made sheet with 曝光/点赞/评论 also works.
const genericMetricColumns = (): TPresetColumn[] =>
  METRIC_KEYS.map((key) => {
    const def = METRICS[key];
    let parse: TColumnParse;
    switch (def.kind) {
      case 'rate':
        parse = 'rate';
        break;
      case 'seconds':
        parse = 'seconds';
        break;
      case 'money':
        parse = 'number';
        break;
      case 'count':
      case 'total':
        parse = key === 'followersNet' ? 'signedCount' : 'count';
        break;
      default: {
        const never: never = def.kind;
        throw new Error(`unknown metric kind ${String(never)}`);
      }
    }
    return col(key, parse, [snake(key), def.label['zh-CN']]);
  });

export const GENERIC_CONTENT: TImportPreset = {
  id: 'generic.content',
  platform: null,
  grain: 'content',
  name: { 'zh-CN': '通用 内容数据（CSV）', 'en-US': 'Generic content data (CSV)' },
  columns: [
    col('externalId', 'text', ['external_id', '内容ID']),
    col('url', 'text', ['url', '链接']),
    col('title', 'text', ['title', '标题']),
    col('publishedAt', 'datetime', ['published_at', '发布时间']),
    col('date', 'datetime', ['date', '日期']),
    col('format', 'text', ['format', '体裁']),
    col('status', 'text', ['status', '状态']),
    col('channel', 'text', ['channel', '渠道']),
    ...genericMetricColumns(),
  ],
  notes: {
    'zh-CN':
      '每行一条内容：需要 external_id、url 或 title 之一，以及 published_at 或 date（只有日期时用作发布日期）。指标列名用英文键（如 followers_gained）或中文名（如 新增关注）。',
    'en-US':
      'One row per post: needs one of external_id, url or title, and published_at or date (the publish day when there is no time). Metric columns use the key in snake_case (followers_gained) or the Chinese label (新增关注).',
  },
};

export const GENERIC_ACCOUNT: TImportPreset = {
  id: 'generic.account',
  platform: null,
  grain: 'account',
  name: { 'zh-CN': '通用 账号每日数据（CSV）', 'en-US': 'Generic account daily data (CSV)' },
  columns: [
    col('date', 'datetime', ['date', '日期'], true),
    col('channel', 'text', ['channel', '渠道']),
    ...genericMetricColumns(),
  ],
  totalChannels: ['all', '全部'],
  notes: {
    'zh-CN':
      '每天一行（可按渠道分多行，channel 为 all 或 全部 的行是当天合计）。指标列名同通用内容格式。',
    'en-US':
      'One row per day (optionally one per channel; a channel of all or 全部 is the day total). Metric columns as in the generic content format.',
  },
};

/** Every built-in preset, platform ones first so they win ties with the generic formats. */
export const PRESETS: readonly TImportPreset[] = [
  WECHAT_OA_CONTENT_DETAIL,
  WECHAT_OA_NOTIFIED_ARTICLES,
  DOUYIN_WORKS,
  XIAOHONGSHU_NOTES,
  BILIBILI_COMPARE,
  WECHAT_CHANNELS_POSTS,
  GENERIC_CONTENT,
  GENERIC_ACCOUNT,
];

/** The built-in preset with this id, or undefined. */
export function findPreset(id: string): TImportPreset | undefined {
  return PRESETS.find((p) => p.id === id);
}
