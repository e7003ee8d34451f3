import { zonedDate } from '@yunce/core';

/** Calendar date (YYYY-MM-DD) of an instant in a time zone. */
export const localDate = zonedDate;

/** "2026-11-23 09:30" in the time zone: what an operator reads next to the zone's name. */
export function localDateTime(at: Date, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** The next calendar day of a YYYY-MM-DD date. */
export function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * Delay before retry `attempt` (1-based): exponential from 30 s, capped at 30 min, with jitter in
 * [50 %, 100 %] so many failures at once do not retry in lockstep; never sooner than the
 * platform's Retry-After.
 */
export function backoffMs(attempt: number, random: () => number, retryAfterMs?: number): number {
  const base = Math.min(30 * 60_000, 30_000 * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(base * (0.5 + random() * 0.5));
  return Math.max(jittered, retryAfterMs ?? 0);
}
