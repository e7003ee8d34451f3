import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ZAlert,
  ZAnalyticsQuery,
  ZBreakdown,
  ZBreakdownQuery,
  ZContentQuery,
  ZContentRow,
  ZCreatePresetBody,
  ZFunnel,
  ZGoal,
  ZGoalBody,
  ZGoalDetail,
  ZGoalPatch,
  ZHeatmap,
  ZImport,
  ZImportOptions,
  ZImportPreset,
  ZImportPreview,
  ZImportSummary,
  ZMetricKey,
  ZMetricsBody,
  ZOk,
  ZOverview,
  ZReport,
  ZReportQuery,
  ZSmartLetter,
  ZTrend,
  ZTrendQuery,
  type TImportOptions,
} from '@yunce/contracts';
import { METRICS, type TMetricKey } from '@yunce/core';
import type { App } from '../../platform/http/types';
import { localeOf, memberOf } from '../../platform/http/context';
import { DomainError, invalid } from '../../platform/errors';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { AnalyticsQueries } from './analytics.queries';
import { scopeOf } from './analytics.queries';
import type { ImportsService } from './analytics.imports';
import type { InsightsService } from './analytics.insights';
import type { GoalsService } from './goals.service';
import { renderReportXlsx, renderTableXlsx } from './reports/render-xlsx';
import { renderReportPdf } from './reports/render-pdf';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** The file and the text fields of a multipart import (fields may come before or after it). */
async function readImportForm(
  req: FastifyRequest,
): Promise<{ bytes: Buffer; fileName: string; options: TImportOptions }> {
  if (!req.isMultipart())
    throw new DomainError(
      'VALIDATION',
      'file: send the file as multipart/form-data in the field "file"',
      [{ field: 'file', message: 'send the file as multipart/form-data' }],
    );
  const fields: Record<string, string> = {};
  let file: { bytes: Buffer; name: string } | null = null;
  for await (const part of req.parts({ limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 } })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((err: unknown) => {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new DomainError('PAYLOAD_TOO_LARGE', 'file: larger than 20 MB', [
            { field: 'file', message: 'larger than 20 MB' },
          ]);
        throw err;
      });
      if (part.fieldname === 'file') file = { bytes, name: part.filename || 'upload' };
    } else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
  }
  if (!file) throw invalid('file', 'is required');
  let mapping: unknown;
  if (fields.mapping) {
    try {
      mapping = JSON.parse(fields.mapping);
    } catch {
      throw invalid('mapping', 'is not valid JSON');
    }
  }
  const parsed = ZImportOptions.safeParse({
    accountId: fields.accountId,
    ...(fields.presetId ? { presetId: fields.presetId } : {}),
    ...(mapping !== undefined ? { mapping } : {}),
    ...(fields.sheet ? { sheet: fields.sheet } : {}),
  });
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({
      field: i.path.join('.') || 'form',
      message: i.message,
    }));
    throw new DomainError(
      'VALIDATION',
      details.map((d) => `${d.field}: ${d.message}`).join('; '),
      details,
    );
  }
  return { bytes: file.bytes, fileName: file.name, options: parsed.data };
}

function metricsParam(raw: string): TMetricKey[] {
  const list = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = list.find((m) => !ZMetricKey.safeParse(m).success);
  if (bad) throw invalid('metrics', `unknown metric ${bad}`);
  if (list.length === 0 || list.length > 8) throw invalid('metrics', 'give 1 to 8 metrics');
  return list as TMetricKey[];
}

