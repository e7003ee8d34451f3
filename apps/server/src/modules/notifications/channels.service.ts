import { randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, lt, lte } from 'drizzle-orm';
import {
  ZCreateChannelBody,
  ZUpdateChannelBody,
  type TChannel,
  type TChannelList,
  type TCreateChannelBody,
  type TDelivery,
  type TNotificationEvent,
  type TUpdateChannelBody,
} from '@yunce/contracts';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { invalid, notFound } from '../../platform/errors';
import type { SecretBox } from '../../platform/secret-box';
import { recordAudit } from '../audit/audit.service';
import { assertCan } from '../workspaces/workspaces.service';
import { notifications } from '../publishing/publishing.tables';
import { backoffMs } from '../publishing/publishing.time';
import { signWebhook } from '../publishing/connectors/webhook';
import {
  assertPublicUrl,
  safeFetch,
  type SafeFetch,
  type SsrfOptions,
} from '../publishing/connectors/ssrf';
import { ConnectorError } from '../publishing/connectors/types';
import type { Mailer } from './mailer';
import { notificationChannels, notificationDeliveries } from './notifications.tables';
import { recordNotification } from './record';

type ChannelRow = typeof notificationChannels.$inferSelect;

export const MAX_DELIVERY_ATTEMPTS = 6;
/** A delivery claimed this long ago with no outcome (a worker died) is tried again. */
const STALE_CLAIM_MS = 5 * 60_000;

function present(row: ChannelRow, signingSecret?: string): TChannel {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    url: row.url,
    emails: row.emails,
    events: row.events as TNotificationEvent[],
    enabled: row.enabled,
    lastDeliveryAt: row.lastDeliveryAt?.toISOString() ?? null,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    ...(signingSecret ? { signingSecret } : {}),
  };
}

/** What an event webhook receives; documented in the README. */
export type EventPayload = {
  event: string;
  deliveryId: string;
  notificationId: string;
  workspaceId: string;
  title: string;
  body: string | null;
  url: string | null;
  entityId: string | null;
  createdAt: string;
};

