/**
 * Plain-language findings and suggested actions for the weekly/monthly report (SPEC §5). Every
 * sentence is derived from the numbers passed in, and only when they support it: comparisons
 * need at least MIN_GROUP_POSTS posts per group and a clear gap, so a report never turns one
 * lucky post into advice.
 */
import type { TPlatform } from '@yunce/contracts';
import type { TLocalized } from '../../accounts/platforms';
import { toDayNumber } from '../../calendar/dates';
import { periodChange, type TInsightPeriod } from './aggregate';
import type { TAnomaly } from './anomaly';
import type { TGoalStatus } from './forecast';
import { formatDecimal, formatPercent } from './format';
import {
  CONTENT_FORMAT_LABELS,
  CONTENT_PILLAR_LABELS,
  formatInsightValue,
  insightMetricLabel,
  insightValueFormat,
  isLowerBetter,
  shortDateLabel,
  weekdayLabel,
  type TInsightMetric,
} from './labels';
import { mean } from './stats';

export interface TFindingKpi {
  key: TInsightMetric;
  current: number | null;
  previous: number | null;
}

export interface TFindingContent {
  id: string;
  title: string;
  /** A CONTENT_FORMATS value ('short_video') or any label. */
  format: string;
  /** A built-in pillar key, `custom:<id>` (named through `pillarLabels`), or null. */
  pillar: string | null;
  publishedAt: Date;
  /** 0 = Monday … 6 = Sunday, in the workspace zone. */
  weekday: number;
  /** 0-23 in the workspace zone. */
  hour: number;
  views: number | null;
  engagementRate: number | null;
}

export interface TFindingGoal {
  name: string;
  status: TGoalStatus;
  probability: number | null;
}

/** An anomaly with the metric it was found in. */
export interface TMetricAnomaly extends TAnomaly {
  metric: TInsightMetric;
}

export interface TFindingsInput {
  period: TInsightPeriod;
  kpis: readonly TFindingKpi[];
  contents: readonly TFindingContent[];
  goals: readonly TFindingGoal[];
  anomalies: readonly TMetricAnomaly[];
  /** Set for a single-platform report: names views 播放量 or 阅读量 accordingly. */
  platform?: TPlatform;
  /** Names of custom pillars (`custom:<id>`). */
  pillarLabels?: Readonly<Record<string, TLocalized>>;
}

export type TInsightFindingKind =
  | 'no_data'
  | 'little_data'
  | 'kpi_change'
  | 'kpi_stable'
  | 'anomaly'
  | 'goal'
  | 'format_comparison'
  | 'best_time'
  | 'pillar'
  | 'best_content'
  | 'worst_content'
  // Actions:
  | 'post_more_format'
  | 'shift_posting_time'
  | 'more_pillar'
  | 'review_worst'
  | 'review_goal';

export interface TInsightFinding {
  kind: TInsightFindingKind;
  severity: 'good' | 'bad' | 'info';
  text: TLocalized;
  /** The numbers (and ids) the text was built from. */
  evidence: Record<string, number | string>;
}

export interface TReportFindings {
  findings: TInsightFinding[];
  actions: TInsightFinding[];
}

/** A KPI change smaller than this (10%) is not called out. */
export const MIN_KPI_CHANGE = 0.1;
/** Posts a group (format, time slot, pillar) needs before it is compared. */
export const MIN_GROUP_POSTS = 3;
/** A group must beat the other by this factor (or the average by 20%) to be called out. */
export const MIN_GROUP_LIFT = 1.2;
/** Posts with an engagement rate needed before naming the best and worst. */
export const MIN_RANKED_POSTS = 3;
/** How many weakest posts the review action names, and the posts needed for it (twice as many). */
export const REVIEW_WORST_COUNT = 3;

interface TRated extends TFindingContent {
  engagementRate: number;
}

interface TGroup {
  key: string;
  items: TRated[];
  mean: number;
}

