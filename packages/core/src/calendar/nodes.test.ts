import { describe, expect, it } from 'vitest';
import { MARKETING_NODES, nodesInRange, type TNodeOccurrence } from './nodes';

/** id → date (or 'start..end' for windows) for a range. */
function byId(
  from: string,
  to: string,
  opts?: Parameters<typeof nodesInRange>[2],
): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of nodesInRange(from, to, opts)) {
    const v = o.kind === 'sales_window' ? `${o.start}..${o.end}` : o.date;
    out.set(o.id, [...(out.get(o.id) ?? []), v]);
  }
  return out;
}

function one(map: Map<string, string[]>, id: string): string {
  const v = map.get(id);
  expect(v, id).toHaveLength(1);
  return v![0]!;
}

describe('nodesInRange: 2026', () => {
  const y2026 = byId('2026-01-01', '2026-12-31');

  // Each date checked against chinese-days' own festival list and the published 2026 calendar
  // (State Council 2026 holiday notice: 春节 holidays around 2/17, 端午 6/19, 中秋 9/25).
  it.each([
    ['new_year', '2026-01-01'],
    ['valentines_day', '2026-02-14'],
    ['womens_day', '2026-03-08'],
    ['consumer_rights_day', '2026-03-15'],
    ['labour_day', '2026-05-01'],
    ['day_520', '2026-05-20'],
    ['childrens_day', '2026-06-01'],
    ['sale_618', '2026-06-18'],
    ['sale_99', '2026-09-09'],
    ['teachers_day', '2026-09-10'],
    ['national_day', '2026-10-01'],
    ['double_11', '2026-11-11'],
    ['double_12', '2026-12-12'],
    ['christmas', '2026-12-25'],
    ['laba', '2026-01-26'],
    ['xiaonian', '2026-02-10'],
    ['lunar_new_years_eve', '2026-02-16'],
    ['spring_festival', '2026-02-17'],
    ['lantern_festival', '2026-03-03'],
    ['dragon_boat', '2026-06-19'],
    ['qixi', '2026-08-19'],
    ['mid_autumn', '2026-09-25'],
    ['double_ninth', '2026-10-18'],
    ['mothers_day', '2026-05-10'],
    ['fathers_day', '2026-06-21'],
    ['thanksgiving', '2026-11-26'],
    ['qingming', '2026-04-05'],
    ['winter_solstice', '2026-12-22'],
    ['presale_618', '2026-05-20..2026-06-18'],
    ['presale_double_11', '2026-10-20..2026-11-11'],
    ['nianhuo_festival', '2026-01-26..2026-02-16'],
  ])('%s is %s', (id, date) => {
    expect(one(y2026, id)).toBe(date);
  });

  it('covers every node of the library exactly once in an ordinary year', () => {
    expect([...y2026.keys()].sort()).toEqual(MARKETING_NODES.map((n) => n.id).sort());
  });
});

describe('nodesInRange: 2027', () => {
  const y2027 = byId('2027-01-01', '2027-12-31');
  it.each([
    ['laba', '2027-01-15'],
    ['xiaonian', '2027-01-30'],
    ['lunar_new_years_eve', '2027-02-05'],
    ['spring_festival', '2027-02-06'],
    ['lantern_festival', '2027-02-20'],
    ['qingming', '2027-04-05'],
    ['mothers_day', '2027-05-09'],
    ['dragon_boat', '2027-06-09'],
    ['fathers_day', '2027-06-20'],
    ['qixi', '2027-08-08'],
    ['mid_autumn', '2027-09-15'],
    ['double_ninth', '2027-10-08'],
    ['thanksgiving', '2027-11-25'],
    ['winter_solstice', '2027-12-22'],
    ['nianhuo_festival', '2027-01-15..2027-02-05'],
  ])('%s is %s', (id, date) => {
    expect(one(y2027, id)).toBe(date);
  });
});

describe('除夕 is the last day of 腊月, 29 or 30', () => {
  it('2026: 腊月 has 29 days, so 除夕 is 腊月廿九 (2026-02-16), not a “年三十”', () => {
    expect(one(byId('2026-02-01', '2026-02-28'), 'lunar_new_years_eve')).toBe('2026-02-16');
  });

  it('2024: 腊月 has 30 days, so 除夕 is 腊月三十 (2024-02-09)', () => {
    expect(one(byId('2024-02-01', '2024-02-29'), 'lunar_new_years_eve')).toBe('2024-02-09');
  });

  it('is always the day before 春节', () => {
    for (let year = 2020; year <= 2035; year++) {
      const m = byId(`${year}-01-01`, `${year}-12-31`);
      const eve = Date.parse(one(m, 'lunar_new_years_eve'));
      expect(Date.parse(one(m, 'spring_festival')) - eve, String(year)).toBe(86_400_000);
    }
  });
});

