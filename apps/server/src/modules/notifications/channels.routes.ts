import { z } from 'zod';
import {
  ZChannel,
  ZChannelList,
  ZCreateChannelBody,
  ZDelivery,
  ZOk,
  ZUpdateChannelBody,
} from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { memberOf } from '../../platform/http/context';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { ChannelsService } from './channels.service';

const ZChannelParams = ZWorkspaceParams.extend({ channelId: z.uuid() });

/** Outgoing notification channels: signed event webhooks and email (SPEC §13, §14). */
export function channelsRoutes(app: App, deps: { channels: ChannelsService }) {
  const { channels } = deps;
  const tags = ['notifications'];
  const base = '/api/v1/workspaces/:workspaceId/notification-channels';
  const config = { permission: 'notifications.manage' as const };

  app.get(
    base,
    { config, schema: { tags, params: ZWorkspaceParams, response: { 200: ZChannelList } } },
    async (req) => channels.list(memberOf(req)),
  );
  app.post(
    base,
    {
      config,
      schema: {
        tags,
        summary: 'Add a webhook (its signing secret is returned once) or an email channel',
        params: ZWorkspaceParams,
        body: ZCreateChannelBody,
        response: { 201: ZChannel },
      },
    },
    async (req, reply) => reply.code(201).send(await channels.create(memberOf(req), req.body)),
  );
  app.patch(
    `${base}/:channelId`,
    {
      config,
      schema: {
        tags,
        params: ZChannelParams,
        body: ZUpdateChannelBody,
        response: { 200: ZChannel },
      },
    },
    async (req) => channels.update(memberOf(req), req.params.channelId, req.body),
  );
  app.delete(
    `${base}/:channelId`,
    { config, schema: { tags, params: ZChannelParams, response: { 200: ZOk } } },
    async (req) => {
      await channels.remove(memberOf(req), req.params.channelId);
      return { ok: true as const };
    },
  );
  app.get(
    `${base}/:channelId/deliveries`,
    {
      config,
      schema: {
        tags,
        params: ZChannelParams,
        response: { 200: z.object({ deliveries: z.array(ZDelivery) }) },
      },
    },
    async (req) => ({ deliveries: await channels.deliveries(memberOf(req), req.params.channelId) }),
  );
  app.post(
    `${base}/:channelId/test`,
    {
      config,
      schema: {
        tags,
        summary: 'Send a test event now and report the outcome',
        params: ZChannelParams,
        response: { 200: ZDelivery },
      },
    },
    async (req) => channels.sendTest(memberOf(req), req.params.channelId),
  );
}
