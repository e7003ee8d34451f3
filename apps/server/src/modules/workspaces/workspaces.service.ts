import { DEFAULT_TIME_ZONE } from './time-zone';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import {
  assignableRoles,
  can,
  type TCreateInvitationBody,
  type TCreatedInvitation,
  type TCreateWorkspaceBody,
  type TInvitation,
  type TInvitationPreview,
  type TLocale,
  type TMember,
  type TPermission,
  type TRole,
  type TUpdateWorkspaceBody,
  type TWorkspace,
  type TWorkspaceSummary,
  ZCreateInvitationBody,
} from '@yunce/contracts';
import type { Actor, MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database, DbOrTx, Tx } from '../../platform/db/client';
import { DomainError, forbidden, invalid, notFound } from '../../platform/errors';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { recordAudit } from '../audit/audit.service';
import { users } from '../auth/auth.tables';
import { invitations, memberships, workspaces } from './workspaces.tables';

type WorkspaceRow = typeof workspaces.$inferSelect;
type InvitationRow = typeof invitations.$inferSelect;

function presentWorkspace(w: WorkspaceRow, role: TRole): TWorkspace {
  return {
    id: w.id,
    name: w.name,
    timeZone: w.timeZone,
    defaultLocale: w.defaultLocale,
    createdAt: w.createdAt.toISOString(),
    role,
  };
}

