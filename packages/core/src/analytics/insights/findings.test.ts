import { describe, expect, it } from 'vitest';
import {
  buildFindings,
  type TFindingContent,
  type TFindingsInput,
  type TInsightFinding,
} from './findings';

const period = { from: '2026-03-09', to: '2026-03-15' };

function content(
  id: string,
  format: string,
  pillar: string | null,
  weekday: number,
  hour: number,
  engagementRate: number | null,
  views: number | null,
): TFindingContent {
  return {
    id,
    title: `标题${id}`,
    format,
    pillar,
    publishedAt: new Date('2026-03-11T12:00:00Z'),
    weekday,
    hour,
    views,
    engagementRate,
  };
}

// Short videos on Wed 20:00 (mean rate 6.3%), posts on Mon 09:00 (mean 3.0%); overall 4.65%.
const contents: TFindingContent[] = [
  content('v1', 'short_video', 'usage_tips', 2, 20, 0.06, 30_000),
  content('v2', 'short_video', 'usage_tips', 2, 20, 0.063, 40_000),
  content('v3', 'short_video', 'usage_tips', 2, 20, 0.066, 50_000),
  content('a1', 'article', 'product_promotion', 0, 9, 0.031, 5000),
  content('a2', 'article', 'product_promotion', 0, 9, 0.03, 4000),
  content('a3', 'article', 'product_promotion', 0, 9, 0.029, 3000),
];

const full: TFindingsInput = {
  period,
  platform: 'douyin',
  kpis: [
    { key: 'views', current: 77_000, previous: 100_000 },
    { key: 'followersGained', current: 1200, previous: 1000 },
    { key: 'likes', current: 1050, previous: 1000 },
    { key: 'followersLost', current: 50, previous: 100 },
  ],
  contents,
  goals: [
    { name: '3月涨粉 5000', status: 'at_risk', probability: 0.28 },
    { name: '下季度', status: 'not_started', probability: null },
  ],
  anomalies: [
    {
      metric: 'views',
      date: '2026-03-12',
      value: 2000,
      baseline: 11_000,
      change: -9000,
      deviation: -6.1,
      direction: 'drop',
      evidence: [],
    },
    {
      metric: 'views',
      date: '2026-03-01',
      value: 90_000,
      baseline: 11_000,
      change: 79_000,
      deviation: 20,
      direction: 'spike',
      evidence: [],
    },
  ],
};

const zh = (items: readonly TInsightFinding[]) => items.map((f) => f.text['zh-CN']);

describe('buildFindings', () => {
  const r = buildFindings(full);

  it('calls out KPI changes of 10% or more, with direction and severity', () => {
    const kpis = r.findings.filter((f) => f.kind === 'kpi_change');
    expect(zh(kpis)).toEqual([
      '播放量环比下降 23.0%（10万 → 7.7万）',
      '新增关注环比上升 20.0%（1,000 → 1,200）',
      '取消关注环比下降 50.0%（100 → 50）',
    ]);
    expect(kpis.map((f) => f.severity)).toEqual(['bad', 'good', 'good']);
    expect(kpis[0]!.evidence).toMatchObject({ current: 77_000, previous: 100_000, ratio: -0.23 });
    expect(kpis[0]!.text['en-US']).toBe('Plays down 23.0% on the previous period (100K → 77K)');
  });

  it('reports anomalies inside the period only', () => {
    const a = r.findings.filter((f) => f.kind === 'anomaly');
    expect(zh(a)).toEqual(['3月12日播放量异常偏低：2,000，近期中位数 1.1万']);
    expect(a[0]!.severity).toBe('bad');
  });

  it('flags goals at risk with their probability and suggests a catch-up plan', () => {
    const goals = r.findings.filter((f) => f.kind === 'goal');
    expect(zh(goals)).toEqual(['目标「3月涨粉 5000」有落后风险（达成概率 28.0%）']);
    expect(r.actions.find((f) => f.kind === 'review_goal')!.text['zh-CN']).toContain(
      '3月涨粉 5000',
    );
  });

  it('compares formats with enough posts and suggests the better one', () => {
    const f = r.findings.find((x) => x.kind === 'format_comparison')!;
    expect(f.text['zh-CN']).toBe('短视频的平均互动率是图文的 2.1 倍（6.3% 对 3.0%）');
    expect(f.evidence.ratio).toBeCloseTo(2.1, 12);
    expect(r.actions.find((x) => x.kind === 'post_more_format')!.text['zh-CN']).toBe(
      '多发短视频：本期其平均互动率是图文的 2.1 倍',
    );
  });

  it('names the best posting time and suggests moving to it', () => {
    const f = r.findings.find((x) => x.kind === 'best_time')!;
    expect(f.text['zh-CN']).toBe(
      '周三 20 点发布的内容表现最好：平均互动率 6.3%，本期平均 4.7%（3 篇）',
    );
    expect(r.actions.find((x) => x.kind === 'shift_posting_time')!.text['zh-CN']).toBe(
      '把发布时间调整到周三 20 点前后',
    );
  });

  it('compares pillars with the period average', () => {
    expect(zh(r.findings.filter((f) => f.kind === 'pillar'))).toEqual([
      '「使用技巧」内容的平均互动率比本期平均高 35.5%',
      '「产品推广」内容的平均互动率比本期平均低 35.5%',
    ]);
  });

  it('names the best and worst content with reasons relative to the period', () => {
    const best = r.findings.find((f) => f.kind === 'best_content')!;
    expect(best.severity).toBe('good');
    expect(best.evidence.id).toBe('v3');
    // Mean views 132,000 / 6 = 22,000: 50,000 is 2.3×.
    expect(best.text['zh-CN']).toBe(
      '表现最好：《标题v3》，互动率 6.6%（本期平均 4.7%）；播放量是平均的 2.3 倍；' +
        '短视频本期平均互动率高于整体（6.3% 对 4.7%）；20 点发布的内容本期平均互动率高于整体（6.3% 对 4.7%）；' +
        '「使用技巧」内容本期平均互动率高于整体（6.3% 对 4.7%）',
    );
    const worst = r.findings.find((f) => f.kind === 'worst_content')!;
    expect(worst.evidence.id).toBe('a3');
    expect(worst.text['zh-CN']).toContain('播放量只有平均的 13.6%');
  });

  it('suggests reviewing the three weakest posts, worst first', () => {
    const a = r.actions.find((f) => f.kind === 'review_worst')!;
    expect(a.text['zh-CN']).toBe('复盘最差的 3 篇：《标题a3》《标题a2》《标题a1》');
    expect(a.evidence.ids).toBe('a3,a2,a1');
  });

  it('says only "本期没有数据" when there is no data', () => {
    const empty = buildFindings({ period, kpis: [], contents: [], goals: [], anomalies: [] });
    expect(empty).toEqual({
      findings: [
        {
          kind: 'no_data',
          severity: 'info',
          text: { 'zh-CN': '本期没有数据', 'en-US': 'No data for this period' },
          evidence: {},
        },
      ],
      actions: [],
    });
    // KPIs without values and anomalies outside the period are no data either.
    const stillEmpty = buildFindings({
      ...full,
      kpis: [{ key: 'views', current: null, previous: 10 }],
      contents: [],
      goals: [],
      anomalies: full.anomalies.filter((a) => a.date < period.from),
    });
    expect(zh(stillEmpty.findings)).toEqual(['本期没有数据']);
  });
});

