import { describe, expect, it } from 'vitest';
import { draftToBody, needsAttention, parentCandidates, progressPercent } from './utils';

describe('progressPercent', () => {
  it('clamps to the bar and keeps one decimal', () => {
    expect(progressPercent(0.4567)).toBe(45.7);
    expect(progressPercent(1.8)).toBe(100);
    expect(progressPercent(-0.2)).toBe(0);
    expect(progressPercent(null)).toBe(0);
  });
});

describe('draftToBody', () => {
  const draft = {
    name: ' 涨粉 ',
    metric: 'followersTotal' as const,
    scope: 'account' as const,
    accountId: '11111111-1111-4111-8111-111111111111',
    baseline: 1000,
    target: 5000,
    startDate: '2026-03-01',
    endDate: '2026-06-30',
  };

  it('builds the body once the parts the check needs are there', () => {
    expect(draftToBody(draft)).toEqual({
      name: '涨粉',
      metric: 'followersTotal',
      scope: 'account',
      accountId: draft.accountId,
      baseline: 1000,
      target: 5000,
      startDate: '2026-03-01',
      endDate: '2026-06-30',
      ownerId: null,
      parentId: null,
      note: '',
    });
  });

  it('waits for numbers, dates and the account of an account goal', () => {
    expect(draftToBody({ ...draft, target: null })).toBeNull();
    expect(draftToBody({ ...draft, endDate: null })).toBeNull();
    expect(draftToBody({ ...draft, accountId: null })).toBeNull();
    expect(draftToBody({ ...draft, scope: 'workspace', accountId: null })).toMatchObject({
      scope: 'workspace',
      accountId: null,
    });
  });
});

describe('parentCandidates', () => {
  const goals = [
    { id: 'a', parentId: null },
    { id: 'b', parentId: 'a' },
    { id: 'c', parentId: 'b' },
    { id: 'd', parentId: null },
  ];
  it('leaves out the goal itself and its descendants', () => {
    expect(parentCandidates(goals, 'a').map((g) => g.id)).toEqual(['d']);
    expect(parentCandidates(goals, 'b').map((g) => g.id)).toEqual(['a', 'd']);
    expect(parentCandidates(goals, null)).toHaveLength(4);
  });
});

describe('needsAttention', () => {
  it('flags goals that are behind or at risk', () => {
    const goal = (status: 'off_track' | 'at_risk' | 'on_track') => ({
      progress: {
        status,
        current: null,
        ratio: null,
        probability: null,
        projected: null,
        low: null,
        high: null,
        explanation: '',
      },
    });
    expect(needsAttention(goal('off_track'))).toBe(true);
    expect(needsAttention(goal('at_risk'))).toBe(true);
    expect(needsAttention(goal('on_track'))).toBe(false);
  });
});
