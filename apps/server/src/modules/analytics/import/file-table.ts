/**
 * Reading an uploaded export (CSV or XLSX) into plain rows of cells for the core import parsers.
 * Uploads are untrusted: sizes, row counts and the zip structure are checked before anything is
 * parsed, so a zip bomb or a truncated file is refused with a clear reason instead of eating
 * memory or failing deep inside a library.
 */
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { DomainError } from '../../../platform/errors';

/** One cell as the import parsers take it. */
export type TTableCell = string | number | Date | null;

export interface TSheet {
  name: string;
  /** rows[0] is spreadsheet row 1; rows may be empty arrays and of different lengths. */
  rows: TTableCell[][];
}

export interface TFileTable {
  sheets: TSheet[];
}

export interface TTableLimits {
  /** Largest upload accepted. */
  maxBytes: number;
  /** Most rows over all sheets. */
  maxRows: number;
  maxZipEntries: number;
  /** Largest uncompressed size of one zip entry. */
  maxEntryBytes: number;
  /** Largest uncompressed size of all zip entries together. */
  maxUncompressedBytes: number;
  /** Highest uncompressed ÷ compressed size of an entry larger than 1 MiB. */
  maxCompressionRatio: number;
}

export const DEFAULT_TABLE_LIMITS: TTableLimits = {
  maxBytes: 20 * 1024 * 1024,
  // 100,000 data rows plus the few a header and a disclaimer take.
  maxRows: 100_010,
  maxZipEntries: 200,
  maxEntryBytes: 100 * 1024 * 1024,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxCompressionRatio: 200,
};

// Small entries cannot exhaust memory whatever their ratio, and tiny XML parts of real
// workbooks (styles, repeated empty cells) legitimately compress very well.
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export type TFileTableErrorCode =
  | 'FILE_TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'ZIP_LIMITS'
  | 'NOT_A_SPREADSHEET'
  | 'BAD_ENCODING'
  | 'TRUNCATED';

/** Why a file could not be read; `message` is zh-CN, `messageEn` en-US. */
export class FileTableError extends Error {
  constructor(
    readonly code: TFileTableErrorCode,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'FileTableError';
  }
}

