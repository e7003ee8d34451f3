/**
 * Turning a whole sheet into metric rows with a preset or a user mapping. Every refused cell is
 * reported with the spreadsheet row number the user sees in Excel, so a file can be fixed and
 * imported again; rowKey gives the identity that makes such a re-import idempotent.
 */
import type { TContentFormat } from '@yunce/contracts';
import {
  ADDITIVE_METRICS,
  isMetricKey,
  METRIC_KEYS,
  METRICS,
  type TMetricKey,
  type TMetricValues,
} from '../metrics';
import { matchPresetColumns, scorePreset, type TTableRows } from './detect';
import {
  mapContentFormat,
  mappingToPreset,
  normalizeHeader,
  type TColumnParse,
  type TImportField,
  type TImportGrain,
  type TImportMapping,
  type TImportPreset,
  type TPresetColumn,
} from './presets';
import {
  cellToString,
  isMissingCell,
  normalizeCellText,
  parseCount,
  dateTimeReader,
  parseDuration,
  parseNumber,
  parseRate,
  type TCellInput,
  type TParseResult,
  type TValueErrorCode,
} from './values';

/** Most data rows read by default; a platform export holds at most a few thousand. */
export const DEFAULT_IMPORT_MAX_ROWS = 100_000;

/** One imported row. */
export interface TNormalizedRow {
  /** 1-based spreadsheet row number. */
  row: number;
  title?: string;
  externalId?: string;
  url?: string;
  /** Present only when the export gave a time of day. */
  publishedAt?: Date;
  /** Account grain: the 日期 column; content grain: the publish day in the time zone. */
  date: string;
  /** Account grain: the channel; 'all' for the day's total (and when there is no channel column). */
  channel?: string;
  format?: TContentFormat;
  status?: string;
  metrics: TMetricValues;
}

/** Stable reasons a row or cell is refused. */
export type TImportErrorCode =
  | TValueErrorCode
  | 'NO_HEADER'
  | 'MISSING_COLUMN'
  | 'REQUIRED_EMPTY'
  | 'NO_DATE'
  | 'NO_IDENTITY'
  | 'UNKNOWN_FORMAT'
  | 'DUPLICATE_ROW'
  | 'TOO_MANY_ROWS';

/** A refused cell or row. */
export interface TImportError {
  /** 1-based spreadsheet row number. */
  row: number;
  /** The header as written in the file (or the preset's name for a missing column). */
  column: string;
  value: string;
  code: TImportErrorCode;
  message: string;
  messageEn: string;
  /** True when the whole row was left out; false when only this cell was dropped. */
  rowSkipped: boolean;
}

/** The result of normalizeTable. */
export interface TNormalizedTable {
  /** 0-based index of the header row; -1 when none was found. */
  headerRowIndex: number;
  grain: TImportGrain;
  rows: TNormalizedRow[];
  errors: TImportError[];
  /** Non-blank headers not imported (documented columns without a metric and unknown ones). */
  ignoredColumns: string[];
  /**
   * Counts summed, rates and seconds averaged weighted by their base metric (plain mean when
   * no row has the base), totals (followers) taken on the latest day. Account grain with
   * channels: a day's 'all' rows stand for the day when present, else its channel rows add up.
   */
  totals: TMetricValues;
}

interface TNormalizeBase {
  rows: TTableRows;
  /** IANA zone the export's wall-clock times are in (the workspace zone). */
  timeZone: string;
  maxRows?: number;
  /** Skip header detection (the user picked the header row). */
  headerRowIndex?: number;
}

export type TNormalizeInput = TNormalizeBase &
  (
    { preset: TImportPreset; mapping?: undefined } | { mapping: TImportMapping; preset?: undefined }
  );

const SUMMARY_WORDS = new Set(['合计', '总计', '汇总', '小计', '总和', 'total', 'sum']);

const NUMERIC_PARSES = new Set<TColumnParse>(['count', 'signedCount', 'number', 'rate', 'seconds']);

/** How a field is read when a mapping gives no usable parse: by the metric's kind. */
export function defaultParseFor(field: TImportField): TColumnParse {
  if (field === 'publishedAt' || field === 'date') return 'datetime';
  if (!isMetricKey(field)) return 'text';
  switch (METRICS[field].kind) {
    case 'rate':
      return 'rate';
    case 'seconds':
      return 'seconds';
    case 'money':
      return 'number';
    case 'count':
    case 'total':
      return field === 'followersNet' ? 'signedCount' : 'count';
    default: {
      const never: never = METRICS[field].kind;
      return never;
    }
  }
}