const finding = (
  kind: TInsightFindingKind,
  severity: TInsightFinding['severity'],
  zh: string,
  en: string,
  evidence: TInsightFinding['evidence'],
): TInsightFinding => ({ kind, severity, text: { 'zh-CN': zh, 'en-US': en }, evidence });

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function formatLabel(format: string): TLocalized {
  return CONTENT_FORMAT_LABELS[format] ?? { 'zh-CN': format, 'en-US': format };
}

function pillarLabel(pillar: string, custom: TFindingsInput['pillarLabels']): TLocalized {
  return custom?.[pillar] ?? CONTENT_PILLAR_LABELS[pillar] ?? { 'zh-CN': pillar, 'en-US': pillar };
}

function slotLabel(weekday: number | null, hour: number): TLocalized {
  const hh = `${String(hour).padStart(2, '0')}:00`;
  if (weekday === null) return { 'zh-CN': `${hour} 点`, 'en-US': hh };
  const w = weekdayLabel(weekday);
  return { 'zh-CN': `${w['zh-CN']} ${hour} 点`, 'en-US': `${w['en-US']} ${hh}` };
}

/** Groups with at least MIN_GROUP_POSTS posts, best mean first (ties: more posts, then key). */
function groupsOf(items: readonly TRated[], keyOf: (c: TRated) => string | null): TGroup[] {
  const byKey = new Map<string, TRated[]>();
  for (const c of items) {
    const key = keyOf(c);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(c);
    else byKey.set(key, [c]);
  }
  const groups: TGroup[] = [];
  for (const [key, list] of byKey) {
    if (list.length < MIN_GROUP_POSTS) continue;
    groups.push({ key, items: list, mean: mean(list.map((c) => c.engagementRate))! });
  }
  return groups.sort(
    (a, b) => b.mean - a.mean || b.items.length - a.items.length || (a.key < b.key ? -1 : 1),
  );
}

function inPeriod(date: string, period: TInsightPeriod): boolean {
  const d = toDayNumber(date, 'anomaly date');
  return d >= toDayNumber(period.from, 'period.from') && d <= toDayNumber(period.to, 'period.to');
}

function kpiFindings(input: TFindingsInput): TInsightFinding[] {
  const out: TInsightFinding[] = [];
  let comparable = 0;
  for (const kpi of input.kpis) {
    const { ratio } = periodChange(kpi.current, kpi.previous);
    if (ratio === null || kpi.current === null || kpi.previous === null) continue;
    comparable += 1;
    if (Math.abs(ratio) < MIN_KPI_CHANGE) continue;
    const up = ratio > 0;
    const label = insightMetricLabel(kpi.key, input.platform);
    const fmt = insightValueFormat(kpi.key);
    const pct = formatPercent(Math.abs(ratio));
    const zh = `${formatInsightValue(kpi.previous, fmt, 'zh-CN')} → ${formatInsightValue(kpi.current, fmt, 'zh-CN')}`;
    const en = `${formatInsightValue(kpi.previous, fmt, 'en-US')} → ${formatInsightValue(kpi.current, fmt, 'en-US')}`;
    out.push(
      finding(
        'kpi_change',
        up !== isLowerBetter(kpi.key) ? 'good' : 'bad',
        `${label['zh-CN']}环比${up ? '上升' : '下降'} ${pct}（${zh}）`,
        `${label['en-US']} ${up ? 'up' : 'down'} ${pct} on the previous period (${en})`,
        { metric: kpi.key, current: kpi.current, previous: kpi.previous, ratio },
      ),
    );
  }
  if (comparable > 0 && out.length === 0) {
    const pct = formatPercent(MIN_KPI_CHANGE, 0);
    out.push(
      finding(
        'kpi_stable',
        'info',
        `核心指标环比变化都在 ${pct} 以内`,
        `All KPIs are within ${pct} of the previous period`,
        { kpis: comparable },
      ),
    );
  }
  return out;
}