/** The HTTP-level error for a file that could not be read. */
export function toDomainError(error: FileTableError): DomainError {
  switch (error.code) {
    case 'FILE_TOO_LARGE':
    case 'TOO_MANY_ROWS':
    case 'ZIP_LIMITS':
      return new DomainError('PAYLOAD_TOO_LARGE', error.messageEn, [
        { field: 'file', message: error.messageEn },
      ]);
    case 'NOT_A_SPREADSHEET':
      return new DomainError('UNSUPPORTED_MEDIA', error.messageEn, [
        { field: 'file', message: error.messageEn },
      ]);
    case 'BAD_ENCODING':
    case 'TRUNCATED':
      return new DomainError('VALIDATION', `file: ${error.messageEn}`, [
        { field: 'file', message: error.messageEn },
      ]);
    default: {
      const never: never = error.code;
      return never;
    }
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell safe to write into an exported CSV/XLSX: text starting with = + - @ tab or CR gets a
 * leading `'` so a spreadsheet shows it instead of running it as a formula (CSV injection).
 */
export function escapeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

const notSpreadsheet = (zh: string, en: string) => new FileTableError('NOT_A_SPREADSHEET', zh, en);

const truncated = () =>
  new FileTableError(
    'TRUNCATED',
    '文件不完整或已损坏，请重新从平台下载',
    'The file is incomplete or damaged; download it from the platform again',
  );

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((b, i) => bytes[i] === b);

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const BINARY_MAGICS: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
  [0x52, 0x61, 0x72, 0x21], // RAR
];

/**
 * The sheets of an uploaded CSV or XLSX file as rows of cells. Throws FileTableError when the
 * file is too large, has too many rows, breaks the zip limits, is not a spreadsheet (including
 * old .xls), is in an unknown text encoding, or is truncated.
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<TTableLimits> = {},
): Promise<TFileTable> {
  const l: TTableLimits = { ...DEFAULT_TABLE_LIMITS, ...limits };
  if (bytes.length > l.maxBytes) {
    throw new FileTableError(
      'FILE_TOO_LARGE',
      `文件大小 ${mb(bytes.length)}，超过上限 ${mb(l.maxBytes)}`,
      `The file is ${mb(bytes.length)}, over the ${mb(l.maxBytes)} limit`,
    );
  }
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) {
    return readXlsx(bytes, l);
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    // Password-protected .xlsx files are OLE containers too; the fix for the user differs.
    if (Buffer.from(bytes).includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw notSpreadsheet(
        '文件设置了密码，请在 Excel 中取消密码后另存为 .xlsx 再上传',
        'The file is password-protected; remove the password in Excel, save as .xlsx and upload again',
      );
    }
    throw notSpreadsheet(
      '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 .csv 后再上传',
      'Old Excel (.xls) files are not supported; save the file as .xlsx or .csv in Excel and upload again',
    );
  }
  if (extension === 'xlsx' || extension === 'xlsm') {
    if (bytes.length === 0) throw truncated();
    throw notSpreadsheet(
      '文件扩展名是 .xlsx，但内容不是 Excel 工作簿',
      'The file is named .xlsx but is not an Excel workbook',
    );
  }
  if (BINARY_MAGICS.some((m) => startsWith(bytes, m))) {
    throw notSpreadsheet(
      '这不是表格文件，请上传 .xlsx 或 .csv',
      'This is not a spreadsheet; upload an .xlsx or .csv file',
    );
  }
  return { sheets: [readCsv(bytes, fileName, l)] };
}

// ---------------------------------------------------------------------------------------------
// CSV

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeStrict('utf-8', bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return decodeStrict('utf-16le', bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return decodeStrict('utf-16be', bytes.subarray(2));
  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) return decodeStrict(utf16, bytes);
  // Chinese Excel saves CSV in GBK by default; GB18030 is its superset.
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // Not this encoding; try the next.
    }
  }
  throw badEncoding();
}

const badEncoding = () =>
  new FileTableError(
    'BAD_ENCODING',
    '无法识别文件的文字编码，请另存为「CSV UTF-8」后再上传',
    'The text encoding of the file is not recognised; save it as "CSV UTF-8" and upload again',
  );

function decodeStrict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw badEncoding();
  }
}

// UTF-16 without a BOM puts a zero byte beside every ASCII character; text in any 8-bit
// encoding has none.
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 2000);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  });
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  if (odd > pairs * 0.3 && even < pairs * 0.05) return 'utf-16le';
  if (even > pairs * 0.3 && odd < pairs * 0.05) return 'utf-16be';
  return null;
}

const WRAPPED = /^="(.*)"$/s;
const EDGE_SPACE = /^\s|\s$/;

// Platforms wrap long ids as ="0123…" so Excel keeps them as text.
function csvCell(raw: string): TTableCell {
  // 61 is '='; most cells are not wrapped and have no space at either end.
  const wrapped = raw.charCodeAt(0) === 61 ? WRAPPED.exec(raw) : null;
  const text = wrapped ? (wrapped[1] ?? '') : raw;
  if (text === '') return null;
  return EDGE_SPACE.test(text) && text.trim() === '' ? null : text;
}

function readCsv(bytes: Uint8Array, fileName: string, l: TTableLimits): TSheet {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) {
    throw notSpreadsheet(
      '这不是文本表格文件，请上传 .xlsx 或 .csv',
      'This is not a text table; upload an .xlsx or .csv file',
    );
  }
  if (/^\s*</.test(text)) {
    // Some platforms serve an HTML table named .xls.
    throw notSpreadsheet(
      '这是网页格式的文件（常见于以 .xls 命名的导出），请用 Excel 打开后另存为 .xlsx 或 .csv',
      'This is a web page (common for exports named .xls); open it in Excel and save as .xlsx or .csv',
    );
  }
  const parsed = Papa.parse<string[]>(text, {
    delimiter: detectDelimiter(text),
    skipEmptyLines: false,
    // One row beyond the limit is enough to know it is exceeded.
    preview: l.maxRows + 2,
  });
  if (parsed.errors.some((e) => e.code === 'MissingQuotes')) throw truncated();
  const data = parsed.data;
  // A final line break leaves one empty record that is not a row of the table.
  const last = data[data.length - 1];
  if (last && last.length === 1 && last[0] === '') data.pop();
  if (data.length > l.maxRows) throw tooManyRows(l.maxRows);
  const name = fileName.replace(/\.[^./\\]+$/, '') || 'Sheet1';
  // In place: a file has up to 10^5 records, and a copy of each is garbage at once.
  const rows: TTableCell[][] = data;
  for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = csvCell(row[i] as string);
  return { name, rows };
}

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * The delimiter that splits the most of the first records into the same number (> 1) of fields.
 * Papaparse's own guess gives up on short files (a trailing blank line upsets its variance test).
 */
export function detectDelimiter(text: string): string {
  let best: { delimiter: string; rows: number; fields: number } = {
    delimiter: ',',
    rows: 0,
    fields: 1,
  };
  for (const delimiter of DELIMITERS) {
    const records = Papa.parse<string[]>(text, { delimiter, preview: 50 }).data;
    const byWidth = new Map<number, number>();
    for (const r of records) {
      if (r.length > 1) byWidth.set(r.length, (byWidth.get(r.length) ?? 0) + 1);
    }
    for (const [fields, rows] of byWidth) {
      if (rows > best.rows || (rows === best.rows && fields > best.fields)) {
        best = { delimiter, rows, fields };
      }
    }
  }
  return best.delimiter;
}

const tooManyRows = (max: number) =>
  new FileTableError(
    'TOO_MANY_ROWS',
    `表格超过 ${max} 行，请分批导出后再上传`,
    `The table has more than ${max} rows; export it in smaller parts`,
  );

// ---------------------------------------------------------------------------------------------
// XLSX: the zip structure is checked here before exceljs (JSZip) inflates anything.

/** One entry of a zip central directory. */
export interface TZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

const zipLimits = (zh: string, en: string) => new FileTableError('ZIP_LIMITS', zh, en);

/** The entries listed in a zip's central directory, refusing damaged or oversized archives. */
export function readZipDirectory(bytes: Uint8Array, l: TTableLimits): TZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) throw truncated();
  let entryCount = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0) {
    throw notSpreadsheet('不支持分卷压缩文件', 'Split (multi-part) archives are not supported');
  }
  if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const zip64 = readZip64Eocd(view, eocd);
    entryCount = zip64.entryCount;
    cdSize = zip64.cdSize;
    cdOffset = zip64.cdOffset;
  }
  if (entryCount > l.maxZipEntries) {
    throw zipLimits(
      `压缩包内有 ${entryCount} 个文件，超过上限 ${l.maxZipEntries}`,
      `The archive holds ${entryCount} entries, over the limit of ${l.maxZipEntries}`,
    );
  }
  if (cdOffset + cdSize > eocd) throw truncated();

  const entries: TZipEntry[] = [];
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < entryCount; i++) {
    if (p + 46 > cdOffset + cdSize || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw truncated();
    }
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > cdOffset + cdSize) throw truncated();
    const entry: TZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    };
    applyZip64Extra(view, p + 46 + nameLength, extraLength, entry);
    checkEntry(entry, l);
    total += entry.uncompressedSize;
    if (total > l.maxUncompressedBytes) {
      throw zipLimits(
        `解压后超过 ${mb(l.maxUncompressedBytes)}，文件过大或是压缩炸弹`,
        `Uncompressed, the file exceeds ${mb(l.maxUncompressedBytes)}: too large or a zip bomb`,
      );
    }
    entries.push(entry);
    p = end;
  }
  return entries;
}

