import { createHmac, timingSafeEqual } from 'node:crypto';
import { HttpSendError, parseRetryAfter } from './http-request';
import { safeFetch, type SafeFetch, type SafeResponse, type SsrfOptions } from './ssrf';
import { ConnectorError, type Connector, type PublishOutcome } from './types';

export { parseRetryAfter };

/*
 * Verifying a delivery (for merchants):
 *   1. Read the raw request body as bytes/UTF-8 text, before any JSON parsing.
 *   2. t = header `x-yunce-timestamp` (unix seconds); refuse if |now - t| > 300 s (replays).
 *   3. expected = "sha256=" + hex(HMAC-SHA256(key = signingSecret, message = t + "." + rawBody)).
 *   4. Compare expected with header `x-yunce-signature` in constant time; refuse on mismatch.
 *   5. Drop repeats by header `idempotency-key` (stable per variant and account); the
 *      `x-yunce-delivery` id differs on every attempt.
 * verifyWebhookSignature below does steps 2-4.
 */

/** The signature header value for a delivery: `sha256=<hex HMAC-SHA256 of "<timestamp>.<rawBody>">`. */
export function signWebhook(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;
}

/** Constant-time check of a delivery's signature and timestamp freshness (for merchants and tests). */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  rawBody: string,
  header: string,
  opts: { toleranceSeconds?: number; nowMs?: number } = {},
): boolean {
  if (!/^\d+$/.test(timestamp)) return false;
  const age = Math.abs((opts.nowMs ?? Date.now()) / 1000 - Number(timestamp));
  if (age > (opts.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, rawBody));
  const given = Buffer.from(header.trim());
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** The merchant's own words from an error answer: a JSON message/error field, else the text. */
function answerMessage(res: SafeResponse): string {
  try {
    const parsed = JSON.parse(res.body) as unknown;
    if (parsed && typeof parsed === 'object') {
      const o = parsed as Record<string, unknown>;
      const nested =
        o.error && typeof o.error === 'object' ? (o.error as Record<string, unknown>) : {};
      for (const v of [o.message, o.error, nested.message, o.detail]) {
        if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 300);
      }
    }
  } catch {
    // Not JSON: the text itself is the message.
  }
  return res.body.trim().slice(0, 300);
}

export type WebhookConnectorOptions = SsrfOptions & {
  /** Replaces safeFetch (tests, or a proxy-aware sender); it must keep the SSRF checks. */
  fetchImpl?: SafeFetch;
  timeoutMs?: number;
  now?: () => Date;
};

/** POSTs each variant as signed JSON to the merchant's own automation URL. */
export function createWebhookConnector(opts: WebhookConnectorOptions = {}): Connector {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const send = opts.fetchImpl ?? safeFetch;
  const now = opts.now ?? (() => new Date());
  const ssrf: SsrfOptions = {
    ...(opts.allowPrivateHosts ? { allowPrivateHosts: opts.allowPrivateHosts } : {}),
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
  };
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
      const at = now().getTime();
      const timestamp = String(Math.floor(at / 1000));
      let res: SafeResponse;
      try {
        res = await send(
          url,
          {
            method: 'POST',
            timeoutMs,
            body,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
            headers: {
              'content-type': 'application/json',
              'user-agent': 'Yunce-Webhook/1',
              'x-yunce-delivery': req.attemptId,
              'idempotency-key': req.idempotencyKey,
              'x-yunce-timestamp': timestamp,
              'x-yunce-signature': signWebhook(secret, timestamp, body),
            },
          },
          ssrf,
        );
      } catch (err) {
        if (err instanceof ConnectorError) throw err;
        if (err instanceof HttpSendError) {
          // Once the post is out, silence means we cannot know whether the merchant acted.
          if (err.sent)
            throw new ConnectorError(
              'unknown',
              `The webhook did not answer after receiving the post (${err.code ?? err.message}); check the merchant's system before publishing again`,
            );
          throw new ConnectorError(
            'transient',
            `Could not reach the webhook: ${err.code ?? err.message}`,
          );
        }
        throw err;
      }
      if (res.status >= 200 && res.status < 300) {
        let parsed: Record<string, unknown> = {};
        try {
          const v = JSON.parse(res.body) as unknown;
          if (v && typeof v === 'object' && !Array.isArray(v))
            parsed = v as Record<string, unknown>;
        } catch {
          // A 2xx without JSON still means "done".
        }
        const externalId =
          typeof parsed.externalId === 'string' && parsed.externalId ? parsed.externalId : null;
        const postUrl = typeof parsed.url === 'string' && parsed.url ? parsed.url : null;
        if (parsed.status === 'pending') {
          // The delivery id is what the merchant's system knows this post by if it gave no id.
          return { kind: 'pending', externalId: externalId ?? req.attemptId };
        }
        return { kind: 'published', externalId, url: postUrl };
      }
      const message = answerMessage(res);
      if (res.status === 401 || res.status === 403) {
        throw new ConnectorError(
          'auth',
          `The webhook refused our signature (HTTP ${res.status}): ${message}`,
          { httpStatus: res.status },
        );
      }
      if ([408, 425, 429].includes(res.status) || res.status >= 500) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], at);
        throw new ConnectorError(
          'transient',
          `The webhook answered HTTP ${res.status}: ${message}`,
          {
            httpStatus: res.status,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          },
        );
      }
      throw new ConnectorError(
        'permanent',
        `The webhook rejected the post (HTTP ${res.status}): ${message}`,
        { httpStatus: res.status },
      );
    },
  };
}
