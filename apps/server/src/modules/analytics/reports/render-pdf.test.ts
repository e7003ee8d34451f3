import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ZReport, type TContentRow, type TReport } from '@yunce/contracts';
import { renderReportPdf } from './render-pdf';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function contentRow(n: number): TContentRow {
  return {
    postId: uuid(100 + n),
    itemId: null,
    title: `咖啡师教你在家做冷萃 第${n}期`,
    url: null,
    accountId: uuid(1),
    accountName: '示例店铺抖音号',
    platform: 'douyin',
    publishedAt: '2026-05-06T12:30:00.000Z',
    format: 'short_video',
    pillar: 'usage_tips',
    metrics: { views: 52000 - n * 1000, likes: 2100 },
    engagementRate: 0.05 - n * 0.001,
  };
}

function report(patch: Partial<TReport> = {}): TReport {
  const days = Array.from({ length: 7 }, (_, i) => `2026-05-0${i + 4}`);
  return ZReport.parse({
    kind: 'weekly',
    title: '示例店铺运营周报',
    workspaceName: '示例店铺',
    accountName: '示例店铺抖音号',
    from: '2026-05-04',
    to: '2026-05-10',
    previousFrom: '2026-04-27',
    previousTo: '2026-05-03',
    generatedAt: '2026-05-11T01:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    kpis: [
      { key: 'views', value: 123456, previous: 100000, delta: 23456, ratio: 0.23456 },
      { key: 'followersLost', value: 30, previous: 40, delta: -10, ratio: -0.25 },
      { key: 'completionRate', value: 0.42, previous: null, delta: null, ratio: null },
    ],
    engagement: {
      rate: 0.0345,
      previous: 0.03,
      formula: '互动率 = (点赞 + 评论 + 分享 + 收藏) ÷ 曝光',
    },
    trend: {
      interval: 'day',
      buckets: days,
      series: [{ metric: 'views', values: [1200, 1500, null, 3400, 2800, 5200, 4100] }],
    },
    best: [contentRow(1), contentRow(2)],
    worst: [contentRow(9)],
    goals: [
      {
        id: uuid(200),
        name: '抖音单月播放 200 万',
        metric: 'views',
        scope: 'account',
        accountId: uuid(1),
        accountName: '示例店铺抖音号',
        baseline: 0,
        target: 2_000_000,
        startDate: '2026-05-01',
        endDate: '2026-05-31',
        ownerId: null,
        ownerName: null,
        parentId: null,
        note: '',
        smart: [],
        progress: {
          current: 600_000,
          ratio: 0.3,
          status: 'at_risk',
          probability: 0.41,
          projected: 1_700_000,
          low: 1_500_000,
          high: 1_900_000,
          explanation: '',
        },
        createdAt: '2026-05-01T00:00:00.000Z',
      },
    ],
    findings: [{ kind: 'kpi_change', severity: 'good', text: '播放量比上周增长 23.5%' }],
    actions: [{ kind: 'best_time', severity: 'info', text: '建议在周五 20 点发布短视频' }],
    ...patch,
  });
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

const hasPdftotext = !spawnSync('pdftotext', ['-v']).error;

// pdftotext drops or adds spaces around CJK text depending on glyph gaps, so compare without any.
function pdfText(pdf: Buffer): string {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf });
  if (result.status !== 0) throw new Error(result.stderr.toString());
  return result.stdout.toString('utf8').replace(/\s+/g, '');
}

describe('renderReportPdf', () => {
  it('renders an A4 PDF with at least one page', async () => {
    const pdf = await renderReportPdf(report(), 'zh-CN');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdf.toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
  });

  it('embeds the Chinese font instead of relying on the system', async () => {
    const text = (await renderReportPdf(report(), 'zh-CN')).toString('latin1');
    expect(text).toMatch(/\/FontFile2|\/FontFile3/);
    expect(text).toContain('NotoSansHans');
  });

  it('renders the same report to the same bytes', async () => {
    const a = await renderReportPdf(report(), 'zh-CN');
    const b = await renderReportPdf(report(), 'zh-CN');
    expect(a.equals(b)).toBe(true);
  });

  it('renders a report without content, goals or trend data', async () => {
    const pdf = await renderReportPdf(
      report({
        kpis: [],
        trend: { interval: 'week', buckets: [], series: [] },
        best: [],
        worst: [],
        goals: [],
        findings: [],
        actions: [],
      }),
      'en-US',
    );
    expect(pageCount(pdf)).toBe(1);
  });

  it('continues long reports on further pages', async () => {
    const many = Array.from({ length: 30 }, (_, i) => contentRow(i));
    const pdf = await renderReportPdf(report({ best: many, worst: many }), 'zh-CN');
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(3);
  });

  describe.skipIf(!hasPdftotext)('text extracted with pdftotext', () => {
    it('contains the Chinese title, sections and footer', async () => {
      const text = pdfText(await renderReportPdf(report(), 'zh-CN'));
      expect(text).toContain('示例店铺运营周报');
      expect(text).toContain('核心指标');
      expect(text).toContain('咖啡师教你在家做冷萃');
      expect(text).toContain('有风险');
      expect(text).toMatch(/第1\/\d+页/);
      expect(text).toContain('2026-05-1109:00');
    });

    it('numbers every page of a long report', async () => {
      const many = Array.from({ length: 30 }, (_, i) => contentRow(i));
      const pdf = await renderReportPdf(report({ best: many, worst: many }), 'zh-CN');
      const pages = pageCount(pdf);
      expect(pdfText(pdf)).toContain(`第${pages}/${pages}页`);
    });

    it('uses English labels for en-US', async () => {
      const text = pdfText(await renderReportPdf(report(), 'en-US'));
      expect(text).toContain('Keymetrics');
      expect(text).toMatch(/Page1of\d+/);
      expect(text).toContain('示例店铺运营周报');
    });
  });
});
