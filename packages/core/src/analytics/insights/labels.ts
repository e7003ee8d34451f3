/**
 * Names and value formats of the metrics insights talk about: the stored metric vocabulary
 * (../metrics) plus the derived goal metrics of SPEC §3 that are not stored per row (engagement
 * rate, response time, community active rate, retention).
 */
import type { TLocale, TPlatform } from '@yunce/contracts';
import type { TLocalized } from '../../accounts/platforms';
import { isMetricKey, METRICS, type TMetricKey } from '../metrics';
import { formatEnNumber, formatPercent, formatZhNumber } from './format';

/** Goal metrics computed from other data rather than stored as a metric column. */
export const DERIVED_GOAL_METRICS = [
  'engagementRate',
  'responseTimeMinutes',
  'communityActiveRate',
  'retention',
] as const;
export type TDerivedGoalMetric = (typeof DERIVED_GOAL_METRICS)[number];

/** Any metric a goal, KPI or anomaly can be about. */
export type TInsightMetric = TMetricKey | TDerivedGoalMetric;

/** How a value of the metric is written: a share (0..1), seconds, minutes, money or a number. */
export type TInsightValueFormat = 'number' | 'rate' | 'seconds' | 'minutes' | 'money';

const DERIVED_LABELS: Record<TDerivedGoalMetric, TLocalized> = {
  engagementRate: { 'zh-CN': '互动率', 'en-US': 'Engagement rate' },
  responseTimeMinutes: { 'zh-CN': '响应时长', 'en-US': 'Response time' },
  communityActiveRate: { 'zh-CN': '社群活跃率', 'en-US': 'Community active rate' },
  retention: { 'zh-CN': '留存率', 'en-US': 'Retention' },
};

const DERIVED_FORMATS: Record<TDerivedGoalMetric, TInsightValueFormat> = {
  engagementRate: 'rate',
  responseTimeMinutes: 'minutes',
  communityActiveRate: 'rate',
  retention: 'rate',
};

/** True for the goal metrics that are not metric columns. */
export function isDerivedGoalMetric(value: string): value is TDerivedGoalMetric {
  return (DERIVED_GOAL_METRICS as readonly string[]).includes(value);
}

/** True for any metric key insights accept (stored or derived). */
export function isInsightMetric(value: string): value is TInsightMetric {
  return isMetricKey(value) || isDerivedGoalMetric(value);
}

/** Metrics where a fall is good news (fewer unfollows, faster replies). */
const LOWER_IS_BETTER: readonly TInsightMetric[] = ['followersLost', 'responseTimeMinutes'];

/** True when a decrease of the metric is an improvement. */
export function isLowerBetter(metric: TInsightMetric): boolean {
  return LOWER_IS_BETTER.includes(metric);
}

const VIDEO_PLATFORMS: readonly TPlatform[] = ['douyin', 'bilibili', 'kuaishou', 'wechat_channels'];
const READING_PLATFORMS: readonly TPlatform[] = ['wechat_oa', 'zhihu', 'weibo', 'xiaohongshu'];

/** The metric's display name; `views` is called 播放量 or 阅读量 after the platform's own usage. */
export function insightMetricLabel(metric: TInsightMetric, platform?: TPlatform): TLocalized {
  if (isDerivedGoalMetric(metric)) return DERIVED_LABELS[metric];
  if (metric === 'views' && platform && VIDEO_PLATFORMS.includes(platform)) {
    return { 'zh-CN': '播放量', 'en-US': 'Plays' };
  }
  if (metric === 'views' && platform && READING_PLATFORMS.includes(platform)) {
    return { 'zh-CN': '阅读量', 'en-US': 'Reads' };
  }
  return METRICS[metric].label;
}

/** How values of the metric are written. */
export function insightValueFormat(metric: TInsightMetric): TInsightValueFormat {
  if (isDerivedGoalMetric(metric)) return DERIVED_FORMATS[metric];
  const { kind } = METRICS[metric];
  switch (kind) {
    case 'rate':
      return 'rate';
    case 'seconds':
      return 'seconds';
    case 'money':
      return 'money';
    case 'count':
    case 'total':
      return 'number';
  }
}

/** A value in its format and locale: '12.5%', '1.2万', '38 秒', '¥3,200'. */
export function formatInsightValue(
  value: number,
  format: TInsightValueFormat,
  locale: TLocale,
): string {
  const n = locale === 'zh-CN' ? formatZhNumber(value) : formatEnNumber(value);
  switch (format) {
    case 'rate':
      return formatPercent(value);
    case 'seconds':
      return locale === 'zh-CN' ? `${n} 秒` : `${n} s`;
    case 'minutes':
      return locale === 'zh-CN' ? `${n} 分钟` : `${n} min`;
    case 'money':
      return `¥${n}`;
    case 'number':
      return n;
  }
}

/** Weekday names, index 0 = Monday (the convention of every insight module). */
export const WEEKDAY_LABELS: readonly TLocalized[] = [
  { 'zh-CN': '周一', 'en-US': 'Mon' },
  { 'zh-CN': '周二', 'en-US': 'Tue' },
  { 'zh-CN': '周三', 'en-US': 'Wed' },
  { 'zh-CN': '周四', 'en-US': 'Thu' },
  { 'zh-CN': '周五', 'en-US': 'Fri' },
  { 'zh-CN': '周六', 'en-US': 'Sat' },
  { 'zh-CN': '周日', 'en-US': 'Sun' },
];

/** Weekday name for 0 = Monday … 6 = Sunday. */
export function weekdayLabel(weekday: number): TLocalized {
  const label = WEEKDAY_LABELS[weekday];
  if (!label) throw new RangeError(`weekday: expected 0-6, got ${weekday}`);
  return label;
}

/** 'YYYY-MM-DD' as '3月12日' / 'Mar 12' for sentences (the year is implied by the report period). */
export function shortDateLabel(date: string): TLocalized {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const en = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    month - 1
  ];
  return { 'zh-CN': `${month}月${day}日`, 'en-US': `${en ?? date.slice(5, 7)} ${day}` };
}

/** Content format names (same wording as the web app's content module). */
export const CONTENT_FORMAT_LABELS: Readonly<Record<string, TLocalized>> = {
  article: { 'zh-CN': '图文', 'en-US': 'Image-text posts' },
  short_video: { 'zh-CN': '短视频', 'en-US': 'Short videos' },
  live: { 'zh-CN': '直播', 'en-US': 'Live streams' },
  audio: { 'zh-CN': '音频', 'en-US': 'Audio' },
  long_form: { 'zh-CN': '长文', 'en-US': 'Long-form posts' },
};

/** Built-in content pillar names; custom pillars are named by the caller. */
export const CONTENT_PILLAR_LABELS: Readonly<Record<string, TLocalized>> = {
  brand_story: { 'zh-CN': '品牌故事', 'en-US': 'Brand story' },
  product_promotion: { 'zh-CN': '产品推广', 'en-US': 'Product promotion' },
  usage_tips: { 'zh-CN': '使用技巧', 'en-US': 'Usage tips' },
  interaction: { 'zh-CN': '互动话题', 'en-US': 'Interaction' },
  hot_topic: { 'zh-CN': '热点借势', 'en-US': 'Hot topic' },
  customer_stories: { 'zh-CN': '用户故事', 'en-US': 'Customer stories' },
};
