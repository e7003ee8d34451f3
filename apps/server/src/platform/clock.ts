/** Services read time through a clock so tests can move it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests can set and advance. */
export function createTestClock(start = new Date('2026-11-22T02:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    set(d: Date) {
      t = d.getTime();
    },
    advance(ms: number) {
      t += ms;
    },
  };
}
