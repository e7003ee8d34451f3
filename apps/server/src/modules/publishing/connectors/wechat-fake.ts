import http from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A local stand-in for api.weixin.qq.com, for tests and benchmarks. It follows the documented
 * endpoints, answers and errcodes of the Official Account APIs the connector uses (stable token,
 * permanent material, article images, drafts, free publish, datacube user statistics) and can be
 * told to misbehave: expire tokens, fail the next calls with an errcode, be slow, refuse the IP.
 */

export type WeChatFakeCall = {
  path: string;
  query: Record<string, string>;
  /** Parsed JSON, or for uploads the form part's metadata. */
  body: unknown;
  at: number;
};

export type WeChatFakeOptions = {
  /** appId → appSecret the fake accepts. Default { wxfake: 'fake-secret' }. */
  apps?: Record<string, string>;
  tokenLifetimeSeconds?: number;
  /** The fake's clock (ms); default Date.now. */
  now?: () => number;
  /** How many freepublish/get polls answer "publishing" (1) before the final status. Default 1. */
  pollsBeforeDone?: number;
};

type Rule = { path?: string; times: number };
type Publish = { polls: number; articleId: string; finalStatus: number; failIdx: number[] };

/** Field metadata and bytes of the first part of a multipart/form-data body. */
function parseMultipart(
  contentType: string,
  raw: Buffer,
): { name: string; filename: string; contentType: string; data: Buffer } | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const b = boundary?.[1] ?? boundary?.[2];
  if (!b) return null;
  const delimiter = Buffer.from(`--${b}`);
  const start = raw.indexOf(delimiter);
  if (start < 0) return null;
  const headerStart = start + delimiter.length + 2;
  const headerEnd = raw.indexOf('\r\n\r\n', headerStart);
  if (headerEnd < 0) return null;
  const headers = raw.subarray(headerStart, headerEnd).toString('utf8');
  const next = raw.indexOf(Buffer.from(`\r\n--${b}`), headerEnd + 4);
  if (next < 0) return null;
  return {
    name: /name="([^"]*)"/i.exec(headers)?.[1] ?? '',
    filename: /filename="([^"]*)"/i.exec(headers)?.[1] ?? '',
    contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? '',
    data: raw.subarray(headerEnd + 4, next),
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Starts the fake on 127.0.0.1 on a free port. */
export async function startWeChatFake(opts: WeChatFakeOptions = {}) {
  const apps = opts.apps ?? { wxfake: 'fake-secret' };
  const lifetime = opts.tokenLifetimeSeconds ?? 7200;
  const now = opts.now ?? (() => Date.now());
  const pollsBeforeDone = opts.pollsBeforeDone ?? 1;
  const calls: WeChatFakeCall[] = [];
  // Live tokens: token → { appId, expiresAt }. A token missing here was never issued.
  const tokens = new Map<string, { appId: string; expiresAt: number; invalid: boolean }>();
  const current = new Map<string, string>(); // appId → its current stable token
  const materials = new Map<string, { appId: string }>();
  const drafts = new Map<string, { appId: string; articles: unknown[] }>();
  const publishes = new Map<string, Publish>();
  const forced: { errcode: number; errmsg: string; rule: Rule }[] = [];
  const delays: { ms: number; rule: Rule }[] = [];
  let ipBlocked: string | null = null;
  let finalStatus = { status: 0, failIdx: [] as number[] };
  let seq = 0;

  const take = <T extends { rule: Rule }>(list: T[], path: string): T | undefined => {
    const i = list.findIndex((x) => x.rule.times > 0 && (!x.rule.path || x.rule.path === path));
    const hit = list[i];
    if (!hit) return undefined;
    hit.rule.times--;
    if (hit.rule.times === 0) list.splice(i, 1);
    return hit;
  };

  const issueToken = (appId: string, force: boolean) => {
    const cur = current.get(appId);
    const t = cur ? tokens.get(cur) : undefined;
    // Normal mode hands back the current token until 5 minutes before it expires; then a new one,
    // while the old one keeps working to its end. force_refresh invalidates the old one at once.
    if (!force && cur && t && !t.invalid && t.expiresAt - 300_000 > now())
      return { token: cur, info: t };
    if (cur && t && force) t.invalid = true;
    seq++;
    const token = `TOKEN_${appId}_${seq}_${now()}`;
    const info = { appId, expiresAt: now() + lifetime * 1000, invalid: false };
    tokens.set(token, info);
    current.set(appId, token);
    return { token, info };
  };

  type Answer = Record<string, unknown> | { httpStatus: number; text: string };
  const err = (errcode: number, errmsg: string) => ({ errcode, errmsg });

  function route(
    path: string,
    query: Record<string, string>,
    body: unknown,
    upload: ReturnType<typeof parseMultipart>,
  ): Answer {
    const forcedError = take(forced, path);
    if (forcedError) return err(forcedError.errcode, forcedError.errmsg);
    if (path === '/cgi-bin/stable_token') {
      const b = (body ?? {}) as Record<string, unknown>;
      if (b.grant_type !== 'client_credential') return err(40002, 'invalid grant_type');
      const appId = typeof b.appid === 'string' ? b.appid : '';
      if (!(appId in apps)) return err(40013, 'invalid appid');
      if (apps[appId] !== b.secret) return err(40125, 'invalid appsecret');
      if (ipBlocked)
        return err(
          40164,
          `invalid ip ${ipBlocked} ipv6 ::ffff:${ipBlocked}, not in whitelist rid: fake`,
        );
      const { token, info } = issueToken(appId, b.force_refresh === true);
      return {
        access_token: token,
        expires_in: Math.max(0, Math.round((info.expiresAt - now()) / 1000)),
      };
    }
    const knownPaths = [
      '/cgi-bin/material/add_material',
      '/cgi-bin/media/uploadimg',
      '/cgi-bin/draft/add',
      '/cgi-bin/freepublish/submit',
      '/cgi-bin/freepublish/get',
      '/datacube/getusersummary',
      '/datacube/getusercumulate',
    ];
    if (!knownPaths.includes(path)) return { httpStatus: 404, text: 'not found' };
    const tokenValue = query.access_token;
    if (!tokenValue) return err(41001, 'access_token missing');
    const t = tokens.get(tokenValue);
    if (!t) return err(40014, 'invalid access_token');
    if (t.invalid) return err(40001, 'invalid credential, access_token is invalid or not latest');
    if (t.expiresAt <= now()) return err(42001, 'access_token expired');
    const appId = t.appId;
    const b = (body ?? {}) as Record<string, unknown>;
    switch (path) {
      case '/cgi-bin/material/add_material': {
        if (!['image', 'thumb', 'voice', 'video'].includes(query.type ?? ''))
          return err(40004, 'invalid media type');
        if (!upload || upload.name !== 'media') return err(41005, 'media data missing');
        if (!/^image\/(jpeg|png|gif|bmp)$/.test(upload.contentType))
          return err(40005, 'invalid file type');
        if (upload.data.length > 10 * 1024 * 1024) return err(40009, 'invalid image size');
        const mediaId = `MATERIAL_${++seq}`;
        materials.set(mediaId, { appId });
        return { media_id: mediaId, url: `http://mmbiz.qpic.cn/fake/material/${seq}/0` };
      }
      case '/cgi-bin/media/uploadimg': {
        if (!upload || upload.name !== 'media') return err(41005, 'media data missing');
        if (!/^image\/(jpeg|png)$/.test(upload.contentType)) return err(40005, 'invalid file type');
        if (upload.data.length >= 1024 * 1024) return err(40009, 'invalid image size');
        return { url: `http://mmbiz.qpic.cn/fake/article/${++seq}/0` };
      }
      case '/cgi-bin/draft/add': {
        const articles = Array.isArray(b.articles) ? (b.articles as Record<string, unknown>[]) : [];
        if (articles.length === 0) return err(40002, 'invalid articles');
        for (const a of articles) {
          const title = typeof a.title === 'string' ? a.title : '';
          const content = typeof a.content === 'string' ? a.content : '';
          if (!title) return err(40002, 'title missing');
          if ([...title].length > 32) return err(45003, 'title size out of limit');
          if (typeof a.digest === 'string' && [...a.digest].length > 128)
            return err(45004, 'description size out of limit');
          if (!content || content.length >= 20_000 || Buffer.byteLength(content) >= 1024 * 1024)
            return err(45002, 'content size out of limit');
          const thumb =
            typeof a.thumb_media_id === 'string' ? materials.get(a.thumb_media_id) : undefined;
          if (!thumb || thumb.appId !== appId) return err(40007, 'invalid media_id');
        }
        const mediaId = `DRAFT_${++seq}`;
        drafts.set(mediaId, { appId, articles });
        return { media_id: mediaId };
      }
      case '/cgi-bin/freepublish/submit': {
        const id = typeof b.media_id === 'string' ? b.media_id : '';
        const draft = drafts.get(id);
        if (!draft || draft.appId !== appId) return err(40007, 'invalid media_id');
        drafts.delete(id); // a published draft leaves the drafts box
        const publishId = String(2_247_500_000 + ++seq);
        publishes.set(publishId, {
          polls: 0,
          articleId: `ARTICLE_${seq}`,
          finalStatus: finalStatus.status,
          failIdx: finalStatus.failIdx,
        });
        return {
          errcode: 0,
          errmsg: 'ok',
          publish_id: publishId,
          msg_data_id: 2_247_500_000 + seq,
        };
      }
      case '/cgi-bin/freepublish/get': {
        const p = publishes.get(String(b.publish_id));
        if (!p) return err(40002, 'invalid publish_id');
        p.polls++;
        if (p.polls <= pollsBeforeDone)
          return { publish_id: String(b.publish_id), publish_status: 1, fail_idx: [] };
        if (p.finalStatus === 0) {
          return {
            publish_id: String(b.publish_id),
            publish_status: 0,
            article_id: p.articleId,
            article_detail: {
              count: 1,
              item: [{ idx: 1, article_url: `https://mp.weixin.qq.com/s/${p.articleId}` }],
            },
            fail_idx: [],
          };
        }
        return {
          publish_id: String(b.publish_id),
          publish_status: p.finalStatus,
          fail_idx: p.failIdx,
        };
      }
      case '/datacube/getusersummary':
      case '/datacube/getusercumulate': {
        const begin = typeof b.begin_date === 'string' ? b.begin_date : '';
        const end = typeof b.end_date === 'string' ? b.end_date : '';
        if (!DATE.test(begin) || !DATE.test(end)) return err(61500, 'date format error');
        const from = Date.parse(`${begin}T00:00:00Z`);
        const to = Date.parse(`${end}T00:00:00Z`);
        if (to < from || (to - from) / DAY_MS > 6) return err(61501, 'date range error');
        const list: Record<string, unknown>[] = [];
        for (let d = from; d <= to; d += DAY_MS) {
          const day = new Date(d).toISOString().slice(0, 10);
          const n = Math.floor(d / DAY_MS) % 100; // deterministic per date
          if (path === '/datacube/getusersummary') {
            list.push({ ref_date: day, user_source: 0, new_user: n, cancel_user: n % 7 });
            list.push({ ref_date: day, user_source: 30, new_user: 2, cancel_user: 0 });
          } else {
            list.push({ ref_date: day, cumulate_user: 10_000 + n * 3 });
          }
        }
        return { list };
      }
      default:
        return { httpStatus: 404, text: 'not found' };
    }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const query = Object.fromEntries(url.searchParams);
      const raw = Buffer.concat(chunks);
      const ct = req.headers['content-type'] ?? '';
      const upload = ct.startsWith('multipart/form-data') ? parseMultipart(ct, raw) : null;
      let body: unknown = null;
      if (upload) {
        body = {
          field: upload.name,
          filename: upload.filename,
          contentType: upload.contentType,
          size: upload.data.length,
        };
      } else if (raw.length) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = raw.toString('utf8');
        }
      }
      calls.push({ path: url.pathname, query, body, at: now() });
      const answer = route(url.pathname, query, body, upload);
      const delay = take(delays, url.pathname);
      const reply = () => {
        if (res.destroyed) return;
        if ('httpStatus' in answer && typeof answer.httpStatus === 'number') {
          res.writeHead(answer.httpStatus, { 'content-type': 'text/plain' });
          res.end(String(answer.text));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify(answer));
      };
      if (delay) setTimeout(reply, delay.ms);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    /** Calls to one path, e.g. '/cgi-bin/stable_token'. */
    callsTo: (path: string) => calls.filter((c) => c.path === path),
    /** Every token issued so far answers 42001 from now on (as if its 7200 s ran out). */
    expireTokens() {
      for (const t of tokens.values()) t.expiresAt = Math.min(t.expiresAt, now());
    },
    /** The next `times` calls (to `path`, or any) answer this errcode, e.g. 45009 or -1. */
    failNext(errcode: number, times = 1, path?: string, errmsg = `fake error ${errcode}`) {
      forced.push({ errcode, errmsg, rule: { times, ...(path ? { path } : {}) } });
    },
    /** The next `times` calls (to `path`, or any) are answered only after `ms`. */
    delayNext(ms: number, times = 1, path?: string) {
      delays.push({ ms, rule: { times, ...(path ? { path } : {}) } });
    },
    /** Token requests answer 40164 naming this IP, as when the server is not whitelisted. */
    blockIp(ip: string | null) {
      ipBlocked = ip;
    },
    /** The status publishes submitted from now on end in (0 success, 2-6 failures). */
    setPublishOutcome(status: number, failIdx: number[] = []) {
      finalStatus = { status, failIdx };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type WeChatFake = Awaited<ReturnType<typeof startWeChatFake>>;
