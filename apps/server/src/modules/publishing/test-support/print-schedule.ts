// Prints how wall-clock times convert in a few zones; run under different TZ values by a test.
import { zonedTimeToUtc } from '@yunce/core';
import { localDate, localDateTime } from '../publishing.time';

const cases: [string, string, string][] = [
  ['2026-11-23', '09:30', 'Asia/Shanghai'],
  ['2027-03-27', '09:00', 'Europe/Berlin'],
  ['2027-03-28', '09:00', 'Europe/Berlin'],
  ['2027-10-31', '02:30', 'Europe/Berlin'],
  ['2027-01-01', '00:00', 'Asia/Shanghai'],
];
for (const [d, t, tz] of cases) {
  const at = zonedTimeToUtc(d, t, tz);
  console.log(
    `${d} ${t} ${tz} -> ${at.toISOString()} -> ${localDateTime(at, tz)} (${localDate(at, tz)})`,
  );
}
