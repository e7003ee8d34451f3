import { describe, expect, it } from 'vitest';
import { ZCreateAccountBody, ZUpdateAccountBody, type TAccount } from '@yunce/contracts';
import {
  EMPTY_ACCOUNT_FORM,
  accountToFormValues,
  scoreLevel,
  toCreateAccountBody,
  toUpdateAccountBody,
} from './account-form';

describe('toCreateAccountBody', () => {
  it('builds a body the API schema accepts, blanks as null', () => {
    const body = toCreateAccountBody({
      ...EMPTY_ACCOUNT_FORM,
      platform: 'xiaohongshu',
      name: '  小鹿咖啡 ',
      bio: '  ',
      persona: {
        ...EMPTY_ACCOUNT_FORM.persona,
        ageBands: ['25_30', '18_24'],
        regions: ['上海', ' 上海 ', ''],
      },
      postingPlan: { postsPerWeek: 3 },
    });
    expect(body).toMatchObject({
      platform: 'xiaohongshu',
      name: '小鹿咖啡',
      bio: null,
      handle: null,
      postingPlan: { postsPerWeek: 3 },
      persona: { ageBands: ['18_24', '25_30'], regions: ['上海'] },
    });
    expect(ZCreateAccountBody.safeParse(body).success).toBe(true);
  });

  it('sends no posting plan when none is set', () => {
    const body = toCreateAccountBody({ ...EMPTY_ACCOUNT_FORM, platform: 'weibo', name: 'x' });
    expect(body.postingPlan).toBeNull();
  });

  it('refuses to build a body without a platform', () => {
    expect(() => toCreateAccountBody({ ...EMPTY_ACCOUNT_FORM, name: 'x' })).toThrow();
  });
});

describe('accountToFormValues and toUpdateAccountBody', () => {
  const account: TAccount = {
    id: '00000000-0000-4000-8000-000000000001',
    workspaceId: '00000000-0000-4000-8000-000000000002',
    platform: 'douyin',
    name: '小鹿咖啡',
    handle: 'xiaolu',
    avatarUrl: null,
    bio: '精品咖啡',
    category: '餐饮',
    purpose: 'sales',
    persona: {
      ageBands: ['25_30'],
      gender: 'female',
      regions: ['杭州'],
      interests: ['咖啡'],
      consumptionHabits: '',
    },
    toneOfVoice: null,
    postingPlan: null,
    connectionType: 'manual',
    status: 'active',
    infoReviewedAt: null,
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
    archivedAt: null,
    profileCheck: { score: 90, issues: [] },
  };

  it('round-trips an account without changing it', () => {
    const body = toUpdateAccountBody(accountToFormValues(account));
    expect(body).toEqual({
      name: '小鹿咖啡',
      handle: 'xiaolu',
      bio: '精品咖啡',
      category: '餐饮',
      purpose: 'sales',
      persona: account.persona,
      toneOfVoice: null,
      postingPlan: null,
      connectionType: 'manual',
    });
    expect(ZUpdateAccountBody.safeParse(body).success).toBe(true);
    expect(body).not.toHaveProperty('platform');
  });
});

describe('scoreLevel', () => {
  it('bands profile scores', () => {
    expect(scoreLevel(100)).toBe('good');
    expect(scoreLevel(80)).toBe('good');
    expect(scoreLevel(79)).toBe('fair');
    expect(scoreLevel(60)).toBe('fair');
    expect(scoreLevel(59)).toBe('poor');
  });
});
