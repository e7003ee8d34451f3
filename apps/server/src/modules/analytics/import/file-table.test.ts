import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  escapeCell,
  FileTableError,
  readTable,
  toDomainError,
  type TFileTableErrorCode,
} from './file-table';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function codeOf(promise: Promise<unknown>): Promise<TFileTableErrorCode> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileTableError) return error.code;
    throw error;
  }
  throw new Error('expected readTable to refuse the file');
}

interface TZipPart {
  name: string;
  data: Buffer;
  /** Sizes to write into the headers instead of the real ones. */
  declaredSize?: number;
  stored?: boolean;
}

// A minimal zip writer, so malicious archives can be built in the test instead of committed.
function makeZip(parts: readonly TZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const body = part.stored ? part.data : deflateRawSync(part.data);
    const size = part.declaredSize ?? part.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.stored ? 0 : 8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(part.stored ? 0 : 8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

describe('readTable: CSV', () => {
  it('decodes UTF-8 with a BOM, keeps quoted commas and CRLF rows', async () => {
    const { sheets } = await readTable(fixture('bilibili-compare.csv'), 'bilibili-compare.csv');
    expect(sheets).toHaveLength(1);
    expect(sheets[0]?.name).toBe('bilibili-compare');
    const rows = sheets[0]?.rows ?? [];
    expect(rows).toHaveLength(4);
    expect(rows[0]?.[0]).toBe('视频标题');
    expect(rows[1]?.[0]).toBe('【开箱】新款相机, 测评与对比');
  });

  it('falls back to GB18030 for a GBK file', async () => {
    const { sheets } = await readTable(fixture('generic-content-gbk.csv'), 'export.csv');
    expect(sheets[0]?.rows[0]).toEqual([
      '内容ID',
      '标题',
      '发布时间',
      '曝光',
      '阅读/播放',
      '点赞',
      '评论',
      '分享',
      '收藏',
      '新增关注',
    ]);
    expect(sheets[0]?.rows[1]?.[4]).toBe('12,345');
  });

  it('decodes UTF-16 with a BOM and detects tab and semicolon delimiters', async () => {
    const text = '\ufeff日期\t阅读次数\r\n2026-05-01\t12\r\n';
    const utf16 = Buffer.from(text, 'utf16le');
    expect((await readTable(utf16, 'a.csv')).sheets[0]?.rows).toEqual([
      ['日期', '阅读次数'],
      ['2026-05-01', '12'],
    ]);
    const semi = Buffer.from('date;views\n2026-05-01;"1,2"\n', 'utf8');
    expect((await readTable(semi, 'a.csv')).sheets[0]?.rows).toEqual([
      ['date', 'views'],
      ['2026-05-01', '1,2'],
    ]);
  });

  it('prefers tabs over commas that only occur inside titles', async () => {
    const bytes = Buffer.from('title\tviews\nA, B and C\t1\nD\t2\nE, F\t3\n', 'utf8');
    expect((await readTable(bytes, 'a.txt')).sheets[0]?.rows).toEqual([
      ['title', 'views'],
      ['A, B and C', '1'],
      ['D', '2'],
      ['E, F', '3'],
    ]);
  });

  it('reads UTF-16LE without a BOM', async () => {
    const bytes = Buffer.from('date,views\r\n2026-05-01,12\r\n', 'utf16le');
    expect((await readTable(bytes, 'a.csv')).sheets[0]?.rows[1]).toEqual(['2026-05-01', '12']);
  });

  it('unwraps ="…" text cells and turns blank cells into null', async () => {
    const bytes = Buffer.from('id,title\n="00123", \n=" ",\t\n="=1", 标题 \n', 'utf8');
    expect((await readTable(bytes, 'a.csv')).sheets[0]?.rows).toEqual([
      ['id', 'title'],
      ['00123', null],
      [null, null],
      // Text keeps its own spaces (the parsers trim); only a wrapped cell is unwrapped.
      ['=1', ' 标题 '],
    ]);
  });

  it('refuses a file in neither UTF-8 nor GBK', async () => {
    expect(await codeOf(readTable(fixture('wrong-encoding.csv'), 'wrong-encoding.csv'))).toBe(
      'BAD_ENCODING',
    );
  });

  it('refuses a CSV that ends inside a quoted field', async () => {
    const bytes = Buffer.from('title,views\n"unterminated,12\n', 'utf8');
    expect(await codeOf(readTable(bytes, 'a.csv'))).toBe('TRUNCATED');
  });

  it('refuses an HTML page named .xls and binary files', async () => {
    const html = Buffer.from('<html><table><tr><td>1</td></tr></table></html>', 'utf8');
    expect(await codeOf(readTable(html, 'export.xls'))).toBe('NOT_A_SPREADSHEET');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await codeOf(readTable(png, 'a.csv'))).toBe('NOT_A_SPREADSHEET');
  });

  it('enforces the byte and row limits', async () => {
    const bytes = Buffer.from('a,b\n1,2\n3,4\n', 'utf8');
    expect(await codeOf(readTable(bytes, 'a.csv', { maxBytes: 5 }))).toBe('FILE_TOO_LARGE');
    expect(await codeOf(readTable(bytes, 'a.csv', { maxRows: 2 }))).toBe('TOO_MANY_ROWS');
    expect((await readTable(bytes, 'a.csv', { maxRows: 3 })).sheets[0]?.rows).toHaveLength(3);
  });
});

describe('readTable: XLSX', () => {
  it('keeps a merged value in its top-left cell only', async () => {
    const { sheets } = await readTable(fixture('xiaohongshu-notes.xlsx'), 'x.xlsx');
    const rows = sheets[0]?.rows ?? [];
    expect(sheets[0]?.name).toBe('笔记列表明细表');
    expect(rows[0]?.[0]).toBe('最多导出排序后前1000条笔记');
    expect(rows[0]?.slice(1).every((c) => c === null)).toBe(true);
    expect(rows[1]?.[0]).toBe('笔记标题');
  });

  it('returns dates as Date and numbers as numbers', async () => {
    const { sheets } = await readTable(fixture('wechat-oa-content-detail.xlsx'), 'a.xlsx');
    const row = sheets[0]?.rows[1] ?? [];
    expect(row[0]).toEqual(new Date(Date.UTC(2026, 4, 1)));
    expect(row[1]).toBe(1200);
  });

  it('flattens formulas to cached results, rich text and links to text', async () => {
    const { sheets } = await readTable(fixture('formulas.xlsx'), 'formulas.xlsx');
    const rows = sheets[0]?.rows ?? [];
    expect(rows[1]).toEqual([
      'f-1',
      '富文本标题',
      'https://example.com/a',
      '2026-05-01 10:00',
      120,
      10,
      5,
    ]);
    // A formula without a cached result has no value, never its formula text.
    expect(rows[2]?.[5]).toBeNull();
    expect(rows[3]?.[4]).toBe('300');
    expect(rows[3]?.[6]).toBe('#DIV/0!');
    const cells = rows.flat().filter((c): c is string => typeof c === 'string');
    expect(cells.some((c) => c.includes('SUM(') || c.includes('100+20'))).toBe(false);
  });

  it('refuses a truncated download', async () => {
    expect(await codeOf(readTable(fixture('truncated.xlsx'), 'truncated.xlsx'))).toBe('TRUNCATED');
  });

  it('refuses a garbled central directory', async () => {
    const bytes = Buffer.from(fixture('douyin-works.xlsx'));
    const cdOffset = bytes.readUInt32LE(bytes.length - 22 + 16);
    bytes.writeUInt32LE(0xdeadbeef, cdOffset);
    expect(await codeOf(readTable(bytes, 'a.xlsx'))).toBe('TRUNCATED');
  });

  it('refuses old binary .xls with advice to save as .xlsx or .csv', async () => {
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
    ]);
    await expect(readTable(ole, 'report.xls')).rejects.toMatchObject({
      code: 'NOT_A_SPREADSHEET',
      message: expect.stringContaining('.xlsx') as string,
      messageEn: expect.stringContaining('save the file as .xlsx or .csv') as string,
    });
  });

  it('refuses a small file declaring a huge entry (zip bomb)', async () => {
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1000), declaredSize: 0xf0000000 },
    ]);
    expect(zip.length).toBeLessThan(2000);
    expect(await codeOf(readTable(zip, 'bomb.xlsx'))).toBe('ZIP_LIMITS');
  });

  it('refuses an entry compressed more than 200 to 1', async () => {
    const zip = makeZip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024) },
    ]);
    expect(await codeOf(readTable(zip, 'bomb.xlsx'))).toBe('ZIP_LIMITS');
  });

  it('refuses an entry that inflates beyond its declared size', async () => {
    const zip = makeZip([
      { name: 'xl/workbook.xml', data: Buffer.alloc(64 * 1024), declaredSize: 1024 },
    ]);
    expect(await codeOf(readTable(zip, 'liar.xlsx'))).toBe('ZIP_LIMITS');
  });

  it('refuses too many entries and too much in total', async () => {
    const many = makeZip(
      Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.xml`, data: Buffer.from('x') })),
    );
    expect(await codeOf(readTable(many, 'a.xlsx', { maxZipEntries: 4 }))).toBe('ZIP_LIMITS');
    const big = makeZip([
      { name: 'a.xml', data: Buffer.alloc(600), stored: true },
      { name: 'b.xml', data: Buffer.alloc(600), stored: true },
    ]);
    expect(await codeOf(readTable(big, 'a.xlsx', { maxUncompressedBytes: 1000 }))).toBe(
      'ZIP_LIMITS',
    );
    expect(await codeOf(readTable(big, 'a.xlsx', { maxEntryBytes: 500 }))).toBe('ZIP_LIMITS');
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    expect(await codeOf(readTable(zip, 'a.xlsx'))).toBe('NOT_A_SPREADSHEET');
  });

  it('refuses a workbook with more rows than allowed', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    for (let i = 0; i < 5; i++) ws.addRow([i]);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await codeOf(readTable(bytes, 'a.xlsx', { maxRows: 4 }))).toBe('TOO_MANY_ROWS');
  });
});

describe('toDomainError', () => {
  it('maps size problems to 413, wrong files to 415 and damaged ones to validation', () => {
    const e = (code: TFileTableErrorCode) => toDomainError(new FileTableError(code, '中', 'en'));
    expect(e('ZIP_LIMITS').code).toBe('PAYLOAD_TOO_LARGE');
    expect(e('NOT_A_SPREADSHEET').code).toBe('UNSUPPORTED_MEDIA');
    expect(e('TRUNCATED').code).toBe('VALIDATION');
  });
});

describe('escapeCell', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (v) => {
    expect(escapeCell(v)).toBe(`'${v}`);
  });

  it('leaves other text and non-strings alone', () => {
    expect(escapeCell('标题')).toBe('标题');
    expect(escapeCell(-1)).toBe(-1);
    expect(escapeCell(null)).toBeNull();
  });
});
