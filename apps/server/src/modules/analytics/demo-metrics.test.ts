import { describe, expect, it } from 'vitest';
import type { TPlatform } from '@yunce/contracts';
import { detectAnomalies, engagement, isMetricKey, METRICS } from '@yunce/core';
import {
  DEMO_ANOMALY_DAYS_BEFORE_TODAY,
  DEMO_PILLARS,
  generateDemoMetrics,
  type TDemoAccount,
  type TDemoAccountMetrics,
} from './demo-metrics';

const ACCOUNTS: TDemoAccount[] = [
  { id: 'oa', platform: 'wechat_oa', name: '示例店铺', postsPerWeek: 3 },
  { id: 'xhs', platform: 'xiaohongshu', name: '示例店铺研究所', postsPerWeek: 5 },
  { id: 'dy', platform: 'douyin', name: '示例店铺官方', postsPerWeek: 7 },
  { id: 'wb', platform: 'weibo', name: '示例店铺微博', postsPerWeek: null },
  { id: 'bili', platform: 'bilibili', name: '示例店铺手冲课', postsPerWeek: 1 },
  { id: 'ch', platform: 'wechat_channels', name: '示例店铺视频号' },
];
const TODAY = '2026-06-30';

const generate = (seed = 7, today = TODAY) =>
  generateDemoMetrics({ seed, today, accounts: ACCOUNTS });

const platformOf = (accountId: string): TPlatform => {
  const account = ACCOUNTS.find((a) => a.id === accountId);
  if (!account) throw new Error(`no account ${accountId}`);
  return account.platform;
};

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// One formatter for all posts: building one per call would dominate the test's run time.
const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