export function analyticsRoutes(
  app: App,
  deps: {
    imports: ImportsService;
    queries: AnalyticsQueries;
    goals: GoalsService;
    insights: InsightsService;
    timeZoneOf: (workspaceId: string) => Promise<string>;
  },
) {
  const { imports, queries, goals, insights } = deps;
  const tags = ['analytics'];
  const base = '/api/v1/workspaces/:workspaceId/analytics';
  const read = { permission: 'analytics.read' as const };
  const write = { permission: 'analytics.import' as const };

  app.get(
    `${base}/presets`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        response: { 200: z.object({ presets: z.array(ZImportPreset) }) },
      },
    },
    async (req) => ({ presets: await imports.listPresets(memberOf(req), localeOf(req)) }),
  );
  app.post(
    `${base}/presets`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Save a column mapping as a workspace preset',
        params: ZWorkspaceParams,
        body: ZCreatePresetBody,
        response: { 201: ZImportPreset },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await imports.createPreset(memberOf(req), req.body, localeOf(req))),
  );
  app.delete(
    `${base}/presets/:presetId`,
    {
      config: write,
      schema: {
        tags,
        params: ZWorkspaceParams.extend({ presetId: z.uuid() }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await imports.deletePreset(memberOf(req), req.params.presetId);
      return { ok: true as const };
    },
  );

  app.post(
    `${base}/imports/preview`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Read an export (CSV/XLSX; multipart: file, accountId, presetId?, mapping? as JSON, sheet?) and show what importing it would do; nothing is written',
        consumes: ['multipart/form-data'],
        params: ZWorkspaceParams,
        response: { 200: ZImportPreview },
      },
    },
    async (req) => {
      const form = await readImportForm(req);
      return imports.preview(memberOf(req), form.bytes, form.fileName, form.options, localeOf(req));
    },
  );
  app.post(
    `${base}/imports`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Import an export (same form as the preview). Re-importing the same or an overlapping file updates, never duplicates. Big files run as a job: poll the import.',
        consumes: ['multipart/form-data'],
        params: ZWorkspaceParams,
        response: { 201: ZImport },
      },
    },
    async (req, reply) => {
      const form = await readImportForm(req);
      return reply
        .code(201)
        .send(
          await imports.importFile(
            memberOf(req),
            form.bytes,
            form.fileName,
            form.options,
            localeOf(req),
          ),
        );
    },
  );
  app.get(
    `${base}/imports`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        response: { 200: z.object({ imports: z.array(ZImport) }) },
      },
    },
    async (req) => ({ imports: await imports.listImports(memberOf(req), localeOf(req)) }),
  );
  app.get(
    `${base}/imports/:importId`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams.extend({ importId: z.uuid() }),
        response: { 200: ZImport },
      },
    },
    async (req) => imports.getImport(memberOf(req), req.params.importId, localeOf(req)),
  );
  app.post(
    `${base}/metrics`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Send metrics from another system: per post (grain content: externalId/url/title + publishedAt or date) or per account and day (grain account)',
        params: ZWorkspaceParams,
        body: ZMetricsBody,
        response: { 200: ZImportSummary },
      },
    },
    async (req) => imports.ingestApi(memberOf(req), req.body),
  );

  app.get(
    `${base}/overview`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: ZAnalyticsQuery,
        response: { 200: ZOverview },
      },
    },
    async (req) => queries.overview(scopeOf(req.params.workspaceId, req.query), localeOf(req)),
  );
  app.get(
    `${base}/trend`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: ZTrendQuery,
        response: { 200: ZTrend },
      },
    },
    async (req) =>
      queries.trend(
        scopeOf(req.params.workspaceId, req.query),
        metricsParam(req.query.metrics),
        req.query.interval,
      ),
  );
  app.get(
    `${base}/content`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: ZContentQuery,
        response: { 200: z.object({ rows: z.array(ZContentRow) }) },
      },
    },
    async (req) => ({
      rows: await queries.content(
        scopeOf(req.params.workspaceId, req.query),
        req.query.sort,
        req.query.order,
        req.query.limit,
      ),
    }),
  );
  app.get(
    `${base}/breakdown`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: ZBreakdownQuery,
        response: { 200: ZBreakdown },
      },
    },
    async (req) =>
      queries.breakdown(scopeOf(req.params.workspaceId, req.query), req.query.by, localeOf(req)),
  );
  app.get(
    `${base}/heatmap`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: ZAnalyticsQuery,
        response: { 200: ZHeatmap },
      },
    },
    async (req) =>
      queries.heatmap(
        scopeOf(req.params.workspaceId, req.query),
        await deps.timeZoneOf(req.params.workspaceId),
        localeOf(req),
      ),
  );
  app.get(
    `${base}/funnel`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: ZAnalyticsQuery,
        response: { 200: ZFunnel },
      },
    },
    async (req) => queries.funnel(scopeOf(req.params.workspaceId, req.query)),
  );

  const ZExportQuery = ZAnalyticsQuery.extend({
    tile: z.enum(['overview', 'trend', 'content', 'breakdown', 'heatmap', 'funnel']),
    metrics: z.string().max(400).default('views'),
    interval: z.enum(['day', 'week', 'month']).default('day'),
    by: z.enum(['pillar', 'format', 'account', 'platform']).default('pillar'),
    sort: ZContentQuery.shape.sort,
    order: ZContentQuery.shape.order,
  });
  app.get(
    `${base}/export.xlsx`,
    {
      config: read,
      schema: {
        tags,
        summary: "A tile's data as XLSX (text cells starting with = + - @ are stored as text)",
        params: ZWorkspaceParams,
        querystring: ZExportQuery,
      },
    },
    async (req, reply) => {
      const locale = localeOf(req);
      const s = scopeOf(req.params.workspaceId, req.query);
      const label = (k: string) => (k in METRICS ? METRICS[k as TMetricKey].label[locale] : k);
      let columns: { key: string; header: string }[] = [];
      let rows: Record<string, string | number | null>[] = [];
      const q = req.query;
      switch (q.tile) {
        case 'overview': {
          const o = await queries.overview(s, locale);
          columns = [
            { key: 'metric', header: locale === 'en-US' ? 'Metric' : '指标' },
            { key: 'value', header: `${o.from} ~ ${o.to}` },
            { key: 'previous', header: `${o.previousFrom} ~ ${o.previousTo}` },
            { key: 'ratio', header: locale === 'en-US' ? 'Change' : '环比' },
          ];
          rows = o.kpis.map((k) => ({
            metric: label(k.key),
            value: k.value,
            previous: k.previous,
            ratio: k.ratio,
          }));
          break;
        }
        case 'trend': {
          const t = await queries.trend(s, metricsParam(q.metrics), q.interval);
          columns = [
            { key: 'bucket', header: locale === 'en-US' ? 'Period' : '时间' },
            ...t.series.map((x) => ({ key: x.metric, header: label(x.metric) })),
          ];
          rows = t.buckets.map((b, i) => {
            const row: Record<string, string | number | null> = { bucket: b };
            for (const x of t.series) row[x.metric] = x.values[i] ?? null;
            return row;
          });
          break;
        }
        case 'content': {
          const list = await queries.content(s, q.sort, q.order, 100);
          const keys: TMetricKey[] = [
            'views',
            'impressions',
            'likes',
            'comments',
            'shares',
            'saves',
          ];
          columns = [
            { key: 'title', header: locale === 'en-US' ? 'Title' : '标题' },
            { key: 'account', header: locale === 'en-US' ? 'Account' : '账号' },
            { key: 'publishedAt', header: locale === 'en-US' ? 'Published' : '发布时间' },
            ...keys.map((k) => ({ key: k, header: label(k) })),
            { key: 'engagementRate', header: locale === 'en-US' ? 'Engagement rate' : '互动率' },
            { key: 'url', header: 'URL' },
          ];
          rows = list.map((c) => ({
            title: c.title,
            account: c.accountName,
            publishedAt: c.publishedAt,
            ...Object.fromEntries(keys.map((k) => [k, c.metrics[k] ?? null])),
            engagementRate: c.engagementRate,
            url: c.url,
          }));
          break;
        }
        case 'breakdown': {
          const b = await queries.breakdown(s, q.by, locale);
          columns = [
            { key: 'label', header: locale === 'en-US' ? 'Group' : '分组' },
            { key: 'posts', header: locale === 'en-US' ? 'Posts' : '篇数' },
            { key: 'views', header: label('views') },
            {
              key: 'viewsPerPost',
              header: locale === 'en-US' ? 'Views per post' : '篇均阅读/播放',
            },
            { key: 'engagementRate', header: locale === 'en-US' ? 'Engagement rate' : '互动率' },
          ];
          rows = b.groups.map((g) => ({
            label: g.label,
            posts: g.posts,
            views: g.metrics.views ?? null,
            viewsPerPost: g.viewsPerPost,
            engagementRate: g.engagementRate,
          }));
          break;
        }
        case 'heatmap': {
          const h = await queries.heatmap(s, await deps.timeZoneOf(req.params.workspaceId), locale);
          columns = [
            {
              key: 'weekday',
              header: locale === 'en-US' ? 'Weekday (0 = Monday)' : '星期（0 = 周一）',
            },
            { key: 'hour', header: locale === 'en-US' ? 'Hour' : '小时' },
            { key: 'posts', header: locale === 'en-US' ? 'Posts' : '篇数' },
            {
              key: 'meanEngagement',
              header: locale === 'en-US' ? 'Mean engagement rate' : '平均互动率',
            },
          ];
          rows = h.cells.filter((c) => c.posts > 0);
          break;
        }
        case 'funnel': {
          const f = await queries.funnel(s);
          columns = [
            { key: 'key', header: locale === 'en-US' ? 'Stage' : '阶段' },
            { key: 'value', header: locale === 'en-US' ? 'Value' : '数值' },
            { key: 'rate', header: locale === 'en-US' ? 'Of previous stage' : '占上一步' },
          ];
          rows = f.stages;
          break;
        }
        default: {
          const never: never = q.tile;
          throw invalid('tile', `unknown tile ${String(never)}`);
        }
      }
      const buf = await renderTableXlsx(q.tile, columns, rows);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="yunce-${q.tile}-${s.from}-${s.to}.xlsx"`,
        )
        .send(buf);
    },
  );

  app.get(
    `${base}/alerts`,
    {
      config: read,
      schema: {
        tags,
        params: ZWorkspaceParams,
        response: { 200: z.object({ alerts: z.array(ZAlert) }) },
      },
    },
    async (req) => ({ alerts: await insights.listAlerts(memberOf(req)) }),
  );
  app.get(
    `${base}/reports`,
    {
      config: read,
      schema: {
        tags,
        summary:
          'The weekly or monthly report of the workspace or one account, built from the data',
        params: ZWorkspaceParams,
        querystring: ZReportQuery,
        response: { 200: ZReport },
      },
    },
    async (req) => insights.report(memberOf(req), req.query, localeOf(req)),
  );
  app.get(
    `${base}/reports/export`,
    {
      config: read,
      schema: {
        tags,
        summary: 'The report as XLSX or PDF',
        params: ZWorkspaceParams,
        querystring: ZReportQuery.extend({ format: z.enum(['xlsx', 'pdf']) }),
      },
    },
    async (req, reply) => {
      const locale = localeOf(req);
      const report = await insights.report(memberOf(req), req.query, locale);
      const name = `yunce-${report.kind}-${report.from}`;
      if (req.query.format === 'pdf') {
        const pdf = await renderReportPdf(report, locale);
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(pdf);
      }
      const xlsx = await renderReportXlsx(report, locale);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${name}.xlsx"`)
        .send(xlsx);
    },
  );

  // Goals (SPEC §3).
  const gbase = '/api/v1/workspaces/:workspaceId/goals';
  const ZGoalParams = ZWorkspaceParams.extend({ goalId: z.uuid() });
  app.get(
    gbase,
    {
      config: read,
      schema: {
        tags: ['goals'],
        params: ZWorkspaceParams,
        response: { 200: z.object({ goals: z.array(ZGoal) }) },
      },
    },
    async (req) => ({ goals: await goals.list(memberOf(req), localeOf(req)) }),
  );
  app.post(
    `${gbase}/check`,
    {
      config: read,
      schema: {
        tags: ['goals'],
        summary: 'The SMART check of a goal being written (nothing is saved)',
        params: ZWorkspaceParams,
        body: ZGoalBody,
        response: { 200: z.object({ smart: z.array(ZSmartLetter) }) },
      },
    },
    async (req) => goals.check(memberOf(req), req.body, localeOf(req)),
  );
  app.post(
    gbase,
    {
      config: { permission: 'goals.write' },
      schema: {
        tags: ['goals'],
        params: ZWorkspaceParams,
        body: ZGoalBody,
        response: { 201: ZGoal },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await goals.create(memberOf(req), req.body, localeOf(req))),
  );
  app.get(
    `${gbase}/:goalId`,
    {
      config: read,
      schema: { tags: ['goals'], params: ZGoalParams, response: { 200: ZGoalDetail } },
    },
    async (req) => goals.get(memberOf(req), req.params.goalId, localeOf(req)),
  );
  app.patch(
    `${gbase}/:goalId`,
    {
      config: { permission: 'goals.write' },
      schema: { tags: ['goals'], params: ZGoalParams, body: ZGoalPatch, response: { 200: ZGoal } },
    },
    async (req) => goals.update(memberOf(req), req.params.goalId, req.body, localeOf(req)),
  );
  app.delete(
    `${gbase}/:goalId`,
    {
      config: { permission: 'goals.write' },
      schema: { tags: ['goals'], params: ZGoalParams, response: { 200: ZOk } },
    },
    async (req) => {
      await goals.remove(memberOf(req), req.params.goalId);
      return { ok: true as const };
    },
  );
}
