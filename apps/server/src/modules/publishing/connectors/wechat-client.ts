import { randomBytes } from 'node:crypto';
import { HttpSendError, parseRetryAfter, sendHttpRequest } from './http-request';
import { ConnectorError, type ConnectorContext } from './types';
import { TOKEN_ERRCODES, wechatError } from './wechat-errors';

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

/** Stable-token refreshes start this long before expiry; WeChat hands out the next token then. */
const REFRESH_EARLY_MS = 5 * 60_000;

type Token = { token: string; expiresAt: number };

// Shared by every connector instance in this process, keyed by API base + account + AppID:
// concurrent callers for one account wait on one refresh instead of each asking WeChat.
const inflightRefreshes = new Map<string, Promise<Token>>();
// The newest token each account got here, for callers whose ctx.secrets was read before another
// caller stored it (each publication builds its own context).
const latestTokens = new Map<string, Token>();

/** Forgets tokens this process holds in memory (tests; after an account is disconnected). */
export function clearWeChatTokenCache(): void {
  latestTokens.clear();
}

export type WeChatClientOptions = {
  /** Default https://api.weixin.qq.com; the local fake or a forwarding proxy in tests/benchmarks. */
  baseUrl?: string;
  /** Per JSON call (default 15 s). */
  timeoutMs?: number;
  now?: () => Date;
};

export type Upload = { filename: string; contentType: string; data: Buffer };
export type CallSpec = {
  query?: Record<string, string>;
  json?: unknown;
  upload?: Upload;
  timeoutMs?: number;
  /**
   * The call publishes something readers see (freepublish/submit): once it is sent, a lost or
   * garbled answer is "unknown", because a retry would upload, draft and publish a second copy.
   */
  visibleEffect?: boolean;
};
export type Answer = Record<string, unknown>;
export type Credentials = { appId: string; appSecret: string };

/** The AppID and AppSecret of a connected account; missing ones mean it must be reconnected. */
export function credentialsOf(ctx: ConnectorContext): Credentials {
  const appId = typeof ctx.settings.appId === 'string' ? ctx.settings.appId.trim() : '';
  if (!appId) throw new ConnectorError('auth', '公众号连接缺少 AppID，请重新连接');
  const appSecret = ctx.secrets.appSecret ?? '';
  if (!appSecret) throw new ConnectorError('auth', '公众号连接缺少 AppSecret，请重新连接');
  return { appId, appSecret };
}

function errcodeOf(a: Answer): number {
  const c = a.errcode;
  return typeof c === 'number' ? c : typeof c === 'string' && /^-?\d+$/.test(c) ? Number(c) : 0;
}

function errmsgOf(a: Answer): string {
  return typeof a.errmsg === 'string' ? a.errmsg : '';
}

