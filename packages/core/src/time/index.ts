// Building an Intl.DateTimeFormat costs tens of microseconds; imports convert every row's time.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

// Offsets change only at transitions, which fall on quarter hours in UTC in every zone; an
// import converts up to 10^5 times a file. A UTC day whose first and last quarter hour have the
// same offset has no transition (no zone changes and changes back within a day), so its offset
// is remembered per day — a few hundred entries for a year of exports; a day with a transition
// is answered per quarter hour.
const QUARTER = 15 * 60_000;
const DAY = 86_400_000;
type ZoneOffsets = { days: Map<number, number | null>; quarters: Map<number, number> };
const offsets = new Map<string, ZoneOffsets>();

function quarterOffset(zone: ZoneOffsets, quarter: number, timeZone: string): number {
  const hit = zone.quarters.get(quarter);
  if (hit !== undefined) return hit;
  const value = computeOffset(new Date(quarter * QUARTER), timeZone);
  if (zone.quarters.size > 50_000) zone.quarters.clear();
  zone.quarters.set(quarter, value);
  return value;
}

/** Offset of `timeZone` from UTC at instant `at`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const t = at.getTime();
  if (!Number.isFinite(t)) return computeOffset(at, timeZone);
  let zone = offsets.get(timeZone);
  if (!zone) {
    zone = { days: new Map(), quarters: new Map() };
    offsets.set(timeZone, zone);
  }
  const day = Math.floor(t / DAY);
  let whole = zone.days.get(day);
  if (whole === undefined) {
    const first = quarterOffset(zone, (day * DAY) / QUARTER, timeZone);
    const last = quarterOffset(zone, ((day + 1) * DAY) / QUARTER - 1, timeZone);
    whole = first === last ? first : null;
    if (zone.days.size > 50_000) zone.days.clear();
    zone.days.set(day, whole);
  }
  return whole ?? quarterOffset(zone, Math.floor(t / QUARTER), timeZone);
}

function computeOffset(at: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in a time zone, e.g. 2026-11-22 00:00 in Asia/Shanghai.
 * Across a DST gap the later valid instant is returned.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!m || !t) throw new RangeError(`not a date/time: ${date} ${time}`);
  const wall = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(t[1]),
    Number(t[2]),
    Number(t[3] ?? 0),
  );
  return zonedWallClockToUtc(wall, timeZone);
}

/**
 * zonedTimeToUtc for a wall clock given as the milliseconds Date.UTC gives for its fields (the
 * import parsers have the numbers already).
 */
export function zonedWallClockToUtc(wall: number, timeZone: string): Date {
  // Two passes settle the offset even when the first guess lands on the other side of a change.
  let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
  guess = wall - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess);
}

/** Start of a calendar day in a time zone, as a UTC instant. */
export function zonedDayStart(date: string, timeZone: string): Date {
  return zonedTimeToUtc(date, '00:00', timeZone);
}

/** A calendar date (YYYY-MM-DD) moved by `days` (negative goes back); no time zone involved. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function zonedDate(at: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