function findEocd(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let p = view.byteLength - 22; p >= min; p--) {
    if (view.getUint32(p, true) !== EOCD_SIGNATURE) continue;
    // The comment length must reach the end of the file, or this is a stray signature in data.
    if (p + 22 + view.getUint16(p + 20, true) === view.byteLength) return p;
  }
  return -1;
}

function readZip64Eocd(view: DataView, eocd: number) {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR_SIGNATURE) throw truncated();
  const record = Number(view.getBigUint64(locator + 8, true));
  if (record + 56 > locator || view.getUint32(record, true) !== ZIP64_EOCD_SIGNATURE) {
    throw truncated();
  }
  return {
    entryCount: Number(view.getBigUint64(record + 32, true)),
    cdSize: Number(view.getBigUint64(record + 40, true)),
    cdOffset: Number(view.getBigUint64(record + 48, true)),
  };
}

// ZIP64 moves sizes that do not fit 32 bits into extra field 0x0001, in a fixed order, holding
// only the fields whose 32-bit slot is 0xFFFFFFFF.
function applyZip64Extra(view: DataView, start: number, length: number, entry: TZipEntry) {
  let p = start;
  while (p + 4 <= start + length) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const read = () => {
        if (q + 8 > p + 4 + size) throw truncated();
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = read();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = read();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = read();
      return;
    }
    p += 4 + size;
  }
}