function anomalyFindings(input: TFindingsInput, anomalies: readonly TMetricAnomaly[]) {
  return anomalies.map((a) => {
    const spike = a.direction === 'spike';
    const label = insightMetricLabel(a.metric, input.platform);
    const fmt = insightValueFormat(a.metric);
    const date = shortDateLabel(a.date);
    return finding(
      'anomaly',
      spike !== isLowerBetter(a.metric) ? 'good' : 'bad',
      `${date['zh-CN']}${label['zh-CN']}异常${spike ? '偏高' : '偏低'}：${formatInsightValue(a.value, fmt, 'zh-CN')}，近期中位数 ${formatInsightValue(a.baseline, fmt, 'zh-CN')}`,
      `${label['en-US']} unusually ${spike ? 'high' : 'low'} on ${date['en-US']}: ${formatInsightValue(a.value, fmt, 'en-US')} against a recent median of ${formatInsightValue(a.baseline, fmt, 'en-US')}`,
      {
        metric: a.metric,
        date: a.date,
        value: a.value,
        baseline: a.baseline,
        deviation: a.deviation,
      },
    );
  });
}

function goalFindings(goals: readonly TFindingGoal[]): TReportFindings {
  const findings: TInsightFinding[] = [];
  const actions: TInsightFinding[] = [];
  for (const g of goals) {
    const p = g.probability === null ? null : formatPercent(g.probability);
    const zhP = p === null ? '' : `（达成概率 ${p}）`;
    const enP = p === null ? '' : ` (probability ${p})`;
    const evidence: TInsightFinding['evidence'] = { goal: g.name, status: g.status };
    if (g.probability !== null) evidence.probability = g.probability;
    switch (g.status) {
      case 'achieved':
        findings.push(
          finding('goal', 'good', `目标「${g.name}」已达成`, `Goal “${g.name}” achieved`, evidence),
        );
        break;
      case 'on_track':
        findings.push(
          finding(
            'goal',
            'good',
            `目标「${g.name}」进展顺利${zhP}`,
            `Goal “${g.name}” on track${enP}`,
            evidence,
          ),
        );
        break;
      case 'at_risk':
      case 'off_track': {
        const zhVerdict = g.status === 'at_risk' ? '有落后风险' : '大概率无法按期达成';
        const enVerdict = g.status === 'at_risk' ? 'at risk' : 'unlikely to be met';
        findings.push(
          finding(
            'goal',
            'bad',
            `目标「${g.name}」${zhVerdict}${zhP}`,
            `Goal “${g.name}” ${enVerdict}${enP}`,
            evidence,
          ),
        );
        actions.push(
          finding(
            'review_goal',
            'bad',
            `为目标「${g.name}」制定追赶计划：复盘打法，必要时调整资源或目标`,
            `Make a catch-up plan for goal “${g.name}”: review the tactics, and adjust resources or the target if needed`,
            evidence,
          ),
        );
        break;
      }
      case 'insufficient_data':
        findings.push(
          finding(
            'goal',
            'info',
            `目标「${g.name}」数据不足，暂无法预测`,
            `Goal “${g.name}”: not enough data for a forecast yet`,
            evidence,
          ),
        );
        break;
      case 'not_started':
        break;
    }
  }
  return { findings, actions };
}

