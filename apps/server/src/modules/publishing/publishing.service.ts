import { workspaceTimeZone } from '../workspaces/time-zone';
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import {
  ZScheduleBody,
  type TConnection,
  type TPublication,
  type TPublicationStatus,
  type TScheduleBody,
  type TSetConnectionBody,
  ZSetConnectionBody,
} from '@yunce/contracts';
import { recommendSlot, zonedTimeToUtc, type TSlotPreference } from '@yunce/core';
import type { MemberActor } from '../../platform/actor';
import type { Clock } from '../../platform/clock';
import type { Database, DbOrTx } from '../../platform/db/client';
import { DomainError, invalid, notFound } from '../../platform/errors';
import type { SecretBox } from '../../platform/secret-box';
import type { FileStorage } from '../../platform/storage';
import { recordAudit } from '../audit/audit.service';
import {
  recordNotification,
  recordNotifications,
  type NotificationInput,
} from '../notifications/record';
import { pgArray, rowsOf } from '../../platform/db/sql';
import { accounts } from '../accounts/accounts.tables';
import { contentItems, contentMedia, contentVariants } from '../content/content.tables';
import { files } from '../files/files.tables';
import { assertCan } from '../workspaces/workspaces.service';
import {
  ConnectorError,
  type Connector,
  type ConnectorContext,
  type PublishOutcome,
} from './connectors/types';
import { accountConnections, publications, publishAttempts } from './publishing.tables';
import { backoffMs, localDateTime } from './publishing.time';

export const MAX_ATTEMPTS = 5;
/** A claim older than this with no outcome means the worker died mid-call: a person must check. */
export const STUCK_AFTER_MS = 10 * 60_000;

type PubRow = typeof publications.$inferSelect;
export type ConnectorRegistry = { get(type: TConnection['type']): Connector };