function parseMetric(parse: TColumnParse, cell: TCellInput): TParseResult<number> {
  switch (parse) {
    case 'count':
      return parseCount(cell);
    case 'signedCount':
      return parseCount(cell, { allowNegative: true });
    case 'number':
      return parseNumber(cell);
    case 'rate':
      return parseRate(cell);
    case 'seconds':
      return parseDuration(cell);
    case 'datetime':
    case 'text':
      // Unreachable: metric columns are given a numeric parse before this is called.
      return parseNumber(cell);
    default: {
      const never: never = parse;
      return never;
    }
  }
}

function textOf(cell: TCellInput): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  const text = (typeof cell === 'string' ? cell : cellToString(cell)).trim();
  return text === '' ? undefined : text;
}

function isBlank(cell: TCellInput): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isSummaryRow(row: readonly TCellInput[]): boolean {
  const first = row.find((c) => !isBlank(c));
  if (typeof first !== 'string') return false;
  return SUMMARY_WORDS.has(
    normalizeCellText(first)
      .toLowerCase()
      .replace(/[:\s]+$/, ''),
  );
}

const minuteOf = (d: Date) => d.toISOString().slice(0, 16);

/**
 * The identity a row keeps across re-imports: content by external id, else url, else title
 * plus publish minute (or day); account by day and channel.
 */
export function rowKey(row: TNormalizedRow, grain: TImportGrain): string {
  if (grain === 'account') return `${row.date}|${row.channel ?? 'all'}`;
  if (row.externalId) return `id:${row.externalId}`;
  if (row.url) return `url:${row.url}`;
  const when = row.publishedAt ? minuteOf(row.publishedAt) : row.date;
  return `title:${normalizeCellText(row.title ?? '')}|${when}`;
}

// The rows that stand for the table's total: per day, the 'all' rows when present.
function totalRows(
  rows: readonly TNormalizedRow[],
  grain: TImportGrain,
): readonly TNormalizedRow[] {
  if (grain === 'content') return rows;
  const daysWithAll = new Set(rows.filter((r) => r.channel === 'all').map((r) => r.date));
  return rows.filter((r) => !daysWithAll.has(r.date) || r.channel === 'all');
}

/**
 * Totals of normalised rows by each metric's kind (see TNormalizedTable.totals). One pass over
 * the rows per metric the rows carry, with no copies: a file has up to 10^5 rows.
 */
export function computeImportTotals(
  rows: readonly TNormalizedRow[],
  grain: TImportGrain,
): TMetricValues {
  const subset = totalRows(rows, grain);
  const present = new Set<TMetricKey>();
  for (const r of subset) for (const k in r.metrics) present.add(k as TMetricKey);
  const totals: TMetricValues = {};
  for (const key of METRIC_KEYS) {
    if (!present.has(key)) continue;
    const def = METRICS[key];
    if (ADDITIVE_METRICS.includes(key)) {
      let sum = 0;
      for (const r of subset) sum += r.metrics[key] ?? 0;
      totals[key] = sum;
    } else if (def.kind === 'total') {
      // The latest day's values added up (one per post or channel).
      let latest = '';
      let sum = 0;
      for (const r of subset) {
        const v = r.metrics[key];
        if (v === undefined) continue;
        if (r.date > latest) {
          latest = r.date;
          sum = v;
        } else if (r.date === latest) sum += v;
      }
      totals[key] = sum;
    } else {
      totals[key] = weightedMean(subset, key, def.base);
    }
  }
  return totals;
}

/** Σ value × base ÷ Σ base over rows with the value and a positive base, else the plain mean. */
function weightedMean(
  rows: readonly TNormalizedRow[],
  key: TMetricKey,
  base: TMetricKey | undefined,
): number {
  let weight = 0;
  let sum = 0;
  let plain = 0;
  let n = 0;
  for (const r of rows) {
    const v = r.metrics[key];
    if (v === undefined) continue;
    plain += v;
    n++;
    const w = base ? r.metrics[base] : undefined;
    if (w === undefined || w <= 0) continue;
    weight += w;
    sum += v * w;
  }
  if (weight > 0) return sum / weight;
  return plain / n;
}

interface TRowDraft {
  row: TNormalizedRow;
  errors: Omit<TImportError, 'rowSkipped'>[];
  skipped: boolean;
}

