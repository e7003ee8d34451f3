import { workspaceTimeZone } from '../workspaces/time-zone';
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  ZCreatePresetBody,
  ZImportOptions,
  type TCreatePresetBody,
  type TImport,
  type TImportErrorView,
  type TImportOptions,
  type TImportPresetView,
  type TImportPreview,
  type TImportSummary,
  type TLocale,
  type TMetricsBody,
  ZMetricsBody,
} from '@yunce/contracts';
import {
  cellToString,
  detectPreset,
  findHeaderRow,
  mappingToPreset,
  normalizeTable,
  PRESETS,
  platformName,
  zonedDate,
  type TImportError,
  type TImportPreset,
  type TNormalizedRow,
  type TNormalizedTable,
} from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { pgArray, rowsOf } from '../../platform/db/sql';
import { DomainError, invalid, notFound } from '../../platform/errors';
import type { FileStorage } from '../../platform/storage';
import { recordAudit } from '../audit/audit.service';
import { accounts } from '../accounts/accounts.tables';
import { assertCan } from '../workspaces/workspaces.service';
import { findPosts, ingestRows, keyedRows } from './analytics.ingest';
import { importPresets, metricImports } from './analytics.tables';
import { FileTableError, readTable, toDomainError, type TSheet } from './import/file-table';

/** Files with more rows than this import as a background job with a progress bar. */
export const INLINE_IMPORT_ROWS = 3000;
const MAX_STORED_ERRORS = 500;

type ImportRow = typeof metricImports.$inferSelect;
type StoredError = ImportRow['errors'][number] & { messageEn?: string };

export type Prepared = {
  sha256: string;
  sheet: TSheet;
  sheetNames: string[];
  preset: TImportPreset | null;
  candidates: { id: string; name: string; score: number; missing: string[] }[];
  headerRow: number;
  table: TNormalizedTable | null;
  account: typeof accounts.$inferSelect;
  timeZone: string;
};

function errorView(e: StoredError | TImportError, locale: TLocale): TImportErrorView {
  return {
    row: e.row,
    column: e.column,
    value: e.value,
    message: locale === 'en-US' && e.messageEn ? e.messageEn : e.message,
    rowSkipped: e.rowSkipped,
  };
}

