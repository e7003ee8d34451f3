import { z } from 'zod';
import {
  ZComment,
  ZCommentBody,
  ZComplianceCheckBody,
  ZContentItem,
  ZContentSummary,
  ZContentVersion,
  ZCreateContentBody,
  ZDecision,
  ZDecisionBody,
  ZFinding,
  ZListContentQuery,
  ZSubmitBody,
  ZUpdateContentBody,
} from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { localeOf, memberOf } from '../../platform/http/context';
import { DomainError } from '../../platform/errors';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { ContentService } from './content.service';
import type { ApprovalService } from './content.approval';
import {
  ZContentSettings,
  ZUpdateContentSettingsBody,
  type ContentSettingsService,
} from './content.settings';

const ZItemParams = ZWorkspaceParams.extend({ itemId: z.uuid() });
const MAX_UPLOAD = 20 * 1024 * 1024;

export function contentRoutes(
  app: App,
  deps: { content: ContentService; approval: ApprovalService; settings: ContentSettingsService },
) {
  const { content, approval, settings } = deps;
  const tags = ['content'];
  const base = '/api/v1/workspaces/:workspaceId/content';

  app.get(
    base,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary:
          'The content library and calendar (filter by status, format, pillar, account, owner, tag, planned range)',
        params: ZWorkspaceParams,
        querystring: ZListContentQuery,
        response: { 200: z.object({ items: z.array(ZContentSummary) }) },
      },
    },
    async (req) => ({ items: await content.listItems(memberOf(req), req.query, localeOf(req)) }),
  );

  app.post(
    base,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Create a content item with per-account variants',
        params: ZWorkspaceParams,
        body: ZCreateContentBody,
        response: { 201: ZContentItem },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await content.createItem(memberOf(req), req.body, localeOf(req))),
  );

  app.get(
    `${base}/:itemId`,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'One item with variants, media and compliance findings',
        params: ZItemParams,
        response: { 200: ZContentItem },
      },
    },
    async (req) => content.getItem(memberOf(req), req.params.itemId, localeOf(req)),
  );

  app.patch(
    `${base}/:itemId`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Save changes (a text change is a new version and needs approval again)',
        params: ZItemParams,
        body: ZUpdateContentBody,
        response: { 200: ZContentItem },
      },
    },
    async (req) => content.updateItem(memberOf(req), req.params.itemId, req.body, localeOf(req)),
  );

  app.post(
    `${base}/:itemId/duplicate`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Copy an item into a new draft',
        params: ZItemParams,
        response: { 201: ZContentItem },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await content.duplicateItem(memberOf(req), req.params.itemId, localeOf(req))),
  );

  app.post(
    `${base}/:itemId/cancel`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Cancel an unpublished item',
        params: ZItemParams,
        response: { 200: ZContentItem },
      },
    },
    async (req) => content.cancelItem(memberOf(req), req.params.itemId, localeOf(req)),
  );

  app.get(
    `${base}/:itemId/versions`,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'Every saved version, newest first',
        params: ZItemParams,
        response: { 200: z.object({ versions: z.array(ZContentVersion) }) },
      },
    },
    async (req) => ({ versions: await content.listVersions(memberOf(req), req.params.itemId) }),
  );

  app.post(
    `${base}/:itemId/submit`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Submit for approval (blocking findings need a lead override reason)',
        params: ZItemParams,
        body: ZSubmitBody,
        response: { 200: ZContentItem },
      },
    },
    async (req) => approval.submit(memberOf(req), req.params.itemId, req.body, localeOf(req)),
  );

  app.post(
    `${base}/:itemId/decisions`,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'Approve or request changes at the current approval step',
        params: ZItemParams,
        body: ZDecisionBody,
        response: { 200: ZContentItem },
      },
    },
    async (req) => approval.decide(memberOf(req), req.params.itemId, req.body, localeOf(req)),
  );

  app.get(
    `${base}/:itemId/decisions`,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'Approval history',
        params: ZItemParams,
        response: { 200: z.object({ decisions: z.array(ZDecision) }) },
      },
    },
    async (req) => ({ decisions: await approval.listDecisions(memberOf(req), req.params.itemId) }),
  );

  app.get(
    `${base}/:itemId/comments`,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        params: ZItemParams,
        response: { 200: z.object({ comments: z.array(ZComment) }) },
      },
    },
    async (req) => ({ comments: await approval.listComments(memberOf(req), req.params.itemId) }),
  );

  app.post(
    `${base}/:itemId/comments`,
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'Comment on the current version, optionally on a passage',
        params: ZItemParams,
        body: ZCommentBody,
        response: { 201: ZComment },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await approval.addComment(memberOf(req), req.params.itemId, req.body)),
  );

  app.post(
    `${base}/:itemId/media`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Upload an image (multipart field "file"; ?cover=true makes it the cover)',
        consumes: ['multipart/form-data'],
        params: ZItemParams,
        querystring: z.object({ cover: z.enum(['true', 'false']).optional() }),
        response: { 200: ZContentItem },
      },
    },
    async (req) => {
      await content.getItem(memberOf(req), req.params.itemId, localeOf(req));
      if (!req.isMultipart()) {
        throw new DomainError(
          'VALIDATION',
          'file: send the file as multipart/form-data in the field "file"',
          [{ field: 'file', message: 'send the file as multipart/form-data' }],
        );
      }
      const part = await req.file({ limits: { fileSize: MAX_UPLOAD + 1, files: 1 } });
      if (!part || part.fieldname !== 'file')
        throw new DomainError('VALIDATION', 'file: is required', [
          { field: 'file', message: 'is required' },
        ]);
      const bytes = await part.toBuffer().catch((err: unknown) => {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('PAYLOAD_TOO_LARGE', 'file: larger than 20 MB', [
            { field: 'file', message: 'larger than 20 MB' },
          ]);
        }
        throw err;
      });
      return content.addMedia(
        memberOf(req),
        req.params.itemId,
        { bytes, filename: part.filename || null, asCover: req.query.cover === 'true' },
        localeOf(req),
      );
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/content-settings',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: 'Approval flow, content pillars and compliance lists',
        params: ZWorkspaceParams,
        response: { 200: ZContentSettings },
      },
    },
    async (req) => settings.getSettings(memberOf(req).workspaceId),
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId/content-settings',
    {
      config: { permission: 'content.settings' },
      schema: {
        tags,
        summary: 'Change the approval flow, pillars or compliance lists',
        params: ZWorkspaceParams,
        body: ZUpdateContentSettingsBody,
        response: { 200: ZContentSettings },
      },
    },
    async (req) => settings.updateSettings(memberOf(req), req.body),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/compliance/check',
    {
      config: { permission: 'content.read' },
      schema: {
        tags: ['compliance'],
        summary: "Check a text against the built-in rules and the workspace's lists",
        params: ZWorkspaceParams,
        body: ZComplianceCheckBody,
        response: { 200: z.object({ findings: z.array(ZFinding), blocking: z.boolean() }) },
      },
    },
    async (req) => {
      const engine = await settings.engineFor(memberOf(req).workspaceId);
      const { findings } = engine.checkPost(
        {
          title: req.body.title,
          body: req.body.text,
          hashtags: req.body.hashtags,
          platform: req.body.platform,
          sponsored: req.body.sponsored,
        },
        { locale: localeOf(req) },
      );
      return {
        findings: findings.map((f) => ({
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          field: f.field === 'hashtag' ? `hashtags.${f.index ?? 0}` : f.field,
          accountId: null,
          start: f.start,
          end: f.end,
          text: f.text,
          message: f.message,
          suggestions: [...f.suggestions],
        })),
        blocking: findings.some((f) => f.severity === 'block'),
      };
    },
  );
}
