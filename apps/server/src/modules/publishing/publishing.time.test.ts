import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backoffMs, localDateTime, nextDate } from './publishing.time';

const SCRIPT = path.resolve(import.meta.dirname, 'test-support/print-schedule.ts');

describe('schedule times', () => {
  it('are the same whatever the process time zone is', () => {
    const outputs = [
      undefined,
      'UTC',
      'America/New_York',
      'Asia/Shanghai',
      'Pacific/Kiritimati',
    ].map((tz) => {
      const env = { ...process.env };
      if (tz) env.TZ = tz;
      else delete env.TZ;
      const r = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { env, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    });
    expect(new Set(outputs).size).toBe(1);
    expect(outputs[0]).toContain('2026-11-23 09:30 Asia/Shanghai -> 2026-11-23T01:30:00.000Z');
    expect(outputs[0]).toContain('2027-03-27 09:00 Europe/Berlin -> 2027-03-27T08:00:00.000Z');
    expect(outputs[0]).toContain('2027-03-28 09:00 Europe/Berlin -> 2027-03-28T07:00:00.000Z');
  });

  it('write local times with the zone applied', () => {
    expect(localDateTime(new Date('2026-11-22T16:05:00Z'), 'Asia/Shanghai')).toBe(
      '2026-11-23 00:05',
    );
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
  });

  it('back off exponentially with jitter, never sooner than Retry-After', () => {
    expect(backoffMs(1, () => 1)).toBe(30_000);
    expect(backoffMs(3, () => 1)).toBe(120_000);
    expect(backoffMs(3, () => 0)).toBe(60_000);
    expect(backoffMs(20, () => 1)).toBe(30 * 60_000);
    expect(backoffMs(1, () => 1, 5 * 60_000)).toBe(5 * 60_000);
  });
});
