import { z } from 'zod';
import { ZApiToken, ZCreateApiTokenBody, ZCreatedApiToken, ZOk } from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { memberOf } from '../../platform/http/context';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { ApiTokensService } from './api-tokens.service';

export function apiTokensRoutes(app: App, deps: { apiTokens: ApiTokensService }) {
  const tags = ['api-tokens'];
  const config = { permission: 'tokens.manage' as const };

  app.get(
    '/api/v1/workspaces/:workspaceId/api-tokens',
    {
      config,
      schema: {
        tags,
        params: ZWorkspaceParams,
        response: { 200: z.object({ tokens: z.array(ZApiToken) }) },
      },
    },
    async (req) => ({ tokens: await deps.apiTokens.listTokens(memberOf(req)) }),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/api-tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token (the secret is shown once)',
        params: ZWorkspaceParams,
        body: ZCreateApiTokenBody,
        response: { 201: ZCreatedApiToken },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await deps.apiTokens.createToken(memberOf(req), req.body)),
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId/api-tokens/:tokenId',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: ZWorkspaceParams.extend({ tokenId: z.uuid() }),
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await deps.apiTokens.revokeToken(memberOf(req), req.params.tokenId);
      return { ok: true as const };
    },
  );
}
