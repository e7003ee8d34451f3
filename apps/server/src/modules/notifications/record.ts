import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { pgArray } from '../../platform/db/sql';
import type { DbOrTx } from '../../platform/db/client';

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
  // One round trip: the notification and its outbox rows in one statement (this runs once per
  // published post, so it sits on the publishing hot path).
  const id = randomUUID();
  const iso = at.toISOString();
  await tx.execute(sql`
    WITH n AS (
      INSERT INTO notifications (id, workspace_id, user_id, kind, title, body, link, entity_id, created_at)
      VALUES (${id}::uuid, ${n.workspaceId}::uuid, ${n.userId ?? null}::uuid, ${n.kind}, ${n.title},
              ${n.body ?? null}, ${n.link ?? null}, ${n.entityId ?? null}, ${iso}::timestamptz)
    )
    INSERT INTO notification_deliveries (workspace_id, channel_id, notification_id, next_attempt_at, created_at)
    SELECT c.workspace_id, c.id, ${id}::uuid, ${iso}::timestamptz, ${iso}::timestamptz
    FROM notification_channels c
    WHERE c.workspace_id = ${n.workspaceId}::uuid AND c.enabled AND ${n.kind} = ANY(c.events)`);
  return id;
}

/** recordNotification for many at once: two statements however many (the publishing batch). */
export async function recordNotifications(
  tx: DbOrTx,
  at: Date,
  list: readonly NotificationInput[],
): Promise<void> {
  if (list.length === 0) return;
  const ids = list.map(() => randomUUID());
  const iso = at.toISOString();
  const col = (f: (n: NotificationInput) => string | null | undefined) =>
    pgArray(list.map((n) => f(n) ?? null));
  await tx.execute(sql`
    INSERT INTO notifications (id, workspace_id, user_id, kind, title, body, link, entity_id, created_at)
    SELECT id, workspace_id, user_id, kind, title, body, link, entity_id, ${iso}::timestamptz
    FROM unnest(
      ${pgArray(ids)}::uuid[], ${col((n) => n.workspaceId)}::uuid[], ${col((n) => n.userId)}::uuid[],
      ${col((n) => n.kind)}::text[], ${col((n) => n.title)}::text[], ${col((n) => n.body)}::text[],
      ${col((n) => n.link)}::text[], ${col((n) => n.entityId)}::text[]
    ) AS v(id, workspace_id, user_id, kind, title, body, link, entity_id)`);
  await tx.execute(sql`
    INSERT INTO notification_deliveries (workspace_id, channel_id, notification_id, next_attempt_at, created_at)
    SELECT c.workspace_id, c.id, v.id, ${iso}::timestamptz, ${iso}::timestamptz
    FROM unnest(${pgArray(ids)}::uuid[], ${col((n) => n.workspaceId)}::uuid[], ${col((n) => n.kind)}::text[])
      AS v(id, workspace_id, kind)
    JOIN notification_channels c
      ON c.workspace_id = v.workspace_id AND c.enabled AND v.kind = ANY(c.events)`);
}