export function createImportsService(deps: {
  database: Database;
  clock: Clock;
  storage: FileStorage;
  /** Queues the background job of a big import (pg-boss in the app). */
  sendJob: (queue: string, data: { importId: string }) => Promise<void>;
}) {
  const { db } = deps.database;
  const { clock } = deps;

  async function workspacePresets(workspaceId: string): Promise<TImportPreset[]> {
    const rows = await db
      .select()
      .from(importPresets)
      .where(eq(importPresets.workspaceId, workspaceId))
      .orderBy(importPresets.createdAt);
    return rows.map((r) => {
      const p = mappingToPreset(r.mapping, r.id);
      return { ...p, name: { 'zh-CN': r.name, 'en-US': r.name } };
    });
  }

  const timeZoneOf = (workspaceId: string) => workspaceTimeZone(db, workspaceId);

  /** Reads and understands a file without writing anything. */
  async function prepare(
    workspaceId: string,
    bytes: Buffer,
    fileName: string,
    input: TImportOptions,
    locale: TLocale,
  ): Promise<Prepared> {
    const options = ZImportOptions.parse(input);
    const account = await db.query.accounts.findFirst({
      where: and(eq(accounts.id, options.accountId), eq(accounts.workspaceId, workspaceId)),
    });
    if (!account) throw invalid('accountId', 'no such account in this workspace');
    let file;
    try {
      file = await readTable(new Uint8Array(bytes), fileName);
    } catch (err) {
      if (err instanceof FileTableError) throw toDomainError(err);
      throw err;
    }
    const all = [...PRESETS, ...(await workspacePresets(workspaceId))];
    let sheet = file.sheets[0];
    if (options.sheet) {
      sheet = file.sheets.find((s) => s.name === options.sheet);
      if (!sheet) throw invalid('sheet', `the file has no sheet named ${options.sheet}`);
    }
    if (!sheet) throw invalid('file', 'the file has no sheet with data');
    let preset: TImportPreset | null = null;
    let detected = detectPreset(sheet.rows, all);
    if (!options.sheet && !options.presetId && !options.mapping) {
      // A workbook's first sheet may be a cover page: take the sheet that fits best.
      for (const s of file.sheets) {
        const d = detectPreset(s.rows, all);
        if ((d.best?.score ?? 0) > (detected.best?.score ?? 0)) {
          detected = d;
          sheet = s;
        }
      }
    }
    if (options.mapping) preset = mappingToPreset(options.mapping, 'custom');
    else if (options.presetId) {
      preset =
        all.find((p) => p.id === options.presetId) ??
        all.find(
          (p) => p.name['zh-CN'] === options.presetId || p.name['en-US'] === options.presetId,
        ) ??
        null;
      if (!preset) throw invalid('presetId', `unknown preset ${options.presetId}`);
    } else preset = detected.best?.preset ?? null;
    if (preset?.platform && preset.platform !== account.platform && account.platform !== 'other') {
      throw invalid(
        'accountId',
        locale === 'en-US'
          ? `this file is a ${platformName(preset.platform, locale)} export but ${account.name} is a ${platformName(account.platform, locale)} account`
          : `这是${platformName(preset.platform, locale)}的导出文件，但「${account.name}」是${platformName(account.platform, locale)}账号`,
      );
    }
    const timeZone = await timeZoneOf(workspaceId);
    const candidate = detected.candidates.find((c) => c.preset.id === preset?.id);
    const table = preset
      ? normalizeTable({
          rows: sheet.rows,
          timeZone,
          preset,
          ...(candidate && !options.mapping ? { headerRowIndex: candidate.headerRowIndex } : {}),
        })
      : null;
    return {
      sha256: createHash('sha256').update(bytes).digest('hex'),
      sheet,
      sheetNames: file.sheets.map((s) => s.name),
      preset,
      candidates: detected.candidates.slice(0, 5).map((c) => ({
        id: c.preset.id,
        name: c.preset.name[locale],
        score: Math.round(c.score * 100) / 100,
        missing: c.missingRequired,
      })),
      headerRow: table ? table.headerRowIndex : (findHeaderRow(sheet.rows) ?? 0),
      table,
      account,
      timeZone,
    };
  }

  /** Whether each row would create a record or update one already stored. */
  async function existingKeys(p: Prepared): Promise<Set<number>> {
    const rows = p.table?.rows ?? [];
    const existing = new Set<number>();
    if (rows.length === 0 || !p.table) return existing;
    if (p.table.grain === 'account') {
      const found = rowsOf(
        await db.execute(sql`
          SELECT am.date::text || '|' || am.channel AS k FROM account_metrics am
          JOIN unnest(${pgArray(rows.map((r) => r.date))}::date[], ${pgArray(rows.map((r) => r.channel ?? 'all'))}::text[]) AS v(date, channel)
            ON am.account_id = ${p.account.id}::uuid AND am.date = v.date AND am.channel = v.channel`),
      );
      const keys = new Set(found.map((f) => String(f.k)));
      for (const r of rows) if (keys.has(`${r.date}|${r.channel ?? 'all'}`)) existing.add(r.row);
      return existing;
    }
    const keyed = keyedRows(rows);
    const ids = new Set<string>();
    const urls = new Set<string>();
    const titles = new Set<string>();
    for (const [, externalId, url, titleKey] of await findPosts(db, p.account.id, keyed)) {
      if (externalId !== null) ids.add(externalId);
      if (url !== null) urls.add(url);
      if (titleKey !== null) titles.add(titleKey);
    }
    for (const k of keyed) {
      if (
        (k.externalId && ids.has(k.externalId)) ||
        (k.r.url && urls.has(k.r.url)) ||
        (k.titleKey && titles.has(k.titleKey))
      )
        existing.add(k.r.row);
    }
    return existing;
  }

  function refuseUnimportable(p: Prepared, locale: TLocale): TNormalizedTable {
    if (!p.preset || !p.table)
      throw invalid(
        'presetId',
        locale === 'en-US'
          ? 'no preset fits this file: choose one or map its columns'
          : '没有匹配这个文件的预设：请选择预设或手动映射列',
      );
    const fatal = p.table.errors.find((e) => e.code === 'MISSING_COLUMN' || e.code === 'NO_HEADER');
    if (fatal) throw invalid('file', locale === 'en-US' ? fatal.messageEn : fatal.message);
    if (p.table.rows.length === 0)
      throw invalid('file', locale === 'en-US' ? 'no row can be imported' : '没有可以导入的行');
    return p.table;
  }

  function present(row: ImportRow, accountName: string, locale: TLocale): TImport {
    return {
      id: row.id,
      accountId: row.accountId,
      accountName,
      fileName: row.fileName,
      presetId: row.presetId,
      presetName: row.presetName,
      status: row.status,
      progress: row.status === 'done' ? 1 : row.progress,
      rows: row.rows,
      created: row.created,
      updated: row.updated,
      skipped: row.skipped,
      errors: (row.errors as StoredError[]).map((e) => errorView(e, locale)),
      failure: row.failure,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
    };
  }

  async function getRow(workspaceId: string, id: string): Promise<ImportRow> {
    const row = await db.query.metricImports.findFirst({
      where: and(eq(metricImports.id, id), eq(metricImports.workspaceId, workspaceId)),
    });
    if (!row) throw notFound('Import');
    return row;
  }

  async function accountName(id: string): Promise<string> {
    const a = await db.query.accounts.findFirst({
      columns: { name: true },
      where: eq(accounts.id, id),
    });
    return a?.name ?? '';
  }

  const storedErrors = (t: TNormalizedTable): StoredError[] =>
    t.errors.slice(0, MAX_STORED_ERRORS).map((e) => ({
      row: e.row,
      column: e.column,
      value: e.value,
      message: e.message,
      messageEn: e.messageEn,
      rowSkipped: e.rowSkipped,
    }));

  /** Writes a prepared file in one transaction and marks its import row done. */
  async function write(
    workspaceId: string,
    importId: string,
    p: Prepared,
    rows: readonly TNormalizedRow[],
    t: TNormalizedTable,
    actor: MemberActor | null,
  ): Promise<ImportRow> {
    const now = clock.now();
    return db.transaction(async (tx) => {
      const r = await ingestRows(tx, {
        workspaceId,
        accountId: p.account.id,
        grain: t.grain,
        rows,
        source: `import:${p.preset?.id ?? 'custom'}`,
        importId,
        at: now,
      });
      const skippedRows = new Set(t.errors.filter((e) => e.rowSkipped).map((e) => e.row)).size;
      const [done] = await tx
        .update(metricImports)
        .set({
          status: 'done',
          progress: 1,
          rows: rows.length + skippedRows,
          created: r.created,
          updated: r.updated,
          skipped: r.skipped + skippedRows,
          errors: storedErrors(t),
          finishedAt: clock.now(),
          storageKey: null,
        })
        .where(eq(metricImports.id, importId))
        .returning();
      if (!done) throw notFound('Import');
      if (actor)
        await recordAudit(tx, now, {
          workspaceId,
          actor,
          action: 'analytics.import',
          entityType: 'account',
          entityId: p.account.id,
          before: null,
          after: {
            importId,
            file: done.fileName,
            preset: p.preset?.id,
            created: r.created,
            updated: r.updated,
          },
        });
      return done;
    });
  }

  const service = {
    /** Built-in presets and the workspace's saved mappings. */
    async listPresets(member: MemberActor, locale: TLocale): Promise<TImportPresetView[]> {
      assertCan(member, 'analytics.read');
      const own = await workspacePresets(member.workspaceId);
      return [
        ...PRESETS.map((p) => ({ p, builtin: true })),
        ...own.map((p) => ({ p, builtin: false })),
      ].map(({ p, builtin }) => ({
        id: p.id,
        name: p.name[locale],
        platform: p.platform,
        grain: p.grain,
        builtin,
        columns: p.columns.map((c) => ({
          field: c.field,
          headers: [...c.headers],
          parse: c.parse,
          required: c.required ?? false,
        })),
        notes: p.notes?.[locale] ?? null,
      }));
    },

    /** Saves a column mapping as a workspace preset. */
    async createPreset(member: MemberActor, input: TCreatePresetBody, locale: TLocale) {
      assertCan(member, 'analytics.import');
      const body = ZCreatePresetBody.parse(input);
      const now = clock.now();
      const [row] = await db.transaction(async (tx) => {
        const created = await tx
          .insert(importPresets)
          .values({
            workspaceId: member.workspaceId,
            name: body.name,
            platform: body.platform,
            mapping: body.mapping,
            createdBy: member.userId,
            createdAt: now,
          })
          .returning();
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'analytics.preset.create',
          entityType: 'import_preset',
          entityId: created[0]?.id ?? '',
          before: null,
          after: body,
        });
        return created;
      });
      if (!row) throw new Error('insert returned nothing');
      const list = await service.listPresets(member, locale);
      const view = list.find((p) => p.id === row.id);
      if (!view) throw notFound('Preset');
      return view;
    },

    async deletePreset(member: MemberActor, id: string): Promise<void> {
      assertCan(member, 'analytics.import');
      const deleted = await db
        .delete(importPresets)
        .where(and(eq(importPresets.id, id), eq(importPresets.workspaceId, member.workspaceId)))
        .returning();
      if (deleted.length === 0) throw notFound('Preset');
    },

    /** What importing a file would do, with its row-level errors; nothing is written. */
    async preview(
      member: MemberActor,
      bytes: Buffer,
      fileName: string,
      options: TImportOptions,
      locale: TLocale,
    ): Promise<TImportPreview> {
      assertCan(member, 'analytics.import');
      const p = await prepare(member.workspaceId, bytes, fileName, options, locale);
      const headerCells = p.sheet.rows[p.headerRow] ?? [];
      const existing = await existingKeys(p);
      const before = await db.query.metricImports.findFirst({
        where: and(
          eq(metricImports.accountId, p.account.id),
          eq(metricImports.fileSha256, p.sha256),
          eq(metricImports.status, 'done'),
        ),
        orderBy: desc(metricImports.createdAt),
      });
      const rows = p.table?.rows ?? [];
      return {
        fileName,
        sheet: p.sheet.name,
        sheets: p.sheetNames,
        preset: p.preset
          ? { id: p.preset.id, name: p.preset.name[locale], grain: p.preset.grain }
          : null,
        candidates: p.candidates,
        headerRow: p.headerRow + 1,
        headers: headerCells.map((c) => cellToString(c)),
        rawSample: p.sheet.rows
          .slice(p.headerRow + 1, p.headerRow + 6)
          .map((r) => r.map((c) => cellToString(c))),
        rows: rows.length,
        willCreate: rows.filter((r) => !existing.has(r.row)).length,
        willUpdate: rows.filter((r) => existing.has(r.row)).length,
        sample: rows.slice(0, 20).map((r) => ({
          row: r.row,
          title: r.title ?? null,
          externalId: r.externalId ?? null,
          url: r.url ?? null,
          publishedAt: r.publishedAt?.toISOString() ?? null,
          date: r.date,
          channel: r.channel ?? null,
          metrics: r.metrics,
          action: existing.has(r.row) ? ('update' as const) : ('create' as const),
          matchedItemTitle: null,
        })),
        errors: (p.table?.errors ?? []).slice(0, 200).map((e) => errorView(e, locale)),
        errorCount: p.table?.errors.length ?? 0,
        ignoredColumns: p.table?.ignoredColumns ?? [],
        totals: p.table?.totals ?? {},
        importedBefore: before?.createdAt.toISOString() ?? null,
      };
    },

    /** Imports a file: at once when small, else as a job whose progress the client polls. */
    async importFile(
      member: MemberActor,
      bytes: Buffer,
      fileName: string,
      options: TImportOptions,
      locale: TLocale,
    ): Promise<TImport> {
      assertCan(member, 'analytics.import');
      const p = await prepare(member.workspaceId, bytes, fileName, options, locale);
      const t = refuseUnimportable(p, locale);
      const background = t.rows.length > INLINE_IMPORT_ROWS;
      const [row] = await db
        .insert(metricImports)
        .values({
          workspaceId: member.workspaceId,
          accountId: p.account.id,
          fileName,
          fileSha256: p.sha256,
          presetId: p.preset?.id ?? null,
          presetName: p.preset?.name[locale] ?? null,
          options: { ...ZImportOptions.parse(options), locale } as Record<string, unknown>,
          status: background ? 'queued' : 'running',
          progress: 0,
          rows: t.rows.length,
          createdBy: member.userId,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      if (background) {
        const key = `analytics-imports/${row.id}`;
        await deps.storage.put(key, bytes);
        await db.update(metricImports).set({ storageKey: key }).where(eq(metricImports.id, row.id));
        await deps.sendJob('analytics.import', { importId: row.id });
        return present({ ...row, storageKey: key }, p.account.name, locale);
      }
      try {
        const done = await write(member.workspaceId, row.id, p, t.rows, t, member);
        return present(done, p.account.name, locale);
      } catch (err) {
        await db
          .update(metricImports)
          .set({
            status: 'failed',
            failure: err instanceof Error ? err.message : String(err),
            finishedAt: clock.now(),
          })
          .where(eq(metricImports.id, row.id));
        throw err;
      }
    },

    /** The background half of a big import (the `analytics.import` job). */
    async runImportJob(importId: string): Promise<void> {
      const [row] = await db
        .update(metricImports)
        .set({ status: 'running', progress: 0.05 })
        .where(and(eq(metricImports.id, importId), eq(metricImports.status, 'queued')))
        .returning();
      if (!row || !row.storageKey) return; // Another worker has it, or it is done.
      const locale: TLocale = row.options.locale === 'en-US' ? 'en-US' : 'zh-CN';
      try {
        const bytes = await deps.storage.get(row.storageKey);
        const p = await prepare(
          row.workspaceId,
          bytes,
          row.fileName,
          ZImportOptions.parse(row.options),
          locale,
        );
        const t = refuseUnimportable(p, locale);
        // Reading is done; the write below is one transaction (its progress cannot be seen
        // from outside it, so the bar moves from here to done).
        await db.update(metricImports).set({ progress: 0.5 }).where(eq(metricImports.id, importId));
        await write(row.workspaceId, importId, p, t.rows, t, null);
        await deps.storage.delete(row.storageKey);
      } catch (err) {
        const message =
          err instanceof DomainError || err instanceof Error ? err.message : String(err);
        await db
          .update(metricImports)
          .set({ status: 'failed', failure: message, finishedAt: clock.now() })
          .where(eq(metricImports.id, importId));
      }
    },

    /** Runs a prepared file straight through (the CLI); `dryRun` writes nothing. */
    async importForCli(
      bytes: Buffer,
      fileName: string,
      options: TImportOptions,
      dryRun: boolean,
    ): Promise<TImportSummary> {
      const locale: TLocale = 'zh-CN';
      const acc = await db.query.accounts.findFirst({
        columns: { workspaceId: true },
        where: eq(accounts.id, options.accountId),
      });
      if (!acc)
        throw invalid('account', `no account ${options.accountId} (see yunce accounts list)`);
      const workspaceId = acc.workspaceId;
      const p = await prepare(workspaceId, bytes, fileName, options, locale);
      const summary = (
        t: TNormalizedTable | null,
        created: number,
        updated: number,
      ): TImportSummary => ({
        preset: p.preset?.id ?? null,
        rows: t
          ? t.rows.length + new Set(t.errors.filter((e) => e.rowSkipped).map((e) => e.row)).size
          : 0,
        created,
        updated,
        skipped: t ? new Set(t.errors.filter((e) => e.rowSkipped).map((e) => e.row)).size : 0,
        errors: (t?.errors ?? []).map((e) => ({
          row: e.row,
          column: e.column,
          message: e.message,
        })),
      });
      const t = refuseUnimportable(p, locale);
      if (dryRun) {
        const existing = await existingKeys(p);
        return summary(t, t.rows.filter((r) => !existing.has(r.row)).length, existing.size);
      }
      const [row] = await db
        .insert(metricImports)
        .values({
          workspaceId,
          accountId: p.account.id,
          fileName,
          fileSha256: p.sha256,
          presetId: p.preset?.id ?? null,
          presetName: p.preset?.name[locale] ?? null,
          options: options as Record<string, unknown>,
          status: 'running',
          rows: t.rows.length,
          createdAt: clock.now(),
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      const done = await write(workspaceId, row.id, p, t.rows, t, null);
      return summary(t, done.created, done.updated);
    },

    /** Metrics sent by another system (the documented generic format as JSON). */
    async ingestApi(member: MemberActor, input: TMetricsBody): Promise<TImportSummary> {
      assertCan(member, 'analytics.import');
      const body = ZMetricsBody.parse(input);
      const account = await db.query.accounts.findFirst({
        where: and(eq(accounts.id, body.accountId), eq(accounts.workspaceId, member.workspaceId)),
      });
      if (!account) throw invalid('accountId', 'no such account in this workspace');
      const timeZone = await timeZoneOf(member.workspaceId);
      const errors: TImportSummary['errors'] = [];
      const rows: TNormalizedRow[] = [];
      body.rows.forEach((r, i) => {
        const publishedAt = r.publishedAt ? new Date(r.publishedAt) : undefined;
        const date = r.date ?? (publishedAt ? zonedDate(publishedAt, timeZone) : undefined);
        if (!date) {
          errors.push({ row: i, column: 'date', message: 'give date or publishedAt' });
          return;
        }
        if (body.grain === 'content' && !r.externalId && !r.url && !r.title) {
          errors.push({ row: i, column: 'externalId', message: 'give externalId, url or title' });
          return;
        }
        rows.push({
          row: i,
          date,
          metrics: r.metrics,
          ...(r.channel ? { channel: r.channel } : {}),
          ...(r.externalId ? { externalId: r.externalId } : {}),
          ...(r.url ? { url: r.url } : {}),
          ...(r.title ? { title: r.title } : {}),
          ...(publishedAt ? { publishedAt } : {}),
        });
      });
      if (rows.length === 0) throw invalid('rows', errors[0]?.message ?? 'no row can be stored');
      const result = await db.transaction((tx) =>
        ingestRows(tx, {
          workspaceId: member.workspaceId,
          accountId: account.id,
          grain: body.grain,
          rows,
          source: 'api',
          importId: null,
          at: clock.now(),
        }),
      );
      return {
        preset: body.grain === 'content' ? 'api.content' : 'api.account',
        rows: body.rows.length,
        created: result.created,
        updated: result.updated,
        skipped: result.skipped + errors.length,
        errors,
      };
    },

    async listImports(member: MemberActor, locale: TLocale): Promise<TImport[]> {
      assertCan(member, 'analytics.read');
      const rows = await db
        .select({ i: metricImports, name: accounts.name })
        .from(metricImports)
        .innerJoin(accounts, eq(accounts.id, metricImports.accountId))
        .where(eq(metricImports.workspaceId, member.workspaceId))
        .orderBy(desc(metricImports.createdAt))
        .limit(50);
      return rows.map((r) => present(r.i, r.name, locale));
    },

    async getImport(member: MemberActor, id: string, locale: TLocale): Promise<TImport> {
      assertCan(member, 'analytics.read');
      const row = await getRow(member.workspaceId, id);
      return present(row, await accountName(row.accountId), locale);
    },
  };
  return service;
}

export type ImportsService = ReturnType<typeof createImportsService>;