describe('ranges', () => {
  it('a range across the year boundary gets nodes of both years, in date order', () => {
    const list = nodesInRange('2026-12-20', '2027-01-20');
    expect(
      list.map((o) => (o.kind === 'sales_window' ? `${o.id}@${o.start}` : `${o.id}@${o.date}`)),
    ).toEqual([
      'winter_solstice@2026-12-22',
      'christmas@2026-12-25',
      'new_year@2027-01-01',
      'laba@2027-01-15',
      'nianhuo_festival@2027-01-15',
    ]);
  });

  it('a window that started before the range is still returned, with its real start', () => {
    const list = nodesInRange('2026-06-01', '2026-06-05', { kinds: ['sales_window'] });
    expect(list).toEqual([
      expect.objectContaining({ id: 'presale_618', start: '2026-05-20', end: '2026-06-18' }),
    ]);
  });

  it('年货节 that starts in December of the previous year (腊八 on 2022-12-30)', () => {
    const list = nodesInRange('2023-01-10', '2023-01-10', { kinds: ['sales_window'] });
    expect(list).toEqual([
      expect.objectContaining({ id: 'nianhuo_festival', start: '2022-12-30', end: '2023-01-21' }),
    ]);
  });

  it('a lunar date can fall twice in one Gregorian year (腊八 2022)', () => {
    expect(byId('2022-01-01', '2022-12-31').get('laba')).toEqual(['2022-01-10', '2022-12-30']);
  });

  it('a single day', () => {
    expect(nodesInRange('2026-09-25', '2026-09-25').map((o) => o.id)).toEqual(['mid_autumn']);
  });

  it('filters by kind and importance', () => {
    const lunar = nodesInRange('2026-01-01', '2026-12-31', { kinds: ['lunar'] });
    expect(lunar.every((o) => o.kind === 'lunar')).toBe(true);
    expect(lunar).toHaveLength(9);
    const risk = nodesInRange('2026-01-01', '2026-12-31', { importance: ['risk'] });
    expect(risk.map((o) => o.id)).toEqual(['consumer_rights_day']);
  });

  it('小年 follows the northern convention (腊月廿三) unless the southern one is asked for', () => {
    expect(one(byId('2026-02-01', '2026-02-28'), 'xiaonian')).toBe('2026-02-10');
    expect(one(byId('2026-02-01', '2026-02-28', { xiaonian: 'south' }), 'xiaonian')).toBe(
      '2026-02-11',
    );
  });

  it('accepts a custom node library', () => {
    const list = nodesInRange('2026-01-01', '2026-12-31', {
      nodes: [
        {
          id: 'brand_day',
          name: { 'zh-CN': '品牌日', 'en-US': 'Brand day' },
          kind: 'fixed',
          importance: 'normal',
          rule: { type: 'fixed', month: 2, day: 29 },
        },
        {
          id: 'anniversary',
          name: { 'zh-CN': '周年庆', 'en-US': 'Anniversary' },
          kind: 'fixed',
          importance: 'major',
          rule: { type: 'fixed', month: 7, day: 1 },
        },
      ],
    });
    // Feb 29 does not exist in 2026 and is skipped rather than rolled over.
    expect(list.map((o) => o.id)).toEqual(['anniversary']);
  });

  it('carries names, tips and the approximate flag', () => {
    const [node] = nodesInRange('2026-03-15', '2026-03-15') as [TNodeOccurrence];
    expect(node).toMatchObject({
      id: 'consumer_rights_day',
      kind: 'fixed',
      importance: 'risk',
      approximate: false,
      name: { 'zh-CN': '3·15 消费者权益日' },
    });
    expect(node.tip?.['en-US']).toContain('3·15');
    const windows = nodesInRange('2026-01-01', '2026-12-31', { kinds: ['sales_window'] });
    expect(windows.every((w) => w.approximate)).toBe(true);
  });

  it('rejects malformed, reversed, too long and out-of-table ranges', () => {
    expect(() => nodesInRange('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => nodesInRange('2026-1-1', '2026-03-01')).toThrow(RangeError);
    expect(() => nodesInRange('2026-03-01', '2026-02-01')).toThrow(/before/);
    expect(() => nodesInRange('2000-01-01', '2020-01-01')).toThrow(/longer/);
    expect(() => nodesInRange('2100-01-01', '2100-02-01')).toThrow(/1901-2099/);
  });
});
