import { describe, expect, it } from 'vitest';
import { recommendSlot } from './slot';

const tz = 'Asia/Shanghai';
// Monday 2026-11-30 09:00 in Shanghai.
const now = new Date('2026-11-30T01:00:00Z');
const at = (local: string) => new Date(`${local}:00+08:00`);

describe('recommendSlot', () => {
  it('uses the platform peak today when there is no history and nothing scheduled', () => {
    const s = recommendSlot({
      now,
      timeZone: tz,
      platform: 'douyin',
      postsPerWeek: null,
      existing: [],
      bestSlots: [],
    });
    expect(s?.local).toBe('2026-11-30T18:00');
    expect(s?.basis).toBe('platform_default');
    expect(s?.at.toISOString()).toBe('2026-11-30T10:00:00.000Z');
    expect(s?.reason['zh-CN']).toContain('还没有足够的历史数据');
  });

  it('skips a peak that has passed or is too close to prepare for', () => {
    const late = new Date('2026-11-30T12:30:00Z'); // 20:30 in Shanghai
    const s = recommendSlot({
      now: late,
      timeZone: tz,
      platform: 'douyin',
      postsPerWeek: null,
      existing: [],
      bestSlots: [],
    });
    expect(s?.local).toBe('2026-11-30T21:00');
  });

  it('keeps a free day between posts on a 3-a-week plan', () => {
    const s = recommendSlot({
      now,
      timeZone: tz,
      platform: 'xiaohongshu',
      postsPerWeek: 3,
      existing: [at('2026-11-30T20:00')],
      bestSlots: [],
    });
    // Monday has its post and Tuesday is the free day: Wednesday at the first peak.
    expect(s?.local).toBe('2026-12-02T20:00');
  });

  it('moves to next week when this week already has the planned number of posts', () => {
    const s = recommendSlot({
      now,
      timeZone: tz,
      platform: 'weibo',
      postsPerWeek: 2,
      existing: [at('2026-12-01T12:00'), at('2026-12-04T12:00')],
      bestSlots: [],
    });
    // Next Monday, at the first peak.
    expect(s?.local).toBe('2026-12-07T12:00');
  });

  it("prefers the account's own best slots when it has history", () => {
    const s = recommendSlot({
      now,
      timeZone: tz,
      platform: 'wechat_oa',
      postsPerWeek: null,
      existing: [],
      bestSlots: [
        { weekday: 2, hour: 21 },
        { weekday: 4, hour: 7 },
      ],
    });
    // Wednesday 2026-12-02 21:00 is the first day with a good slot... but Monday/Tuesday fall
    // back to the account's best hours overall (21:00), so today 21:00 comes first.
    expect(s?.local).toBe('2026-11-30T21:00');
    expect(s?.basis).toBe('history');
  });

  it('converts the wall-clock slot across a DST change', () => {
    const berlin = recommendSlot({
      now: new Date('2026-03-28T12:00:00Z'),
      timeZone: 'Europe/Berlin',
      platform: 'weibo',
      postsPerWeek: null,
      existing: [new Date('2026-03-28T19:00:00Z')],
      bestSlots: [],
    });
    // Saturday's peaks have passed or are taken, so Sunday 29 March — the change to CEST — at
    // the first peak, 12:00 local, which is 10:00Z (it would be 11:00Z a day earlier).
    expect(berlin?.local).toBe('2026-03-29T12:00');
    expect(berlin?.at.toISOString()).toBe('2026-03-29T10:00:00.000Z');
  });
});
