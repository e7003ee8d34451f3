import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { notifications } from '../publishing/publishing.tables';

export type NotificationInput = {
  workspaceId: string;
  /** One of NOTIFICATION_EVENTS for anything a channel may subscribe to. */
  kind: string;
  title: string;
  body?: string | undefined;
  /** A path inside the app, e.g. /w/:id/today. */
  link?: string | undefined;
  entityId?: string | undefined;
  /** Only this person sees it in the bell (null: everyone in the workspace). */
  userId?: string | null;
};

/**
 * Raises a notification inside the caller's transaction and queues it for every enabled channel
 * of the workspace that subscribed to its kind (the outbox), so both land or neither does.
 */
export async function recordNotification(
  tx: DbOrTx,
  at: Date,
  n: NotificationInput,
): Promise<string> {
  const [row] = await tx
    .insert(notifications)
    .values({
      workspaceId: n.workspaceId,
      userId: n.userId ?? null,
      kind: n.kind,
      title: n.title,
      body: n.body ?? null,
      link: n.link ?? null,
      entityId: n.entityId ?? null,
      createdAt: at,
    })
    .returning({ id: notifications.id });
  if (!row) throw new Error('notification insert returned nothing');
  const iso = at.toISOString();
  await tx.execute(sql`
    INSERT INTO notification_deliveries (workspace_id, channel_id, notification_id, next_attempt_at, created_at)
    SELECT c.workspace_id, c.id, ${row.id}::uuid, ${iso}::timestamptz, ${iso}::timestamptz
    FROM notification_channels c
    WHERE c.workspace_id = ${n.workspaceId}::uuid AND c.enabled AND ${n.kind} = ANY(c.events)`);
  return row.id;
}
