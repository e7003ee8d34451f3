import { and, desc, eq, isNull, not, or, sql } from 'drizzle-orm';
import type { TNotification } from '@yunce/contracts';
import type { MemberActor } from '../../platform/actor';
import type { Database } from '../../platform/db/client';
import { notifications } from './publishing.tables';

export function createNotificationsService(deps: { database: Database }) {
  const { db } = deps.database;
  const mine = (member: MemberActor) =>
    and(
      eq(notifications.workspaceId, member.workspaceId),
      or(
        isNull(notifications.userId),
        eq(notifications.userId, member.userId ?? '00000000-0000-0000-0000-000000000000'),
      ),
    );
  const unreadBy = (userId: string) => not(sql`${userId}::uuid = ANY(${notifications.readBy})`);

  return {
    /** Newest notifications for the member, with whether they have read each. */
    async list(
      member: MemberActor,
      limit = 50,
    ): Promise<{ notifications: TNotification[]; unread: number }> {
      const rows = await db
        .select()
        .from(notifications)
        .where(mine(member))
        .orderBy(desc(notifications.createdAt))
        .limit(limit);
      const userId = member.userId;
      const [count] = userId
        ? await db
            .select({ n: sql<number>`count(*)`.mapWith(Number) })
            .from(notifications)
            .where(and(mine(member), unreadBy(userId)))
        : [{ n: 0 }];
      return {
        notifications: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.createdAt.toISOString(),
          read: userId ? r.readBy.includes(userId) : true,
        })),
        unread: count?.n ?? 0,
      };
    },

    /** Marks some (or all) of the member's notifications read. */
    async markRead(member: MemberActor, ids: string[] | 'all'): Promise<void> {
      const userId = member.userId;
      if (!userId) return;
      const scope =
        ids === 'all'
          ? mine(member)
          : and(mine(member), sql`${notifications.id} = ANY(${ids}::uuid[])`);
      await db
        .update(notifications)
        .set({ readBy: sql`array_append(${notifications.readBy}, ${userId}::uuid)` })
        .where(and(scope, unreadBy(userId)));
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