describe('buildFindings: only what the numbers support', () => {
  const base: TFindingsInput = { period, kpis: [], contents: [], goals: [], anomalies: [] };

  it('does not compare groups with fewer than 3 posts', () => {
    const r = buildFindings({
      ...base,
      contents: [contents[0]!, contents[1]!, contents[3]!, contents[4]!],
    });
    expect(r.findings.some((f) => f.kind === 'format_comparison')).toBe(false);
    expect(r.findings.some((f) => f.kind === 'best_time')).toBe(false);
    expect(r.actions.some((f) => f.kind === 'review_worst')).toBe(false);
  });

  it('does not call a gap under 1.2× a difference', () => {
    const close = [
      ...[0.05, 0.05, 0.05].map((rate, i) =>
        content(`v${i}`, 'short_video', null, 2, 20, rate, 100),
      ),
      ...[0.045, 0.045, 0.045].map((rate, i) => content(`a${i}`, 'article', null, 0, 9, rate, 100)),
    ];
    const r = buildFindings({ ...base, contents: close });
    expect(r.findings.some((f) => f.kind === 'format_comparison')).toBe(false);
    expect(r.findings.some((f) => f.kind === 'best_time')).toBe(false);
  });

  it('falls back to the hour when no weekday-hour has 3 posts', () => {
    const spread = [
      content('v1', 'short_video', null, 0, 20, 0.08, 100),
      content('v2', 'short_video', null, 2, 20, 0.08, 100),
      content('v3', 'short_video', null, 4, 20, 0.08, 100),
      content('a1', 'article', null, 1, 9, 0.02, 100),
      content('a2', 'article', null, 3, 9, 0.02, 100),
    ];
    const r = buildFindings({ ...base, contents: spread });
    expect(r.findings.find((f) => f.kind === 'best_time')!.text['zh-CN']).toMatch(/^20 点发布/);
  });

  it('skips KPIs without a usable previous value and notes when nothing moved much', () => {
    const r = buildFindings({
      ...base,
      kpis: [
        { key: 'views', current: 100, previous: 0 },
        { key: 'likes', current: 104, previous: 100 },
      ],
    });
    expect(zh(r.findings)).toEqual(['核心指标环比变化都在 10% 以内']);
  });

  it('treats a fall in response time as good news', () => {
    const r = buildFindings({
      ...base,
      kpis: [{ key: 'responseTimeMinutes', current: 8, previous: 12 }],
    });
    expect(r.findings[0]!.severity).toBe('good');
    expect(r.findings[0]!.text['zh-CN']).toBe('响应时长环比下降 33.3%（12 分钟 → 8 分钟）');
  });

  it('writes rate KPIs as percentages', () => {
    const r = buildFindings({
      ...base,
      kpis: [{ key: 'engagementRate', current: 0.06, previous: 0.05 }],
    });
    expect(r.findings[0]!.text['zh-CN']).toBe('互动率环比上升 20.0%（5.0% → 6.0%）');
  });

  it('says data is thin rather than inventing a finding', () => {
    const r = buildFindings({ ...base, contents: [contents[0]!] });
    expect(zh(r.findings)).toEqual(['本期数据较少，暂无可靠结论']);
    expect(r.actions).toEqual([]);
  });

  it('names custom pillars through pillarLabels', () => {
    const custom = 'custom:00000000-0000-0000-0000-000000000001';
    const withCustom = contents.map((c) =>
      c.pillar === 'usage_tips' ? { ...c, pillar: custom } : c,
    );
    const r = buildFindings({
      ...base,
      contents: withCustom,
      pillarLabels: { [custom]: { 'zh-CN': '探店', 'en-US': 'Store visits' } },
    });
    expect(zh(r.findings.filter((f) => f.kind === 'pillar'))[0]).toBe(
      '「探店」内容的平均互动率比本期平均高 35.5%',
    );
  });
});
