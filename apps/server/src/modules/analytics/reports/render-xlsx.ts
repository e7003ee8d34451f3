/**
 * The weekly/monthly report (SPEC §5) and any dashboard tile as an Excel workbook. Report text
 * (titles, findings) comes from imported files and users, so every string cell goes through
 * escapeCell: a title like =HYPERLINK(…) must stay text when the boss opens the file.
 * Numbers stay numbers with a display format, so the workbook can still be summed and charted.
 */
import ExcelJS from 'exceljs';
import type { TContentRow, TGoal, TLocale, TReport } from '@yunce/contracts';
import {
  CONTENT_FORMAT_LABELS,
  CONTENT_PILLAR_LABELS,
  insightMetricLabel,
  insightValueFormat,
  isInsightMetric,
  platformName,
  zoneOffsetMs,
  type TInsightValueFormat,
  type TMetricKey,
} from '@yunce/core';
import { escapeCell } from '../import/file-table';

// ---- shared report wording (also used by the PDF renderer) ------------------------------------

type TGoalStatus = TGoal['progress']['status'];
type TSeverity = TReport['findings'][number]['severity'];

const GOAL_STATUS_LABELS: Record<TGoalStatus, Record<TLocale, string>> = {
  achieved: { 'zh-CN': '已达成', 'en-US': 'Achieved' },
  on_track: { 'zh-CN': '进展顺利', 'en-US': 'On track' },
  at_risk: { 'zh-CN': '有风险', 'en-US': 'At risk' },
  off_track: { 'zh-CN': '落后', 'en-US': 'Off track' },
  not_started: { 'zh-CN': '未开始', 'en-US': 'Not started' },
  insufficient_data: { 'zh-CN': '数据不足', 'en-US': 'Not enough data' },
};

const SEVERITY_LABELS: Record<TSeverity, Record<TLocale, string>> = {
  good: { 'zh-CN': '积极', 'en-US': 'Good' },
  bad: { 'zh-CN': '需关注', 'en-US': 'Needs attention' },
  info: { 'zh-CN': '信息', 'en-US': 'Info' },
};

/** The metrics shown for each content row, in this order. */
export const REPORT_CONTENT_METRICS: readonly TMetricKey[] = [
  'impressions',
  'views',
  'likes',
  'comments',
  'shares',
  'saves',
];

/** Display name of a goal status (已达成 / On track …). */
export function goalStatusLabel(status: TGoalStatus, locale: TLocale): string {
  return GOAL_STATUS_LABELS[status][locale];
}

/** Display name of a finding's severity. */
export function severityLabel(severity: TSeverity, locale: TLocale): string {
  return SEVERITY_LABELS[severity][locale];
}

/** Display name of a KPI key: a metric, a derived goal metric, the post count, or the key itself. */
export function kpiLabel(key: string, locale: TLocale): string {
  if (isInsightMetric(key)) return insightMetricLabel(key)[locale];
  if (key === 'posts') return locale === 'zh-CN' ? '发布数' : 'Posts';
  return key;
}

/** How a KPI's values are written; unknown keys are plain numbers. */
export function kpiValueFormat(key: string): TInsightValueFormat {
  return isInsightMetric(key) ? insightValueFormat(key) : 'number';
}

/** A content format id as its name (短视频); other values as given. */
export function contentFormatLabel(format: string | null, locale: TLocale): string | null {
  if (format === null) return null;
  return CONTENT_FORMAT_LABELS[format]?.[locale] ?? format;
}

/** A built-in pillar id as its name (品牌故事); custom pillars as given. */
export function pillarLabel(pillar: string | null, locale: TLocale): string | null {
  if (pillar === null) return null;
  return CONTENT_PILLAR_LABELS[pillar]?.[locale] ?? pillar;
}

/**
 * An ISO instant as 'YYYY-MM-DD HH:mm' wall-clock time in `timeZone` (the workspace zone, so
 * the export reads the same wherever the server runs); unparseable input is returned as is.
 */
