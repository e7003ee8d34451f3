/**
 * The weekly/monthly report (SPEC §5) as an A4 PDF an operator can forward to their boss. Drawn
 * with pdfkit (no browser) in Noto Sans Hans from the @embedpdf/fonts-sc package: the font ships
 * with the install, so Chinese renders the same on a fresh server with no fonts and no network.
 * pdfkit embeds only the glyphs used, so a report stays small although the font file is not.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { TContentRow, TGoal, TLocale, TReport } from '@yunce/contracts';
import {
  formatEnNumber,
  formatInsightValue,
  formatPercent,
  formatZhNumber,
  insightMetricLabel,
  insightValueFormat,
  isInsightMetric,
  isLowerBetter,
  platformName,
  type TInsightValueFormat,
} from '@yunce/core';
import {
  contentFormatLabel,
  formatZonedDateTime,
  goalStatusLabel,
  kpiLabel,
  kpiValueFormat,
  pillarLabel,
  REPORT_TEXT,
} from './render-xlsx';

// ---- fonts ------------------------------------------------------------------------------------

const FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;
type TFontName = keyof typeof FONT_FILES;

let fontCache: Record<TFontName, Buffer> | null = null;

// The package's exports map hides fonts/; its entry point sits in dist/ beside that folder.
function loadFonts(): Record<TFontName, Buffer> {
  if (fontCache) return fontCache;
  const entry = createRequire(import.meta.url).resolve('@embedpdf/fonts-sc');
  const dir = join(dirname(entry), '..', 'fonts');
  fontCache = {
    regular: readFileSync(join(dir, FONT_FILES.regular)),
    bold: readFileSync(join(dir, FONT_FILES.bold)),
  };
  return fontCache;
}

// ---- page geometry and colours ------------------------------------------------------------------

const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN = 48;
const TOP = 48;
/** Body content stops here; the footer lives below. */
const BOTTOM = PAGE_H - 60;
const CONTENT_W = PAGE_W - 2 * MARGIN;

const C = {
  text: '#1f2937',
  muted: '#6b7280',
  faint: '#9ca3af',
  line: '#e5e7eb',
  panel: '#f5f7fb',
  primary: '#1f6feb',
  good: '#16a34a',
  bad: '#dc2626',
  warn: '#d97706',
  info: '#1f6feb',
  series: ['#1f6feb', '#f59e0b', '#10b981', '#8b5cf6'],
} as const;

const PDF_TEXT = {
  'zh-CN': {
    kpis: '核心指标',
    trend: '趋势',
    best: '表现最好的内容',
    worst: '表现最弱的内容',
    goals: '目标进展',
    findings: '主要结论',
    actions: '建议行动',
    vsPrevious: '较上期',
    noPrevious: '上期无数据',
    flat: '持平',
    noTrend: '本期没有趋势数据',
    noContent: '本期没有内容数据',
    noGoals: '暂无目标',
    noFindings: '暂无结论',
    noActions: '暂无建议',
    views: '阅读/播放',
    engagement: '互动率',
    probability: '达成概率',
    currentOfTarget: '当前 / 目标',
    generated: (at: string, zone: string) => `运策 Yunce · 生成于 ${at}（${zone}）`,
    page: (n: number, of: number) => `第 ${n} / ${of} 页`,
    periodLine: (from: string, to: string, pf: string, pt: string) =>
      `统计周期 ${from} ~ ${to}    对比周期 ${pf} ~ ${pt}`,
  },
  'en-US': {
    kpis: 'Key metrics',
    trend: 'Trend',
    best: 'Best content',
    worst: 'Weakest content',
    goals: 'Goals',
    findings: 'Findings',
    actions: 'Suggested actions',
    vsPrevious: 'vs previous',
    noPrevious: 'no previous data',
    flat: 'flat',
    noTrend: 'No trend data in this period',
    noContent: 'No content data in this period',
    noGoals: 'No goals yet',
    noFindings: 'No findings',
    noActions: 'No suggestions',
    views: 'Views',
    engagement: 'Eng. rate',
    probability: 'Chance',
    currentOfTarget: 'Current / target',
    generated: (at: string, zone: string) => `Yunce · generated ${at} (${zone})`,
    page: (n: number, of: number) => `Page ${n} of ${of}`,
    periodLine: (from: string, to: string, pf: string, pt: string) =>
      `Period ${from} – ${to}    Compared with ${pf} – ${pt}`,
  },
} as const;

