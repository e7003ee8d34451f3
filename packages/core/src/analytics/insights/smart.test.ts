import { describe, expect, it } from 'vitest';
import { formatDayNumber, toDayNumber } from '../../calendar/dates';
import type { TDatedValue } from './forecast';
import { checkSmart, SMART_LETTERS, type TSmartInput } from './smart';

/** `count` consecutive days from `first` with value f(i). */
function history(first: string, count: number, f: (i: number) => number): TDatedValue[] {
  const d0 = toDayNumber(first);
  return Array.from({ length: count }, (_, i) => ({ date: formatDayNumber(d0 + i), value: f(i) }));
}

// Followers +2/day from 1000: the best 30-day window is the first, +60 on 1000 = +6.0%.
const followers = history('2026-01-01', 59, (i) => 1000 + 2 * i);

const good: TSmartInput = {
  metric: 'followersTotal',
  scope: { kind: 'account', id: 'acc-1' },
  baseline: 1000,
  target: 1080,
  start: '2026-03-01',
  end: '2026-03-30',
  purposeLinked: true,
  trackedMetrics: ['followersTotal', 'views'],
  history: followers,
};

describe('checkSmart', () => {
  it('passes every letter for a well-formed goal, in S-M-A-R-T order', () => {
    const r = checkSmart(good);
    expect(SMART_LETTERS.map((l) => [r[l].letter, r[l].status])).toEqual([
      ['S', 'pass'],
      ['M', 'pass'],
      ['A', 'pass'],
      ['R', 'pass'],
      ['T', 'pass'],
    ]);
    // Needed: +80 in 30 days on 1000 = 8.0% per 30 days, vs best 6.0% → 1.33×, within 1.5×.
    expect(r.A.evidence!.neededPer30Days).toBeCloseTo(0.08, 12);
    expect(r.A.evidence!.bestPer30Days).toBeCloseTo(0.06, 12);
    expect(r.A.reason['zh-CN']).toBe('目标需要每 30 天增长 8.0%，历史最好 6.0%。');
  });
});