function formatFindings(rated: readonly TRated[]): TReportFindings {
  const groups = groupsOf(rated, (c) => c.format);
  const best = groups[0];
  const worst = groups[groups.length - 1];
  if (!best || !worst || best === worst || !(worst.mean > 0)) return { findings: [], actions: [] };
  const ratio = best.mean / worst.mean;
  if (ratio < MIN_GROUP_LIFT) return { findings: [], actions: [] };
  const b = formatLabel(best.key);
  const w = formatLabel(worst.key);
  const r = formatDecimal(ratio);
  const evidence = {
    bestFormat: best.key,
    bestMean: best.mean,
    bestPosts: best.items.length,
    worstFormat: worst.key,
    worstMean: worst.mean,
    worstPosts: worst.items.length,
    ratio,
  };
  return {
    findings: [
      finding(
        'format_comparison',
        'info',
        `${b['zh-CN']}的平均互动率是${w['zh-CN']}的 ${r} 倍（${formatPercent(best.mean)} 对 ${formatPercent(worst.mean)}）`,
        `${b['en-US']} averaged ${r}× the engagement rate of ${lowerFirst(w['en-US'])} (${formatPercent(best.mean)} vs ${formatPercent(worst.mean)})`,
        evidence,
      ),
    ],
    actions: [
      finding(
        'post_more_format',
        'info',
        `多发${b['zh-CN']}：本期其平均互动率是${w['zh-CN']}的 ${r} 倍`,
        `Publish more ${lowerFirst(b['en-US'])}: they averaged ${r}× the engagement rate of ${lowerFirst(w['en-US'])}`,
        evidence,
      ),
    ],
  };
}

function timeFindings(rated: readonly TRated[], overall: number): TReportFindings {
  const candidates: { weekday: number | null; group: TGroup }[] = [];
  const bySlot = groupsOf(rated, (c) => `${c.weekday}-${c.hour}`)[0];
  if (bySlot) candidates.push({ weekday: bySlot.items[0]!.weekday, group: bySlot });
  // A week rarely has three posts in one weekday-hour: the hour alone is the next best claim.
  const byHour = groupsOf(rated, (c) => String(c.hour))[0];
  if (byHour) candidates.push({ weekday: null, group: byHour });
  const pick = candidates.find((c) => overall > 0 && c.group.mean >= MIN_GROUP_LIFT * overall);
  if (!pick) return { findings: [], actions: [] };
  const { group } = pick;
  const hour = group.items[0]!.hour;
  const slot = slotLabel(pick.weekday, hour);
  const evidence: TInsightFinding['evidence'] = {
    hour,
    mean: group.mean,
    overall,
    posts: group.items.length,
  };
  if (pick.weekday !== null) evidence.weekday = pick.weekday;
  return {
    findings: [
      finding(
        'best_time',
        'info',
        `${slot['zh-CN']}发布的内容表现最好：平均互动率 ${formatPercent(group.mean)}，本期平均 ${formatPercent(overall)}（${group.items.length} 篇）`,
        `Posts published at ${slot['en-US']} did best: ${formatPercent(group.mean)} average engagement rate against ${formatPercent(overall)} overall (${group.items.length} posts)`,
        evidence,
      ),
    ],
    actions: [
      finding(
        'shift_posting_time',
        'info',
        `把发布时间调整到${slot['zh-CN']}前后`,
        `Move posting times towards ${slot['en-US']}`,
        evidence,
      ),
    ],
  };
}

function pillarFindings(
  rated: readonly TRated[],
  overall: number,
  labels: TFindingsInput['pillarLabels'],
): TReportFindings {
  const groups = groupsOf(rated, (c) => c.pillar);
  const findings: TInsightFinding[] = [];
  const actions: TInsightFinding[] = [];
  if (!(overall > 0)) return { findings, actions };
  const best = groups[0];
  if (best && best.mean >= MIN_GROUP_LIFT * overall) {
    const l = pillarLabel(best.key, labels);
    const lift = formatPercent(best.mean / overall - 1);
    const evidence = { pillar: best.key, mean: best.mean, overall, posts: best.items.length };
    findings.push(
      finding(
        'pillar',
        'info',
        `「${l['zh-CN']}」内容的平均互动率比本期平均高 ${lift}`,
        `“${l['en-US']}” posts averaged ${lift} above the period's engagement rate`,
        evidence,
      ),
    );
    actions.push(
      finding(
        'more_pillar',
        'info',
        `多做「${l['zh-CN']}」内容：平均互动率比本期平均高 ${lift}`,
        `Make more “${l['en-US']}” content: ${lift} above the period's average engagement rate`,
        evidence,
      ),
    );
  }
  const worst = groups[groups.length - 1];
  if (worst && worst !== best && worst.mean <= overall / MIN_GROUP_LIFT) {
    const l = pillarLabel(worst.key, labels);
    const drop = formatPercent(1 - worst.mean / overall);
    findings.push(
      finding(
        'pillar',
        'info',
        `「${l['zh-CN']}」内容的平均互动率比本期平均低 ${drop}`,
        `“${l['en-US']}” posts averaged ${drop} below the period's engagement rate`,
        { pillar: worst.key, mean: worst.mean, overall, posts: worst.items.length },
      ),
    );
  }
  return { findings, actions };
}