export function formatZonedDateTime(iso: string, timeZone: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  let offset = 0;
  try {
    offset = zoneOffsetMs(at, timeZone);
  } catch {
    // An unknown zone name: UTC is still a truthful time, and the zone is printed beside it.
  }
  return new Date(at.getTime() + offset).toISOString().slice(0, 16).replace('T', ' ');
}

/** The texts of both report renderers. */
export const REPORT_TEXT = {
  'zh-CN': {
    sheets: {
      overview: '概览',
      trend: '趋势',
      best: '最佳内容',
      worst: '最差内容',
      goals: '目标',
      findings: '结论与建议',
    },
    workspace: '工作区',
    account: '账号',
    allAccounts: '全部账号',
    period: '统计周期',
    previousPeriod: '对比周期',
    generatedAt: '生成时间',
    timeZone: '时区',
    metric: '指标',
    current: '本期',
    previous: '上期',
    delta: '变化',
    change: '环比',
    engagementRate: '互动率',
    formula: '计算口径',
    interval: { day: '日期', week: '周', month: '月份' },
    title: '标题',
    platform: '平台',
    publishedAt: '发布时间',
    format: '形式',
    pillar: '内容支柱',
    url: '链接',
    goal: '目标',
    scope: '范围',
    baseline: '基线',
    target: '目标值',
    goalCurrent: '当前值',
    progress: '进度',
    status: '状态',
    probability: '达成概率',
    endDate: '截止日期',
    explanation: '说明',
    kind: '类别',
    severity: '判断',
    text: '内容',
    finding: '结论',
    action: '建议',
    workspaceScope: '工作区',
  },
  'en-US': {
    sheets: {
      overview: 'Overview',
      trend: 'Trend',
      best: 'Best content',
      worst: 'Worst content',
      goals: 'Goals',
      findings: 'Findings and actions',
    },
    workspace: 'Workspace',
    account: 'Account',
    allAccounts: 'All accounts',
    period: 'Period',
    previousPeriod: 'Compared with',
    generatedAt: 'Generated at',
    timeZone: 'Time zone',
    metric: 'Metric',
    current: 'This period',
    previous: 'Previous',
    delta: 'Change',
    change: 'Change %',
    engagementRate: 'Engagement rate',
    formula: 'Formula',
    interval: { day: 'Date', week: 'Week', month: 'Month' },
    title: 'Title',
    platform: 'Platform',
    publishedAt: 'Published at',
    format: 'Format',
    pillar: 'Pillar',
    url: 'URL',
    goal: 'Goal',
    scope: 'Scope',
    baseline: 'Baseline',
    target: 'Target',
    goalCurrent: 'Current',
    progress: 'Progress',
    status: 'Status',
    probability: 'Probability',
    endDate: 'End date',
    explanation: 'Explanation',
    kind: 'Type',
    severity: 'Assessment',
    text: 'Text',
    finding: 'Finding',
    action: 'Action',
    workspaceScope: 'Workspace',
  },
} as const;

// ---- workbook building ------------------------------------------------------------------------

const FMT = {
  int: '#,##0',
  decimal: '#,##0.00',
  percent: '0.0%',
  signedPercent: '+0.0%;-0.0%;0.0%',
  signedInt: '+#,##0;-#,##0;0',
  money: '"¥"#,##0.00',
  signedMoney: '+"¥"#,##0.00;-"¥"#,##0.00;"¥"0.00',
  seconds: '#,##0.0',
} as const;

function valueFmt(format: TInsightValueFormat): string {
  switch (format) {
    case 'rate':
      return FMT.percent;
    case 'money':
      return FMT.money;
    case 'seconds':
    case 'minutes':
      return FMT.seconds;
    case 'number':
      return FMT.int;
  }
}

function deltaFmt(format: TInsightValueFormat): string {
  switch (format) {
    case 'rate':
      return FMT.signedPercent;
    case 'money':
      return FMT.signedMoney;
    case 'seconds':
    case 'minutes':
      return '+#,##0.0;-#,##0.0;0.0';
    case 'number':
      return FMT.signedInt;
  }
}

