import { zonedTimeToUtc } from '@yunce/core';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The weeks (Monday first) that show a month 'YYYY-MM', as YYYY-MM-DD dates. */
export function calendarWeeks(month: string): string[][] {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7;
  let day = addDays(first, -weekday);
  const weeks: string[][] = [];
  do {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (day.slice(0, 7) === month);
  return weeks;
}

/** Local date and HH:mm of an instant in a time zone. */
export function localParts(iso: string, timeZone: string): { date: string; time: string } {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (t: string) => p.find((x) => x.type === t)?.value ?? '';
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    time: `${get('hour')}:${get('minute')}`,
  };
}

/** The instant on `date` at the same wall-clock time of day as `iso`, in the workspace zone. */
export function moveToDay(iso: string, date: string, timeZone: string): string {
  return zonedTimeToUtc(date, localParts(iso, timeZone).time, timeZone).toISOString();
}

export { addDays };
