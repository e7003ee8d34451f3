import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ZReport, type TContentRow, type TReport } from '@yunce/contracts';
import { formatZonedDateTime, renderReportXlsx, renderTableXlsx } from './render-xlsx';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function contentRow(n: number, patch: Partial<TContentRow> = {}): TContentRow {
  return {
    postId: uuid(100 + n),
    itemId: null,
    title: `手冲咖啡入门第${n}课`,
    url: `https://mp.weixin.qq.com/s/${n}`,
    accountId: uuid(1),
    accountName: '示例店铺公众号',
    platform: 'wechat_oa',
    publishedAt: '2026-05-06T12:30:00.000Z',
    format: 'article',
    pillar: 'usage_tips',
    metrics: { impressions: 12000, views: 3456, likes: 120, comments: 14, shares: 30, saves: 22 },
    engagementRate: 0.01555,
    ...patch,
  };
}

function sampleReport(): TReport {
  return ZReport.parse({
    kind: 'weekly',
    title: '示例店铺 周报 2026-05-04 ~ 2026-05-10',
    workspaceName: '示例店铺',
    accountName: null,
    from: '2026-05-04',
    to: '2026-05-10',
    previousFrom: '2026-04-27',
    previousTo: '2026-05-03',
    generatedAt: '2026-05-11T01:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    kpis: [
      { key: 'views', value: 123456, previous: 100000, delta: 23456, ratio: 0.23456 },
      { key: 'followersNet', value: -12, previous: 40, delta: -52, ratio: -1.3 },
      { key: 'completionRate', value: 0.42, previous: null, delta: null, ratio: null },
    ],
    engagement: {
      rate: 0.0345,
      previous: 0.03,
      formula: '互动率 = (点赞 + 评论 + 分享 + 收藏) ÷ 曝光',
    },
    trend: {
      interval: 'day',
      buckets: ['2026-05-04', '2026-05-05', '2026-05-06'],
      series: [
        { metric: 'views', values: [1200, null, 3400] },
        { metric: 'likes', values: [30, 12, 80] },
      ],
    },
    best: [contentRow(1, { title: '=HYPERLINK("http://x")' }), contentRow(2)],
    worst: [contentRow(3, { format: 'short_video', pillar: null, engagementRate: null })],
    goals: [
      {
        id: uuid(200),
        name: 'Q2 关注增长',
        metric: 'followersTotal',
        scope: 'workspace',
        accountId: null,
        accountName: null,
        baseline: 1000,
        target: 5000,
        startDate: '2026-04-01',
        endDate: '2026-06-30',
        ownerId: null,
        ownerName: null,
        parentId: null,
        note: '',
        smart: [],
        progress: {
          current: 2200,
          ratio: 0.3,
          status: 'at_risk',
          probability: 0.41,
          projected: 4200,
          low: 3600,
          high: 4800,
          explanation: '按当前速度预计达到 4,200',
        },
        createdAt: '2026-04-01T00:00:00.000Z',
      },
    ],
    findings: [{ kind: 'kpi_change', severity: 'good', text: '阅读量比上周增长 23.5%' }],
    actions: [{ kind: 'best_time', severity: 'info', text: '+ 建议在周五 20 点发布' }],
  });
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.read(Readable.from([bytes]));
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('renderReportXlsx', () => {
  it('writes the six report sheets in order', async () => {
    const workbook = await load(await renderReportXlsx(sampleReport(), 'zh-CN'));
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      '概览',
      '趋势',
      '最佳内容',
      '最差内容',
      '目标',
      '结论与建议',
    ]);
  });

  it('names the sheets in English for en-US', async () => {
    const workbook = await load(await renderReportXlsx(sampleReport(), 'en-US'));
    expect(workbook.worksheets[0]?.name).toBe('Overview');
    expect(workbook.worksheets[5]?.name).toBe('Findings and actions');
  });

  it('keeps KPI values as numbers with thousands and one-decimal percent formats', async () => {
    const ws = sheet(await load(await renderReportXlsx(sampleReport(), 'zh-CN')), '概览');
    const rows = ws.getSheetValues();
    const header = rows.findIndex((r) => Array.isArray(r) && r[1] === '指标');
    expect(header).toBeGreaterThan(0);
    const views = ws.getRow(header + 1);
    expect(views.getCell(1).value).toBe('阅读/播放');
    expect(views.getCell(2).value).toBe(123456);
    expect(views.getCell(2).numFmt).toBe('#,##0');
    expect(views.getCell(5).value).toBeCloseTo(0.23456);
    expect(views.getCell(5).numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(ws.getRow(header).getCell(1).font?.bold).toBe(true);
    // The engagement rate is added after the KPIs, with its formula below the table.
    const engagement = ws.getRow(header + 4);
    expect(engagement.getCell(1).value).toBe('互动率');
    expect(engagement.getCell(2).numFmt).toBe('0.0%');
    expect(ws.getRow(header + 6).getCell(2).value).toBe(
      '互动率 = (点赞 + 评论 + 分享 + 收藏) ÷ 曝光',
    );
  });

  it('writes the generation time in the workspace time zone', async () => {
    const ws = sheet(await load(await renderReportXlsx(sampleReport(), 'zh-CN')), '概览');
    const values = ws.getSheetValues().flatMap((r) => (Array.isArray(r) ? r : []));
    expect(values).toContain('2026-05-11 09:00');
    expect(values).toContain('Asia/Shanghai');
    expect(values).toContain('全部账号');
  });

  it('stores a title that looks like a formula as literal text', async () => {
    const ws = sheet(await load(await renderReportXlsx(sampleReport(), 'zh-CN')), '最佳内容');
    const cell = ws.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(`'=HYPERLINK("http://x")`);
  });

  it('escapes finding texts too', async () => {
    const ws = sheet(await load(await renderReportXlsx(sampleReport(), 'zh-CN')), '结论与建议');
    expect(ws.getCell('C3').value).toBe("'+ 建议在周五 20 点发布");
    expect(ws.getCell('A3').value).toBe('建议');
  });

  it('lists content with labels, local publish time and an empty cell for unknown values', async () => {
    const workbook = await load(await renderReportXlsx(sampleReport(), 'zh-CN'));
    const best = sheet(workbook, '最佳内容');
    const header = (best.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual([
      '标题',
      '账号',
      '平台',
      '发布时间',
      '形式',
      '内容支柱',
      '曝光',
      '阅读/播放',
      '点赞',
      '评论',
      '分享',
      '收藏',
      '互动率',
      '链接',
    ]);
    const row = best.getRow(3);
    expect(row.getCell(3).value).toBe('公众号');
    expect(row.getCell(4).value).toBe('2026-05-06 20:30');
    expect(row.getCell(5).value).toBe('图文');
    expect(row.getCell(6).value).toBe('使用技巧');
    expect(row.getCell(8).value).toBe(3456);
    expect(row.getCell(13).numFmt).toBe('0.0%');
    const worst = sheet(workbook, '最差内容').getRow(2);
    expect(worst.getCell(5).value).toBe('短视频');
    expect(worst.getCell(6).value).toBeNull();
    expect(worst.getCell(13).value).toBeNull();
  });

  it('writes trend buckets by metrics and goals with status and probability', async () => {
    const workbook = await load(await renderReportXlsx(sampleReport(), 'zh-CN'));
    const trend = sheet(workbook, '趋势');
    expect(trend.getCell('A1').value).toBe('日期');
    expect(trend.getCell('B1').value).toBe('阅读/播放');
    expect(trend.getCell('C4').value).toBe(80);
    expect(trend.getCell('B3').value).toBeNull();
    const goals = sheet(workbook, '目标');
    expect(goals.getCell('A2').value).toBe('Q2 关注增长');
    expect(goals.getCell('F2').value).toBe(2200);
    expect(goals.getCell('H2').value).toBe('有风险');
    expect(goals.getCell('I2').value).toBe(0.41);
    expect(goals.getCell('I2').numFmt).toBe('0.0%');
  });

  it('sizes columns to their content', async () => {
    const ws = sheet(await load(await renderReportXlsx(sampleReport(), 'zh-CN')), '最佳内容');
    const title = ws.getColumn(1).width ?? 0;
    const platform = ws.getColumn(3).width ?? 0;
    expect(title).toBeGreaterThan(platform);
    expect(title).toBeLessThanOrEqual(50);
  });
});