/** Why a post did well (side 1) or badly (side −1): its traits whose groups sit on that side. */
function contentReasons(
  c: TRated,
  side: 1 | -1,
  rated: readonly TRated[],
  overall: number,
  input: TFindingsInput,
): TLocalized[] {
  const reasons: TLocalized[] = [];
  const withViews = rated.filter((r) => r.views !== null && Number.isFinite(r.views));
  const meanViews = mean(withViews.map((r) => r.views!));
  if (c.views !== null && meanViews !== null && meanViews > 0) {
    const ratio = c.views / meanViews;
    const label = insightMetricLabel('views', input.platform);
    if (side === 1 && ratio >= 1.5) {
      reasons.push({
        'zh-CN': `${label['zh-CN']}是平均的 ${formatDecimal(ratio)} 倍`,
        'en-US': `${lowerFirst(label['en-US'])} ${formatDecimal(ratio)}× the average`,
      });
    } else if (side === -1 && ratio <= 0.5) {
      reasons.push({
        'zh-CN': `${label['zh-CN']}只有平均的 ${formatPercent(ratio)}`,
        'en-US': `${lowerFirst(label['en-US'])} only ${formatPercent(ratio)} of the average`,
      });
    }
  }
  const traits: { group: TGroup | undefined; name: TLocalized }[] = [
    {
      group: groupsOf(rated, (r) => r.format).find((g) => g.key === c.format),
      name: formatLabel(c.format),
    },
    {
      group: groupsOf(rated, (r) => String(r.hour)).find((g) => g.key === String(c.hour)),
      name: {
        'zh-CN': `${c.hour} 点发布的内容`,
        'en-US': `posts at ${String(c.hour).padStart(2, '0')}:00`,
      },
    },
  ];
  if (c.pillar !== null) {
    const l = pillarLabel(c.pillar, input.pillarLabels);
    traits.push({
      group: groupsOf(rated, (r) => r.pillar).find((g) => g.key === c.pillar),
      name: { 'zh-CN': `「${l['zh-CN']}」内容`, 'en-US': `“${l['en-US']}” posts` },
    });
  }
  for (const { group, name } of traits) {
    if (!group || side * (group.mean - overall) <= 0) continue;
    const above = side === 1;
    reasons.push({
      'zh-CN': `${name['zh-CN']}本期平均互动率${above ? '高于' : '低于'}整体（${formatPercent(group.mean)} 对 ${formatPercent(overall)}）`,
      'en-US': `${lowerFirst(name['en-US'])} averaged ${above ? 'above' : 'below'} the period (${formatPercent(group.mean)} vs ${formatPercent(overall)})`,
    });
  }
  return reasons;
}