type TDoc = PDFKit.PDFDocument;

/** Drawing state: the document and the next free y on the current page. */
interface TCtx {
  doc: TDoc;
  locale: TLocale;
  report: TReport;
  y: number;
}

function font(ctx: TCtx, name: TFontName, size: number, color: string = C.text): TDoc {
  return ctx.doc.font(name).fontSize(size).fillColor(color);
}

/** Starts a new page when `height` does not fit below the current position. */
function ensureSpace(ctx: TCtx, height: number): void {
  if (ctx.y + height <= BOTTOM) return;
  ctx.doc.addPage();
  ctx.y = TOP;
}

/** `text` cut with an ellipsis to fit `width` in the current font. */
function fit(doc: TDoc, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${chars.slice(0, mid).join('')}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('')}…`;
}

/** One line of text at a point, never wrapping, cut to `width` when given. */
function line(
  ctx: TCtx,
  text: string,
  x: number,
  y: number,
  options: { width?: number; align?: 'left' | 'right' | 'center' } = {},
): void {
  const shown = options.width === undefined ? text : fit(ctx.doc, text, options.width);
  ctx.doc.text(shown, x, y, {
    lineBreak: false,
    ...(options.width === undefined ? {} : { width: options.width }),
    ...(options.align ? { align: options.align } : {}),
  });
}

function number(value: number, locale: TLocale): string {
  return locale === 'zh-CN' ? formatZhNumber(value) : formatEnNumber(value);
}

function valueText(value: number | null, format: TInsightValueFormat, locale: TLocale): string {
  return value === null ? '—' : formatInsightValue(value, format, locale);
}

function sectionTitle(ctx: TCtx, title: string, minBody: number): void {
  // Keep a heading with the start of its section.
  ensureSpace(ctx, 34 + minBody);
  ctx.y += 10;
  ctx.doc.rect(MARGIN, ctx.y + 2, 3, 13).fill(C.primary);
  font(ctx, 'bold', 13);
  line(ctx, title, MARGIN + 10, ctx.y);
  ctx.y += 24;
}

function emptyNote(ctx: TCtx, text: string): void {
  font(ctx, 'regular', 9.5, C.muted);
  line(ctx, text, MARGIN, ctx.y);
  ctx.y += 18;
}

// ---- header and KPIs ------------------------------------------------------------------------------

function header(ctx: TCtx): void {
  const { report, locale, doc } = ctx;
  const t = REPORT_TEXT[locale];
  const p = PDF_TEXT[locale];
  doc.rect(0, 0, PAGE_W, 6).fill(C.primary);
  font(ctx, 'bold', 20);
  doc.text(report.title, MARGIN, ctx.y, { width: CONTENT_W });
  ctx.y = doc.y + 6;
  font(ctx, 'regular', 10.5, C.muted);
  line(ctx, `${report.workspaceName} · ${report.accountName ?? t.allAccounts}`, MARGIN, ctx.y, {
    width: CONTENT_W,
  });
  ctx.y += 17;
  line(
    ctx,
    p.periodLine(report.from, report.to, report.previousFrom, report.previousTo),
    MARGIN,
    ctx.y,
    { width: CONTENT_W },
  );
  ctx.y += 20;
  doc
    .moveTo(MARGIN, ctx.y)
    .lineTo(PAGE_W - MARGIN, ctx.y)
    .lineWidth(0.8)
    .strokeColor(C.line)
    .stroke();
  ctx.y += 6;
}

interface TKpiCard {
  label: string;
  value: number | null;
  previous: number | null;
  ratio: number | null;
  format: TInsightValueFormat;
  lowerIsBetter: boolean;
}

function kpiCards(ctx: TCtx): void {
  const { report, locale, doc } = ctx;
  const p = PDF_TEXT[locale];
  const cards: TKpiCard[] = report.kpis.map((k) => ({
    label: kpiLabel(k.key, locale),
    value: k.value,
    previous: k.previous,
    ratio: k.ratio,
    format: kpiValueFormat(k.key),
    lowerIsBetter: isInsightMetric(k.key) && isLowerBetter(k.key),
  }));
  if (!report.kpis.some((k) => k.key === 'engagementRate')) {
    const { rate, previous } = report.engagement;
    cards.push({
      label: REPORT_TEXT[locale].engagementRate,
      value: rate,
      previous,
      ratio:
        rate !== null && previous !== null && previous !== 0 ? (rate - previous) / previous : null,
      format: 'rate',
      lowerIsBetter: false,
    });
  }
  const perRow = 4;
  const gap = 10;
  const cardW = (CONTENT_W - gap * (perRow - 1)) / perRow;
  const cardH = 66;
  sectionTitle(ctx, p.kpis, cardH);
  cards.forEach((card, i) => {
    const col = i % perRow;
    if (col === 0 && i > 0) ctx.y += cardH + gap;
    if (col === 0) ensureSpace(ctx, cardH);
    const x = MARGIN + col * (cardW + gap);
    const y = ctx.y;
    doc.roundedRect(x, y, cardW, cardH, 4).fill(C.panel);
    font(ctx, 'regular', 9, C.muted);
    line(ctx, card.label, x + 10, y + 9, { width: cardW - 20 });
    font(ctx, 'bold', 17);
    line(ctx, valueText(card.value, card.format, locale), x + 10, y + 23, { width: cardW - 20 });
    let change: string;
    let color: string;
    if (card.ratio === null || card.value === null || card.previous === null) {
      change = card.previous === null ? p.noPrevious : `${p.vsPrevious} —`;
      color = C.faint;
    } else if (card.ratio === 0) {
      change = `${p.flat} ${p.vsPrevious}`;
      color = C.muted;
    } else {
      const up = card.ratio > 0;
      const better = up !== card.lowerIsBetter;
      change = `${up ? '▲' : '▼'} ${formatPercent(Math.abs(card.ratio))} ${p.vsPrevious}`;
      color = better ? C.good : C.bad;
    }
    font(ctx, 'regular', 8.5, color);
    line(ctx, change, x + 10, y + 48, { width: cardW - 20 });
  });
  ctx.y += cards.length > 0 ? cardH + 8 : 0;
  font(ctx, 'regular', 8, C.muted);
  ctx.doc.text(report.engagement.formula, MARGIN, ctx.y, { width: CONTENT_W });
  ctx.y = ctx.doc.y + 4;
}

// ---- trend chart ------------------------------------------------------------------------------

/** A round axis maximum at or above `max` (1, 2, 2.5 or 5 times a power of ten per step). */
function niceStep(max: number, steps: number): number {
  const raw = max / steps;
  const power = 10 ** Math.floor(Math.log10(raw));
  const mult = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return mult * power;
}

function bucketLabel(bucket: string, interval: TReport['trend']['interval']): string {
  // Days and weeks read as MM-DD inside a one-period report; months as YYYY-MM.
  return interval === 'month' ? bucket.slice(0, 7) : bucket.slice(5, 10);
}

function drawChart(
  ctx: TCtx,
  series: TReport['trend']['series'][number],
  color: string,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  const { doc, locale, report } = ctx;
  const { buckets, interval } = report.trend;
  const format = insightValueFormat(series.metric);
  const tick = (v: number) =>
    format === 'rate' ? formatPercent(v, v < 0.1 ? 1 : 0) : number(v, locale);

  font(ctx, 'bold', 10);
  line(ctx, insightMetricLabel(series.metric)[locale], x, y, { width: w });
  const known = series.values.filter((v): v is number => v !== null);
  const plotTop = y + 20;
  const plotBottom = y + h - 16;
  const axisW = 40;
  const plotLeft = x + axisW;
  const plotRight = x + w - 6;
  const max = Math.max(0, ...known);
  const min = Math.min(0, ...known);
  const steps = 4;
  const step = max - min > 0 ? niceStep(max - min, steps) : 1;
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;
  const scaleY = (v: number) =>
    plotBottom - ((v - bottom) / (top - bottom)) * (plotBottom - plotTop);

  font(ctx, 'regular', 7, C.faint);
  for (let v = bottom; v <= top + step / 2; v += step) {
    const gy = scaleY(v);
    doc.moveTo(plotLeft, gy).lineTo(plotRight, gy).lineWidth(0.5).strokeColor(C.line).stroke();
    line(ctx, tick(v), x, gy - 4, { width: axisW - 6, align: 'right' });
  }

  const n = buckets.length;
  const scaleX = (i: number) =>
    n <= 1 ? (plotLeft + plotRight) / 2 : plotLeft + (i / (n - 1)) * (plotRight - plotLeft);
  const labelEvery = Math.max(1, Math.ceil(n / 7));
  buckets.forEach((b, i) => {
    if (i % labelEvery !== 0 && i !== n - 1) return;
    if (i !== n - 1 && n - 1 - i < labelEvery / 2) return;
    line(ctx, bucketLabel(b, interval), scaleX(i) - 20, plotBottom + 5, {
      width: 40,
      align: 'center',
    });
  });

  // Unknown buckets break the line rather than pretending to be zero.
  const runs: { x: number; y: number }[][] = [];
  let run: { x: number; y: number }[] = [];
  series.values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else {
      run.push({ x: scaleX(i), y: scaleY(v) });
    }
  });
  if (run.length > 0) runs.push(run);

  for (const points of runs) {
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) continue;
    if (points.length > 1) {
      doc.moveTo(first.x, plotBottom);
      for (const pt of points) doc.lineTo(pt.x, pt.y);
      doc.lineTo(last.x, plotBottom).closePath().fillOpacity(0.08).fill(color);
      doc.fillOpacity(1);
      doc.moveTo(first.x, first.y);
      for (const pt of points.slice(1)) doc.lineTo(pt.x, pt.y);
      doc.lineWidth(1.6).lineJoin('round').strokeColor(color).stroke();
    }
    if (n <= 31) for (const pt of points) doc.circle(pt.x, pt.y, 1.8).fill(color);
  }
}

function trendSection(ctx: TCtx): void {
  const p = PDF_TEXT[ctx.locale];
  const series = ctx.report.trend.series.slice(0, 4);
  const hasData = ctx.report.trend.buckets.length > 0 && series.length > 0;
  const single = series.length === 1;
  const chartH = single ? 160 : 130;
  sectionTitle(ctx, p.trend, hasData ? chartH : 18);
  if (!hasData) {
    emptyNote(ctx, p.noTrend);
    return;
  }
  const gap = 16;
  const chartW = single ? CONTENT_W : (CONTENT_W - gap) / 2;
  series.forEach((s, i) => {
    const col = single ? 0 : i % 2;
    if (col === 0 && i > 0) ctx.y += chartH + 8;
    if (col === 0) ensureSpace(ctx, chartH);
    const color = C.series[i % C.series.length] ?? C.primary;
    drawChart(ctx, s, color, MARGIN + col * (chartW + gap), ctx.y, chartW, chartH);
  });
  ctx.y += chartH + 6;
}

// ---- tables ---------------------------------------------------------------------------------------

interface TPdfColumn {
  header: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

function tableHeader(ctx: TCtx, columns: readonly TPdfColumn[]): void {
  ctx.doc.rect(MARGIN, ctx.y, CONTENT_W, 20).fill(C.panel);
  font(ctx, 'bold', 8.5, C.muted);
  let x = MARGIN;
  for (const c of columns) {
    line(ctx, c.header, x + 6, ctx.y + 6, { width: c.width - 12, align: c.align ?? 'left' });
    x += c.width;
  }
  ctx.y += 20;
}

function rowRule(ctx: TCtx): void {
  ctx.doc
    .moveTo(MARGIN, ctx.y)
    .lineTo(PAGE_W - MARGIN, ctx.y)
    .lineWidth(0.5)
    .strokeColor(C.line)
    .stroke();
}

function contentTable(ctx: TCtx, title: string, rows: readonly TContentRow[]): void {
  const { locale, report } = ctx;
  const t = REPORT_TEXT[locale];
  const p = PDF_TEXT[locale];
  const rowH = 30;
  // Never leave a lone row or two at the foot of a page.
  sectionTitle(ctx, title, rows.length > 0 ? 20 + rowH * Math.min(rows.length, 3) : 18);
  if (rows.length === 0) {
    emptyNote(ctx, p.noContent);
    return;
  }
  const fixed = { rank: 22, account: 96, published: 70, views: 62, engagement: 56 };
  const titleW =
    CONTENT_W - fixed.rank - fixed.account - fixed.published - fixed.views - fixed.engagement;
  const columns: TPdfColumn[] = [
    { header: '#', width: fixed.rank, align: 'center' },
    { header: t.title, width: titleW },
    { header: t.account, width: fixed.account },
    { header: t.publishedAt, width: fixed.published },
    { header: p.views, width: fixed.views, align: 'right' },
    { header: p.engagement, width: fixed.engagement, align: 'right' },
  ];
  tableHeader(ctx, columns);
  rows.forEach((r, i) => {
    if (ctx.y + rowH > BOTTOM) {
      ctx.doc.addPage();
      ctx.y = TOP;
      tableHeader(ctx, columns);
    }
    const y = ctx.y;
    let x = MARGIN;
    font(ctx, 'bold', 9, C.muted);
    line(ctx, String(i + 1), x, y + 6, { width: fixed.rank, align: 'center' });
    x += fixed.rank;
    font(ctx, 'regular', 9.5);
    line(ctx, r.title, x + 6, y + 5, { width: titleW - 12 });
    const detail = [
      platformName(r.platform, locale),
      contentFormatLabel(r.format, locale),
      pillarLabel(r.pillar, locale),
    ]
      .filter((s): s is string => s !== null && s !== '')
      .join(' · ');
    font(ctx, 'regular', 7.5, C.muted);
    line(ctx, detail, x + 6, y + 18, { width: titleW - 12 });
    x += titleW;
    font(ctx, 'regular', 8.5);
    line(ctx, r.accountName, x + 6, y + 6, { width: fixed.account - 12 });
    x += fixed.account;
    const published =
      r.publishedAt === null ? '—' : formatZonedDateTime(r.publishedAt, report.timeZone).slice(5);
    font(ctx, 'regular', 8.5, C.muted);
    line(ctx, published, x + 6, y + 6, { width: fixed.published - 12 });
    x += fixed.published;
    const views = r.metrics.views;
    font(ctx, 'regular', 9);
    line(ctx, views === undefined ? '—' : number(views, locale), x + 6, y + 6, {
      width: fixed.views - 12,
      align: 'right',
    });
    x += fixed.views;
    font(ctx, 'bold', 9);
    line(ctx, r.engagementRate === null ? '—' : formatPercent(r.engagementRate), x + 6, y + 6, {
      width: fixed.engagement - 12,
      align: 'right',
    });
    ctx.y += rowH;
    rowRule(ctx);
  });
  ctx.y += 4;
}

const STATUS_COLORS: Record<TGoal['progress']['status'], string> = {
  achieved: C.good,
  on_track: C.good,
  at_risk: C.warn,
  off_track: C.bad,
  not_started: C.faint,
  insufficient_data: C.faint,
};

function goalsTable(ctx: TCtx): void {
  const { locale, report, doc } = ctx;
  const t = REPORT_TEXT[locale];
  const p = PDF_TEXT[locale];
  const rowH = 30;
  sectionTitle(
    ctx,
    p.goals,
    report.goals.length > 0 ? 20 + rowH * Math.min(report.goals.length, 3) : 18,
  );
  if (report.goals.length === 0) {
    emptyNote(ctx, p.noGoals);
    return;
  }
  const fixed = { metric: 76, values: 98, progress: 86, status: 64, probability: 48 };
  const nameW =
    CONTENT_W - fixed.metric - fixed.values - fixed.progress - fixed.status - fixed.probability;
  const columns: TPdfColumn[] = [
    { header: t.goal, width: nameW },
    { header: t.metric, width: fixed.metric },
    { header: p.currentOfTarget, width: fixed.values, align: 'right' },
    { header: t.progress, width: fixed.progress },
    { header: t.status, width: fixed.status, align: 'center' },
    { header: p.probability, width: fixed.probability, align: 'right' },
  ];
  tableHeader(ctx, columns);
  for (const g of report.goals) {
    if (ctx.y + rowH > BOTTOM) {
      doc.addPage();
      ctx.y = TOP;
      tableHeader(ctx, columns);
    }
    const y = ctx.y;
    const format = insightValueFormat(g.metric);
    let x = MARGIN;
    font(ctx, 'regular', 9.5);
    line(ctx, g.name, x + 6, y + 5, { width: nameW - 12 });
    font(ctx, 'regular', 7.5, C.muted);
    line(ctx, `${t.endDate} ${g.endDate}`, x + 6, y + 18, { width: nameW - 12 });
    x += nameW;
    font(ctx, 'regular', 8);
    line(ctx, insightMetricLabel(g.metric)[locale], x + 6, y + 10, { width: fixed.metric - 12 });
    font(ctx, 'regular', 8.5);
    x += fixed.metric;
    line(
      ctx,
      `${valueText(g.progress.current, format, locale)} / ${valueText(g.target, format, locale)}`,
      x + 6,
      y + 10,
      { width: fixed.values - 12, align: 'right' },
    );
    x += fixed.values;
    const barW = fixed.progress - 42;
    const ratio = g.progress.ratio;
    doc.roundedRect(x + 6, y + 12, barW, 6, 3).fill(C.line);
    if (ratio !== null && ratio > 0) {
      doc
        .roundedRect(x + 6, y + 12, Math.max(6, barW * Math.min(1, ratio)), 6, 3)
        .fill(STATUS_COLORS[g.progress.status]);
    }
    font(ctx, 'regular', 7.5, C.muted);
    line(ctx, ratio === null ? '—' : formatPercent(ratio, 0), x + barW + 8, y + 10, {
      width: 32,
    });
    x += fixed.progress;
    const status = goalStatusLabel(g.progress.status, locale);
    const color = STATUS_COLORS[g.progress.status];
    font(ctx, 'bold', 8);
    const pillW = Math.min(fixed.status - 8, doc.widthOfString(status) + 14);
    const pillX = x + (fixed.status - pillW) / 2;
    doc
      .roundedRect(pillX, y + 7, pillW, 16, 8)
      .fillOpacity(0.12)
      .fill(color);
    doc.fillOpacity(1);
    font(ctx, 'bold', 8, color);
    line(ctx, status, pillX, y + 10.5, { width: pillW, align: 'center' });
    x += fixed.status;
    font(ctx, 'regular', 9);
    line(
      ctx,
      g.progress.probability === null ? '—' : formatPercent(g.progress.probability, 0),
      x + 6,
      y + 10,
      { width: fixed.probability - 12, align: 'right' },
    );
    ctx.y += rowH;
    rowRule(ctx);
  }
  ctx.y += 4;
}

// ---- findings and actions -------------------------------------------------------------------

const SEVERITY_COLORS: Record<TReport['findings'][number]['severity'], string> = {
  good: C.good,
  bad: C.bad,
  info: C.info,
};

function textList(
  ctx: TCtx,
  title: string,
  items: TReport['findings'],
  empty: string,
  numbered: boolean,
): void {
  const { doc } = ctx;
  const indent = 18;
  const width = CONTENT_W - indent;
  font(ctx, 'regular', 10);
  const firstH = items[0] ? doc.heightOfString(items[0].text, { width }) : 18;
  sectionTitle(ctx, title, firstH);
  if (items.length === 0) {
    emptyNote(ctx, empty);
    return;
  }
  items.forEach((item, i) => {
    font(ctx, 'regular', 10);
    const h = doc.heightOfString(item.text, { width, lineGap: 2 });
    ensureSpace(ctx, h + 6);
    const color = SEVERITY_COLORS[item.severity];
    if (numbered) {
      font(ctx, 'bold', 10, C.primary);
      line(ctx, `${i + 1}.`, MARGIN, ctx.y);
    } else {
      doc.circle(MARGIN + 5, ctx.y + 7, 3).fill(color);
    }
    font(ctx, 'regular', 10);
    doc.text(item.text, MARGIN + indent, ctx.y, { width, lineGap: 2 });
    ctx.y += h + 6;
  });
}

// ---- footer ---------------------------------------------------------------------------------------

function footers(ctx: TCtx): void {
  const { doc, report, locale } = ctx;
  const p = PDF_TEXT[locale];
  const range = doc.bufferedPageRange();
  const generated = p.generated(
    formatZonedDateTime(report.generatedAt, report.timeZone),
    report.timeZone,
  );
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Text below the bottom margin would otherwise make pdfkit start yet another page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE_H - 40;
    doc
      .moveTo(MARGIN, y - 8)
      .lineTo(PAGE_W - MARGIN, y - 8)
      .lineWidth(0.5)
      .strokeColor(C.line)
      .stroke();
    font(ctx, 'regular', 7.5, C.faint);
    line(ctx, generated, MARGIN, y, { width: CONTENT_W * 0.75 });
    line(ctx, p.page(i - range.start + 1, range.count), MARGIN, y, {
      width: CONTENT_W,
      align: 'right',
    });
    doc.page.margins.bottom = margin;
  }
}

/** The report as an A4 PDF: KPIs, trend chart, best/worst content, goals, findings, actions. */
export async function renderReportPdf(report: TReport, locale: TLocale): Promise<Buffer> {
  const fonts = loadFonts();
  const generated = new Date(report.generatedAt);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP, bottom: PAGE_H - BOTTOM, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: locale,
    displayTitle: true,
    info: {
      Title: report.title,
      Author: report.workspaceName,
      Creator: 'Yunce',
      Producer: 'Yunce',
      // The report's own time, not the clock: the same report renders to the same file.
      ...(Number.isNaN(generated.getTime()) ? {} : { CreationDate: generated, ModDate: generated }),
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const ctx: TCtx = { doc, locale, report, y: TOP };
  const p = PDF_TEXT[locale];
  header(ctx);
  kpiCards(ctx);
  trendSection(ctx);
  contentTable(ctx, p.best, report.best);
  contentTable(ctx, p.worst, report.worst);
  goalsTable(ctx);
  textList(ctx, p.findings, report.findings, p.noFindings, false);
  textList(ctx, p.actions, report.actions, p.noActions, true);
  footers(ctx);
  doc.end();
  return done;
}
