import {
  ANALYTICS_METRIC_KEYS,
  type TImportMappingBody,
  type TImportPresetView,
  type TLocale,
} from '@yunce/contracts';
import { METRICS, isMetricKey, SPECIAL_FIELDS } from '@yunce/core';

type TMappedColumn = TImportMappingBody['columns'][number];
export type TImportField = TMappedColumn['field'];
export type TColumnParse = TMappedColumn['parse'];
export type TImportGrain = TImportMappingBody['grain'];

/** Non-metric fields a column can hold, in the order the mapping screen lists them. */
export const TEXT_FIELDS = SPECIAL_FIELDS;

export const IMPORT_FIELDS: readonly TImportField[] = [...TEXT_FIELDS, ...ANALYTICS_METRIC_KEYS];

export const COLUMN_PARSES: readonly TColumnParse[] = [
  'count',
  'signedCount',
  'number',
  'rate',
  'seconds',
  'datetime',
  'text',
];

/** One line of the mapping screen: a header of the file and what it means (null: ignore it). */
export interface TMappingRow {
  header: string;
  field: TImportField | null;
  parse: TColumnParse;
}

/** The parse type that fits a field: counts as counts, 完播率 as a rate, 发布时间 as a date… */
export function defaultParse(field: TImportField | null): TColumnParse {
  if (field === null) return 'text';
  if (field === 'publishedAt' || field === 'date') return 'datetime';
  if (!isMetricKey(field)) return 'text';
  if (field === 'followersNet') return 'signedCount';
  switch (METRICS[field].kind) {
    case 'count':
    case 'total':
      return 'count';
    case 'money':
      return 'number';
    case 'rate':
      return 'rate';
    case 'seconds':
      return 'seconds';
  }
}

// Header words of common exports for the non-metric fields (the metric labels come from METRICS).
const TEXT_FIELD_WORDS: Record<(typeof TEXT_FIELDS)[number], readonly string[]> = {
  title: ['标题', '作品名称', '笔记标题', '内容', 'title', 'name'],
  externalId: ['作品id', '笔记id', '内容id', '视频id', 'id', 'bvid'],
  url: ['链接', '地址', 'url', 'link'],
  publishedAt: ['发布时间', '发表时间', '发布日期', 'publishedat', 'published'],
  date: ['日期', '时间', '统计日期', '统计日', '数据日期', 'date', 'day'],
  channel: ['渠道', '来源', 'channel', 'source'],
  format: ['体裁', '类型', '形式', 'format', 'type'],
  status: ['状态', 'status'],
};

// Words platforms use for a metric besides its Yunce label (涨粉 for 新增关注…).
const METRIC_WORDS: Partial<Record<(typeof ANALYTICS_METRIC_KEYS)[number], readonly string[]>> = {
  impressions: ['曝光', '展现', '展示', '曝光量', '展现量'],
  views: ['阅读', '播放', '观看', '浏览', '阅读次数', '播放次数'],
  likes: ['点赞', '喜欢', '赞'],
  shares: ['分享', '转发'],
  saves: ['收藏'],
  followersGained: ['涨粉', '新增粉丝', '新关注', '新增关注人数', '关注'],
  followersLost: ['掉粉', '取关', '取消关注人数'],
  followersNet: ['净增粉丝', '净增', '净增关注人数'],
  followersTotal: ['粉丝数', '总粉丝', '累计粉丝', '粉丝总数', '总关注'],
  completionRate: ['完播率'],
};

const normalise = (text: string) => text.replace(/[\s()（）\-_:：%]/g, '').toLowerCase();

/**
 * A first guess at a header's field for the mapping screen: an exact metric label or a known
 * header word, else null. The person confirms or changes every guess before it is used.
 */
export function guessField(header: string): TImportField | null {
  const h = normalise(header);
  if (!h) return null;
  for (const key of ANALYTICS_METRIC_KEYS) {
    const { label } = METRICS[key];
    if (
      normalise(label['zh-CN']) === h ||
      normalise(label['en-US']) === h ||
      key.toLowerCase() === h
    )
      return key;
  }
  for (const field of TEXT_FIELDS) {
    if (TEXT_FIELD_WORDS[field].some((w) => normalise(w) === h)) return field;
  }
  // Common variants: 阅读量/播放量 → views, 点赞数 → likes…
  const stripped = h.replace(/(量|数|次数|人数)$/, '');
  for (const key of ANALYTICS_METRIC_KEYS) {
    if (normalise(METRICS[key].label['zh-CN']).split('/').includes(stripped)) return key;
  }
  for (const key of ANALYTICS_METRIC_KEYS) {
    const words = METRIC_WORDS[key] ?? [];
    if (words.some((w) => normalise(w) === h || normalise(w) === stripped)) return key;
  }
  return null;
}

/** Mapping rows for a file's headers, taken from a preset where it names the header, else guessed. */
export function initialMappingRows(
  headers: readonly string[],
  preset?: Pick<TImportPresetView, 'columns'> | null,
): TMappingRow[] {
  const used = new Set<TImportField>();
  return headers.map((header) => {
    const fromPreset = preset?.columns.find((c) =>
      c.headers.some((h) => normalise(h) === normalise(header)),
    );
    const field = fromPreset?.field ?? guessField(header);
    if (field === null || used.has(field)) return { header, field: null, parse: 'text' };
    used.add(field);
    return { header, field, parse: fromPreset?.parse ?? defaultParse(field) };
  });
}

/** The mapping body sent with the file: the mapped columns only. */
export function toMappingBody(
  rows: readonly TMappingRow[],
  grain: TImportGrain,
): TImportMappingBody {
  return {
    grain,
    columns: rows
      .filter(
        (r): r is TMappingRow & { field: TImportField } => r.field !== null && r.header !== '',
      )
      .map((r) => ({ header: r.header, field: r.field, parse: r.parse })),
  };
}

/** Problems to fix before the mapping can be used, as message keys' arguments. */
export function mappingProblems(
  rows: readonly TMappingRow[],
  grain: TImportGrain,
): ('none' | 'noMetric' | 'noDate' | 'noContentKey' | 'duplicate')[] {
  const fields = rows.map((r) => r.field).filter((f): f is TImportField => f !== null);
  const problems: ('none' | 'noMetric' | 'noDate' | 'noContentKey' | 'duplicate')[] = [];
  if (fields.length === 0) return ['none'];
  if (new Set(fields).size !== fields.length) problems.push('duplicate');
  if (!fields.some((f) => isMetricKey(f))) problems.push('noMetric');
  if (grain === 'account' && !fields.includes('date')) problems.push('noDate');
  if (
    grain === 'content' &&
    !fields.some((f) => f === 'externalId' || f === 'url' || f === 'title')
  )
    problems.push('noContentKey');
  return problems;
}

/** A field's name on the mapping screen. */
export function fieldLabel(
  field: TImportField,
  locale: TLocale,
  textLabel: (field: (typeof TEXT_FIELDS)[number]) => string,
): string {
  return isMetricKey(field) ? METRICS[field].label[locale] : textLabel(field);
}
