import { z } from 'zod';
import {
  PUBLICATION_STATUS_VALUES,
  ZConfirmBody,
  ZConnection,
  ZManualResultBody,
  ZNotification,
  ZOk,
  ZPublication,
  ZScheduleBody,
  ZSetConnectionBody,
  ZToday,
  ZRecommendedSlot,
} from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { localeOf, memberOf } from '../../platform/http/context';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { PublishingService } from './publishing.service';
import type { NotificationsService } from './notifications.service';
import type { TodayService } from './today.service';

const ZPubParams = ZWorkspaceParams.extend({ publicationId: z.uuid() });
const ZPubList = z.object({ publications: z.array(ZPublication) });

export function publishingRoutes(
  app: App,
  deps: {
    publishing: PublishingService;
    notifications: NotificationsService;
    today: TodayService;
    validateWebhookUrl: (url: string) => Promise<void>;
  },
) {
  const { publishing } = deps;
  const tags = ['publishing'];
  const pub = '/api/v1/workspaces/:workspaceId/publications/:publicationId';

  app.get(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/connection',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'How the account publishes (secrets are never returned)',
        params: ZWorkspaceParams.extend({ accountId: z.uuid() }),
        response: { 200: ZConnection },
      },
    },
    async (req) => publishing.getConnection(memberOf(req), req.params.accountId),
  );

  app.put(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/connection',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags,
        summary:
          'Connect or reconnect: manual, webhook (URL checked against private addresses) or WeChat Official Account',
        params: ZWorkspaceParams.extend({ accountId: z.uuid() }),
        body: ZSetConnectionBody,
        response: { 200: ZConnection },
      },
    },
    async (req) =>
      publishing.setConnection(
        memberOf(req),
        req.params.accountId,
        req.body,
        deps.validateWebhookUrl,
      ),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/content/:itemId/schedule',
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: "Schedule an approved item's variants (each account its own time)",
        params: ZWorkspaceParams.extend({ itemId: z.uuid() }),
        body: ZScheduleBody,
        response: { 200: ZPubList },
      },
    },
    async (req) => ({
      publications: await publishing.schedule(memberOf(req), req.params.itemId, req.body),
    }),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/content/:itemId/publications',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary: "An item's publications with their attempts",
        params: ZWorkspaceParams.extend({ itemId: z.uuid() }),
        response: { 200: ZPubList },
      },
    },
    async (req) => ({
      publications: await publishing.listForItem(memberOf(req), req.params.itemId),
    }),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/publications',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        params: ZWorkspaceParams,
        querystring: z.object({
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          status: z.enum(PUBLICATION_STATUS_VALUES).optional(),
        }),
        response: { 200: ZPubList },
      },
    },
    async (req) => ({
      publications: await publishing.listPublications(memberOf(req), {
        ...(req.query.from ? { from: new Date(req.query.from) } : {}),
        ...(req.query.to ? { to: new Date(req.query.to) } : {}),
        ...(req.query.status ? { statuses: [req.query.status] } : {}),
      }),
    }),
  );

  app.post(
    `${pub}/unschedule`,
    {
      config: { permission: 'content.write' },
      schema: { tags, params: ZPubParams, response: { 200: ZPublication } },
    },
    async (req) => publishing.unschedule(memberOf(req), req.params.publicationId),
  );
  app.post(
    `${pub}/publish-now`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Publish now (also releases a held item)',
        params: ZPubParams,
        response: { 200: ZPublication },
      },
    },
    async (req) => publishing.publishNow(memberOf(req), req.params.publicationId),
  );
  app.post(
    `${pub}/manual-result`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Record a manual publish: the post URL, or skip with a reason',
        params: ZPubParams,
        body: ZManualResultBody,
        response: { 200: ZPublication },
      },
    },
    async (req) => publishing.recordManual(memberOf(req), req.params.publicationId, req.body),
  );
  app.post(
    `${pub}/confirm`,
    {
      config: { permission: 'content.write' },
      schema: {
        tags,
        summary: 'Settle a "needs check" publication after looking at the platform',
        params: ZPubParams,
        body: ZConfirmBody,
        response: { 200: ZPublication },
      },
    },
    async (req) => publishing.confirm(memberOf(req), req.params.publicationId, req.body),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/recommended-slot',
    {
      config: { permission: 'content.read' },
      schema: {
        tags,
        summary:
          "The next good time to post on the account (its own best hours once it has metrics, else the platform's usual peaks), keeping its weekly plan",
        params: ZWorkspaceParams.extend({ accountId: z.uuid() }),
        response: { 200: ZRecommendedSlot },
      },
    },
    async (req) => {
      const { timeZone, slot } = await publishing.recommendSlot(
        memberOf(req),
        req.params.accountId,
      );
      return {
        timeZone,
        slot: slot
          ? {
              at: slot.at.toISOString(),
              local: slot.local,
              basis: slot.basis,
              reason: slot.reason[localeOf(req)],
            }
          : null,
      };
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/today',
    {
      config: { permission: 'workspace.read' },
      schema: {
        tags: ['today'],
        summary:
          '今日运营: due today, manual publishes waiting, needs check, failures, awaiting my approval',
        params: ZWorkspaceParams,
        response: { 200: ZToday },
      },
    },
    async (req) => {
      const member = memberOf(req);
      if (member.role === 'trainee') {
        return {
          date: '',
          timeZone: '',
          dueToday: [],
          manualWaiting: [],
          needsCheck: [],
          failed: [],
          awaitingMyApproval: [],
        };
      }
      return deps.today.today(member);
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/notifications',
    {
      config: { permission: 'workspace.read' },
      schema: {
        tags: ['notifications'],
        params: ZWorkspaceParams,
        response: {
          200: z.object({ notifications: z.array(ZNotification), unread: z.number().int() }),
        },
      },
    },
    async (req) => deps.notifications.list(memberOf(req)),
  );
  app.post(
    '/api/v1/workspaces/:workspaceId/notifications/read',
    {
      config: { permission: 'workspace.read' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read',
        params: ZWorkspaceParams,
        body: z.object({
          ids: z.array(z.uuid()).max(500).optional(),
          all: z.literal(true).optional(),
        }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await deps.notifications.markRead(memberOf(req), req.body.all ? 'all' : (req.body.ids ?? []));
      return { ok: true as const };
    },
  );
}
