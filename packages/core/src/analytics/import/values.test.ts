import { describe, expect, it } from 'vitest';
import {
  isMissingCell,
  normalizeCellText,
  parseCount,
  parseDateTime,
  parseDuration,
  parseNumber,
  parseRate,
  type TParseResult,
} from './values';

const SH = 'Asia/Shanghai';

function valueOf<T>(r: TParseResult<T>): T | undefined {
  if (!r.ok) throw new Error(`expected ok, got ${r.code}: ${r.messageEn}`);
  return r.value;
}

function codeOf<T>(r: TParseResult<T>): string {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.code;
}

describe('missing values', () => {
  it.each(['-', '--', '—', '——', '', '  ', 'N/A', 'n/a', '暂无', null, undefined])(
    'reads %j as missing, not as zero or an error',
    (raw) => {
      expect(isMissingCell(raw)).toBe(true);
      expect(parseCount(raw)).toEqual({ ok: true, value: undefined });
      expect(parseRate(raw)).toEqual({ ok: true, value: undefined });
      expect(parseDuration(raw)).toEqual({ ok: true, value: undefined });
      expect(parseDateTime(raw, SH)).toEqual({ ok: true, value: undefined });
    },
  );

  it('keeps a real zero', () => {
    expect(valueOf(parseCount('0'))).toBe(0);
    expect(valueOf(parseCount(0))).toBe(0);
  });
});

describe('parseCount', () => {
  it.each([
    ['12,345', 12345],
    ['1,234,567', 1234567],
    ['1.2万', 12000],
    ['3.4w', 34000],
    ['3.4W', 34000],
    ['1亿', 100000000],
    ['1.5k', 1500],
    ['１２，３４５', 12345],
    ['１．２万', 12000],
    [' 345 ', 345],
    ['10万+', 100000],
    ['123次', 123],
    [4567, 4567],
  ])('reads %j as %d', (raw, expected) => {
    expect(valueOf(parseCount(raw))).toBe(expected);
  });

  it('rounds the display rounding of 万 values to a whole count', () => {
    expect(valueOf(parseCount('1.2345万'))).toBe(12345);
    expect(valueOf(parseCount('1.23456万'))).toBe(12346);
  });

  it.each(['abc', '1.2.3', '1,23', '12,34,567', '万', '1万万', '3.74%'])(
    'refuses %j with a message in both languages',
    (raw) => {
      const r = parseCount(raw);
      expect(codeOf(r)).toBe('INVALID_NUMBER');
      if (!r.ok) {
        expect(r.message).toContain(raw);
        expect(r.messageEn).toContain('not a valid number');
      }
    },
  );

  it('refuses a fraction where a count is expected', () => {
    expect(codeOf(parseCount('12.5'))).toBe('NOT_WHOLE_NUMBER');
  });

  it('refuses negatives unless the caller allows them', () => {
    expect(codeOf(parseCount('-5'))).toBe('NEGATIVE_NOT_ALLOWED');
    expect(valueOf(parseCount('-5', { allowNegative: true }))).toBe(-5);
    expect(valueOf(parseCount('-1.2万', { allowNegative: true }))).toBe(-12000);
  });

  it('refuses a date cell', () => {
    expect(codeOf(parseCount(new Date()))).toBe('UNEXPECTED_TYPE');
  });
});

describe('parseNumber', () => {
  it('keeps decimals (money)', () => {
    expect(valueOf(parseNumber('1,234.56'))).toBe(1234.56);
    expect(valueOf(parseNumber(12.5))).toBe(12.5);
  });
});

describe('parseRate', () => {
  it.each([
    ['3.74%', 0.0374],
    ['0.0374', 0.0374],
    [0.0374, 0.0374],
    ['37.4', 0.374],
    [37.4, 0.374],
    ['100%', 1],
    ['0%', 0],
    ['１２．５％', 0.125],
    [1, 1],
  ])('reads %j as %d', (raw, expected) => {
    expect(valueOf(parseRate(raw))).toBe(expected);
  });

  it('refuses a bare number above 100 rather than guessing', () => {
    expect(codeOf(parseRate('120'))).toBe('RATE_OUT_OF_RANGE');
    expect(codeOf(parseRate('150%'))).toBe('RATE_OUT_OF_RANGE');
    expect(codeOf(parseRate(-0.1))).toBe('RATE_OUT_OF_RANGE');
  });

  it('refuses text that is not a rate', () => {
    expect(codeOf(parseRate('abc'))).toBe('INVALID_RATE');
    expect(codeOf(parseRate('1.2万'))).toBe('INVALID_RATE');
  });
});

describe('parseDuration', () => {
  it.each([
    ['21.46秒', 21.46],
    ['1分20秒', 80],
    ['1分钟20秒', 80],
    ['01:20', 80],
    ['00:01:20', 80],
    ['1:02:03', 3723],
    ['85', 85],
    ['85s', 85],
    ['1.5分钟', 90],
    ['1h2m3s', 3723],
    [85, 85],
  ])('reads %j as %d seconds', (raw, expected) => {
    expect(valueOf(parseDuration(raw))).toBe(expected);
  });

  it('reads a time-formatted Excel cell (a Date on the 1899-12-30 epoch)', () => {
    expect(valueOf(parseDuration(new Date(Date.UTC(1899, 11, 30, 0, 1, 20))))).toBe(80);
  });

  it.each(['abc', '1:70', '1分20', '秒', '00:60:00'])('refuses %j', (raw) => {
    expect(codeOf(parseDuration(raw))).toBe('INVALID_DURATION');
  });
});

