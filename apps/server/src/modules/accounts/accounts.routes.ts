import { z } from 'zod';
import {
  ZAccount,
  ZCreateAccountBody,
  ZListAccountsQuery,
  ZUpdateAccountBody,
} from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { localeOf, memberOf } from '../../platform/http/context';
import { DomainError } from '../../platform/errors';
import { MAX_AVATAR_BYTES } from '../files/files.service';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { AccountsService } from './accounts.service';

const ZAccountParams = ZWorkspaceParams.extend({ accountId: z.uuid() });

export function accountsRoutes(app: App, deps: { accounts: AccountsService }) {
  const { accounts } = deps;
  const tags = ['accounts'];

  app.get(
    '/api/v1/workspaces/:workspaceId/accounts',
    {
      config: { permission: 'accounts.read' },
      schema: {
        tags,
        summary: 'List accounts with their profile check',
        params: ZWorkspaceParams,
        querystring: ZListAccountsQuery,
        response: { 200: z.object({ accounts: z.array(ZAccount) }) },
      },
    },
    async (req) => ({
      accounts: await accounts.listAccounts(memberOf(req), req.query, localeOf(req)),
    }),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/accounts',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags,
        summary: 'Register an account',
        params: ZWorkspaceParams,
        body: ZCreateAccountBody,
        response: { 201: ZAccount },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await accounts.createAccount(memberOf(req), req.body, localeOf(req))),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId',
    {
      config: { permission: 'accounts.read' },
      schema: { tags, params: ZAccountParams, response: { 200: ZAccount } },
    },
    async (req) => accounts.getAccount(memberOf(req), req.params.accountId, localeOf(req)),
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags,
        summary: 'Edit an account',
        params: ZAccountParams,
        body: ZUpdateAccountBody,
        response: { 200: ZAccount },
      },
    },
    async (req) =>
      accounts.updateAccount(memberOf(req), req.params.accountId, req.body, localeOf(req)),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/archive',
    {
      config: { permission: 'accounts.archive' },
      schema: {
        tags,
        summary: 'Archive an account',
        params: ZAccountParams,
        response: { 200: ZAccount },
      },
    },
    async (req) => accounts.archiveAccount(memberOf(req), req.params.accountId, localeOf(req)),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/unarchive',
    {
      config: { permission: 'accounts.archive' },
      schema: {
        tags,
        summary: 'Restore an archived account',
        params: ZAccountParams,
        response: { 200: ZAccount },
      },
    },
    async (req) => accounts.unarchiveAccount(memberOf(req), req.params.accountId, localeOf(req)),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/accounts/:accountId/avatar',
    {
      config: { permission: 'accounts.write' },
      schema: {
        tags,
        summary: 'Upload an avatar (multipart field "file": PNG, JPEG, GIF or WebP, at most 2 MB)',
        consumes: ['multipart/form-data'],
        params: ZAccountParams,
        response: { 200: ZAccount },
      },
    },
    async (req) => {
      // The account must exist in this workspace before anything is said about the upload.
      await accounts.getAccount(memberOf(req), req.params.accountId, localeOf(req));
      if (!req.isMultipart()) {
        throw new DomainError(
          'VALIDATION',
          'file: send the image as multipart/form-data in the field "file"',
          [{ field: 'file', message: 'send the image as multipart/form-data' }],
        );
      }
      const part = await req.file({ limits: { fileSize: MAX_AVATAR_BYTES + 1, files: 1 } });
      if (!part || part.fieldname !== 'file') {
        throw new DomainError('VALIDATION', 'file: is required', [
          { field: 'file', message: 'is required' },
        ]);
      }
      const bytes = await part.toBuffer().catch((err: unknown) => {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('PAYLOAD_TOO_LARGE', 'file: larger than 2 MB', [
            { field: 'file', message: 'larger than 2 MB' },
          ]);
        }
        throw err;
      });
      return accounts.setAvatar(
        memberOf(req),
        req.params.accountId,
        { bytes, filename: part.filename || null },
        localeOf(req),
      );
    },
  );
}
