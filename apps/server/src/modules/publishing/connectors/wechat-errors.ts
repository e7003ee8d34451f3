import { ConnectorError } from './types';

type Kind = ConnectorError['kind'];

/** errcodes meaning "this access_token is no good": drop it, refresh once, retry once. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);

/**
 * What each WeChat errcode means for us, in plain Chinese for the operator. `auth` marks the
 * account as needing reconnection, so it is kept for codes no retry can fix.
 */
export const WECHAT_ERRORS: Readonly<Record<number, { kind: Kind; reason: string }>> = {
  [-1]: { kind: 'transient', reason: '微信系统繁忙，稍后会自动重试' },
  40001: {
    kind: 'auth',
    reason:
      '调用凭证无效：AppSecret 不正确，或 access_token 已被其他程序刷新失效，请检查后重新连接',
  },
  40002: { kind: 'permanent', reason: '请求参数不合法' },
  40005: {
    kind: 'permanent',
    reason: '图片文件类型不受支持（封面支持 JPG/PNG/GIF/BMP，正文图片只支持 JPG/PNG）',
  },
  40006: { kind: 'permanent', reason: '文件大小超出微信的限制' },
  40007: { kind: 'permanent', reason: '素材 media_id 无效：封面或草稿可能已在公众号后台被删除' },
  40009: { kind: 'permanent', reason: '图片太大：正文图片须小于 1MB，封面须不超过 10MB' },
  40013: { kind: 'auth', reason: 'AppID 无效：请核对公众号连接里填写的 AppID' },
  40014: { kind: 'auth', reason: 'access_token 不合法，重新获取后仍然失败，请重新连接' },
  40125: {
    kind: 'auth',
    reason:
      'AppSecret 无效：请在 公众号后台 → 设置与开发 → 基本配置 重置 AppSecret，并在这里重新连接',
  },
  40164: {
    kind: 'auth',
    reason:
      '本服务器的 IP 不在公众号的 IP 白名单中：请在 公众号后台 → 设置与开发 → 基本配置 → IP白名单 中添加本服务器的出口 IP',
  },
  41001: { kind: 'auth', reason: '缺少 access_token，请重新连接' },
  42001: { kind: 'auth', reason: 'access_token 已过期，刷新后仍然失败，请重新连接' },
  45001: { kind: 'permanent', reason: '多媒体文件大小超出限制' },
  45002: { kind: 'permanent', reason: '正文太长：公众号文章须少于 2 万字符、小于 1MB' },
  45003: { kind: 'permanent', reason: '标题太长：公众号文章标题不超过 32 个字' },
  45004: { kind: 'permanent', reason: '摘要太长：公众号文章摘要不超过 128 个字' },
  45009: { kind: 'transient', reason: '今天的接口调用次数已用完，北京时间 0 点后会自动重试' },
  45011: { kind: 'transient', reason: '接口调用太频繁，稍后会自动重试' },
  48001: {
    kind: 'auth',
    reason:
      '公众号没有此接口的权限（发布能力需要已认证的公众号），请在 公众号后台 → 设置与开发 → 接口权限 中查看',
  },
  53503: { kind: 'permanent', reason: '草稿未通过发布检查：请检查标题、正文和封面' },
  53504: { kind: 'permanent', reason: '该草稿需要前往公众平台官网使用' },
  53505: { kind: 'permanent', reason: '请先在公众平台官网手动保存该草稿，再发表' },
  53600: { kind: 'permanent', reason: '文章 ID 无效' },
  61500: { kind: 'permanent', reason: '统计接口的日期格式不正确' },
  61501: { kind: 'permanent', reason: '统计接口的日期范围不正确（每次最多 7 天，且只能查到昨天）' },
};

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // Asia/Shanghai has no DST: always UTC+8

/** Milliseconds from `now` to the next 00:00 in Asia/Shanghai, when WeChat's daily quota resets. */
export function msUntilShanghaiMidnight(now: Date): number {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  const nextMidnightLocal = (Math.floor(local / DAY_MS) + 1) * DAY_MS;
  return nextMidnightLocal - local;
}

/** The ConnectorError for a WeChat errcode answer (the errmsg is kept for support, without the token). */
export function wechatError(
  errcode: number,
  errmsg: string,
  now: Date,
  redact: readonly string[] = [],
): ConnectorError {
  let msg = errmsg;
  for (const s of redact) if (s) msg = msg.split(s).join('***');
  const known = WECHAT_ERRORS[errcode];
  let reason = known?.reason ?? `微信返回错误：${msg || '未知错误'}`;
  if (errcode === 40164) {
    // errmsg reads "invalid ip 203.0.113.9 ipv6 ..., not in whitelist": name the IP to add.
    const ip = /invalid ip ([0-9a-fA-F.:]+)/.exec(msg)?.[1];
    if (ip) reason += `（本次请求的 IP：${ip}）`;
  }
  const details: ConnectorError['details'] = { platformCode: errcode };
  if (errcode === 45009) details.retryAfterMs = msUntilShanghaiMidnight(now);
  if (errcode === 45011) details.retryAfterMs = 60_000;
  return new ConnectorError(
    known?.kind ?? 'permanent',
    `${reason}（微信错误码 ${errcode}${msg ? `：${msg.slice(0, 200)}` : ''}）`,
    details,
  );
}