function localParts(at: Date): { date: string; hour: number } {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

const localHour = (at: Date) => localParts(at).hour;

function engagementByFormat(data: readonly TDemoAccountMetrics[], platform?: TPlatform) {
  const rates: Record<string, number[]> = {};
  for (const account of data) {
    const accountPlatform = platformOf(account.accountId);
    if (platform && accountPlatform !== platform) continue;
    for (const post of account.postRows) {
      const rate = engagement(post.metrics, accountPlatform).rate;
      if (rate !== null) (rates[post.format] ??= []).push(rate);
    }
  }
  return rates;
}

describe('generateDemoMetrics', () => {
  const data = generate();

  it('gives the same rows for the same input', () => {
    expect(generate()).toEqual(data);
  });

  it('gives different rows for another seed', () => {
    expect(generate(8)[0]?.accountRows).not.toEqual(data[0]?.accountRows);
  });

  it('covers the year before today, one account row a day, in the input order', () => {
    expect(data.map((d) => d.accountId)).toEqual(ACCOUNTS.map((a) => a.id));
    for (const account of data) {
      expect(account.accountRows).toHaveLength(365);
      expect(account.accountRows[0]?.date).toBe('2025-06-30');
      expect(account.accountRows.at(-1)?.date).toBe('2026-06-29');
      expect(account.accountRows.every((r) => r.channel === 'all')).toBe(true);
    }
  });

  it('honours the days option', () => {
    const short = generateDemoMetrics({ seed: 1, today: TODAY, days: 30, accounts: ACCOUNTS });
    expect(short[0]?.accountRows).toHaveLength(30);
    expect(short[0]?.accountRows[0]?.date).toBe('2026-05-31');
  });

  it('refuses a malformed today', () => {
    expect(() => generateDemoMetrics({ seed: 1, today: '2026-02-30', accounts: ACCOUNTS })).toThrow(
      RangeError,
    );
  });

  it('uses only known metric keys, integer counts and rates within 0..1', () => {
    // Problems are collected rather than asserted one by one: there are tens of thousands of values.
    const problems: string[] = [];
    for (const row of data.flatMap((d) => [...d.accountRows, ...d.postRows])) {
      for (const [key, value] of Object.entries(row.metrics)) {
        const where = `${row.externalId ?? row.date} ${key}=${value}`;
        if (!isMetricKey(key) || value === undefined || !Number.isFinite(value)) {
          problems.push(where);
          continue;
        }
        const { kind } = METRICS[key];
        if (kind === 'rate' && (value < 0 || value > 1)) problems.push(where);
        if ((kind === 'count' || kind === 'total') && !Number.isInteger(value))
          problems.push(where);
        if (key !== 'followersNet' && value < 0) problems.push(where);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps follower totals consistent with gains and losses day to day', () => {
    for (const account of data) {
      const rows = account.accountRows;
      for (let i = 1; i < rows.length; i++) {
        const m = rows[i]!.metrics;
        expect(m.followersNet).toBe(m.followersGained! - m.followersLost!);
        expect(m.followersTotal).toBe(rows[i - 1]!.metrics.followersTotal! + m.followersNet!);
      }
    }
  });

  it('grows followers over the year with some net-negative days', () => {
    for (const account of data) {
      const rows = account.accountRows;
      expect(rows.at(-1)!.metrics.followersTotal).toBeGreaterThan(rows[0]!.metrics.followersTotal!);
      expect(rows.some((r) => r.metrics.followersNet! < 0)).toBe(true);
    }
  });

  it('gives 公众号 daily reads at account level and other platforms followers only', () => {
    expect(data[0]?.accountRows.every((r) => Number.isInteger(r.metrics.views))).toBe(true);
    for (const account of data.slice(1)) {
      expect(Object.keys(account.accountRows[10]!.metrics).sort()).toEqual([
        'followersGained',
        'followersLost',
        'followersNet',
        'followersTotal',
      ]);
    }
  });

  it('posts 2–6 times a week per account with ids, pillars and Shanghai publish times', () => {
    for (const [index, account] of data.entries()) {
      const perWeek = account.postRows.length / (365 / 7);
      expect(perWeek).toBeGreaterThanOrEqual(2);
      expect(perWeek).toBeLessThanOrEqual(6);
      account.postRows.forEach((post, n) => {
        expect(post.externalId).toBe(`demo-${index}-${n + 1}`);
        expect(DEMO_PILLARS).toContain(post.pillar);
        expect(post.title).toMatch(/[\u4e00-\u9fff]/);
        const local = localParts(post.publishedAt!);
        expect(local.date).toBe(post.date);
        expect(local.hour).toBeGreaterThanOrEqual(7);
      });
    }
  });

  it('shows platform-typical magnitudes', () => {
    const median = (values: number[]) =>
      values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const views = (i: number) => data[i]!.postRows.map((p) => p.metrics.views ?? 0);
    expect(median(views(0))).toBeGreaterThan(200);
    expect(median(views(0))).toBeLessThan(5_000);
    expect(median(views(2))).toBeGreaterThan(2_000);
    expect(Math.max(...views(2))).toBeGreaterThan(30_000);
    const xhs = data[1]!.postRows.map((p) => p.metrics.ctr!);
    expect(mean(xhs)).toBeGreaterThan(0.05);
    expect(mean(xhs)).toBeLessThan(0.12);
    expect(data[4]!.postRows.every((p) => p.metrics.coins !== undefined)).toBe(true);
    expect(data[4]!.postRows.every((p) => p.metrics.danmaku !== undefined)).toBe(true);
  });

  it('makes short videos engage better than articles', () => {
    const all = engagementByFormat(data);
    expect(mean(all.short_video!)).toBeGreaterThan(mean(all.article!));
    const xhs = engagementByFormat(data, 'xiaohongshu');
    expect(mean(xhs.short_video!)).toBeGreaterThan(mean(xhs.article!));
  });

  it('makes evening posts engage better than morning ones', () => {
    const evening: number[] = [];
    const morning: number[] = [];
    for (const account of data) {
      for (const post of account.postRows) {
        const rate = engagement(post.metrics, platformOf(account.accountId)).rate;
        const hour = localHour(post.publishedAt!);
        if (rate === null) continue;
        if (hour >= 18 && hour <= 22) evening.push(rate);
        if (hour >= 7 && hour <= 10) morning.push(rate);
      }
    }
    expect(mean(evening)).toBeGreaterThan(mean(morning) * 1.1);
  });

  it('peaks around 双11', () => {
    const douyin = generate(7, '2026-12-31')[2]!.postRows;
    const viewsIn = (from: string, to: string) =>
      mean(douyin.filter((p) => p.date >= from && p.date <= to).map((p) => p.metrics.views ?? 0));
    expect(viewsIn('2026-11-01', '2026-11-11')).toBeGreaterThan(
      viewsIn('2026-09-01', '2026-09-30'),
    );
  });

  it('plants a sudden drop in 公众号 reads that anomaly detection finds', () => {
    const series = data[0]!.accountRows.map((r) => ({ date: r.date, value: r.metrics.views! }));
    const start = addDays(TODAY, -DEMO_ANOMALY_DAYS_BEFORE_TODAY);
    const drops = detectAnomalies(series).filter(
      (a) => a.direction === 'drop' && a.date >= start && a.date <= addDays(start, 2),
    );
    expect(drops.length).toBeGreaterThan(0);
  });

  it('finds the planted drop whatever the date and seed', () => {
    for (const [seed, today] of [
      [1, '2026-06-22'],
      [2, '2026-11-15'],
      [3, '2027-01-10'],
    ] as const) {
      const oa = generateDemoMetrics({ seed, today, accounts: ACCOUNTS.slice(0, 1) })[0]!;
      const start = addDays(today, -DEMO_ANOMALY_DAYS_BEFORE_TODAY);
      const series = oa.accountRows.map((r) => ({ date: r.date, value: r.metrics.views! }));
      expect(detectAnomalies(series).some((a) => a.direction === 'drop' && a.date === start)).toBe(
        true,
      );
    }
  });

  it('generates six accounts for a year quickly', () => {
    // No timing assertion (shared CI machines): this only has to finish; see the suite time.
    const many = generateDemoMetrics({ seed: 3, today: TODAY, accounts: ACCOUNTS });
    expect(many.reduce((s, a) => s + a.postRows.length, 0)).toBeGreaterThan(800);
  });
});