/** A number with its own display format (rows of one column can differ, like the KPI table). */
interface TFormatted {
  value: number | null;
  numFmt: string;
}
type TCellInput = string | number | null | TFormatted;

interface TColumn {
  header: string;
  /** Display format of plain numbers in the column. */
  numFmt?: string;
  /** Long text wraps inside this width instead of widening the column. */
  maxWidth?: number;
  wrap?: boolean;
}

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFE8EEF8' },
};

// CJK characters take two character widths in Excel's column unit.
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

function cellWidth(value: TCellInput): number {
  if (value === null) return 0;
  if (typeof value === 'string') return displayWidth(value);
  const n = typeof value === 'number' ? value : value.value;
  // Digits plus separators and a decimal part.
  return n === null ? 0 : Math.ceil(String(Math.round(Math.abs(n))).length * 1.35) + 4;
}

/** Column widths of a sheet, grown by every value written into it. */
class SheetWriter {
  private readonly widths: number[] = [];
  private readonly maxWidths: number[] = [];
  row = 1;

  constructor(readonly ws: ExcelJS.Worksheet) {}

  private track(col: number, value: TCellInput, maxWidth?: number): void {
    this.widths[col] = Math.max(this.widths[col] ?? 0, cellWidth(value));
    if (maxWidth !== undefined) this.maxWidths[col] = maxWidth;
  }

  put(col: number, value: TCellInput, numFmt?: string, sizesColumn = true): ExcelJS.Cell {
    const cell = this.ws.getCell(this.row, col + 1);
    if (value === null) {
      cell.value = null;
    } else if (typeof value === 'string') {
      // The one place strings enter the workbook: nothing user-written can become a formula.
      cell.value = escapeCell(value);
    } else if (typeof value === 'number') {
      cell.value = Number.isFinite(value) ? value : null;
      if (numFmt) cell.numFmt = numFmt;
    } else {
      cell.value = value.value !== null && Number.isFinite(value.value) ? value.value : null;
      cell.numFmt = value.numFmt;
    }
    if (sizesColumn) this.track(col, value);
    return cell;
  }

  /** A label/value line of the overview's header block. */
  info(label: string, value: string): void {
    this.put(0, label).font = { bold: true };
    this.put(1, value);
    this.row += 1;
  }

  table(columns: readonly TColumn[], rows: readonly (readonly TCellInput[])[]): void {
    const headerRow = this.row;
    columns.forEach((c, i) => {
      const cell = this.put(i, c.header);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF9AA7BA' } } };
      cell.alignment = { vertical: 'middle' };
      if (c.maxWidth !== undefined) this.maxWidths[i] = c.maxWidth;
    });
    this.row += 1;
    for (const values of rows) {
      columns.forEach((c, i) => {
        const cell = this.put(i, values[i] ?? null, c.numFmt);
        cell.alignment = { vertical: 'top', ...(c.wrap ? { wrapText: true } : {}) };
      });
      this.row += 1;
    }
    if (headerRow === 1) this.ws.views = [{ state: 'frozen', ySplit: 1 }];
  }

  finish(): void {
    this.widths.forEach((w, i) => {
      const max = this.maxWidths[i] ?? 60;
      this.ws.getColumn(i + 1).width = Math.min(Math.max(w + 2, 8), max);
    });
  }
}

