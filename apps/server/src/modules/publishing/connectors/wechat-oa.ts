import { addDays } from '@yunce/core';
import { renderArticleHtml, type ArticleImage } from './wechat-html';
import {
  createWeChatClient,
  credentialsOf,
  type Answer,
  type WeChatClientOptions,
} from './wechat-client';
import {
  ConnectorError,
  type Connector,
  type MetricsSample,
  type PublishOutcome,
  type PublishStatus,
} from './types';

export { clearWeChatTokenCache, WECHAT_API_BASE } from './wechat-client';

export type WeChatConnectorOptions = WeChatClientOptions & {
  /** Per image upload (default 60 s). */
  uploadTimeoutMs?: number;
};

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const MAX_DATACUBE_DAYS = 7;

// Cover (permanent material, type=image) and in-article images (uploadimg) have different rules.
const COVER_TYPES: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/bmp': 'bmp',
};
const BODY_IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png' };
const COVER_MAX_BYTES = 10 * 1024 * 1024;
const BODY_IMAGE_MAX_BYTES = 1024 * 1024;

function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const STATUS_REASONS: Record<number, string> = {
  2: '原创声明校验未通过：请检查原创声明（或取消原创）后重新发布',
  3: '发布失败（微信未说明原因），请在公众号后台查看后重试',
  4: '平台审核未通过：文章内容可能不符合公众平台运营规范，请修改后重新发布',
  5: '文章发布成功后已被删除',
  6: '文章发布成功后已被平台封禁',
};

