import type { TPlatform } from '@yunce/contracts';
import { addDays, zonedTimeToUtc } from '../time';

/**
 * Hours operators commonly post at when an account has no history of its own (commute, lunch and
 * evening peaks). These are starting points, labelled as such in the UI — never presented as the
 * account's own data.
 */
export const PLATFORM_DEFAULT_HOURS: Record<TPlatform, readonly number[]> = {
  wechat_oa: [20, 12, 8],
  wechat_channels: [12, 18, 21],
  weibo: [12, 20, 9],
  douyin: [18, 21, 12],
  xiaohongshu: [20, 12, 18],
  bilibili: [19, 21, 12],
  kuaishou: [18, 21, 12],
  zhihu: [21, 12, 8],
  community: [10, 20],
  other: [20, 12],
};

export interface TSlotPreference {
  /** 0 = Monday … 6 = Sunday, in the workspace zone. */
  weekday: number;
  hour: number;
}

export interface TRecommendSlotInput {
  now: Date;
  timeZone: string;
  platform: TPlatform;
  /** The account's plan; 0 or null means no plan. */
  postsPerWeek: number | null;
  /** When this account already publishes (scheduled or published), any order. */
  existing: readonly Date[];
  /** Best weekday × hour slots from the account's own history, best first (may be empty). */
  bestSlots: readonly TSlotPreference[];
  /** Look this many days ahead at most. */
  horizonDays?: number;
}

export interface TRecommendedSlot {
  at: Date;
  /** Wall-clock time in the zone, `YYYY-MM-DDTHH:mm`. */
  local: string;
  basis: 'history' | 'platform_default';
  reason: { 'zh-CN': string; 'en-US': string };
}

const DAY_MS = 86_400_000;

function localParts(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    weekday: 'short',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return {
    date: `${get('year')}-${get('month')}-${get('day')}`,
    hour: Number(get('hour')),
    weekday,
  };
}

/** Monday of the ISO week that holds a calendar date. */
function weekStart(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const dow = (d.getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

const WEEKDAY_ZH = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The next good time to post on an account: its own best hours when it has history (else the
 * platform's usual peaks), on a day that keeps the weekly plan and the spacing between posts.
 */
export function recommendSlot(input: TRecommendSlotInput): TRecommendedSlot | null {
  const { now, timeZone } = input;
  const plan = input.postsPerWeek && input.postsPerWeek > 0 ? input.postsPerWeek : null;
  const fromHistory = input.bestSlots.length > 0;
  // Spread posts through the week: 3 a week means a free day between posts; daily or more, none.
  const gapDays = plan ? Math.max(0, Math.floor(7 / plan) - 1) : 0;
  const minGapMs = plan && plan > 7 ? (24 / Math.ceil(plan / 7)) * 3600_000 * 0.5 : 3 * 3600_000;
  const existing = input.existing.map((d) => ({ at: d.getTime(), ...localParts(d, timeZone) }));
  const perWeek = new Map<string, number>();
  const perDay = new Map<string, number>();
  for (const e of existing) {
    perWeek.set(weekStart(e.date), (perWeek.get(weekStart(e.date)) ?? 0) + 1);
    perDay.set(e.date, (perDay.get(e.date) ?? 0) + 1);
  }
  const today = localParts(now, timeZone).date;
  const earliest = now.getTime() + 15 * 60_000;
  const horizon = input.horizonDays ?? 21;
  for (let i = 0; i <= horizon; i++) {
    const date = addDays(today, i);
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    if (plan && (perWeek.get(weekStart(date)) ?? 0) >= plan) continue;
    const dailyCap = plan ? Math.max(1, Math.ceil(plan / 7)) : 1;
    if ((perDay.get(date) ?? 0) >= dailyCap) continue;
    if (gapDays > 0) {
      const near = existing.some((e) => {
        const diff =
          Math.abs(
            new Date(`${e.date}T00:00:00Z`).getTime() - new Date(`${date}T00:00:00Z`).getTime(),
          ) / DAY_MS;
        return diff > 0 && diff <= gapDays;
      });
      if (near) continue;
    }
    const hours = fromHistory
      ? input.bestSlots.filter((s) => s.weekday === weekday).map((s) => s.hour)
      : [...PLATFORM_DEFAULT_HOURS[input.platform]];
    // With history, a weekday that never did well falls back to the account's best hours overall.
    const candidates = hours.length > 0 ? hours : input.bestSlots.map((s) => s.hour);
    for (const hour of candidates) {
      const hh = String(hour).padStart(2, '0');
      const at = zonedTimeToUtc(date, `${hh}:00`, timeZone);
      if (at.getTime() < earliest) continue;
      if (existing.some((e) => Math.abs(e.at - at.getTime()) < minGapMs)) continue;
      const local = `${date}T${hh}:00`;
      const reason = fromHistory
        ? {
            'zh-CN': `按本账号历史互动，${WEEKDAY_ZH[weekday]} ${hh}:00 前后表现较好${plan ? `；符合每周 ${plan} 篇的计划` : ''}`,
            'en-US': `This account's own history does well around ${WEEKDAY_EN[weekday]} ${hh}:00${plan ? `; keeps the plan of ${plan} a week` : ''}`,
          }
        : {
            'zh-CN': `本账号还没有足够的历史数据，先用该平台常见的发布高峰 ${hh}:00${plan ? `；符合每周 ${plan} 篇的计划` : ''}`,
            'en-US': `Not enough history on this account yet: the platform's usual peak at ${hh}:00${plan ? `; keeps the plan of ${plan} a week` : ''}`,
          };
      return { at, local, basis: fromHistory ? 'history' : 'platform_default', reason };
    }
  }
  return null;
}
