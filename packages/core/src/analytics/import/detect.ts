/**
 * Finding the header row of an export and the preset it fits. Exports put disclaimers, titles
 * or blank rows above the header (小红书 row 1), reorder columns between versions and add or
 * drop optional ones, so both searches compare header names, never positions.
 */
import { normalizeHeader, type TImportPreset, type TPresetColumn } from './presets';
import {
  isMissingCell,
  normalizeCellText,
  parseDateTime,
  parseNumber,
  type TCellInput,
} from './values';

/** A sheet as read from the file: rows of cells, row 0 being spreadsheet row 1. */
export type TTableRows = readonly (readonly TCellInput[])[];

/** How far down a header row is looked for. */
export const DEFAULT_HEADER_SCAN = 15;

/** Below this share of recognised header cells a preset is not offered as the match. */
export const MIN_DETECT_SCORE = 0.5;

/** How well one preset fits a file. */
export interface TPresetCandidate {
  preset: TImportPreset;
  /** Index (0-based) of the header row in the sheet. */
  headerRowIndex: number;
  /** Share of the file's non-blank header cells the preset recognises, 0..1. */
  score: number;
  /** Preset columns found in the header. */
  matchedColumns: number;
  /** First synonym of each required column the header lacks. */
  missingRequired: string[];
}

/** The preset a file fits best (null when none fits well), with every candidate ranked. */
export interface TDetectResult {
  best: TPresetCandidate | null;
  candidates: TPresetCandidate[];
}

function headerText(cell: TCellInput): string {
  return typeof cell === 'string' ? normalizeCellText(cell) : '';
}

// A header cell is text that is not itself a value: numbers, dates and "-" are data.
function isLabelCell(cell: TCellInput): boolean {
  if (typeof cell !== 'string' || isMissingCell(cell)) return false;
  const number = parseNumber(cell);
  if (number.ok && number.value !== undefined) return false;
  const date = parseDateTime(cell, 'UTC');
  return !(date.ok && date.value !== undefined);
}

function nonBlankCount(row: readonly TCellInput[]): number {
  return row.reduce<number>((n, cell) => n + (isMissingCell(cell) ? 0 : 1), 0);
}

/**
 * Index of the first row that looks like a header: at least two cells, nearly all of them labels
 * rather than values, and at least half as wide as the widest row scanned. Merged disclaimer rows
 * (one cell after flattening) and blank rows are passed over. Null when no row qualifies.
 */
export function findHeaderRow(rows: TTableRows, maxScan = DEFAULT_HEADER_SCAN): number | null {
  const scanned = rows.slice(0, maxScan);
  const widest = Math.max(0, ...scanned.map(nonBlankCount));
  for (let i = 0; i < scanned.length; i++) {
    const row = scanned[i] ?? [];
    const filled = nonBlankCount(row);
    if (filled < 2 || filled * 2 < widest) continue;
    const labels = row.filter(isLabelCell).length;
    if (labels >= filled * 0.8) return i;
  }
  return null;
}

/** For each preset column, the index of the first header cell naming it (later duplicates lose). */
export function matchPresetColumns(
  header: readonly TCellInput[],
  columns: readonly TPresetColumn[],
): Map<TPresetColumn, number> {
  const byName = new Map<string, TPresetColumn>();
  for (const column of columns) {
    for (const h of column.headers) {
      const key = normalizeHeader(h);
      if (!byName.has(key)) byName.set(key, column);
    }
  }
  const found = new Map<TPresetColumn, number>();
  header.forEach((cell, index) => {
    const column = byName.get(normalizeHeader(headerText(cell)));
    if (column && !found.has(column)) found.set(column, index);
  });
  return found;
}

function scoreRow(
  preset: TImportPreset,
  header: readonly TCellInput[],
  headerRowIndex: number,
): TPresetCandidate {
  const found = matchPresetColumns(header, preset.columns);
  const known = new Set((preset.knownHeaders ?? []).map(normalizeHeader));
  const mappedIndexes = new Set(found.values());
  let cells = 0;
  let recognised = 0;
  header.forEach((cell, index) => {
    const text = headerText(cell);
    if (text === '') return;
    cells++;
    if (mappedIndexes.has(index) || known.has(normalizeHeader(text))) recognised++;
  });
  return {
    preset,
    headerRowIndex,
    score: cells === 0 ? 0 : recognised / cells,
    matchedColumns: found.size,
    missingRequired: preset.columns
      .filter((c) => c.required && !found.has(c))
      .map((c) => c.headers[0] ?? c.field),
  };
}

// Complete presets first, then the best share of the file explained, then the preset most of
// whose own columns are present (the narrower fit), then platform presets over generic ones.
function compareCandidates(a: TPresetCandidate, b: TPresetCandidate): number {
  const complete = Number(a.missingRequired.length > 0) - Number(b.missingRequired.length > 0);
  if (complete !== 0) return complete;
  if (a.score !== b.score) return b.score - a.score;
  const coverage = (c: TPresetCandidate) => c.matchedColumns / Math.max(1, c.preset.columns.length);
  if (coverage(a) !== coverage(b)) return coverage(b) - coverage(a);
  return Number(a.preset.platform === null) - Number(b.preset.platform === null);
}

/**
 * The header row where `preset` recognises the most columns within the first `maxScan` rows,
 * with its fit; rows where nothing matches are never chosen.
 */
export function scorePreset(
  rows: TTableRows,
  preset: TImportPreset,
  maxScan = DEFAULT_HEADER_SCAN,
): TPresetCandidate | null {
  let best: TPresetCandidate | null = null;
  const scanned = rows.slice(0, maxScan);
  for (let index = 0; index < scanned.length; index++) {
    const candidate = scoreRow(preset, scanned[index] ?? [], index);
    if (candidate.matchedColumns === 0) continue;
    if (
      !best ||
      candidate.matchedColumns > best.matchedColumns ||
      (candidate.matchedColumns === best.matchedColumns && candidate.score > best.score)
    ) {
      best = candidate;
    }
  }
  return best;
}

/**
 * The preset a sheet fits best. A preset is offered when at least two of its columns and
 * MIN_DETECT_SCORE of the header cells are recognised; it may still lack required columns
 * (listed), so the UI can say "looks like 抖音 作品数据 but 作品名称 is missing".
 */
export function detectPreset(
  rows: TTableRows,
  presets: readonly TImportPreset[],
  maxScan = DEFAULT_HEADER_SCAN,
): TDetectResult {
  const candidates = presets
    .map((p) => scorePreset(rows, p, maxScan))
    .filter((c): c is TPresetCandidate => c !== null)
    .sort(compareCandidates);
  const best = candidates.find((c) => c.matchedColumns >= 2 && c.score >= MIN_DETECT_SCORE) ?? null;
  return { best, candidates };
}