function invitationStatus(i: InvitationRow, now: Date): TInvitation['status'] {
  if (i.acceptedAt) return 'accepted';
  if (i.revokedAt) return 'revoked';
  if (i.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

function presentInvitation(i: InvitationRow, now: Date, createdByName: string | null): TInvitation {
  return {
    id: i.id,
    role: i.role,
    email: i.email,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    revokedAt: i.revokedAt?.toISOString() ?? null,
    createdBy: createdByName,
    status: invitationStatus(i, now),
  };
}

/** Throws FORBIDDEN unless the member's role holds the permission. */
export function assertCan(member: MemberActor, permission: TPermission): void {
  if (!can(member.role, permission)) throw forbidden();
}

export function createWorkspacesService(deps: {
  database: Database;
  clock: Clock;
  publicUrl: string;
}) {
  const { db } = deps.database;
  const { clock } = deps;

  async function countOwners(tx: DbOrTx, workspaceId: string): Promise<number> {
    const [row] = await tx
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'owner')));
    return row?.n ?? 0;
  }

  async function getMemberRow(tx: DbOrTx, workspaceId: string, userId: string) {
    const row = await tx.query.memberships.findFirst({
      where: and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)),
    });
    if (!row) throw notFound('Member');
    return row;
  }

  async function findLiveInvitation(tx: DbOrTx, token: string): Promise<InvitationRow> {
    const inv = await tx.query.invitations.findFirst({
      where: eq(invitations.tokenHash, sha256(token)),
    });
    if (!inv) throw notFound('Invitation');
    const status = invitationStatus(inv, clock.now());
    if (status !== 'pending') {
      throw new DomainError('CONFLICT', `This invitation is ${status}; ask for a new link`);
    }
    return inv;
  }

  const service = {
    /** The role a person holds in a workspace, or null when they are not a member. */
    async findRole(workspaceId: string, userId: string): Promise<TRole | null> {
      const row = await db.query.memberships.findFirst({
        columns: { role: true },
        where: and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)),
      });
      return row?.role ?? null;
    },

    /** Workspaces a person belongs to, oldest first. */
    async findWorkspacesOfUser(userId: string): Promise<TWorkspaceSummary[]> {
      return db
        .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
        .from(memberships)
        .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
        .where(eq(memberships.userId, userId))
        .orderBy(asc(memberships.createdAt), asc(workspaces.name));
    },

    /** Creates a workspace with `ownerId` as its owner, inside the caller's transaction. */
    async createWorkspaceInTx(
      tx: Tx,
      input: {
        name: string;
        ownerId: string;
        ip: string | null;
        timeZone?: string;
        defaultLocale?: TLocale;
      },
    ): Promise<WorkspaceRow> {
      const now = clock.now();
      const [ws] = await tx
        .insert(workspaces)
        .values({
          name: input.name,
          timeZone: input.timeZone ?? DEFAULT_TIME_ZONE,
          defaultLocale: input.defaultLocale ?? 'zh-CN',
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!ws) throw new Error('workspace insert returned nothing');
      await tx
        .insert(memberships)
        .values({ workspaceId: ws.id, userId: input.ownerId, role: 'owner', createdAt: now });
      const actor: Actor = { userId: input.ownerId, tokenId: null, ip: input.ip };
      await recordAudit(tx, now, {
        workspaceId: ws.id,
        actor,
        action: 'workspace.create',
        entityType: 'workspace',
        entityId: ws.id,
        after: ws,
      });
      return ws;
    },

    /** A signed-in person creates another workspace and becomes its owner. */
    async createWorkspace(
      actor: Actor & { userId: string },
      body: TCreateWorkspaceBody,
    ): Promise<TWorkspace> {
      const ws = await db.transaction((tx) =>
        service.createWorkspaceInTx(tx, {
          name: body.name,
          ownerId: actor.userId,
          ip: actor.ip,
          ...(body.timeZone ? { timeZone: body.timeZone } : {}),
          ...(body.defaultLocale ? { defaultLocale: body.defaultLocale } : {}),
        }),
      );
      return presentWorkspace(ws, 'owner');
    },

    /** The workspace as its member sees it. */
    async getWorkspace(member: MemberActor): Promise<TWorkspace> {
      const ws = await db.query.workspaces.findFirst({
        where: eq(workspaces.id, member.workspaceId),
      });
      if (!ws) throw notFound('Workspace');
      return presentWorkspace(ws, member.role);
    },

    /** Renames the workspace or changes its time zone / default language. */
    async updateWorkspace(member: MemberActor, body: TUpdateWorkspaceBody): Promise<TWorkspace> {
      assertCan(member, 'workspace.update');
      const ws = await db.transaction(async (tx) => {
        const before = await tx.query.workspaces.findFirst({
          where: eq(workspaces.id, member.workspaceId),
        });
        if (!before) throw notFound('Workspace');
        const [after] = await tx
          .update(workspaces)
          .set({ ...body, updatedAt: clock.now() })
          .where(eq(workspaces.id, member.workspaceId))
          .returning();
        if (!after) throw notFound('Workspace');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'workspace.update',
          entityType: 'workspace',
          entityId: after.id,
          before,
          after,
        });
        return after;
      });
      return presentWorkspace(ws, member.role);
    },

    /** Everyone in the workspace with their role. */
    async listMembers(member: MemberActor): Promise<TMember[]> {
      assertCan(member, 'members.read');
      const rows = await db
        .select({
          userId: users.id,
          email: users.email,
          displayName: users.displayName,
          role: memberships.role,
          joinedAt: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.workspaceId, member.workspaceId))
        .orderBy(asc(memberships.createdAt));
      return rows.map((r) => ({ ...r, joinedAt: r.joinedAt.toISOString() }));
    },

    /** Changes a member's role; only owners touch owners, and the last owner stays an owner. */
    async updateMemberRole(member: MemberActor, userId: string, role: TRole): Promise<TMember> {
      assertCan(member, 'members.manage');
      return db.transaction(async (tx) => {
        const target = await getMemberRow(tx, member.workspaceId, userId);
        const allowed = assignableRoles(member.role);
        if (!allowed.includes(role)) throw invalid('role', `you cannot assign the role ${role}`);
        if (!allowed.includes(target.role))
          throw forbidden(`Only an owner can change an ${target.role}`);
        if (
          target.role === 'owner' &&
          role !== 'owner' &&
          (await countOwners(tx, member.workspaceId)) <= 1
        ) {
          throw invalid('role', 'the workspace needs at least one owner');
        }
        await tx
          .update(memberships)
          .set({ role })
          .where(
            and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, userId)),
          );
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'member.update',
          entityType: 'member',
          entityId: userId,
          before: { role: target.role },
          after: { role },
        });
        const user = await tx.query.users.findFirst({ where: eq(users.id, userId) });
        return {
          userId,
          email: user?.email ?? '',
          displayName: user?.displayName ?? '',
          role,
          joinedAt: target.createdAt.toISOString(),
        };
      });
    },

    /** Removes a member (or lets a member leave); the last owner cannot go. */
    async removeMember(member: MemberActor, userId: string): Promise<void> {
      const leaving = member.userId === userId;
      if (!leaving) assertCan(member, 'members.manage');
      await db.transaction(async (tx) => {
        const target = await getMemberRow(tx, member.workspaceId, userId);
        if (!leaving && !assignableRoles(member.role).includes(target.role)) {
          throw forbidden(`Only an owner can remove an ${target.role}`);
        }
        if (target.role === 'owner' && (await countOwners(tx, member.workspaceId)) <= 1) {
          throw new DomainError(
            'CONFLICT',
            'The last owner cannot leave; make someone else an owner first',
          );
        }
        await tx
          .delete(memberships)
          .where(
            and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, userId)),
          );
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'member.remove',
          entityType: 'member',
          entityId: userId,
          before: { role: target.role },
        });
      });
    },

    /** Creates an invitation link; the token exists only in the returned URL. */
    async createInvitation(
      member: MemberActor,
      input: TCreateInvitationBody,
    ): Promise<TCreatedInvitation> {
      assertCan(member, 'members.manage');
      const body = ZCreateInvitationBody.parse(input);
      if (!assignableRoles(member.role).includes(body.role))
        throw invalid('role', `you cannot invite as ${body.role}`);
      const token = randomToken(24);
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [inv] = await tx
          .insert(invitations)
          .values({
            workspaceId: member.workspaceId,
            tokenHash: sha256(token),
            role: body.role,
            email: body.email ?? null,
            createdBy: member.userId,
            createdAt: now,
            expiresAt: new Date(now.getTime() + body.expiresInDays * 86_400_000),
          })
          .returning();
        if (!inv) throw new Error('invitation insert returned nothing');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'invitation.create',
          entityType: 'invitation',
          entityId: inv.id,
          after: inv,
        });
        return inv;
      });
      const creator = member.userId
        ? await db.query.users.findFirst({ where: eq(users.id, member.userId) })
        : undefined;
      return {
        ...presentInvitation(row, now, creator?.displayName ?? null),
        token,
        url: `${deps.publicUrl}/invite/${token}`,
      };
    },

    /** The workspace's invitations, newest first. */
    async listInvitations(member: MemberActor): Promise<TInvitation[]> {
      assertCan(member, 'members.manage');
      const rows = await db
        .select({ inv: invitations, by: users.displayName })
        .from(invitations)
        .leftJoin(users, eq(users.id, invitations.createdBy))
        .where(eq(invitations.workspaceId, member.workspaceId))
        .orderBy(sql`${invitations.createdAt} DESC`);
      const now = clock.now();
      return rows.map((r) => presentInvitation(r.inv, now, r.by));
    },

    /** Revokes a pending invitation so its link stops working. */
    async revokeInvitation(member: MemberActor, invitationId: string): Promise<void> {
      assertCan(member, 'members.manage');
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(invitations)
          .set({ revokedAt: clock.now() })
          .where(
            and(
              eq(invitations.id, invitationId),
              eq(invitations.workspaceId, member.workspaceId),
              isNull(invitations.acceptedAt),
              isNull(invitations.revokedAt),
            ),
          )
          .returning();
        if (!row) throw notFound('Pending invitation');
        await recordAudit(tx, clock.now(), {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'invitation.revoke',
          entityType: 'invitation',
          entityId: row.id,
        });
      });
    },

    /** What an invitation link offers, for the page shown before accepting. */
    async previewInvitation(token: string): Promise<TInvitationPreview> {
      const inv = await findLiveInvitation(db, token);
      const ws = await db.query.workspaces.findFirst({ where: eq(workspaces.id, inv.workspaceId) });
      const by = inv.createdBy
        ? await db.query.users.findFirst({ where: eq(users.id, inv.createdBy) })
        : undefined;
      return {
        workspaceName: ws?.name ?? '',
        role: inv.role,
        email: inv.email,
        expiresAt: inv.expiresAt.toISOString(),
        invitedBy: by?.displayName ?? null,
      };
    },

    /** Adds a person to the invitation's workspace, inside the caller's transaction. */
    async acceptInvitationInTx(
      tx: Tx,
      token: string,
      userId: string,
      ip: string | null,
    ): Promise<string> {
      const inv = await findLiveInvitation(tx, token);
      const user = await tx.query.users.findFirst({ where: eq(users.id, userId) });
      if (!user) throw notFound('User');
      if (inv.email && inv.email !== user.email) {
        throw forbidden(`This invitation is for ${inv.email}; sign in with that email`);
      }
      const existing = await tx.query.memberships.findFirst({
        where: and(eq(memberships.workspaceId, inv.workspaceId), eq(memberships.userId, userId)),
      });
      if (existing) throw new DomainError('CONFLICT', 'You are already a member of this workspace');
      const now = clock.now();
      // The conditional update makes a link single-use even when two people click at once.
      const [claimed] = await tx
        .update(invitations)
        .set({ acceptedAt: now, acceptedBy: userId })
        .where(
          and(
            eq(invitations.id, inv.id),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
          ),
        )
        .returning();
      if (!claimed)
        throw new DomainError('CONFLICT', 'This invitation was just used; ask for a new link');
      await tx
        .insert(memberships)
        .values({ workspaceId: inv.workspaceId, userId, role: inv.role, createdAt: now });
      await recordAudit(tx, now, {
        workspaceId: inv.workspaceId,
        actor: { userId, tokenId: null, ip },
        action: 'member.join',
        entityType: 'member',
        entityId: userId,
        after: { role: inv.role, invitationId: inv.id },
      });
      return inv.workspaceId;
    },

    /** A signed-in person accepts an invitation. */
    async acceptInvitation(token: string, userId: string, ip: string | null): Promise<string> {
      return db.transaction((tx) => service.acceptInvitationInTx(tx, token, userId, ip));
    },

    /** Whether anyone other than `userId` is an owner (used by tests and safety checks). */
    async hasOtherOwner(workspaceId: string, userId: string): Promise<boolean> {
      const row = await db.query.memberships.findFirst({
        where: and(
          eq(memberships.workspaceId, workspaceId),
          eq(memberships.role, 'owner'),
          ne(memberships.userId, userId),
        ),
      });
      return Boolean(row);
    },
  };
  return service;
}

export type WorkspacesService = ReturnType<typeof createWorkspacesService>;
