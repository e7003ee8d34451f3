import { ANALYTICS_METRIC_KEYS } from '@yunce/contracts';

/**
 * The metric vocabulary (SPEC §5, DOMAIN-FACTS §2): every number Yunce stores about content and
 * accounts has one key here, with how it aggregates and its definition in both languages.
 */

/** How a metric combines across days, items or accounts. */
export type TMetricKind =
  /** A count that adds up (plays, likes, followers gained). */
  | 'count'
  /** Money in CNY yuan; adds up. */
  | 'money'
  /** A snapshot (followers total): the last value in the period, summed across accounts. */
  | 'total'
  /** A fraction 0..1, averaged weighted by its base metric (completion rate weighted by plays). */
  | 'rate'
  /** Seconds per view, averaged weighted by its base metric. */
  | 'seconds';

/** Every metric key; the list lives in the contracts so the API schemas share it. */
export const METRIC_KEYS = ANALYTICS_METRIC_KEYS;

export type TMetricKey = (typeof METRIC_KEYS)[number];

/** A metric value set: absent keys are unknown (never zero). */
export type TMetricValues = Partial<Record<TMetricKey, number>>;

export interface TMetricDefinition {
  key: TMetricKey;
  kind: TMetricKind;
  /** For `rate` and `seconds`: the count that weights the average. */
  base?: TMetricKey;
  label: { 'zh-CN': string; 'en-US': string };
  definition: { 'zh-CN': string; 'en-US': string };
}

const d = (
  key: TMetricKey,
  kind: TMetricKind,
  zh: string,
  en: string,
  defZh: string,
  defEn: string,
  base?: TMetricKey,
): TMetricDefinition => ({
  key,
  kind,
  ...(base ? { base } : {}),
  label: { 'zh-CN': zh, 'en-US': en },
  definition: { 'zh-CN': defZh, 'en-US': defEn },
});

export const METRICS: Record<TMetricKey, TMetricDefinition> = {
  impressions: d(
    'impressions',
    'count',
    '曝光',
    'Impressions',
    '内容被展示的次数（平台口径）',
    'Times the content was shown (platform definition)',
  ),
  reach: d(
    'reach',
    'count',
    '触达人数',
    'Reach',
    '看到内容的去重人数',
    'Distinct people who saw the content',
  ),
  views: d(
    'views',
    'count',
    '阅读/播放',
    'Reads / plays',
    '阅读次数或播放量',
    'Number of reads or plays',
  ),
  viewers: d(
    'viewers',
    'count',
    '阅读人数',
    'Readers',
    '阅读或观看的去重人数',
    'Distinct people who read or watched',
  ),
  clicks: d(
    'clicks',
    'count',
    '点击',
    'Clicks',
    '点击次数（如阅读原文、链接点击）',
    'Clicks (read-more, link clicks)',
  ),
  likes: d('likes', 'count', '点赞', 'Likes', '点赞（喜欢）次数', 'Likes'),
  comments: d('comments', 'count', '评论', 'Comments', '评论条数', 'Comments'),
  shares: d('shares', 'count', '分享', 'Shares', '分享/转发次数', 'Shares and reposts'),
  saves: d('saves', 'count', '收藏', 'Saves', '收藏次数', 'Saves (favourites)'),
  coins: d('coins', 'count', '投币', 'Coins', 'B站投币数', 'Bilibili coins'),
  danmaku: d('danmaku', 'count', '弹幕', 'Danmaku', '弹幕条数', 'Bullet comments'),
  profileVisits: d(
    'profileVisits',
    'count',
    '主页访问',
    'Profile visits',
    '由内容带来的主页访问量',
    'Profile visits from the content',
  ),
  deliveries: d(
    'deliveries',
    'count',
    '送达人数',
    'Deliveries',
    '群发送达的人数',
    'Followers the push was delivered to',
  ),
  followersGained: d(
    'followersGained',
    'count',
    '新增关注',
    'Followers gained',
    '新关注人数',
    'New followers',
  ),
  followersLost: d(
    'followersLost',
    'count',
    '取消关注',
    'Followers lost',
    '取消关注人数',
    'Unfollows',
  ),
  followersNet: d(
    'followersNet',
    'count',
    '净增关注',
    'Net followers',
    '新增关注 − 取消关注',
    'Followers gained − followers lost',
  ),
  followersTotal: d(
    'followersTotal',
    'total',
    '累计关注',
    'Total followers',
    '期末的关注总人数',
    'Followers at the end of the period',
  ),
  completionRate: d(
    'completionRate',
    'rate',
    '完播率',
    'Completion rate',
    '完整播放（读完）次数 ÷ 播放（阅读）次数，按播放量加权平均',
    'Complete plays (reads) ÷ plays (reads), averaged weighted by plays',
    'views',
  ),
  ctr: d(
    'ctr',
    'rate',
    '点击率',
    'Click-through rate',
    '点击（或观看）÷ 曝光，按曝光加权平均',
    'Clicks (or views) ÷ impressions, averaged weighted by impressions',
    'impressions',
  ),
  avgWatchSeconds: d(
    'avgWatchSeconds',
    'seconds',
    '平均播放时长',
    'Average watch time',
    '每次播放的平均时长（秒），按播放量加权平均',
    'Average seconds per play, weighted by plays',
    'views',
  ),
  conversions: d(
    'conversions',
    'count',
    '转化',
    'Conversions',
    '完成目标行为（留资、加购等）的次数',
    'Completed goal actions (leads, add-to-cart)',
  ),
  orders: d('orders', 'count', '订单', 'Orders', '成交订单数', 'Orders placed'),
  revenue: d('revenue', 'money', '成交金额', 'Revenue', '成交金额（元）', 'Revenue in CNY'),
};

/** Keys that add up across rows (counts and money). */
export const ADDITIVE_METRICS: readonly TMetricKey[] = METRIC_KEYS.filter((k) => {
  const kind = METRICS[k].kind;
  return kind === 'count' || kind === 'money';
});

const METRIC_KEY_SET: ReadonlySet<string> = new Set(METRIC_KEYS);

export function isMetricKey(value: string): value is TMetricKey {
  return METRIC_KEY_SET.has(value);
}