describe('parseDateTime', () => {
  it('knows leap years by the Gregorian rule', () => {
    for (const day of ['2000-02-29', '2024-02-29', '2026-02-28', '2026年2月28日'])
      expect(parseDateTime(day, 'UTC').ok, day).toBe(true);
    for (const day of ['1900-02-29', '2100-02-29', '2026-02-29', '2026年2月29日'])
      expect(codeOf(parseDateTime(day, 'UTC')), day).toBe('IMPOSSIBLE_DATE');
  });

  it('reads the plain yyyy-mm-dd forms exactly as the general parser does', () => {
    const cells: string[] = [];
    for (const date of [
      '2026-05-29',
      '2024/02/29',
      '2026.12.31',
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '0999-01-01',
      '2026-05-2x',
    ])
      for (const time of [
        '',
        ' 00:00',
        'T23:59',
        ' 24:00',
        ' 12:60',
        ' 09:05:07',
        ' 09:05:60',
        'T12:40:34',
        ' 1:02:03',
        ' 12:4a',
      ])
        cells.push(date + time);
    for (const zone of ['Asia/Shanghai', 'America/New_York']) {
      for (const cell of cells) {
        // A leading space takes the general path (the cell is normalised first).
        const fast = parseDateTime(cell, zone);
        const general = parseDateTime(` ${cell}`, zone);
        if (general.ok) expect(fast, cell).toEqual(general);
        else expect(fast.ok ? 'ok' : fast.code, cell).toBe(general.code);
      }
    }
  });

  it.each([
    ['2026年03月25日09时49分34秒', '2026-03-25', '2026-03-25T01:49:34.000Z'],
    ['2026年05月29日 12:40:34', '2026-05-29', '2026-05-29T04:40:34.000Z'],
    ['2026/5/29 12:40', '2026-05-29', '2026-05-29T04:40:00.000Z'],
    ['2026-05-29 12:40:34', '2026-05-29', '2026-05-29T04:40:34.000Z'],
    ['2026-05-29T12:40:34+08:00', '2026-05-29', '2026-05-29T04:40:34.000Z'],
  ])('reads %j as the wall clock in the workspace zone', (raw, date, at) => {
    const v = valueOf(parseDateTime(raw, SH));
    expect(v?.date).toBe(date);
    expect(v?.at?.toISOString()).toBe(at);
  });

  it.each(['2026年5月29日', '2026/5/29', '2026-05-29', '20260529', 20260529, '2026.05.29'])(
    'reads %j as a day without a time',
    (raw) => {
      expect(valueOf(parseDateTime(raw, SH))).toEqual({ date: '2026-05-29' });
    },
  );

  it('reads Excel serials in the 1900 date system', () => {
    // 45658 is 2025-01-01; 46170 is 512 days later.
    expect(valueOf(parseDateTime(45658, SH))).toEqual({ date: '2025-01-01' });
    const v = valueOf(parseDateTime(46170.5, SH));
    expect(v?.date).toBe('2026-05-28');
    expect(v?.at?.toISOString()).toBe('2026-05-28T04:00:00.000Z');
  });

  it('reads a reader Date by its UTC fields as the wall clock in the zone', () => {
    const cell = new Date(Date.UTC(2026, 4, 29, 12, 40, 34));
    expect(valueOf(parseDateTime(cell, SH))?.at?.toISOString()).toBe('2026-05-29T04:40:34.000Z');
    expect(valueOf(parseDateTime(cell, 'America/New_York'))?.at?.toISOString()).toBe(
      '2026-05-29T16:40:34.000Z',
    );
    expect(valueOf(parseDateTime(new Date(Date.UTC(2026, 4, 29)), SH))).toEqual({
      date: '2026-05-29',
    });
  });

  it('rounds the float noise of Excel times to the second', () => {
    const cell = new Date(Date.UTC(2026, 4, 29, 12, 40, 34) - 1);
    expect(valueOf(parseDateTime(cell, SH))?.at?.toISOString()).toBe('2026-05-29T04:40:34.000Z');
  });

  it('puts an instant late in the UTC day on the next local day', () => {
    // 2026-05-29T20:00Z is 04:00 on the 30th in Shanghai.
    expect(valueOf(parseDateTime('2026-05-29T20:00:00Z', SH))?.date).toBe('2026-05-30');
  });

  it.each(['2026-02-30', '2026年13月01日', '20260230', '2026-05-29 25:00', '2026-05-29 12:60'])(
    'refuses the impossible date %j',
    (raw) => {
      expect(codeOf(parseDateTime(raw, SH))).toBe('IMPOSSIBLE_DATE');
    },
  );

  it.each(['abc', '5/29', '2026-05-29 noon', '12'])('refuses %j', (raw) => {
    expect(codeOf(parseDateTime(raw, SH))).toBe('INVALID_DATE');
  });
});

describe('normalizeCellText', () => {
  const reference = (raw: string) =>
    raw
      .normalize('NFKC')
      .replace(/[\u200b-\u200d\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim();

  it('gives what NFKC, stripping and collapsing give, for every BMP character in any position', () => {
    const wrong: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `标${ch}题`, ` ${ch}`, `x ${ch} y`, `${ch}${ch}`]) {
        if (normalizeCellText(s) !== reference(s))
          wrong.push(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('collapses and trims spaces and widens nothing in plain text', () => {
    expect(normalizeCellText('  秋天的  第一杯\t拿铁 ')).toBe('秋天的 第一杯 拿铁');
    expect(normalizeCellText('ＡＢＣ１２３')).toBe('ABC123');
    expect(normalizeCellText('桂花拿铁 2025-01-01 10:00')).toBe('桂花拿铁 2025-01-01 10:00');
  });
});