/**
 * Reads a sheet with a preset or a user mapping: finds the header row, skips blank and summary
 * (合计/总计/Total) rows, parses every mapped cell and reports refused ones. A bad metric cell
 * drops only that metric; a blank required cell, a missing date or identity, or an unreadable
 * date drops the row. A file without a required column imports nothing.
 */
export function normalizeTable(input: TNormalizeInput): TNormalizedTable {
  const preset = input.preset ?? mappingToPreset(input.mapping);
  const { rows, timeZone } = input;
  const maxRows = input.maxRows ?? DEFAULT_IMPORT_MAX_ROWS;
  const grain = preset.grain;
  const headerRowIndex = input.headerRowIndex ?? scorePreset(rows, preset)?.headerRowIndex ?? -1;
  const result: TNormalizedTable = {
    headerRowIndex,
    grain,
    rows: [],
    errors: [],
    ignoredColumns: [],
    totals: {},
  };
  const header = rows[headerRowIndex];
  if (!header) {
    result.errors.push({
      row: 1,
      column: '',
      value: '',
      code: 'NO_HEADER',
      message: '找不到表头行：文件中没有与所选格式匹配的列名',
      messageEn: 'No header row found: no column names match the chosen format',
      rowSkipped: true,
    });
    return result;
  }

  const found = matchPresetColumns(header, preset.columns);
  const mapped = new Set(found.values());
  header.forEach((cell, index) => {
    const text = textOf(cell);
    if (text !== undefined && !mapped.has(index)) result.ignoredColumns.push(text);
  });
  const headerRow = headerRowIndex + 1;
  const missing = preset.columns.filter((c) => c.required && !found.has(c));
  for (const column of missing) {
    const name = column.headers[0] ?? column.field;
    result.errors.push({
      row: headerRow,
      column: name,
      value: '',
      code: 'MISSING_COLUMN',
      message: `缺少必需的列「${name}」`,
      messageEn: `The required column "${name}" is missing`,
      rowSkipped: true,
    });
  }
  if (missing.length > 0) return result;

  const columns: TReadColumn[] = [...found.entries()].map(([column, index]) => ({
    column,
    index,
    name: textOf(header[index]) ?? column.headers[0] ?? column.field,
    metric: isMetricKey(column.field)
      ? NUMERIC_PARSES.has(column.parse)
        ? column.parse
        : defaultParseFor(column.field)
      : null,
  }));
  const nameOf = (field: TImportField) =>
    columns.find((c) => c.column.field === field)?.name ??
    preset.columns.find((c) => c.field === field)?.headers[0] ??
    field;
  const totalChannels = new Set((preset.totalChannels ?? []).map(normalizeHeader));
  const seen = new Map<string, number>();
  const seenIds = new Map<string, number>();
  const seenUrls = new Map<string, number>();
  let dataRows = 0;

  const times = dateTimeReader(timeZone);
  for (let i = headerRowIndex + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.every(isBlank) || isSummaryRow(cells)) continue;
    const rowNumber = i + 1;
    dataRows++;
    if (dataRows > maxRows) {
      result.errors.push({
        row: rowNumber,
        column: '',
        value: '',
        code: 'TOO_MANY_ROWS',
        message: `数据超过 ${maxRows} 行，从第 ${rowNumber} 行起未导入`,
        messageEn: `More than ${maxRows} data rows; rows from ${rowNumber} on were not imported`,
        rowSkipped: true,
      });
      break;
    }
    const draft = readRow(cells, rowNumber, columns, grain, times);
    if (!draft.skipped) {
      const d = draft.row;
      if (grain === 'account') {
        d.channel =
          d.channel === undefined || totalChannels.has(normalizeHeader(d.channel))
            ? 'all'
            : d.channel;
      }
      if (d.date === '') {
        const hasPublished = columns.some((c) => c.column.field === 'publishedAt');
        const name = nameOf(grain === 'content' && hasPublished ? 'publishedAt' : 'date');
        draft.errors.push({
          row: rowNumber,
          column: name,
          value: '',
          code: 'NO_DATE',
          message: `「${name}」为空，无法确定日期`,
          messageEn: `"${name}" is blank, so the row has no date`,
        });
        draft.skipped = true;
      } else if (grain === 'content' && !d.externalId && !d.url && !d.title) {
        const name = nameOf('title');
        draft.errors.push({
          row: rowNumber,
          column: name,
          value: '',
          code: 'NO_IDENTITY',
          message: '没有标题、链接或内容ID，无法识别这条内容',
          messageEn: 'No title, URL or content ID, so the post cannot be identified',
        });
        draft.skipped = true;
      }
    }
    if (!draft.skipped) {
      // rowKey's identity, with a platform id or URL looked up as it is (no key string built).
      const d = draft.row;
      let bucket = seen;
      let key: string;
      if (grain === 'content' && d.externalId) {
        bucket = seenIds;
        key = d.externalId;
      } else if (grain === 'content' && d.url) {
        bucket = seenUrls;
        key = d.url;
      } else key = rowKey(d, grain);
      const first = bucket.get(key);
      if (first !== undefined) {
        draft.errors.push({
          row: rowNumber,
          column: '',
          value: '',
          code: 'DUPLICATE_ROW',
          message: `与第 ${first} 行重复，已跳过`,
          messageEn: `Duplicates row ${first}; skipped`,
        });
        draft.skipped = true;
      } else {
        bucket.set(key, rowNumber);
      }
    }
    for (const e of draft.errors) result.errors.push({ ...e, rowSkipped: draft.skipped });
    if (!draft.skipped) result.rows.push(draft.row);
  }
  result.totals = computeImportTotals(result.rows, grain);
  return result;
}