describe('renderTableXlsx', () => {
  it('exports a tile with a bold header, escaped text and per-column number formats', async () => {
    const bytes = await renderTableXlsx(
      '内容对比: 形式/支柱',
      [
        { key: 'label', header: '分组' },
        { key: 'views', header: '阅读/播放' },
        { key: 'engagementRate', header: '互动率' },
        { key: 'viewsPerPost', header: '篇均阅读' },
      ],
      [
        { label: '短视频', views: 120000, engagementRate: 0.0612, viewsPerPost: 1234.5 },
        { label: '-负面', views: null, engagementRate: null, viewsPerPost: 10 },
      ],
    );
    const workbook = await load(bytes);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('内容对比  形式 支柱');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('B2').value).toBe(120000);
    expect(ws.getCell('B2').numFmt).toBe('#,##0');
    expect(ws.getCell('C2').numFmt).toBe('0.0%');
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('A3').value).toBe("'-负面");
    expect(ws.getCell('B3').value).toBeNull();
  });
});

describe('formatZonedDateTime', () => {
  it('writes an instant as wall-clock time of the zone', () => {
    expect(formatZonedDateTime('2026-05-06T16:30:00.000Z', 'Asia/Shanghai')).toBe(
      '2026-05-07 00:30',
    );
    expect(formatZonedDateTime('not a date', 'Asia/Shanghai')).toBe('not a date');
  });
});
