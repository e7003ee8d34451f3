import { createHmac, timingSafeEqual } from 'node:crypto';
import { ConnectorError, type Connector, type PublishOutcome } from './types';
import { safeFetch, SafeFetchError, type SsrfOptions } from './ssrf';

/**
 * The signature a merchant verifies: `x-yunce-signature: sha256=<hex>` where hex is
 * HMAC-SHA256(signingSecret, `${x-yunce-timestamp}.${raw request body}`). Reject timestamps more
 * than 5 minutes old to stop replays, and use `idempotency-key` to drop repeats.
 */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Constant-time check of a webhook signature header (for merchants and tests). */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  header: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Milliseconds from a Retry-After header: seconds or an HTTP date. */
export function parseRetryAfter(
  value: string | string[] | undefined,
  now = Date.now(),
): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** POSTs each variant as signed JSON to the merchant's own automation URL. */
export function createWebhookConnector(opts: SsrfOptions & { timeoutMs?: number } = {}): Connector {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    type: 'webhook',
    capabilities: {
      publish: true,
      getPublishStatus: false,
      fetchMetrics: false,
      fetchComments: false,
      reply: false,
    },
    async publish(ctx, req): Promise<PublishOutcome> {
      const url = typeof ctx.settings.url === 'string' ? ctx.settings.url : '';
      const secret = ctx.secrets.signingSecret;
      if (!url) throw new ConnectorError('permanent', 'The webhook connection has no URL');
      if (!secret)
        throw new ConnectorError(
          'auth',
          'The webhook connection has no signing secret; reconnect it',
        );
      const body = JSON.stringify({
        event: 'publish',
        deliveryId: req.attemptId,
        idempotencyKey: req.idempotencyKey,
        workspaceId: req.workspaceId,
        account: req.account,
        item: req.item,
        title: req.title,
        body: req.body,
        hashtags: req.hashtags,
        media: req.media.map((m) => ({ url: m.url, mimeType: m.mimeType, name: m.name })),
        cover: req.cover ? { url: req.cover.url, mimeType: req.cover.mimeType } : null,
        scheduledAt: req.scheduledAt.toISOString(),
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      let res;
      try {
        res = await safeFetch(
          url,
          {
            method: 'POST',
            timeoutMs,
            body,
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Yunce-Webhook/1',
              'x-yunce-delivery': req.attemptId,
              'idempotency-key': req.idempotencyKey,
              'x-yunce-timestamp': timestamp,
              'x-yunce-signature': signWebhook(secret, timestamp, body),
            },
          },
          opts,
        );
      } catch (err) {
        if (err instanceof ConnectorError) throw err;
        if (err instanceof SafeFetchError) {
          // Once the body is out, silence means we cannot know whether the merchant acted.
          if (err.sent)
            throw new ConnectorError(
              'unknown',
              `The webhook did not answer after receiving the post (${err.code ?? err.message})`,
            );
          throw new ConnectorError(
            'transient',
            `Could not reach the webhook: ${err.code ?? err.message}`,
          );
        }
        throw err;
      }
      const snippet = res.body.slice(0, 300);
      if (res.status >= 200 && res.status < 300) {
        let parsed: { externalId?: unknown; url?: unknown; status?: unknown } = {};
        try {
          parsed = JSON.parse(res.body) as typeof parsed;
        } catch {
          // A 2xx without JSON still means "done".
        }
        const externalId = typeof parsed.externalId === 'string' ? parsed.externalId : null;
        const postUrl = typeof parsed.url === 'string' ? parsed.url : null;
        if (parsed.status === 'pending' && externalId) return { kind: 'pending', externalId };
        return { kind: 'published', externalId, url: postUrl };
      }
      if (res.status === 401 || res.status === 403) {
        throw new ConnectorError(
          'auth',
          `The webhook refused our signature (HTTP ${res.status}): ${snippet}`,
          { httpStatus: res.status },
        );
      }
      if ([408, 425, 429].includes(res.status) || res.status >= 500) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
        throw new ConnectorError(
          'transient',
          `The webhook answered HTTP ${res.status}: ${snippet}`,
          {
            httpStatus: res.status,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          },
        );
      }
      throw new ConnectorError(
        'permanent',
        `The webhook rejected the post (HTTP ${res.status}): ${snippet}`,
        { httpStatus: res.status },
      );
    },
  };
}
