import { DEFAULT_TIME_ZONE } from '../../app/dates';

// Zones our operators use most, offered first.
const COMMON_ZONES = [
  DEFAULT_TIME_ZONE,
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Europe/London',
  'America/Los_Angeles',
  'America/New_York',
  'UTC',
];

/** IANA zones for a select: the common ones first, then every zone the browser knows. */
export function listTimeZones(): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    all = [];
  }
  const seen = new Set(COMMON_ZONES);
  return [...COMMON_ZONES, ...all.filter((zone) => !seen.has(zone))];
}
