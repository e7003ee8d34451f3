import { describe, expect, it } from 'vitest';
import { nextSlotAfter, postingHeatmap, recommendSlots, type TPostPerformance } from './best-time';

const SH = 'Asia/Shanghai';

/** `n` posts at the given UTC instant with the same engagement. */
function posts(n: number, iso: string, engagement: number, views?: number): TPostPerformance[] {
  return Array.from({ length: n }, () => ({
    publishedAt: new Date(iso),
    engagement,
    ...(views === undefined ? {} : { views }),
  }));
}

// 2026-03-04 is a Wednesday. In Shanghai (UTC+8): 12:00Z = Wed 20:00, 04:00Z = Fri 12:00 on
// 03-06, 01:00Z on 03-02 = Mon 09:00.
const WED_20 = '2026-03-04T12:00:00Z';
const FRI_12 = '2026-03-06T04:00:00Z';
const MON_09 = '2026-03-02T01:00:00Z';

describe('postingHeatmap', () => {
  it('places posts by weekday (0 = Monday) and hour in the given zone, not the process zone', () => {
    const h = postingHeatmap(
      [
        ...posts(2, WED_20, 10, 100),
        ...posts(1, WED_20, 4),
        ...posts(1, '2026-03-01T16:30:00Z', 1),
      ],
      SH,
    );
    expect(h.cells).toHaveLength(7);
    expect(h.cells.every((row) => row.length === 24)).toBe(true);
    expect(h.cells[2]![20]).toEqual({
      weekday: 2,
      hour: 20,
      count: 3,
      meanEngagement: 8,
      meanViews: 100,
    });
    // Sunday 16:30 UTC is already Monday 00:30 in Shanghai.
    expect(h.cells[0]![0]!.count).toBe(1);
    expect(h.cells[6]![16]!.count).toBe(0);
    expect(h.cells[6]![16]!.meanEngagement).toBeNull();
    expect(h.totalPosts).toBe(4);
    expect(h.overallMeanEngagement).toBeCloseTo(25 / 4, 12);
  });

  it('reads the same instant differently in another zone', () => {
    // 2026-03-01T16:30Z is Sunday 11:30 in New York (EST, UTC−5).
    const h = postingHeatmap(posts(1, '2026-03-01T16:30:00Z', 1), 'America/New_York');
    expect(h.cells[6]![11]!.count).toBe(1);
  });

  it('skips posts with an invalid date', () => {
    const h = postingHeatmap([{ publishedAt: new Date('nope'), engagement: 1 }], SH);
    expect(h.totalPosts).toBe(0);
    expect(h.overallMeanEngagement).toBeNull();
  });
});

describe('recommendSlots', () => {
  it('shrinks thin cells toward the overall mean, so well-supported slots can win', () => {
    // Overall mean (120 + 33 + 5) / 20 = 7.9. Wed 20: 12 posts at 10 → (120 + 5·7.9)/17 = 9.382;
    // Fri 12: 3 posts at 11 → (33 + 39.5)/8 = 9.0625 despite the higher raw mean.
    const h = postingHeatmap(
      [...posts(12, WED_20, 10), ...posts(3, FRI_12, 11), ...posts(5, MON_09, 1)],
      SH,
    );
    const r = recommendSlots(h);
    expect(r.reason).toBeNull();
    expect(r.slots.map((s) => [s.weekday, s.hour, s.posts])).toEqual([
      [2, 20, 12],
      [4, 12, 3],
    ]);
    expect(r.slots[0]!.score).toBeCloseTo(159.5 / 17, 12);
    expect(r.slots[1]!.score).toBeCloseTo(9.0625, 12);
    // Raw 10 vs 7.9: 26.6% above.
    expect(r.slots[0]!.reason['zh-CN']).toBe(
      '周三 20:00 发布的 12 篇内容平均互动比整体平均高 26.6%。',
    );
  });

  it('never recommends a cell with fewer than minPosts posts', () => {
    const h = postingHeatmap([...posts(2, FRI_12, 100), ...posts(10, WED_20, 1)], SH);
    expect(recommendSlots(h).slots).toEqual([]);
    expect(recommendSlots(h, { minPosts: 2 }).slots.map((s) => s.weekday)).toEqual([4]);
  });

  it('returns at most `top` slots', () => {
    const h = postingHeatmap(
      [...posts(12, WED_20, 10), ...posts(3, FRI_12, 11), ...posts(5, MON_09, 1)],
      SH,
    );
    expect(recommendSlots(h, { top: 1 }).slots).toHaveLength(1);
  });

  it('returns an empty list with a reason when history is too thin', () => {
    const r = recommendSlots(postingHeatmap(posts(5, WED_20, 3), SH));
    expect(r.slots).toEqual([]);
    expect(r.reason!['zh-CN']).toContain('历史发布只有 5 篇');
  });

  it('returns an empty list with a reason when no slot beats the average', () => {
    const r = recommendSlots(postingHeatmap([...posts(6, WED_20, 3), ...posts(6, FRI_12, 3)], SH));
    expect(r.slots).toEqual([]);
    expect(r.reason!['en-US']).toContain('stands out');
  });
});

describe('nextSlotAfter', () => {
  const wed20 = { weekday: 2, hour: 20 };

  it('returns the start of the slot hour later the same day', () => {
    // Wed 19:00 Shanghai → Wed 20:00 Shanghai = 12:00Z.
    const r = nextSlotAfter([wed20], new Date('2026-03-04T11:00:00Z'), SH);
    expect(r!.at.toISOString()).toBe('2026-03-04T12:00:00.000Z');
  });

  it('moves to next week once the slot has started', () => {
    const r = nextSlotAfter([wed20], new Date(WED_20), SH);
    expect(r!.at.toISOString()).toBe('2026-03-11T12:00:00.000Z');
  });

  it('picks the soonest of several slots', () => {
    // Wed 21:00 Shanghai: Thu 09:00 comes before next Wednesday 20:00.
    const r = nextSlotAfter([wed20, { weekday: 3, hour: 9 }], new Date('2026-03-04T13:00:00Z'), SH);
    expect(r).toEqual({ at: new Date('2026-03-05T01:00:00Z'), weekday: 3, hour: 9 });
  });

  it('follows daylight-saving changes of the zone', () => {
    // New York switches to EDT (UTC−4) on Sunday 2026-03-08: Sun 10:00 is 14:00Z, not 15:00Z.
    const r = nextSlotAfter(
      [{ weekday: 6, hour: 10 }],
      new Date('2026-03-07T12:00:00Z'),
      'America/New_York',
    );
    expect(r!.at.toISOString()).toBe('2026-03-08T14:00:00.000Z');
  });

  it('returns null without slots and rejects impossible slots', () => {
    expect(nextSlotAfter([], new Date(WED_20), SH)).toBeNull();
    expect(() => nextSlotAfter([{ weekday: 7, hour: 0 }], new Date(WED_20), SH)).toThrow(
      RangeError,
    );
    expect(() => nextSlotAfter([{ weekday: 0, hour: 24 }], new Date(WED_20), SH)).toThrow(
      RangeError,
    );
  });
});