export function createChannelsService(deps: {
  database: Database;
  clock: Clock;
  secrets: SecretBox;
  /** Null when the server has no SMTP settings. */
  mailer: Mailer | null;
  publicUrl: string;
  ssrf?: SsrfOptions;
  fetchImpl?: SafeFetch;
  random?: () => number;
}) {
  const { db } = deps.database;
  const { clock } = deps;
  const send = deps.fetchImpl ?? safeFetch;
  const random = deps.random ?? Math.random;

  async function getRow(member: MemberActor, id: string): Promise<ChannelRow> {
    const row = await db.query.notificationChannels.findFirst({
      where: and(
        eq(notificationChannels.id, id),
        eq(notificationChannels.workspaceId, member.workspaceId),
      ),
    });
    if (!row) throw notFound('Notification channel');
    return row;
  }

  async function checkUrl(url: string): Promise<void> {
    try {
      await assertPublicUrl(url, deps.ssrf ?? {});
    } catch (err) {
      if (err instanceof ConnectorError && err.kind === 'permanent')
        throw invalid('url', err.message);
      throw err;
    }
  }

  /** Sends one delivery; throws with a readable reason when the receiver did not take it. */
  async function deliver(
    channel: ChannelRow,
    payload: EventPayload,
  ): Promise<{ retryAfterMs?: number }> {
    if (channel.kind === 'email') {
      if (!deps.mailer)
        throw new ConnectorError('permanent', 'SMTP is not configured on the server');
      const lines = [payload.body, payload.url].filter(Boolean).join('\n\n');
      await deps.mailer.send({
        to: channel.emails,
        subject: `[运策] ${payload.title}`,
        text: `${payload.title}\n\n${lines}\n\n— 运策 Yunce (${payload.event})`,
      });
      return {};
    }
    const secret = channel.secret ? deps.secrets.open(channel.secret).signingSecret : undefined;
    if (!channel.url || !secret)
      throw new ConnectorError('permanent', 'The webhook channel has no URL or signing secret');
    const body = JSON.stringify(payload);
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    const res = await send(
      channel.url,
      {
        method: 'POST',
        timeoutMs: 10_000,
        body,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Yunce-Events/1',
          'x-yunce-event': payload.event,
          'x-yunce-delivery': payload.deliveryId,
          'idempotency-key': payload.deliveryId,
          'x-yunce-timestamp': timestamp,
          'x-yunce-signature': signWebhook(secret, timestamp, body),
        },
      },
      deps.ssrf ?? {},
    );
    if (res.status >= 200 && res.status < 300) return {};
    const retryAfter = res.headers['retry-after'];
    const seconds = typeof retryAfter === 'string' ? Number(retryAfter) : NaN;
    const kind = res.status === 429 || res.status >= 500 ? 'transient' : 'permanent';
    throw new ConnectorError(kind, `HTTP ${res.status}: ${res.body.trim().slice(0, 200)}`, {
      httpStatus: res.status,
      ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}),
    });
  }

  const service = {
    /** The workspace's channels, and whether email can be sent at all. */
    async list(member: MemberActor): Promise<TChannelList> {
      assertCan(member, 'notifications.manage');
      const rows = await db
        .select()
        .from(notificationChannels)
        .where(eq(notificationChannels.workspaceId, member.workspaceId))
        .orderBy(notificationChannels.createdAt);
      return { channels: rows.map((r) => present(r)), emailConfigured: deps.mailer !== null };
    },

    /** Adds a channel; a webhook gets a signing secret, shown once. */
    async create(member: MemberActor, input: TCreateChannelBody): Promise<TChannel> {
      assertCan(member, 'notifications.manage');
      const body = ZCreateChannelBody.parse(input);
      if (body.kind === 'email' && !deps.mailer)
        throw invalid('kind', 'the server cannot send email: set YUNCE_SMTP_URL first');
      let signingSecret: string | undefined;
      if (body.kind === 'webhook') {
        await checkUrl(body.url ?? '');
        signingSecret = `whsec_${randomBytes(24).toString('base64url')}`;
      }
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(notificationChannels)
          .values({
            workspaceId: member.workspaceId,
            kind: body.kind,
            name: body.name,
            url: body.kind === 'webhook' ? (body.url ?? null) : null,
            emails: body.kind === 'email' ? (body.emails ?? []) : [],
            events: [...new Set(body.events)],
            secret: signingSecret ? deps.secrets.seal({ signingSecret }) : null,
            enabled: body.enabled,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        if (!created) throw new Error('insert returned nothing');
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'notification_channel.create',
          entityType: 'notification_channel',
          entityId: created.id,
          before: null,
          after: present(created),
        });
        return created;
      });
      return present(row, signingSecret);
    },

    /** Changes a channel; `rotateSecret` issues a new webhook signing secret, shown once. */
    async update(member: MemberActor, id: string, input: TUpdateChannelBody): Promise<TChannel> {
      assertCan(member, 'notifications.manage');
      const body = ZUpdateChannelBody.parse(input);
      const cur = await getRow(member, id);
      if (body.url !== undefined && cur.kind === 'webhook') await checkUrl(body.url);
      let signingSecret: string | undefined;
      if (body.rotateSecret && cur.kind === 'webhook')
        signingSecret = `whsec_${randomBytes(24).toString('base64url')}`;
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(notificationChannels)
          .set({
            ...(body.name !== undefined ? { name: body.name } : {}),
            ...(body.url !== undefined && cur.kind === 'webhook' ? { url: body.url } : {}),
            ...(body.emails !== undefined && cur.kind === 'email' ? { emails: body.emails } : {}),
            ...(body.events !== undefined ? { events: [...new Set(body.events)] } : {}),
            ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
            ...(signingSecret ? { secret: deps.secrets.seal({ signingSecret }) } : {}),
            updatedAt: now,
          })
          .where(eq(notificationChannels.id, cur.id))
          .returning();
        if (!updated) throw notFound('Notification channel');
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'notification_channel.update',
          entityType: 'notification_channel',
          entityId: cur.id,
          before: present(cur),
          after: { ...present(updated), secretRotated: Boolean(signingSecret) },
        });
        return updated;
      });
      return present(row, signingSecret);
    },

    async remove(member: MemberActor, id: string): Promise<void> {
      assertCan(member, 'notifications.manage');
      const cur = await getRow(member, id);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.delete(notificationChannels).where(eq(notificationChannels.id, cur.id));
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'notification_channel.delete',
          entityType: 'notification_channel',
          entityId: cur.id,
          before: present(cur),
          after: null,
        });
      });
    },

    /** Recent deliveries of one channel, newest first. */
    async deliveries(member: MemberActor, id: string, limit = 50): Promise<TDelivery[]> {
      assertCan(member, 'notifications.manage');
      const cur = await getRow(member, id);
      const rows = await db
        .select({ d: notificationDeliveries, n: notifications })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .where(eq(notificationDeliveries.channelId, cur.id))
        .orderBy(desc(notificationDeliveries.createdAt))
        .limit(limit);
      return rows.map(({ d, n }) => ({
        id: d.id,
        event: n.kind,
        title: n.title,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
        sentAt: d.sentAt?.toISOString() ?? null,
      }));
    },

    /** Sends a test event through one channel right away and reports what happened. */
    async sendTest(member: MemberActor, id: string): Promise<TDelivery> {
      assertCan(member, 'notifications.manage');
      const cur = await getRow(member, id);
      const now = clock.now();
      const notificationId = await db.transaction((tx) =>
        recordNotification(tx, now, {
          workspaceId: member.workspaceId,
          kind: 'test',
          title: '测试通知 · Test notification',
          body: `来自通知渠道「${cur.name}」的测试消息。`,
          link: `/w/${member.workspaceId}/settings/notifications`,
          userId: member.userId,
        }),
      );
      const [delivery] = await db
        .insert(notificationDeliveries)
        .values({
          workspaceId: member.workspaceId,
          channelId: cur.id,
          notificationId,
          nextAttemptAt: now,
          createdAt: now,
        })
        .returning();
      if (!delivery) throw new Error('insert returned nothing');
      await service.deliverPending({ only: [delivery.id] });
      const list = await service.deliveries(member, id, 100);
      const found = list.find((d) => d.id === delivery.id);
      if (!found) throw notFound('Delivery');
      return found;
    },

    /**
     * Sends what is due in the outbox (the worker's cron, and right after a test). Deliveries are
     * claimed with SKIP LOCKED so several workers share them; a receiver may see one twice after a
     * crash, which the stable delivery id lets it drop.
     */
    async deliverPending(opts: { limit?: number; only?: string[] } = {}): Promise<number> {
      const now = clock.now();
      // Claims a worker took and never finished go back to the queue.
      await db
        .update(notificationDeliveries)
        .set({ status: 'pending' })
        .where(
          and(
            eq(notificationDeliveries.status, 'sending'),
            lt(notificationDeliveries.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS)),
          ),
        );
      const due = db
        .select({ id: notificationDeliveries.id })
        .from(notificationDeliveries)
        .where(
          and(
            eq(notificationDeliveries.status, 'pending'),
            lte(notificationDeliveries.nextAttemptAt, now),
            opts.only?.length ? inArray(notificationDeliveries.id, opts.only) : undefined,
          ),
        )
        .orderBy(notificationDeliveries.nextAttemptAt)
        .limit(opts.limit ?? 50)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(notificationDeliveries)
        .set({ status: 'sending', claimedAt: now })
        .where(inArray(notificationDeliveries.id, due))
        .returning({ id: notificationDeliveries.id });
      const ids = claimed.map((r) => r.id);
      if (ids.length === 0) return 0;
      const rows = await db
        .select({ d: notificationDeliveries, n: notifications, c: notificationChannels })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .innerJoin(
          notificationChannels,
          eq(notificationChannels.id, notificationDeliveries.channelId),
        )
        .where(inArray(notificationDeliveries.id, ids));
      await Promise.all(
        rows.map(async ({ d, n, c }) => {
          const payload: EventPayload = {
            event: n.kind,
            deliveryId: d.id,
            notificationId: n.id,
            workspaceId: n.workspaceId,
            title: n.title,
            body: n.body,
            url: n.link ? `${deps.publicUrl}${n.link}` : null,
            entityId: n.entityId,
            createdAt: n.createdAt.toISOString(),
          };
          const attempts = d.attempts + 1;
          const at = clock.now();
          try {
            await deliver(c, payload);
            await db
              .update(notificationDeliveries)
              .set({ status: 'sent', attempts, sentAt: at, lastError: null })
              .where(eq(notificationDeliveries.id, d.id));
            await db
              .update(notificationChannels)
              .set({ lastDeliveryAt: at, lastError: null })
              .where(eq(notificationChannels.id, c.id));
          } catch (err) {
            const message = err instanceof Error ? err.message : String(err);
            const retryable =
              !(err instanceof ConnectorError) ||
              err.kind === 'transient' ||
              err.kind === 'unknown';
            const giveUp = !retryable || attempts >= MAX_DELIVERY_ATTEMPTS;
            const retryAfterMs =
              err instanceof ConnectorError ? err.details.retryAfterMs : undefined;
            await db
              .update(notificationDeliveries)
              .set({
                status: giveUp ? 'failed' : 'pending',
                attempts,
                lastError: message.slice(0, 500),
                nextAttemptAt: new Date(at.getTime() + backoffMs(attempts, random, retryAfterMs)),
              })
              .where(eq(notificationDeliveries.id, d.id));
            await db
              .update(notificationChannels)
              .set({ lastError: message.slice(0, 500) })
              .where(eq(notificationChannels.id, c.id));
          }
        }),
      );
      return rows.length;
    },

    /** Drops delivered and failed outbox rows older than 30 days. */
    async purgeOld(): Promise<void> {
      const cutoff = new Date(clock.now().getTime() - 30 * 86_400_000);
      await db
        .delete(notificationDeliveries)
        .where(
          and(
            inArray(notificationDeliveries.status, ['sent', 'failed']),
            lte(notificationDeliveries.createdAt, cutoff),
          ),
        );
    },
  };
  return service;
}

export type ChannelsService = ReturnType<typeof createChannelsService>;
