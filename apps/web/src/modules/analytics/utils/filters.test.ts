import { describe, expect, it } from 'vitest';
import {
  dashboardSearchFor,
  presetRange,
  readFilters,
  toAnalyticsQuery,
  writeFilters,
} from './filters';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

describe('presetRange', () => {
  it('counts today in the last 7 and 30 days', () => {
    expect(presetRange('7d', '2026-03-10')).toEqual({ from: '2026-03-04', to: '2026-03-10' });
    expect(presetRange('30d', '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
  });

  it('knows this month and last month, across a year end', () => {
    expect(presetRange('thisMonth', '2026-03-10')).toEqual({
      from: '2026-03-01',
      to: '2026-03-10',
    });
    expect(presetRange('lastMonth', '2026-03-10')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(presetRange('lastMonth', '2026-01-05')).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });
});

describe('readFilters / writeFilters', () => {
  it('defaults to the last 30 days of every account', () => {
    expect(readFilters(new URLSearchParams(), '2026-03-10')).toEqual({
      from: '2026-02-09',
      to: '2026-03-10',
      preset: '30d',
      accountIds: [],
      platform: undefined,
    });
  });

  it('reads a custom range, accounts and platform, dropping what is not valid', () => {
    const params = new URLSearchParams(
      `from=2026-01-01&to=2026-01-31&accounts=${A},nope,${B},${A}&platform=douyin`,
    );
    expect(readFilters(params, '2026-03-10')).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      preset: null,
      accountIds: [A, B],
      platform: 'douyin',
    });
    const bad = new URLSearchParams('from=2026-02-30&to=2026-01-31&platform=myspace');
    expect(readFilters(bad, '2026-03-10')).toMatchObject({ preset: '30d', platform: undefined });
  });

  it('round-trips through the URL and keeps unrelated parameters', () => {
    const written = writeFilters(new URLSearchParams('tab=x'), {
      from: '2026-03-04',
      to: '2026-03-10',
      preset: '7d',
      accountIds: [A],
      platform: undefined,
    });
    expect(written.toString()).toBe(`tab=x&range=7d&accounts=${A}`);
    expect(readFilters(written, '2026-03-10')).toMatchObject({ preset: '7d', accountIds: [A] });
    const custom = writeFilters(written, {
      from: '2026-01-01',
      to: '2026-01-02',
      preset: null,
      accountIds: [],
      platform: 'weibo',
    });
    expect(custom.toString()).toBe('tab=x&from=2026-01-01&to=2026-01-02&platform=weibo');
  });

  it('builds the API query with comma-separated accounts', () => {
    expect(
      toAnalyticsQuery({
        from: 'a',
        to: 'b',
        preset: null,
        accountIds: [A, B],
        platform: undefined,
      }),
    ).toEqual({ from: 'a', to: 'b', accountIds: `${A},${B}` });
  });

  it('links an alert to four weeks around its day', () => {
    expect(dashboardSearchFor(A, '2026-03-10T00:00:00Z')).toBe(
      `?from=2026-02-11&to=2026-03-13&accounts=${A}`,
    );
  });
});