describe('checkSmart: Achievable', () => {
  it('warns when the needed growth is more than 1.5× the best 30 days ever seen', () => {
    // +100 in 30 days = 10.0% vs 6.0% → 1.7×.
    const r = checkSmart({ ...good, target: 1100 });
    expect(r.A.status).toBe('warn');
    expect(r.A.reason['zh-CN']).toBe(
      '目标需要每 30 天增长 10.0%，是历史最好水平（6.0%）的 1.7 倍。',
    );
  });

  it('scales the need to 30 days for longer goals', () => {
    // +200 in 60 days is still 10% per 30 days; over 120 days it is 5%.
    const d60 = checkSmart({ ...good, target: 1200, end: '2026-04-29' });
    expect(d60.A.evidence!.neededPer30Days).toBeCloseTo(0.1, 12);
    expect(checkSmart({ ...good, target: 1200, end: '2026-06-28' }).A.status).toBe('pass');
  });

  it('says so when the history is too short to judge', () => {
    const r = checkSmart({ ...good, history: followers.slice(0, 20) });
    expect(r.A.status).toBe('warn');
    expect(r.A.reason['zh-CN']).toContain('历史数据不足 30 天，无法判断');
    expect(checkSmart({ ...good, history: [] }).A.status).toBe('warn');
  });

  it('warns when the history never moved towards the target', () => {
    const r = checkSmart({ ...good, history: history('2026-01-01', 60, () => 1000) });
    expect(r.A.status).toBe('warn');
    expect(r.A.reason['zh-CN']).toContain('从未');
  });

  it('compares per-day amounts of count metrics as 30-day sums', () => {
    // 10 orders a day: every 30-day window sums to 300.
    const orders = history('2026-01-01', 60, () => 10);
    const base: TSmartInput = {
      ...good,
      metric: 'orders',
      trackedMetrics: ['orders'],
      history: orders,
      baseline: 0,
    };
    const ok = checkSmart({ ...base, target: 400 });
    expect(ok.A.status).toBe('pass');
    expect(ok.A.evidence).toMatchObject({ neededPer30Days: 400, bestPer30Days: 300, relative: 0 });
    const tooMuch = checkSmart({ ...base, target: 1000 });
    expect(tooMuch.A.status).toBe('warn');
    expect(tooMuch.A.reason['zh-CN']).toContain('3.3 倍');
  });

  it('judges decreasing targets (response time) by the best decrease', () => {
    // 60 → 30.5 minutes at −0.5/day. The best window is the last one at least 28 days long:
    // day 31 (44.5) to day 59, −14 in 28 days = −15 per 30 days on 44.5 = −33.7%.
    const times = history('2026-01-01', 60, (i) => 60 - 0.5 * i);
    const base: TSmartInput = {
      ...good,
      metric: 'responseTimeMinutes',
      trackedMetrics: ['responseTimeMinutes'],
      history: times,
      baseline: 30,
    };
    const ok = checkSmart({ ...base, target: 20 }); // −33.3% per 30 days
    expect(ok.A.status).toBe('pass');
    expect(ok.A.evidence!.bestPer30Days).toBeCloseTo(15 / 44.5, 12);
    const tooMuch = checkSmart({ ...base, target: 10 }); // −66.7%
    expect(tooMuch.A.status).toBe('warn');
    expect(tooMuch.A.reason['zh-CN']).toContain('下降');
  });

  it('compares absolute changes when the baseline is zero', () => {
    const r = checkSmart({ ...good, baseline: 0, target: 90 });
    // +90 per 30 days vs the best +60 → 1.5×, not above the limit.
    expect(r.A.evidence).toMatchObject({ neededPer30Days: 90, bestPer30Days: 60, relative: 0 });
    expect(r.A.status).toBe('pass');
  });

  it('passes a hold-the-level goal', () => {
    expect(checkSmart({ ...good, target: 1000 }).A.status).toBe('pass');
  });
});

describe('checkSmart: Specific, Measurable, Relevant', () => {
  it('needs a scope id unless the scope is the workspace', () => {
    expect(checkSmart({ ...good, scope: { kind: 'campaign' } }).S.status).toBe('warn');
    expect(checkSmart({ ...good, scope: { kind: 'workspace' } }).S.status).toBe('pass');
  });

  it('needs numeric baseline and target', () => {
    expect(checkSmart({ ...good, target: Number.NaN }).S.status).toBe('warn');
  });

  it('warns when the scope has no data for the metric', () => {
    const r = checkSmart({ ...good, trackedMetrics: ['views'] });
    expect(r.M.status).toBe('warn');
    expect(r.M.reason['zh-CN']).toContain('累计关注');
  });

  it('warns when the goal is not linked to a purpose', () => {
    expect(checkSmart({ ...good, purposeLinked: false }).R.status).toBe('warn');
  });
});

describe('checkSmart: Time-bound', () => {
  const t = (start: string, end: string) => checkSmart({ ...good, start, end }).T;

  it('needs the end after the start', () => {
    expect(t('2026-03-10', '2026-03-01').status).toBe('warn');
    expect(t('2026-03-10', '2026-03-10').status).toBe('warn');
    expect(t('2026-03-10', '2026-02-30').reason['en-US']).toBe('Enter valid start and end dates.');
  });

  it('accepts 7 days to 3 years', () => {
    expect(t('2026-03-01', '2026-03-06').status).toBe('warn'); // 6 days
    expect(t('2026-03-01', '2026-03-07').status).toBe('pass'); // 7 days
    expect(t('2026-01-01', '2028-12-31').status).toBe('pass'); // exactly 3 years
    expect(t('2026-01-01', '2029-01-01').status).toBe('warn');
  });

  it('cannot judge achievability without valid dates', () => {
    expect(checkSmart({ ...good, end: '2026-02-01' }).A.status).toBe('warn');
  });
});
