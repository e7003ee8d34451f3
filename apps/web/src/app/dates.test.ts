import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates';

describe('formatDateTime', () => {
  it('shows a UTC time in the workspace zone in Chinese', () => {
    expect(formatDateTime('2026-11-22T13:56:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe(
      '2026年11月22日 21:56',
    );
  });

  it('crosses the date line when the zone does', () => {
    expect(formatDate('2026-11-22T17:00:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe('2026年11月23日');
    expect(formatDate('2026-11-22T17:00:00.000Z', 'America/New_York', 'en-US')).toBe(
      'Nov 22, 2026',
    );
  });

  it('formats English dates', () => {
    expect(formatDateTime('2026-01-05T01:02:00.000Z', 'UTC', 'en-US')).toBe('Jan 5, 2026 01:02');
  });
});
