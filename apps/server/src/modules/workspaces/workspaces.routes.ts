import { z } from 'zod';
import {
  ZCreatedInvitation,
  ZCreateInvitationBody,
  ZCreateWorkspaceBody,
  ZInvitation,
  ZInvitationPreview,
  ZMember,
  ZOk,
  ZSession,
  ZUpdateMemberBody,
  ZUpdateWorkspaceBody,
  ZWorkspace,
} from '@yunce/contracts';
import type { App } from '../../platform/http/types';
import { memberOf, userOf } from '../../platform/http/context';
import type { AuthService } from '../auth/auth.service';
import type { WorkspacesService } from './workspaces.service';

const ZWorkspaceParams = z.object({ workspaceId: z.uuid() });
const ZMemberParams = ZWorkspaceParams.extend({ userId: z.uuid() });
const ZInvitationParams = ZWorkspaceParams.extend({ invitationId: z.uuid() });
const ZTokenParams = z.object({ token: z.string().min(10).max(200) });

export function workspacesRoutes(
  app: App,
  deps: { workspaces: WorkspacesService; auth: AuthService },
) {
  const { workspaces } = deps;
  const tags = ['workspaces'];

  app.post(
    '/api/v1/workspaces',
    {
      schema: {
        tags,
        summary: 'Create a workspace (you become its owner)',
        body: ZCreateWorkspaceBody,
        response: { 201: ZWorkspace },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await workspaces.createWorkspace(userOf(req), req.body)),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { permission: 'workspace.read' },
      schema: { tags, params: ZWorkspaceParams, response: { 200: ZWorkspace } },
    },
    async (req) => workspaces.getWorkspace(memberOf(req)),
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId',
    {
      config: { permission: 'workspace.update' },
      schema: {
        tags,
        summary: 'Rename, set time zone or default language',
        params: ZWorkspaceParams,
        body: ZUpdateWorkspaceBody,
        response: { 200: ZWorkspace },
      },
    },
    async (req) => workspaces.updateWorkspace(memberOf(req), req.body),
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/members',
    {
      config: { permission: 'members.read' },
      schema: {
        tags,
        params: ZWorkspaceParams,
        response: { 200: z.object({ members: z.array(ZMember) }) },
      },
    },
    async (req) => ({ members: await workspaces.listMembers(memberOf(req)) }),
  );

  app.patch(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: "Change a member's role",
        params: ZMemberParams,
        body: ZUpdateMemberBody,
        response: { 200: ZMember },
      },
    },
    async (req) => workspaces.updateMemberRole(memberOf(req), req.params.userId, req.body.role),
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId/members/:userId',
    {
      config: { permission: 'workspace.read' },
      schema: {
        tags,
        summary: 'Remove a member, or leave (your own id)',
        params: ZMemberParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await workspaces.removeMember(memberOf(req), req.params.userId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/workspaces/:workspaceId/invitations',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        params: ZWorkspaceParams,
        response: { 200: z.object({ invitations: z.array(ZInvitation) }) },
      },
    },
    async (req) => ({ invitations: await workspaces.listInvitations(memberOf(req)) }),
  );

  app.post(
    '/api/v1/workspaces/:workspaceId/invitations',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: 'Create an invitation link with a role',
        params: ZWorkspaceParams,
        body: ZCreateInvitationBody,
        response: { 201: ZCreatedInvitation },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await workspaces.createInvitation(memberOf(req), req.body)),
  );

  app.delete(
    '/api/v1/workspaces/:workspaceId/invitations/:invitationId',
    {
      config: { permission: 'members.manage' },
      schema: {
        tags,
        summary: 'Revoke an invitation',
        params: ZInvitationParams,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await workspaces.revokeInvitation(memberOf(req), req.params.invitationId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'What an invitation link offers',
        params: ZTokenParams,
        response: { 200: ZInvitationPreview },
      },
    },
    async (req) => workspaces.previewInvitation(req.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Join the workspace of an invitation',
        params: ZTokenParams,
        response: { 200: ZSession },
      },
    },
    async (req) => {
      const user = userOf(req);
      await workspaces.acceptInvitation(req.params.token, user.userId, user.ip);
      const auth = req.auth;
      return deps.auth.describeSession(user.userId, auth?.kind === 'session' ? auth.csrfToken : '');
    },
  );
}

export { ZWorkspaceParams };