/** Records a cell's error on its row; a fatal one skips the row. */
function refuseCell(
  draft: TRowDraft,
  name: string,
  cell: TCellInput,
  code: TImportErrorCode,
  message: string,
  messageEn: string,
  fatal: boolean,
): void {
  draft.errors.push({
    row: draft.row.row,
    column: name,
    value: cellToString(cell),
    code,
    message,
    messageEn,
  });
  if (fatal) draft.skipped = true;
}

/** A mapped column as readRow reads it: where it is, its header, and how a metric is parsed. */
interface TReadColumn {
  column: TPresetColumn;
  index: number;
  name: string;
  /** The parse of a metric column; null for the other fields. */
  metric: TColumnParse | null;
}

function readRow(
  cells: readonly TCellInput[],
  rowNumber: number,
  columns: readonly TReadColumn[],
  grain: TImportGrain,
  /** Reads the date and time cells (in the file's zone). */
  times: ReturnType<typeof dateTimeReader>,
): TRowDraft {
  const row: TNormalizedRow = { row: rowNumber, date: '', metrics: {} };
  const draft: TRowDraft = { row, errors: [], skipped: false };
  let publishDate: string | undefined;
  let dateColumn: string | undefined;

  for (const { column, index, name, metric } of columns) {
    const cell = cells[index] ?? null;
    const { field } = column;
    if (column.required && isMissingCell(cell)) {
      refuseCell(
        draft,
        name,
        cell,
        'REQUIRED_EMPTY',
        `「${name}」不能为空`,
        `"${name}" must not be blank`,
        true,
      );
      continue;
    }
    if (isMetricKey(field)) {
      const r = parseMetric(metric ?? defaultParseFor(field), cell);
      if (!r.ok) refuseCell(draft, name, cell, r.code, r.message, r.messageEn, false);
      else if (r.value !== undefined) row.metrics[field] = r.value;
      continue;
    }
    switch (field) {
      case 'publishedAt':
      case 'date': {
        const r = times(cell);
        if (!r.ok) {
          refuseCell(draft, name, cell, r.code, r.message, r.messageEn, true);
        } else if (r.value && field === 'publishedAt') {
          publishDate = r.value.date;
          if (r.value.at) row.publishedAt = r.value.at;
        } else if (r.value) {
          dateColumn = r.value.date;
        }
        break;
      }
      case 'format': {
        const text = textOf(cell);
        if (text === undefined) break;
        const format = mapContentFormat(text);
        if (format) row.format = format;
        else {
          refuseCell(
            draft,
            name,
            cell,
            'UNKNOWN_FORMAT',
            `无法识别的体裁「${text}」，已忽略`,
            `Unknown format "${text}"; ignored`,
            false,
          );
        }
        break;
      }
      case 'title':
      case 'externalId':
      case 'url':
      case 'channel':
      case 'status': {
        const text = textOf(cell);
        if (text !== undefined) row[field] = text;
        break;
      }
      default: {
        const never: never = field;
        throw new Error(`unhandled field ${String(never)}`);
      }
    }
  }
  row.date = (grain === 'content' ? (publishDate ?? dateColumn) : dateColumn) ?? '';
  return draft;
}