function newWorkbook(created?: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Yunce';
  if (created) {
    // The report's own time, not the clock: exporting the same report twice gives the same file.
    workbook.created = created;
    workbook.modified = created;
  }
  return workbook;
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function overviewSheet(workbook: ExcelJS.Workbook, report: TReport, locale: TLocale): void {
  const t = REPORT_TEXT[locale];
  const w = new SheetWriter(workbook.addWorksheet(t.sheets.overview));
  // The title is long; it spans the table instead of setting the width of the label column.
  const titleCell = w.put(0, report.title, undefined, false);
  titleCell.font = { bold: true, size: 14 };
  w.ws.mergeCells(w.row, 1, w.row, 5);
  w.row += 2;
  w.info(t.workspace, report.workspaceName);
  w.info(t.account, report.accountName ?? t.allAccounts);
  w.info(t.period, `${report.from} ~ ${report.to}`);
  w.info(t.previousPeriod, `${report.previousFrom} ~ ${report.previousTo}`);
  w.info(t.generatedAt, formatZonedDateTime(report.generatedAt, report.timeZone));
  w.info(t.timeZone, report.timeZone);
  w.row += 1;

  const rows: TCellInput[][] = report.kpis.map((k) => {
    const format = kpiValueFormat(k.key);
    return [
      kpiLabel(k.key, locale),
      { value: k.value, numFmt: valueFmt(format) },
      { value: k.previous, numFmt: valueFmt(format) },
      { value: k.delta, numFmt: deltaFmt(format) },
      { value: k.ratio, numFmt: FMT.signedPercent },
    ];
  });
  if (!report.kpis.some((k) => k.key === 'engagementRate')) {
    const { rate, previous } = report.engagement;
    const delta = rate !== null && previous !== null ? rate - previous : null;
    const ratio = delta !== null && previous !== null && previous !== 0 ? delta / previous : null;
    rows.push([
      t.engagementRate,
      { value: rate, numFmt: FMT.percent },
      { value: previous, numFmt: FMT.percent },
      { value: delta, numFmt: FMT.signedPercent },
      { value: ratio, numFmt: FMT.signedPercent },
    ]);
  }
  w.table(
    [
      { header: t.metric },
      { header: t.current },
      { header: t.previous },
      { header: t.delta },
      { header: t.change },
    ],
    rows,
  );
  w.row += 1;
  w.put(0, t.formula).font = { bold: true };
  // A long sentence: it may overflow into the empty cells to its right.
  w.put(1, report.engagement.formula, undefined, false);
  w.finish();
}

function trendSheet(workbook: ExcelJS.Workbook, report: TReport, locale: TLocale): void {
  const t = REPORT_TEXT[locale];
  const w = new SheetWriter(workbook.addWorksheet(t.sheets.trend));
  const { buckets, series, interval } = report.trend;
  w.table(
    [
      { header: t.interval[interval] },
      ...series.map((s) => ({
        header: insightMetricLabel(s.metric)[locale],
        numFmt: valueFmt(insightValueFormat(s.metric)),
      })),
    ],
    buckets.map((bucket, i) => [bucket, ...series.map((s) => s.values[i] ?? null)]),
  );
  w.finish();
}

function contentSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  rows: readonly TContentRow[],
  report: TReport,
  locale: TLocale,
): void {
  const t = REPORT_TEXT[locale];
  const w = new SheetWriter(workbook.addWorksheet(name));
  w.table(
    [
      { header: t.title, maxWidth: 50 },
      { header: t.account, maxWidth: 24 },
      { header: t.platform },
      { header: t.publishedAt },
      { header: t.format },
      { header: t.pillar },
      ...REPORT_CONTENT_METRICS.map((m) => ({
        header: insightMetricLabel(m)[locale],
        numFmt: valueFmt(insightValueFormat(m)),
      })),
      { header: t.engagementRate, numFmt: FMT.percent },
      { header: t.url, maxWidth: 50 },
    ],
    rows.map((r) => [
      r.title,
      r.accountName,
      platformName(r.platform, locale),
      r.publishedAt === null ? null : formatZonedDateTime(r.publishedAt, report.timeZone),
      contentFormatLabel(r.format, locale),
      pillarLabel(r.pillar, locale),
      ...REPORT_CONTENT_METRICS.map((m) => r.metrics[m] ?? null),
      r.engagementRate,
      r.url,
    ]),
  );
  w.finish();
}