export function createPublishingService(deps: {
  database: Database;
  clock: Clock;
  secrets: SecretBox;
  storage: FileStorage;
  connectors: ConnectorRegistry;
  /** Asks the job queue to run a publication at a time (pg-boss in the app; a no-op in some tests). */
  enqueue: (publicationId: string, at: Date) => Promise<void>;
  catchUpMinutes: number;
  /** Media links sent to webhooks are absolute: the receiver is another system. */
  publicUrl?: string;
  random?: () => number;
  /** The account's best weekday × hour slots from its own metrics, best first (analytics). */
  bestSlots?: (
    workspaceId: string,
    accountId: string,
    timeZone: string,
  ) => Promise<TSlotPreference[]>;
}) {
  const { db } = deps.database;
  const { clock } = deps;
  const random = deps.random ?? Math.random;
  const bestSlotsOf = deps.bestSlots ?? (() => Promise.resolve([]));
  const publicUrl = deps.publicUrl ?? '';

  function notify(tx: DbOrTx, n: NotificationInput) {
    return recordNotification(tx, clock.now(), n);
  }

  const timeZoneOf = (workspaceId: string) => workspaceTimeZone(db, workspaceId);

  /**
   * Recomputes the item's status from its publications in one statement that only writes (and
   * so only locks the item row) when the status changes: many publications of one item settling
   * at once do not queue behind each other.
   */
  async function refreshItemStatus(tx: DbOrTx, itemId: string): Promise<void> {
    await refreshItemStatuses(tx, [itemId]);
  }

  async function refreshItemStatuses(tx: DbOrTx, itemIds: string[]): Promise<void> {
    if (itemIds.length === 0) return;
    await tx.execute(sql`
      UPDATE content_items ci SET status = s.status, updated_at = ${clock.now().toISOString()}::timestamptz
      FROM (
        SELECT p.item_id, CASE
          WHEN count(*) FILTER (WHERE p.status <> 'cancelled') = 0 THEN 'approved'
          WHEN bool_and(p.status IN ('published', 'skipped')) FILTER (WHERE p.status <> 'cancelled')
            THEN CASE WHEN bool_or(p.status = 'published') THEN 'published' ELSE 'approved' END
          WHEN bool_or(p.status = 'failed') THEN 'failed'
          ELSE 'scheduled'
        END AS status
        FROM publications p WHERE p.item_id = ANY(${pgArray(itemIds)}::uuid[])
        GROUP BY p.item_id
      ) s
      WHERE ci.id = s.item_id AND ci.status IS DISTINCT FROM s.status`);
  }

  async function presentMany(rows: PubRow[], workspaceId: string): Promise<TPublication[]> {
    if (rows.length === 0) return [];
    const tz = await timeZoneOf(workspaceId);
    const ids = rows.map((r) => r.id);
    const info = await db
      .select({
        pubId: publications.id,
        title: contentItems.title,
        itemBody: contentItems.body,
        vTitle: contentVariants.title,
        vBody: contentVariants.body,
        hashtags: contentVariants.hashtags,
        accountName: accounts.name,
        platform: accounts.platform,
      })
      .from(publications)
      .innerJoin(contentItems, eq(contentItems.id, publications.itemId))
      .innerJoin(contentVariants, eq(contentVariants.id, publications.variantId))
      .innerJoin(accounts, eq(accounts.id, publications.accountId))
      .where(inArray(publications.id, ids));
    const attempts = await db
      .select()
      .from(publishAttempts)
      .where(inArray(publishAttempts.publicationId, ids))
      .orderBy(asc(publishAttempts.startedAt));
    return rows.map((r) => {
      const i = info.find((x) => x.pubId === r.id);
      return {
        id: r.id,
        itemId: r.itemId,
        itemTitle: i?.title ?? '',
        variantId: r.variantId,
        accountId: r.accountId,
        accountName: i?.accountName ?? '',
        platform: i?.platform ?? 'other',
        connector: r.connector,
        scheduledAt: r.scheduledAt.toISOString(),
        scheduledLocal: localDateTime(r.scheduledAt, tz),
        timeZone: tz,
        status: r.status,
        attempts: r.attempts,
        nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
        externalId: r.externalId,
        url: r.url,
        lastError: r.lastError,
        publishedAt: r.publishedAt?.toISOString() ?? null,
        title: i?.vTitle ?? i?.title ?? '',
        body: i?.vBody ?? i?.itemBody ?? '',
        hashtags: i?.hashtags ?? [],
        history: attempts
          .filter((a) => a.publicationId === r.id)
          .map((a) => ({
            id: a.id,
            connector: a.connector,
            startedAt: a.startedAt.toISOString(),
            finishedAt: a.finishedAt?.toISOString() ?? null,
            result: a.result,
            error: a.error,
          })),
      };
    });
  }

  async function getPub(member: MemberActor, id: string, via: DbOrTx = db): Promise<PubRow> {
    const row = await via.query.publications.findFirst({
      where: and(eq(publications.id, id), eq(publications.workspaceId, member.workspaceId)),
    });
    if (!row) throw notFound('Publication');
    return row;
  }

  function connectionView(
    row: typeof accountConnections.$inferSelect | undefined,
    accountId: string,
  ): TConnection {
    if (!row)
      return {
        accountId,
        type: 'manual',
        settings: {},
        secretKeys: [],
        status: 'connected',
        statusReason: null,
      };
    const keys = row.secrets ? Object.keys(deps.secrets.open(row.secrets)) : [];
    return {
      accountId,
      type: row.type,
      settings: row.settings,
      secretKeys: keys,
      status: row.status,
      statusReason: row.statusReason,
    };
  }

  type ConnectionRow = typeof accountConnections.$inferSelect;

  /** What a connector needs for one account, secrets decrypted, with a safe way to rotate them. */
  function contextFrom(
    row: ConnectionRow | undefined,
    accountId: string,
    workspaceId: string,
  ): { type: TConnection['type']; ctx: ConnectorContext } {
    const secrets = row?.secrets ? deps.secrets.open(row.secrets) : {};
    return {
      type: row?.type ?? 'manual',
      ctx: {
        accountId,
        workspaceId,
        settings: row?.settings ?? {},
        secrets,
        async saveSecrets(patch) {
          // Merge under a row lock: a rotated token is added, stored credentials are never dropped.
          await db.transaction(async (tx) => {
            const [cur] = await tx
              .select()
              .from(accountConnections)
              .where(eq(accountConnections.accountId, accountId))
              .for('update');
            if (!cur) return;
            const merged = { ...(cur.secrets ? deps.secrets.open(cur.secrets) : {}), ...patch };
            await tx
              .update(accountConnections)
              .set({ secrets: deps.secrets.seal(merged), updatedAt: clock.now() })
              .where(eq(accountConnections.accountId, accountId));
          });
          Object.assign(secrets, patch);
        },
      },
    };
  }

  async function contextFor(
    accountId: string,
    workspaceId: string,
  ): Promise<{ type: TConnection['type']; ctx: ConnectorContext }> {
    const row = await db.query.accountConnections.findFirst({
      where: eq(accountConnections.accountId, accountId),
    });
    return contextFrom(row, accountId, workspaceId);
  }

  type Decision = {
    status: TPublicationStatus;
    attemptResult: string;
    message: string | null;
    externalId?: string | null;
    url?: string | null;
    publishedAt?: Date;
    nextAttemptAt?: Date;
    lastError?: string | null;
    lastErrorKind?: string | null;
    authFailure?: string;
  };

  /** What a connector's answer means for a publication: pure, so a batch can be written at once. */
  function decide(
    pub: PubRow,
    now: Date,
    result: { outcome?: PublishOutcome; error?: unknown },
  ): Decision {
    const err = result.error;
    if (result.outcome) {
      const o = result.outcome;
      if (o.kind === 'published')
        return {
          status: 'published',
          attemptResult: o.kind,
          message: null,
          externalId: o.externalId,
          url: o.url,
          publishedAt: now,
          lastError: null,
          lastErrorKind: null,
        };
      if (o.kind === 'pending')
        return {
          status: 'pending',
          attemptResult: o.kind,
          message: null,
          externalId: o.externalId,
        };
      return { status: 'manual_pending', attemptResult: o.kind, message: null };
    }
    if (err instanceof ConnectorError) {
      const base = { attemptResult: err.kind, message: err.message };
      const auth = err.kind === 'auth' ? { authFailure: err.message } : {};
      if (err.kind === 'transient' && pub.attempts + 1 < MAX_ATTEMPTS)
        return {
          ...base,
          status: 'retrying',
          nextAttemptAt: new Date(
            now.getTime() + backoffMs(pub.attempts + 1, random, err.details.retryAfterMs),
          ),
          lastError: err.message,
          lastErrorKind: err.kind,
        };
      if (err.kind === 'unknown')
        return { ...base, status: 'needs_check', lastError: err.message, lastErrorKind: err.kind };
      return {
        ...base,
        ...auth,
        status: 'failed',
        lastError:
          err.kind === 'transient'
            ? `${err.message} (gave up after ${MAX_ATTEMPTS} attempts)`
            : err.message,
        lastErrorKind: err.kind,
      };
    }
    // A bug or crash inside the call: the post may or may not exist now.
    const message = err instanceof Error ? err.message : String(err);
    return {
      status: 'needs_check',
      attemptResult: 'unknown',
      message,
      lastError: message,
      lastErrorKind: 'unknown',
    };
  }

  type Settled = {
    pub: PubRow;
    startedAt: Date;
    result: { outcome?: PublishOutcome; error?: unknown };
  };

  /**
   * Applies connectors' answers to claimed publications — only while each claim is still ours —
   * in one transaction for the whole group: the row updates, the attempt history, the
   * notifications and the items' statuses each take one statement, however many posts.
   */
  async function settleMany(claim: string, entries: Settled[]): Promise<void> {
    if (entries.length === 0) return;
    const now = clock.now();
    const decided = entries.map((e) => ({ ...e, d: decide(e.pub, now, e.result) }));
    const col = <T>(f: (x: (typeof decided)[number]) => T) => decided.map(f);
    const iso = (d: Date | undefined) => (d ? d.toISOString() : null);
    const retries = await db.transaction(async (tx) => {
      const updated = rowsOf(
        await tx.execute(sql`
          UPDATE publications p SET
            status = v.status,
            claim_token = NULL,
            updated_at = ${now.toISOString()}::timestamptz,
            external_id = CASE WHEN v.set_ext THEN v.external_id ELSE p.external_id END,
            url = CASE WHEN v.set_url THEN v.url ELSE p.url END,
            published_at = COALESCE(v.published_at, p.published_at),
            next_attempt_at = COALESCE(v.next_attempt_at, p.next_attempt_at),
            last_error = CASE WHEN v.set_err THEN v.last_error ELSE p.last_error END,
            last_error_kind = CASE WHEN v.set_err THEN v.last_error_kind ELSE p.last_error_kind END
          FROM unnest(
            ${pgArray(col((x) => x.pub.id))}::uuid[],
            ${pgArray(col((x) => x.d.status))}::text[],
            ${pgArray(col((x) => (x.d.externalId !== undefined ? 't' : 'f')))}::boolean[],
            ${pgArray(col((x) => x.d.externalId ?? null))}::text[],
            ${pgArray(col((x) => (x.d.url !== undefined ? 't' : 'f')))}::boolean[],
            ${pgArray(col((x) => x.d.url ?? null))}::text[],
            ${pgArray(col((x) => iso(x.d.publishedAt)))}::timestamptz[],
            ${pgArray(col((x) => iso(x.d.nextAttemptAt)))}::timestamptz[],
            ${pgArray(col((x) => (x.d.lastError !== undefined ? 't' : 'f')))}::boolean[],
            ${pgArray(col((x) => x.d.lastError ?? null))}::text[],
            ${pgArray(col((x) => x.d.lastErrorKind ?? null))}::text[]
          ) AS v(id, status, set_ext, external_id, set_url, url, published_at, next_attempt_at, set_err, last_error, last_error_kind)
          WHERE p.id = v.id AND p.claim_token = ${claim} AND p.status = 'publishing'
          RETURNING p.id, p.url`),
      );
      // A claim taken from us (swept as stuck) is its new owner's to settle.
      const ours = new Map(
        updated.map((r) => [String(r.id), typeof r.url === 'string' ? r.url : null]),
      );
      const mine = decided.filter((x) => ours.has(x.pub.id));
      if (mine.length === 0) return [];
      await tx.execute(sql`
        INSERT INTO publish_attempts (workspace_id, publication_id, connector, started_at, finished_at, result, error)
        SELECT * FROM unnest(
          ${pgArray(mine.map((x) => x.pub.workspaceId))}::uuid[],
          ${pgArray(mine.map((x) => x.pub.id))}::uuid[],
          ${pgArray(mine.map((x) => x.pub.connector))}::text[],
          ${pgArray(mine.map((x) => x.startedAt.toISOString()))}::timestamptz[],
          ${pgArray(mine.map(() => now.toISOString()))}::timestamptz[],
          ${pgArray(mine.map((x) => x.d.attemptResult))}::text[],
          ${pgArray(mine.map((x) => x.d.message))}::text[])`);
      const notes: NotificationInput[] = [];
      for (const x of mine) {
        const base = {
          workspaceId: x.pub.workspaceId,
          link: `/w/${x.pub.workspaceId}/today`,
          entityId: x.pub.id,
        };
        const body = x.d.message ?? undefined;
        if (x.d.status === 'manual_pending')
          notes.push({ ...base, kind: 'publish.manual', title: '到点了：请手动发布' });
        if (x.d.status === 'needs_check')
          notes.push({
            ...base,
            kind: 'publish.needs_check',
            title: '发布结果未知，请人工确认',
            body,
          });
        if (x.d.status === 'failed')
          notes.push({ ...base, kind: 'publish.failed', title: '发布失败', body });
        if (x.d.status === 'published')
          notes.push({
            ...base,
            kind: 'publish.published',
            title: '已发布',
            body: ours.get(x.pub.id) ?? undefined,
          });
      }
      await recordNotifications(tx, now, notes);
      for (const x of mine) {
        if (!x.d.authFailure) continue;
        // Only a definitive authorisation failure disconnects, and only the first one notifies.
        const [flipped] = await tx
          .update(accountConnections)
          .set({ status: 'needs_reconnect', statusReason: x.d.authFailure, updatedAt: now })
          .where(
            and(
              eq(accountConnections.accountId, x.pub.accountId),
              eq(accountConnections.status, 'connected'),
            ),
          )
          .returning();
        if (flipped)
          await notify(tx, {
            workspaceId: x.pub.workspaceId,
            kind: 'account.needs_reconnect',
            title: '账号需要重新授权',
            body: x.d.authFailure,
            link: `/w/${x.pub.workspaceId}/accounts/${x.pub.accountId}`,
            entityId: x.pub.accountId,
          });
      }
      await refreshItemStatuses(tx, [...new Set(mine.map((x) => x.pub.itemId))]);
      return mine.flatMap((x) =>
        x.d.status === 'retrying' && x.d.nextAttemptAt
          ? [{ id: x.pub.id, at: x.d.nextAttemptAt }]
          : [],
      );
    });
    // After commit: on PGlite the queue shares the single connection the transaction held.
    for (const r of retries) await deps.enqueue(r.id, r.at);
  }

  /** settleMany for one publication. */
  async function settle(
    pub: PubRow,
    claim: string,
    startedAt: Date,
    result: { outcome?: PublishOutcome; error?: unknown },
  ): Promise<void> {
    await settleMany(claim, [{ pub, startedAt, result }]);
  }

  /**
   * Calls the connectors for publications we hold the claims on. Everything they need is loaded
   * for the whole batch in a few queries (not a handful per post), then the calls run together.
   */
  async function executeBatch(claimed: PubRow[], claim: string): Promise<void> {
    if (claimed.length === 0) return;
    const startedAt = clock.now();
    const uniq = (xs: string[]) => [...new Set(xs)];
    const itemIds = uniq(claimed.map((p) => p.itemId));
    const accountIds = uniq(claimed.map((p) => p.accountId));
    let loaded: {
      connections: Map<string, ConnectionRow>;
      items: Map<string, typeof contentItems.$inferSelect>;
      variants: Map<string, typeof contentVariants.$inferSelect>;
      accountsById: Map<string, typeof accounts.$inferSelect>;
      mediaByItem: Map<string, (typeof files.$inferSelect)[]>;
      covers: Map<string, typeof files.$inferSelect>;
    };
    try {
      const [conns, itemRows, variantRows, accountRows, mediaRows] = await Promise.all([
        db
          .select()
          .from(accountConnections)
          .where(inArray(accountConnections.accountId, accountIds)),
        db.select().from(contentItems).where(inArray(contentItems.id, itemIds)),
        db
          .select()
          .from(contentVariants)
          .where(inArray(contentVariants.id, uniq(claimed.map((p) => p.variantId)))),
        db.select().from(accounts).where(inArray(accounts.id, accountIds)),
        db
          .select({ itemId: contentMedia.itemId, f: files })
          .from(contentMedia)
          .innerJoin(files, eq(files.id, contentMedia.fileId))
          .where(inArray(contentMedia.itemId, itemIds))
          .orderBy(asc(contentMedia.position)),
      ]);
      const coverIds = uniq(itemRows.flatMap((i) => (i.coverFileId ? [i.coverFileId] : [])));
      const coverRows = coverIds.length
        ? await db.select().from(files).where(inArray(files.id, coverIds))
        : [];
      const mediaByItem = new Map<string, (typeof files.$inferSelect)[]>();
      for (const m of mediaRows)
        mediaByItem.set(m.itemId, [...(mediaByItem.get(m.itemId) ?? []), m.f]);
      loaded = {
        connections: new Map(conns.map((c) => [c.accountId, c])),
        items: new Map(itemRows.map((i) => [i.id, i])),
        variants: new Map(variantRows.map((v) => [v.id, v])),
        accountsById: new Map(accountRows.map((a) => [a.id, a])),
        mediaByItem,
        covers: new Map(coverRows.map((f) => [f.id, f])),
      };
    } catch (error) {
      // Nothing was sent yet: each post goes back through the ordinary error path.
      for (const pub of claimed)
        await settle(pub, claim, startedAt, {
          error: new ConnectorError(
            'transient',
            `Could not load the post: ${error instanceof Error ? error.message : String(error)}`,
          ),
        });
      return;
    }
    // Group commit: answers that arrive while a write is running go into the next one, so a fast
    // batch settles in a few transactions and a slow call never holds the others back.
    const queue: { entry: Settled; done: () => void; fail: (e: unknown) => void }[] = [];
    let writing = false;
    const drain = async () => {
      if (writing) return;
      writing = true;
      try {
        while (queue.length > 0) {
          const group = queue.splice(0);
          try {
            await settleMany(
              claim,
              group.map((g) => g.entry),
            );
            for (const g of group) g.done();
          } catch (e) {
            for (const g of group) g.fail(e);
          }
        }
      } finally {
        writing = false;
      }
    };
    const commit = (entry: Settled) =>
      new Promise<void>((done, fail) => {
        queue.push({ entry, done, fail });
        void drain();
      });
    await Promise.all(
      claimed.map(async (pub) => {
        let outcome: PublishOutcome | undefined;
        let error: unknown;
        try {
          const { type, ctx } = contextFrom(
            loaded.connections.get(pub.accountId),
            pub.accountId,
            pub.workspaceId,
          );
          const connector = deps.connectors.get(type);
          const item = loaded.items.get(pub.itemId);
          const variant = loaded.variants.get(pub.variantId);
          const account = loaded.accountsById.get(pub.accountId);
          if (!item || !variant || !account)
            throw new ConnectorError('permanent', 'The item, variant or account was deleted');
          const media = loaded.mediaByItem.get(item.id) ?? [];
          const cover = item.coverFileId ? loaded.covers.get(item.coverFileId) : undefined;
          const url = (id: string) =>
            `${publicUrl}/api/v1/workspaces/${pub.workspaceId}/files/${id}`;
          outcome = await connector.publish(ctx, {
            idempotencyKey: `${pub.variantId}:${pub.accountId}`,
            attemptId: `${pub.id}:${pub.attempts}`,
            workspaceId: pub.workspaceId,
            account: {
              id: account.id,
              platform: account.platform,
              name: account.name,
              handle: account.handle,
            },
            item: { id: item.id, format: item.format, version: pub.itemVersion },
            title: variant.title ?? item.title,
            body: variant.body ?? item.body,
            hashtags: variant.hashtags,
            media: media.map((f) => ({
              url: url(f.id),
              mimeType: f.mimeType,
              name: f.originalName,
              read: () => deps.storage.get(f.storageKey),
            })),
            cover: cover
              ? {
                  url: url(cover.id),
                  mimeType: cover.mimeType,
                  read: () => deps.storage.get(cover.storageKey),
                }
              : null,
            scheduledAt: pub.scheduledAt,
          });
        } catch (e) {
          error = e;
        }
        await commit({ pub, startedAt, result: outcome ? { outcome } : { error } });
      }),
    );
  }

  const service = {
    /** How an account publishes (never its secrets). */
    async getConnection(member: MemberActor, accountId: string): Promise<TConnection> {
      assertCan(member, 'accounts.read');
      const acc = await db.query.accounts.findFirst({
        where: and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)),
      });
      if (!acc) throw notFound('Account');
      const row = await db.query.accountConnections.findFirst({
        where: eq(accountConnections.accountId, accountId),
      });
      return connectionView(row, accountId);
    },

    /**
     * Configures or reconnects an account's connector. Secrets are encrypted; keys not given keep
     * their stored value, so a reconnect never erases a credential.
     */
    async setConnection(
      member: MemberActor,
      accountId: string,
      input: TSetConnectionBody,
      validateUrl: (url: string) => Promise<void>,
    ): Promise<TConnection> {
      assertCan(member, 'accounts.write');
      const body = ZSetConnectionBody.parse(input);
      const acc = await db.query.accounts.findFirst({
        where: and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)),
      });
      if (!acc) throw notFound('Account');
      let generatedSecret: string | undefined;
      const existing = await db.query.accountConnections.findFirst({
        where: eq(accountConnections.accountId, accountId),
      });
      const stored =
        existing?.secrets && existing.type === body.type ? deps.secrets.open(existing.secrets) : {};
      const secrets = { ...stored, ...(body.secrets ?? {}) };
      if (body.type === 'webhook') {
        const url = body.settings.url;
        if (!url) throw invalid('settings.url', 'is required for a webhook connection');
        await validateUrl(url);
        if (!secrets.signingSecret) {
          generatedSecret = randomBytes(24).toString('base64url');
          secrets.signingSecret = generatedSecret;
        }
      }
      if (body.type === 'wechat-official-account') {
        if (acc.platform !== 'wechat_oa')
          throw invalid(
            'type',
            'the WeChat Official Account connector is only for 公众号 accounts',
          );
        if (!body.settings.appId) throw invalid('settings.appId', 'is required');
        if (!secrets.appSecret) throw invalid('secrets.appSecret', 'is required');
      }
      const now = clock.now();
      const sealed = Object.keys(secrets).length ? deps.secrets.seal(secrets) : null;
      await db.transaction(async (tx) => {
        const values = {
          workspaceId: member.workspaceId,
          type: body.type,
          settings: body.settings,
          secrets: sealed,
          status: 'connected' as const,
          statusReason: null,
          updatedAt: now,
        };
        await tx
          .insert(accountConnections)
          .values({ accountId, ...values })
          .onConflictDoUpdate({ target: accountConnections.accountId, set: values });
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'account.connection',
          entityType: 'account',
          entityId: accountId,
          before: existing
            ? { type: existing.type, settings: existing.settings, status: existing.status }
            : null,
          after: { type: body.type, settings: body.settings, secretKeys: Object.keys(secrets) },
        });
      });
      return {
        ...connectionView(
          await db.query.accountConnections.findFirst({
            where: eq(accountConnections.accountId, accountId),
          }),
          accountId,
        ),
        ...(generatedSecret ? { generatedSecret } : {}),
      };
    },

    /** Schedules an approved item's variants, each on its own account at its own time. */
    async schedule(
      member: MemberActor,
      itemId: string,
      input: TScheduleBody,
    ): Promise<TPublication[]> {
      assertCan(member, 'content.write');
      const body = ZScheduleBody.parse(input);
      const tz = await timeZoneOf(member.workspaceId);
      const now = clock.now();
      const rows = await db.transaction(async (tx) => {
        const [item] = await tx
          .select()
          .from(contentItems)
          .where(and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)))
          .for('update');
        if (!item) throw notFound('Content item');
        if (item.status !== 'approved' && item.status !== 'scheduled' && item.status !== 'failed') {
          throw new DomainError(
            'CONFLICT',
            `Only approved content can be scheduled; this item is ${item.status}`,
          );
        }
        if (item.approvedVersion !== item.version)
          throw new DomainError('CONFLICT', 'This version has not been approved');
        const out: PubRow[] = [];
        for (const [i, target] of body.targets.entries()) {
          const at = target.at
            ? new Date(target.at)
            : zonedTimeToUtc(target.local?.slice(0, 10) ?? '', target.local?.slice(11) ?? '', tz);
          if (at.getTime() < now.getTime() - 60_000)
            throw invalid(`targets.${i}`, 'the time is in the past');
          const [variant] = await tx
            .select()
            .from(contentVariants)
            .where(
              and(
                eq(contentVariants.itemId, itemId),
                eq(contentVariants.accountId, target.accountId),
              ),
            );
          if (!variant)
            throw invalid(`targets.${i}.accountId`, 'this item has no variant for that account');
          const [account] = await tx
            .select()
            .from(accounts)
            .where(eq(accounts.id, target.accountId));
          if (!account || account.status !== 'active')
            throw invalid(`targets.${i}.accountId`, 'the account is archived');
          const conn = await tx.query.accountConnections.findFirst({
            where: eq(accountConnections.accountId, target.accountId),
          });
          if (conn?.status === 'needs_reconnect')
            throw invalid(
              `targets.${i}.accountId`,
              `the account needs reconnecting first: ${conn.statusReason ?? ''}`,
            );
          const existing = await tx.query.publications.findFirst({
            where: eq(publications.variantId, variant.id),
          });
          if (
            existing &&
            !['scheduled', 'retrying', 'held', 'cancelled', 'failed'].includes(existing.status)
          ) {
            throw invalid(`targets.${i}.accountId`, `this variant is already ${existing.status}`);
          }
          const values = {
            scheduledAt: at,
            nextAttemptAt: at,
            status: 'scheduled' as const,
            connector: conn?.type ?? 'manual',
            itemVersion: item.version,
            attempts: 0,
            lastError: null,
            lastErrorKind: null,
            updatedAt: now,
          };
          const [row] = existing
            ? await tx
                .update(publications)
                .set(values)
                .where(eq(publications.id, existing.id))
                .returning()
            : await tx
                .insert(publications)
                .values({
                  workspaceId: member.workspaceId,
                  itemId,
                  variantId: variant.id,
                  accountId: target.accountId,
                  createdBy: member.userId,
                  createdAt: now,
                  ...values,
                })
                .returning();
          if (!row) throw new Error('publication write returned nothing');
          await tx
            .update(contentVariants)
            .set({ plannedAt: at, updatedAt: now })
            .where(eq(contentVariants.id, variant.id));
          out.push(row);
        }
        await tx
          .update(contentItems)
          // The calendar shows the item at its first scheduled time.
          .set({
            status: 'scheduled',
            plannedAt: new Date(Math.min(...out.map((r) => r.scheduledAt.getTime()))),
            updatedAt: now,
          })
          .where(eq(contentItems.id, itemId));
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'content.schedule',
          entityType: 'content',
          entityId: itemId,
          after: out.map((r) => ({
            accountId: r.accountId,
            scheduledAt: r.scheduledAt.toISOString(),
          })),
        });
        return out;
      });
      for (const r of rows) await deps.enqueue(r.id, r.scheduledAt);
      return presentMany(rows, member.workspaceId);
    },

    /** Takes a publication off the schedule. */
    async unschedule(member: MemberActor, publicationId: string): Promise<TPublication> {
      assertCan(member, 'content.write');
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const [r] = await tx
          .update(publications)
          .set({ status: 'cancelled', updatedAt: now })
          .where(
            and(
              eq(publications.id, publicationId),
              eq(publications.workspaceId, member.workspaceId),
              inArray(publications.status, ['scheduled', 'retrying', 'held', 'manual_pending']),
            ),
          )
          .returning();
        if (!r) {
          await getPub(member, publicationId, tx);
          throw new DomainError('CONFLICT', 'This publication is already under way or finished');
        }
        await refreshItemStatus(tx, r.itemId);
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: 'publication.unschedule',
          entityType: 'publication',
          entityId: r.id,
        });
        return r;
      });
      return (await presentMany([row], member.workspaceId))[0] as TPublication;
    },

    /** Publishes now (or releases a held item). */
    async publishNow(member: MemberActor, publicationId: string): Promise<TPublication> {
      assertCan(member, 'content.write');
      const now = clock.now();
      const [r] = await db
        .update(publications)
        .set({ status: 'scheduled', scheduledAt: now, nextAttemptAt: now, updatedAt: now })
        .where(
          and(
            eq(publications.id, publicationId),
            eq(publications.workspaceId, member.workspaceId),
            inArray(publications.status, ['scheduled', 'retrying', 'held']),
          ),
        )
        .returning();
      if (!r) {
        await getPub(member, publicationId);
        throw new DomainError(
          'CONFLICT',
          'Only a scheduled, retrying or held publication can be published now',
        );
      }
      await deps.enqueue(r.id, now);
      return (await presentMany([r], member.workspaceId))[0] as TPublication;
    },

    /** A person records the outcome of a manual publish: the post URL, or why it was skipped. */
    async recordManual(
      member: MemberActor,
      publicationId: string,
      body: { outcome: 'published'; url: string } | { outcome: 'skipped'; reason: string },
    ): Promise<TPublication> {
      assertCan(member, 'content.write');
      return service.resolve(
        member,
        publicationId,
        ['manual_pending'],
        body.outcome === 'published'
          ? { status: 'published', url: body.url }
          : { status: 'skipped', reason: body.reason },
      );
    },

    /** A person settles a "needs check" publication after looking at the platform. */
    async confirm(
      member: MemberActor,
      publicationId: string,
      body: { outcome: 'published'; url?: string } | { outcome: 'not_published'; retry: boolean },
    ): Promise<TPublication> {
      assertCan(member, 'content.write');
      if (body.outcome === 'published')
        return service.resolve(member, publicationId, ['needs_check', 'pending'], {
          status: 'published',
          url: body.url ?? null,
        });
      return service.resolve(
        member,
        publicationId,
        ['needs_check'],
        body.retry ? { status: 'retry' } : { status: 'failed', reason: 'Confirmed not published' },
      );
    },

    async resolve(
      member: MemberActor,
      publicationId: string,
      from: TPublicationStatus[],
      to:
        | { status: 'published'; url: string | null }
        | { status: 'skipped' | 'failed'; reason: string }
        | { status: 'retry' },
    ): Promise<TPublication> {
      const now = clock.now();
      const row = await db.transaction(async (tx) => {
        const patch =
          to.status === 'published'
            ? { status: 'published' as const, url: to.url, publishedAt: now, lastError: null }
            : to.status === 'retry'
              ? { status: 'scheduled' as const, nextAttemptAt: now, scheduledAt: now }
              : { status: to.status, lastError: to.reason };
        const [r] = await tx
          .update(publications)
          .set({ ...patch, updatedAt: now })
          .where(
            and(
              eq(publications.id, publicationId),
              eq(publications.workspaceId, member.workspaceId),
              inArray(publications.status, from),
            ),
          )
          .returning();
        if (!r) {
          const cur = await getPub(member, publicationId, tx);
          throw new DomainError('CONFLICT', `This publication is ${cur.status}`);
        }
        await tx.insert(publishAttempts).values({
          workspaceId: r.workspaceId,
          publicationId: r.id,
          connector: 'person',
          startedAt: now,
          finishedAt: now,
          result: to.status,
          error: 'reason' in to ? to.reason : null,
        });
        await refreshItemStatus(tx, r.itemId);
        await recordAudit(tx, now, {
          workspaceId: member.workspaceId,
          actor: member,
          action: `publication.${to.status}`,
          entityType: 'publication',
          entityId: r.id,
          after: patch,
        });
        return r;
      });
      if (to.status === 'retry') await deps.enqueue(row.id, now);
      return (await presentMany([row], member.workspaceId))[0] as TPublication;
    },

    /** Publications of an item, with their history. */
    async listForItem(member: MemberActor, itemId: string): Promise<TPublication[]> {
      assertCan(member, 'content.read');
      const item = await db.query.contentItems.findFirst({
        columns: { id: true },
        where: and(eq(contentItems.id, itemId), eq(contentItems.workspaceId, member.workspaceId)),
      });
      if (!item) throw notFound('Content item');
      const rows = await db
        .select()
        .from(publications)
        .where(
          and(eq(publications.itemId, itemId), eq(publications.workspaceId, member.workspaceId)),
        )
        .orderBy(asc(publications.scheduledAt));
      return presentMany(rows, member.workspaceId);
    },

    /** Publications of the workspace in a time range or in given states (for Today). */
    /**
     * The next good time to post on an account: its own best hours once it has metrics (else the
     * platform's usual peaks), keeping its weekly plan and the spacing between its posts.
     */
    async recommendSlot(member: MemberActor, accountId: string) {
      assertCan(member, 'content.read');
      const acc = await db.query.accounts.findFirst({
        where: and(eq(accounts.id, accountId), eq(accounts.workspaceId, member.workspaceId)),
      });
      if (!acc) throw notFound('Account');
      const tz = await timeZoneOf(member.workspaceId);
      const now = clock.now();
      const taken = await db
        .select({ at: publications.scheduledAt, publishedAt: publications.publishedAt })
        .from(publications)
        .where(
          and(
            eq(publications.accountId, accountId),
            gte(publications.scheduledAt, new Date(now.getTime() - 8 * 86_400_000)),
            lt(publications.scheduledAt, new Date(now.getTime() + 30 * 86_400_000)),
            inArray(publications.status, [
              'scheduled',
              'retrying',
              'publishing',
              'pending',
              'manual_pending',
              'published',
              'held',
              'needs_check',
            ]),
          ),
        );
      const bestSlots = await bestSlotsOf(member.workspaceId, accountId, tz);
      const slot = recommendSlot({
        now,
        timeZone: tz,
        platform: acc.platform,
        postsPerWeek: acc.postsPerWeek,
        existing: taken.map((t) => t.publishedAt ?? t.at),
        bestSlots,
      });
      return { timeZone: tz, slot };
    },

    async listPublications(
      member: MemberActor,
      filter: { from?: Date; to?: Date; statuses?: TPublicationStatus[] },
    ): Promise<TPublication[]> {
      assertCan(member, 'content.read');
      const where = [eq(publications.workspaceId, member.workspaceId)];
      if (filter.from) where.push(gte(publications.scheduledAt, filter.from));
      if (filter.to) where.push(lt(publications.scheduledAt, filter.to));
      if (filter.statuses) where.push(inArray(publications.status, filter.statuses));
      const rows = await db
        .select()
        .from(publications)
        .where(and(...where))
        .orderBy(asc(publications.scheduledAt))
        .limit(500);
      return presentMany(rows, member.workspaceId);
    },

    /**
     * Runs one publication if it is due: holds it for a person when it is later than the catch-up
     * window (after downtime), otherwise claims it — one atomic update, so of all the workers and
     * retries only one ever calls out — and publishes.
     */
    async runOne(publicationId: string): Promise<'ran' | 'held' | 'skipped'> {
      const r = await service.runBatch([publicationId]);
      return r.held > 0 ? 'held' : r.ran > 0 ? 'ran' : 'skipped';
    },

    /** runOne for many publications at once: one statement holds, one claims, a few load. */
    async runBatch(publicationIds: string[]): Promise<{ ran: number; held: number }> {
      const ids = [...new Set(publicationIds)];
      if (ids.length === 0) return { ran: 0, held: 0 };
      const now = clock.now();
      const lateBefore = new Date(now.getTime() - deps.catchUpMinutes * 60_000);
      const held = await db
        .update(publications)
        .set({
          status: 'held',
          lastError: `Missed its time by more than ${deps.catchUpMinutes} minutes (the server was down?)`,
          updatedAt: now,
        })
        .where(
          and(
            inArray(publications.id, ids),
            eq(publications.status, 'scheduled'),
            eq(publications.attempts, 0),
            lt(publications.scheduledAt, lateBefore),
          ),
        )
        .returning();
      for (const h of held) {
        await notify(db, {
          workspaceId: h.workspaceId,
          kind: 'publish.held',
          title: '错过发布时间，等待人工决定',
          body: h.lastError ?? undefined,
          link: `/w/${h.workspaceId}/today`,
          entityId: h.id,
        });
      }
      const heldIds = new Set(held.map((h) => h.id));
      const rest = ids.filter((id) => !heldIds.has(id));
      if (rest.length === 0) return { ran: 0, held: held.length };
      // One token for the batch: it tells this worker's claims from any other's.
      const claim = randomBytes(12).toString('hex');
      const claimed = await db
        .update(publications)
        .set({
          status: 'publishing',
          claimToken: claim,
          claimedAt: now,
          attempts: sql`${publications.attempts} + 1`,
          updatedAt: now,
        })
        .where(
          and(
            inArray(publications.id, rest),
            inArray(publications.status, ['scheduled', 'retrying']),
            lte(publications.nextAttemptAt, now),
          ),
        )
        .returning();
      await executeBatch(
        claimed.map((p) => ({ ...p, attempts: p.attempts - 1 })),
        claim,
      );
      return { ran: claimed.length, held: held.length };
    },

    /**
     * The safety net run every minute by a worker: due publications whose job was lost are run,
     * claims stuck past STUCK_AFTER_MS (a worker died mid-call) become "needs check".
     */
    async sweep(limit = 200): Promise<{ ran: number; stuck: number }> {
      const now = clock.now();
      const stuck = await db
        .update(publications)
        .set({
          status: 'needs_check',
          claimToken: null,
          lastError: 'The worker stopped during the call; the post may or may not exist',
          lastErrorKind: 'unknown',
          updatedAt: now,
        })
        .where(
          and(
            eq(publications.status, 'publishing'),
            lt(publications.claimedAt, new Date(now.getTime() - STUCK_AFTER_MS)),
          ),
        )
        .returning();
      for (const s of stuck) {
        await notify(db, {
          workspaceId: s.workspaceId,
          kind: 'publish.needs_check',
          title: '发布结果未知，请人工确认',
          body: s.lastError ?? undefined,
          link: `/w/${s.workspaceId}/today`,
          entityId: s.id,
        });
        await db.insert(publishAttempts).values({
          workspaceId: s.workspaceId,
          publicationId: s.id,
          connector: s.connector,
          startedAt: s.claimedAt ?? now,
          finishedAt: now,
          result: 'unknown',
          error: s.lastError,
        });
        await refreshItemStatus(db, s.itemId);
      }
      const due = await db
        .select({ id: publications.id })
        .from(publications)
        .where(
          and(
            or(eq(publications.status, 'scheduled'), eq(publications.status, 'retrying')),
            lte(publications.nextAttemptAt, now),
          ),
        )
        .orderBy(asc(publications.nextAttemptAt))
        .limit(limit);
      let ran = 0;
      // In batches: each claims and loads in a few statements, then calls out concurrently.
      for (let i = 0; i < due.length; i += 50) {
        const r = await service.runBatch(due.slice(i, i + 50).map((d) => d.id));
        ran += r.ran;
      }
      return { ran, stuck: stuck.length };
    },

    /** Polls platforms for publications they accepted but had not finished. */
    async pollPending(): Promise<number> {
      const pending = await db
        .select()
        .from(publications)
        .where(eq(publications.status, 'pending'))
        .orderBy(desc(publications.updatedAt))
        .limit(100);
      let done = 0;
      for (const p of pending) {
        const { type, ctx } = await contextFor(p.accountId, p.workspaceId);
        const connector = deps.connectors.get(type);
        if (!connector.getPublishStatus || !p.externalId) continue;
        try {
          const s = await connector.getPublishStatus(ctx, p.externalId);
          if (s.kind === 'pending') continue;
          const now = clock.now();
          await db.transaction(async (tx) => {
            const patch =
              s.kind === 'published'
                ? {
                    status: 'published' as const,
                    url: s.url,
                    externalId: s.externalId ?? p.externalId,
                    publishedAt: now,
                  }
                : { status: 'failed' as const, lastError: s.reason, lastErrorKind: 'permanent' };
            await tx
              .update(publications)
              .set({ ...patch, updatedAt: now })
              .where(and(eq(publications.id, p.id), eq(publications.status, 'pending')));
            await tx.insert(publishAttempts).values({
              workspaceId: p.workspaceId,
              publicationId: p.id,
              connector: p.connector,
              startedAt: now,
              finishedAt: now,
              result: s.kind,
              error: s.kind === 'failed' ? s.reason : null,
            });
            if (s.kind === 'failed')
              await notify(tx, {
                workspaceId: p.workspaceId,
                kind: 'publish.failed',
                title: '发布失败',
                body: s.reason,
                link: `/w/${p.workspaceId}/today`,
                entityId: p.id,
              });
            await refreshItemStatus(tx, p.itemId);
          });
          done++;
        } catch {
          // Try again on the next poll; a status check never publishes anything.
        }
      }
      return done;
    },
  };
  return service;
}

export type PublishingService = ReturnType<typeof createPublishingService>;