function multipart(field: string, file: Upload): { body: Buffer; contentType: string } {
  const boundary = `----yunce${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.filename}"\r\nContent-Type: ${file.contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, file.data, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/**
 * Calls to the WeChat API for one account with its access token: the stable token is cached in
 * the account's secrets, refreshed single-flight, and a refused token is replaced once.
 */
export function createWeChatClient(opts: WeChatClientOptions = {}) {
  const base = (opts.baseUrl ?? WECHAT_API_BASE).replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const now = opts.now ?? (() => new Date());

  /** One HTTP exchange; transport failures and non-JSON answers become ConnectorErrors. */
  async function send(ctx: ConnectorContext, path: string, token: string | null, spec: CallSpec) {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(spec.query ?? {})) url.searchParams.set(k, v);
    if (token) url.searchParams.set('access_token', token);
    const form = spec.upload ? multipart('media', spec.upload) : null;
    const ambiguous = (what: string) =>
      new ConnectorError(
        'unknown',
        `提交发布后没有收到微信的明确答复（${what}），文章可能已经发出：请在公众号后台「发表记录」中确认，不要直接重发`,
      );
    let res;
    try {
      res = await sendHttpRequest(url, {
        method: 'POST',
        headers: form
          ? { 'content-type': form.contentType }
          : { 'content-type': 'application/json; charset=utf-8' },
        // Raw UTF-8: WeChat stores \uXXXX escapes literally in titles.
        body: form ? form.body : JSON.stringify(spec.json ?? {}),
        timeoutMs: spec.timeoutMs ?? timeoutMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      });
    } catch (err) {
      if (!(err instanceof HttpSendError)) throw err;
      if (err.sent && spec.visibleEffect) throw ambiguous(err.code ?? err.message);
      throw new ConnectorError(
        'transient',
        `连接微信接口失败（${err.code ?? err.message}），稍后会自动重试`,
      );
    }
    if (res.status < 200 || res.status >= 300) {
      if (spec.visibleEffect && res.status >= 500) throw ambiguous(`HTTP ${res.status}`);
      if (res.status >= 500 || [408, 425, 429].includes(res.status)) {
        const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now().getTime());
        throw new ConnectorError(
          'transient',
          `微信接口暂时不可用（HTTP ${res.status}），稍后会自动重试`,
          {
            httpStatus: res.status,
            ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
          },
        );
      }
      throw new ConnectorError('permanent', `微信接口拒绝了请求（HTTP ${res.status} ${path}）`, {
        httpStatus: res.status,
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body.toString('utf8'));
    } catch {
      parsed = null;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      if (spec.visibleEffect) throw ambiguous('应答无法解析');
      throw new ConnectorError(
        'transient',
        `微信接口返回了无法解析的应答（${path}），稍后会自动重试`,
      );
    }
    return parsed as Answer;
  }

  function keyOf(ctx: ConnectorContext, creds: Credentials): string {
    return `${base}\n${ctx.accountId}\n${creds.appId}`;
  }

  function usable(t: Token | null | undefined): t is Token {
    return !!t && t.expiresAt - REFRESH_EARLY_MS > now().getTime();
  }

  function storedToken(ctx: ConnectorContext): Token | null {
    const token = ctx.secrets.accessToken;
    const expiresAt = Date.parse(ctx.secrets.accessTokenExpiresAt ?? '');
    return token && Number.isFinite(expiresAt) ? { token, expiresAt } : null;
  }

  /**
   * Gets a new token through the stable-token endpoint, once per account however many callers
   * ask at the same time. `stale` is the token that was just refused, if any.
   */
  function refreshToken(
    ctx: ConnectorContext,
    creds: Credentials,
    stale: string | null,
  ): Promise<Token> {
    const key = keyOf(ctx, creds);
    const known = latestTokens.get(key);
    // Another caller already replaced the refused token: use theirs.
    if (stale && known && known.token !== stale && usable(known)) return Promise.resolve(known);
    const running = inflightRefreshes.get(key);
    if (running) return running;
    if (stale && known?.token === stale) latestTokens.delete(key);
    const refresh = (async (): Promise<Token> => {
      const started = now().getTime();
      const a = await send(ctx, '/cgi-bin/stable_token', null, {
        json: {
          grant_type: 'client_credential',
          appid: creds.appId,
          secret: creds.appSecret,
          force_refresh: false,
        },
      });
      const code = errcodeOf(a);
      if (code !== 0) throw wechatError(code, errmsgOf(a), now(), [creds.appSecret]);
      const token = typeof a.access_token === 'string' ? a.access_token : '';
      const expiresIn = typeof a.expires_in === 'number' ? a.expires_in : 0;
      if (!token || expiresIn <= 0)
        throw new ConnectorError('transient', '微信返回的 access_token 不完整，稍后会自动重试');
      const t = { token, expiresAt: started + expiresIn * 1000 };
      latestTokens.set(key, t);
      try {
        // Only the token fields: the stored AppSecret is never part of a refresh's patch.
        await ctx.saveSecrets({
          accessToken: t.token,
          accessTokenExpiresAt: new Date(t.expiresAt).toISOString(),
        });
      } catch {
        // The token is valid either way; not storing it costs one more token call later, and
        // failing the publish for it would be worse.
      }
      return t;
    })().finally(() => inflightRefreshes.delete(key));
    inflightRefreshes.set(key, refresh);
    return refresh;
  }

  async function tokenFor(ctx: ConnectorContext, creds: Credentials): Promise<Token> {
    // The newer of the stored token and the one this process got last: a context read before a
    // concurrent refresh still holds the token that refresh replaced.
    const best = [storedToken(ctx), latestTokens.get(keyOf(ctx, creds))]
      .filter(usable)
      .sort((a, b) => b.expiresAt - a.expiresAt)[0];
    return best ?? refreshToken(ctx, creds, null);
  }

  /** An API call with the account's token; a refused token is refreshed once and the call retried once. */
  async function call(
    ctx: ConnectorContext,
    creds: Credentials,
    path: string,
    spec: CallSpec,
  ): Promise<Answer> {
    let token = await tokenFor(ctx, creds);
    let a = await send(ctx, path, token.token, spec);
    if (TOKEN_ERRCODES.has(errcodeOf(a))) {
      // The refused call did nothing, so repeating it (even submit) cannot publish twice.
      token = await refreshToken(ctx, creds, token.token);
      a = await send(ctx, path, token.token, spec);
    }
    const code = errcodeOf(a);
    if (code !== 0) throw wechatError(code, errmsgOf(a), now(), [token.token, creds.appSecret]);
    return a;
  }

  return { call };
}