function checkEntry(entry: TZipEntry, l: TTableLimits) {
  if (entry.flags & 0x1) {
    throw notSpreadsheet('文件已加密，无法读取', 'The file is encrypted and cannot be read');
  }
  if (entry.uncompressedSize > l.maxEntryBytes) {
    throw zipLimits(
      `压缩包内的「${entry.name}」解压后有 ${mb(entry.uncompressedSize)}，超过上限 ${mb(l.maxEntryBytes)}`,
      `"${entry.name}" in the archive is ${mb(entry.uncompressedSize)} uncompressed, over the ${mb(l.maxEntryBytes)} limit`,
    );
  }
  if (
    entry.uncompressedSize > RATIO_CHECK_MIN_BYTES &&
    entry.uncompressedSize > entry.compressedSize * l.maxCompressionRatio
  ) {
    throw zipLimits(
      `压缩包内的「${entry.name}」压缩比异常（疑似压缩炸弹）`,
      `"${entry.name}" in the archive has an abnormal compression ratio (likely a zip bomb)`,
    );
  }
}

// The central directory can lie about sizes, so each entry is inflated once with its declared
// size as a hard cap before exceljs sees the file.
function verifyEntryData(bytes: Uint8Array, entry: TZipEntry) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIGNATURE) throw truncated();
  const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw truncated();
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.uncompressedSize) throw truncated();
    return;
  }
  if (entry.method !== 8) {
    throw notSpreadsheet(
      '工作簿使用了不支持的压缩方式',
      'The workbook uses an unsupported compression method',
    );
  }
  let inflated: Buffer;
  try {
    inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if (error instanceof RangeError) {
      throw zipLimits(
        `压缩包内的「${entry.name}」实际大小超过声明的大小（疑似压缩炸弹）`,
        `"${entry.name}" in the archive inflates beyond its declared size (likely a zip bomb)`,
      );
    }
    throw truncated();
  }
  if (inflated.length !== entry.uncompressedSize) throw truncated();
}

async function readXlsx(bytes: Uint8Array, l: TTableLimits): Promise<TFileTable> {
  const entries = readZipDirectory(bytes, l);
  for (const entry of entries) verifyEntryData(bytes, entry);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw notSpreadsheet(
      '这是压缩包而不是 Excel 工作簿，请上传 .xlsx 或 .csv',
      'This is a zip archive, not an Excel workbook; upload an .xlsx or .csv file',
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // read() rather than load(): exceljs declares its own global Buffer that no Node Buffer fits.
    await workbook.xlsx.read(
      Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    );
  } catch {
    throw notSpreadsheet(
      '无法读取这个 Excel 工作簿，请在 Excel 中打开后另存为 .xlsx 再上传',
      'This Excel workbook cannot be read; open it in Excel, save as .xlsx and upload again',
    );
  }
  const rowTotal = workbook.worksheets.reduce((n, ws) => n + ws.rowCount, 0);
  if (rowTotal > l.maxRows) throw tooManyRows(l.maxRows);
  return { sheets: workbook.worksheets.map(readWorksheet) };
}

function readWorksheet(ws: ExcelJS.Worksheet): TSheet {
  const rows: TTableCell[][] = Array.from({ length: ws.rowCount }, () => []);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TTableCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged range keeps its value in the top-left cell; exceljs echoes it in the others.
      const value =
        cell.isMerged && cell.master.address !== cell.address ? null : flatten(cell.value);
      while (cells.length < colNumber - 1) cells.push(null);
      cells[colNumber - 1] = value;
    });
    rows[rowNumber - 1] = cells;
  });
  return { name: ws.name, rows };
}

type TFormulaResult = ExcelJS.CellFormulaValue['result'];

function flattenResult(result: TFormulaResult): TTableCell {
  if (result === undefined || result === null) return null;
  if (typeof result === 'object' && !(result instanceof Date)) return result.error;
  return flattenScalar(result);
}

function flattenScalar(value: string | number | boolean | Date): TTableCell {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  return value;
}

function richText(value: ExcelJS.CellRichTextValue): string {
  return value.richText.map((r) => r.text).join('');
}

/** A cell value as plain data: formulas → cached result, rich text and links → their text. */
export function flatten(value: ExcelJS.CellValue): TTableCell {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return flattenScalar(value);
  if ('richText' in value) return flattenScalar(richText(value));
  if ('formula' in value || 'sharedFormula' in value) return flattenResult(value.result);
  if ('hyperlink' in value) {
    // exceljs types the text as a string, but a styled link arrives as rich text.
    const text: unknown = value.text;
    if (typeof text === 'string') return flattenScalar(text);
    if (isRichText(text)) return flattenScalar(richText(text));
    return null;
  }
  if ('error' in value) return value.error;
  return null;
}

function isRichText(value: unknown): value is ExcelJS.CellRichTextValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    'richText' in value &&
    Array.isArray(value.richText)
  );
}