/** The WeChat Official Account (公众号) API: stable token, images, draft, free publish, datacube. */
export function createWeChatOfficialAccountConnector(opts: WeChatConnectorOptions = {}): Connector {
  const { call } = createWeChatClient(opts);
  const uploadTimeoutMs = opts.uploadTimeoutMs ?? 60_000;
  const now = opts.now ?? (() => new Date());

  function malformed(path: string): ConnectorError {
    return new ConnectorError('transient', `微信接口的应答缺少必要字段（${path}），稍后会自动重试`);
  }

  async function readImage(
    file: { read(): Promise<Buffer>; mimeType: string },
    label: string,
  ): Promise<Buffer> {
    try {
      return await file.read();
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
      throw new ConnectorError(
        missing ? 'permanent' : 'transient',
        `读取${label}失败${missing ? '：文件已不存在' : ''}`,
      );
    }
  }

  return {
    type: 'wechat-official-account',
    capabilities: {
      publish: true,
      getPublishStatus: true,
      fetchMetrics: true,
      fetchComments: false,
      reply: false,
    },

    async publish(ctx, req): Promise<PublishOutcome> {
      const creds = credentialsOf(ctx);
      const title = req.title.trim();
      if (!title) throw new ConnectorError('permanent', '公众号文章需要标题');
      const images = req.media.filter((m) => m.mimeType.startsWith('image/'));
      const cover = req.cover ?? images[0] ?? null;
      if (!cover)
        throw new ConnectorError(
          'permanent',
          '公众号文章必须有封面图：请为内容设置封面，或附上一张图片',
        );
      // Check every file before uploading any, so a bad file fails at once and by name.
      const coverExt = COVER_TYPES[cover.mimeType];
      if (!coverExt)
        throw new ConnectorError(
          'permanent',
          `封面图是 ${cover.mimeType}，公众号封面只支持 JPG/PNG/GIF/BMP`,
        );
      for (const m of images) {
        if (!BODY_IMAGE_TYPES[m.mimeType])
          throw new ConnectorError(
            'permanent',
            `正文图片「${m.name ?? m.url}」是 ${m.mimeType}，公众号正文图片只支持 JPG/PNG`,
          );
      }
      const coverData = await readImage(cover, '封面图');
      if (coverData.length > COVER_MAX_BYTES)
        throw new ConnectorError('permanent', '封面图超过 10MB，请压缩后重试');
      const bodyFiles: { m: (typeof images)[number]; data: Buffer }[] = [];
      for (const m of images) {
        const data = await readImage(m, `图片「${m.name ?? m.url}」`);
        if (data.length >= BODY_IMAGE_MAX_BYTES)
          throw new ConnectorError(
            'permanent',
            `正文图片「${m.name ?? m.url}」超过 1MB，公众号正文图片须小于 1MB，请压缩后重试`,
          );
        bodyFiles.push({ m, data });
      }

      const thumb = await call(ctx, creds, '/cgi-bin/material/add_material', {
        query: { type: 'image' },
        upload: { filename: `cover.${coverExt}`, contentType: cover.mimeType, data: coverData },
        timeoutMs: uploadTimeoutMs,
      });
      const thumbMediaId = typeof thumb.media_id === 'string' ? thumb.media_id : '';
      if (!thumbMediaId) throw malformed('add_material');

      const uploaded: ArticleImage[] = [];
      for (const [i, { m, data }] of bodyFiles.entries()) {
        const a = await call(ctx, creds, '/cgi-bin/media/uploadimg', {
          upload: {
            filename: `image-${i + 1}.${BODY_IMAGE_TYPES[m.mimeType] ?? 'jpg'}`,
            contentType: m.mimeType,
            data,
          },
          timeoutMs: uploadTimeoutMs,
        });
        if (typeof a.url !== 'string' || !a.url) throw malformed('uploadimg');
        uploaded.push({ source: m.url, name: m.name, wechatUrl: a.url });
      }

      const content = renderArticleHtml(req.body, uploaded);
      if (!content) throw new ConnectorError('permanent', '公众号文章的正文不能为空');
      const draft = await call(ctx, creds, '/cgi-bin/draft/add', {
        json: {
          articles: [
            {
              article_type: 'news',
              title,
              content,
              thumb_media_id: thumbMediaId,
              need_open_comment: 1,
              only_fans_can_comment: 0,
            },
          ],
        },
      });
      const draftId = typeof draft.media_id === 'string' ? draft.media_id : '';
      if (!draftId) throw malformed('draft/add');

      const submitted = await call(ctx, creds, '/cgi-bin/freepublish/submit', {
        json: { media_id: draftId },
        visibleEffect: true,
      });
      const publishId =
        typeof submitted.publish_id === 'string' || typeof submitted.publish_id === 'number'
          ? String(submitted.publish_id)
          : '';
      if (!publishId)
        throw new ConnectorError(
          'unknown',
          '微信接受了发布请求但没有返回发布任务 ID：请在公众号后台「发表记录」中确认',
        );
      return { kind: 'pending', externalId: publishId };
    },

    async getPublishStatus(ctx, externalId): Promise<PublishStatus> {
      const creds = credentialsOf(ctx);
      const a = await call(ctx, creds, '/cgi-bin/freepublish/get', {
        json: { publish_id: externalId },
      });
      const status =
        typeof a.publish_status === 'number' ? a.publish_status : Number(a.publish_status);
      if (status === 0) {
        const detail = (a.article_detail ?? {}) as { item?: unknown };
        const first = Array.isArray(detail.item)
          ? (detail.item[0] as { article_url?: unknown } | undefined)
          : undefined;
        return {
          kind: 'published',
          externalId: typeof a.article_id === 'string' && a.article_id ? a.article_id : null,
          url: typeof first?.article_url === 'string' ? first.article_url : null,
        };
      }
      const reason = STATUS_REASONS[status];
      // 1 is "publishing"; a status we do not know is kept pending for a person rather than
      // called failed, which could lead to a second copy.
      if (!reason) return { kind: 'pending' };
      const failIdx = Array.isArray(a.fail_idx)
        ? a.fail_idx.filter((n) => typeof n === 'number')
        : [];
      return {
        kind: 'failed',
        reason: failIdx.length ? `${reason}（第 ${failIdx.join('、')} 篇）` : reason,
      };
    },

    async fetchMetrics(ctx, from, to): Promise<MetricsSample[]> {
      const creds = credentialsOf(ctx);
      if (!isDate(from) || !isDate(to))
        throw new ConnectorError('permanent', `日期须为 YYYY-MM-DD：${from} – ${to}`);
      // Datacube has data up to yesterday (Beijing time) and refuses later end dates.
      const yesterday = addDays(shanghaiDate(now()), -1);
      const end = to < yesterday ? to : yesterday;
      const byDate = new Map<string, Record<string, number>>();
      const row = (d: string) => {
        let r = byDate.get(d);
        if (!r) {
          r = { new_user: 0, cancel_user: 0 };
          byDate.set(d, r);
        }
        return r;
      };
      for (let begin = from; begin <= end; begin = addDays(begin, MAX_DATACUBE_DAYS)) {
        const chunkEnd = addDays(begin, MAX_DATACUBE_DAYS - 1);
        const range = { begin_date: begin, end_date: chunkEnd < end ? chunkEnd : end };
        const summary = await call(ctx, creds, '/datacube/getusersummary', { json: range });
        // One row per day and user_source (search, QR code, ...): summed per day.
        for (const r of Array.isArray(summary.list) ? (summary.list as Answer[]) : []) {
          if (typeof r.ref_date !== 'string') continue;
          const m = row(r.ref_date);
          m.new_user = (m.new_user ?? 0) + (Number(r.new_user) || 0);
          m.cancel_user = (m.cancel_user ?? 0) + (Number(r.cancel_user) || 0);
        }
        const cumulate = await call(ctx, creds, '/datacube/getusercumulate', { json: range });
        for (const r of Array.isArray(cumulate.list) ? (cumulate.list as Answer[]) : []) {
          if (typeof r.ref_date !== 'string') continue;
          row(r.ref_date).cumulate_user = Number(r.cumulate_user) || 0;
        }
      }
      return [...byDate.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([date, metrics]) => ({ externalId: null, date, metrics }));
    },
  };
}