function contentFindings(
  rated: readonly TRated[],
  overall: number,
  input: TFindingsInput,
): TReportFindings {
  const findings: TInsightFinding[] = [];
  const actions: TInsightFinding[] = [];
  if (rated.length < MIN_RANKED_POSTS) return { findings, actions };
  const ranked = [...rated].sort(
    (a, b) =>
      b.engagementRate - a.engagementRate ||
      (b.views ?? 0) - (a.views ?? 0) ||
      (a.id < b.id ? -1 : 1),
  );
  const describe = (c: TRated, side: 1 | -1) => {
    const reasons = contentReasons(c, side, rated, overall, input);
    const zhHead = `${side === 1 ? '表现最好' : '表现最差'}：《${c.title}》，互动率 ${formatPercent(c.engagementRate)}（本期平均 ${formatPercent(overall)}）`;
    const enHead = `${side === 1 ? 'Best' : 'Weakest'}: “${c.title}”, engagement rate ${formatPercent(c.engagementRate)} (period average ${formatPercent(overall)})`;
    const evidence: TInsightFinding['evidence'] = {
      id: c.id,
      engagementRate: c.engagementRate,
      average: overall,
      publishedAt: c.publishedAt.toISOString(),
    };
    if (c.views !== null) evidence.views = c.views;
    return finding(
      side === 1 ? 'best_content' : 'worst_content',
      side === 1 ? 'good' : 'bad',
      [zhHead, ...reasons.map((r) => r['zh-CN'])].join('；'),
      [enHead, ...reasons.map((r) => r['en-US'])].join('; '),
      evidence,
    );
  };
  const best = ranked[0]!;
  const worst = ranked[ranked.length - 1]!;
  if (best.engagementRate > overall) findings.push(describe(best, 1));
  if (worst.engagementRate < overall) findings.push(describe(worst, -1));

  const weakest = ranked.slice(-REVIEW_WORST_COUNT).reverse();
  if (rated.length >= 2 * REVIEW_WORST_COUNT && weakest.every((c) => c.engagementRate < overall)) {
    actions.push(
      finding(
        'review_worst',
        'info',
        `复盘最差的 ${REVIEW_WORST_COUNT} 篇：${weakest.map((c) => `《${c.title}》`).join('')}`,
        `Review the ${REVIEW_WORST_COUNT} weakest posts: ${weakest.map((c) => `“${c.title}”`).join(', ')}`,
        {
          ids: weakest.map((c) => c.id).join(','),
          highestRate: Math.max(...weakest.map((c) => c.engagementRate)),
          average: overall,
        },
      ),
    );
  }
  return { findings, actions };
}

/**
 * Findings and suggested actions for a report period, from the KPIs, content, goals and anomalies
 * passed in; with no data at all, a single "本期没有数据" finding and no actions.
 */
export function buildFindings(input: TFindingsInput): TReportFindings {
  const anomalies = input.anomalies.filter((a) => inPeriod(a.date, input.period));
  const hasKpi = input.kpis.some((k) => k.current !== null && Number.isFinite(k.current));
  if (
    !hasKpi &&
    input.contents.length === 0 &&
    input.goals.length === 0 &&
    anomalies.length === 0
  ) {
    return {
      findings: [finding('no_data', 'info', '本期没有数据', 'No data for this period', {})],
      actions: [],
    };
  }
  const rated = input.contents.filter(
    (c): c is TRated => c.engagementRate !== null && Number.isFinite(c.engagementRate),
  );
  const overall = mean(rated.map((c) => c.engagementRate));

  const parts: TReportFindings[] = [
    { findings: kpiFindings(input), actions: [] },
    { findings: anomalyFindings(input, anomalies), actions: [] },
    goalFindings(input.goals),
  ];
  if (overall !== null) {
    parts.push(
      formatFindings(rated),
      timeFindings(rated, overall),
      pillarFindings(rated, overall, input.pillarLabels),
      contentFindings(rated, overall, input),
    );
  }
  const findings = parts.flatMap((p) => p.findings);
  const actions = parts.flatMap((p) => p.actions);
  if (findings.length === 0) {
    findings.push(
      finding(
        'little_data',
        'info',
        '本期数据较少，暂无可靠结论',
        'Too little data this period for reliable findings',
        {},
      ),
    );
  }
  return { findings, actions };
}