function goalsSheet(workbook: ExcelJS.Workbook, report: TReport, locale: TLocale): void {
  const t = REPORT_TEXT[locale];
  const w = new SheetWriter(workbook.addWorksheet(t.sheets.goals));
  w.table(
    [
      { header: t.goal, maxWidth: 40 },
      { header: t.metric },
      { header: t.scope, maxWidth: 24 },
      { header: t.baseline },
      { header: t.target },
      { header: t.goalCurrent },
      { header: t.progress, numFmt: FMT.percent },
      { header: t.status },
      { header: t.probability, numFmt: FMT.percent },
      { header: t.endDate },
      { header: t.explanation, maxWidth: 80, wrap: true },
    ],
    report.goals.map((g) => {
      const numFmt = valueFmt(insightValueFormat(g.metric));
      return [
        g.name,
        insightMetricLabel(g.metric)[locale],
        g.scope === 'account' ? (g.accountName ?? '') : t.workspaceScope,
        { value: g.baseline, numFmt },
        { value: g.target, numFmt },
        { value: g.progress.current, numFmt },
        g.progress.ratio,
        goalStatusLabel(g.progress.status, locale),
        g.progress.probability,
        g.endDate,
        g.progress.explanation,
      ];
    }),
  );
  w.finish();
}

function findingsSheet(workbook: ExcelJS.Workbook, report: TReport, locale: TLocale): void {
  const t = REPORT_TEXT[locale];
  const w = new SheetWriter(workbook.addWorksheet(t.sheets.findings));
  w.table(
    [{ header: t.kind }, { header: t.severity }, { header: t.text, maxWidth: 100, wrap: true }],
    [
      ...report.findings.map((f) => [t.finding, severityLabel(f.severity, locale), f.text]),
      ...report.actions.map((a) => [t.action, severityLabel(a.severity, locale), a.text]),
    ],
  );
  w.finish();
}

/** The report as an XLSX workbook: 概览, 趋势, 最佳内容, 最差内容, 目标, 结论与建议. */
export async function renderReportXlsx(report: TReport, locale: TLocale): Promise<Buffer> {
  const generated = new Date(report.generatedAt);
  const workbook = newWorkbook(Number.isNaN(generated.getTime()) ? undefined : generated);
  const t = REPORT_TEXT[locale];
  overviewSheet(workbook, report, locale);
  trendSheet(workbook, report, locale);
  contentSheet(workbook, t.sheets.best, report.best, report, locale);
  contentSheet(workbook, t.sheets.worst, report.worst, report, locale);
  goalsSheet(workbook, report, locale);
  findingsSheet(workbook, report, locale);
  return toBuffer(workbook);
}

/** A column of a tile export: the row key it reads and the header shown. */
export interface TTableColumn {
  key: string;
  header: string;
}

const RATE_KEY = /(rate|ratio|ctr|probability|share)$/i;

function columnNumFmt(key: string, values: readonly (string | number | null)[]): string {
  if (isInsightMetric(key)) return valueFmt(insightValueFormat(key));
  if (RATE_KEY.test(key)) return FMT.percent;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return numbers.every((v) => Number.isInteger(v)) ? FMT.int : FMT.decimal;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === '' ? 'Sheet1' : cleaned;
}

/** Any dashboard tile as a one-sheet workbook; rate-like columns get a percent format. */
export async function renderTableXlsx(
  sheetName: string,
  columns: readonly TTableColumn[],
  rows: readonly Readonly<Record<string, string | number | null>>[],
): Promise<Buffer> {
  const workbook = newWorkbook();
  const w = new SheetWriter(workbook.addWorksheet(safeSheetName(sheetName)));
  w.table(
    columns.map((c) => ({
      header: c.header,
      numFmt: columnNumFmt(
        c.key,
        rows.map((r) => r[c.key] ?? null),
      ),
      maxWidth: 60,
    })),
    rows.map((r) => columns.map((c) => r[c.key] ?? null)),
  );
  w.finish();
  return toBuffer(workbook);
}
