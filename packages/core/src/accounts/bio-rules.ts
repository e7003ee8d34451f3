/**
 * Bio (简介) heuristics: does it say what the account offers, and does it carry off-platform
 * contact details.
 */

/**
 * Words that show a bio states an offer or a positioning: what the account shares, sells, teaches
 * or is. A bio containing one of these, or a word from the account's own category, passes.
 */
export const POSITIONING_WORDS_ZH: readonly string[] = [
  '分享',
  '提供',
  '专注',
  '专业',
  '教你',
  '带你',
  '帮你',
  '教程',
  '课程',
  '干货',
  '推荐',
  '好物',
  '种草',
  '测评',
  '评测',
  '攻略',
  '探店',
  '科普',
  '解读',
  '服务',
  '咨询',
  '预约',
  '定制',
  '官方',
  '品牌',
  '旗舰',
  '门店',
  '店',
  '产品',
  '出品',
  '工作室',
  '主理人',
  '销售',
  '批发',
  '代理',
  '招募',
  '售后',
  '客服',
];
// Deliberately absent: 记录, 日常, 更新, 合作 — "记录日常，商务合作私信" says nothing about the offer.

/** English counterparts, matched as whole words (case-insensitive, simple plural/-ing forms). */
export const POSITIONING_WORDS_EN: readonly string[] = [
  'share',
  'sharing',
  'offer',
  'provide',
  'official',
  'brand',
  'store',
  'shop',
  'service',
  'review',
  'guide',
  'tips',
  'tutorial',
  'course',
  'learn',
  'teach',
  'recommend',
  'help',
  'product',
  'studio',
  'consulting',
  'booking',
];

/** Below this weighted length (≈ 20 Chinese characters) a bio without any signal is "vague". */
export const SHORT_BIO_WEIGHTED = 40;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Keywords from the account's category, e.g. "咖啡馆/烘焙" → 咖啡馆, 咖啡, 啡馆, 烘焙. Chinese runs
 * longer than 2 characters also give their 2-character pieces, so 咖啡馆 matches a bio saying 咖啡.
 */
export function categoryKeywords(category: string | null | undefined): string[] {
  const out = new Set<string>();
  const text = (category ?? '').normalize('NFKC').toLowerCase();
  for (const m of text.matchAll(/\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu)) {
    const run = m[0];
    if (/\p{Script=Han}/u.test(run)) {
      out.add(run);
      const cs = Array.from(run);
      if (cs.length > 2)
        for (let i = 0; i + 2 <= cs.length; i++) out.add(cs.slice(i, i + 2).join(''));
    } else if (run.length >= 2) {
      out.add(run);
    }
  }
  return [...out];
}

/**
 * The positioning signals found in `bio`: category keywords and offer words. An empty result
 * means the bio does not say what the account offers.
 */
export function positioningSignals(bio: string, category: string | null | undefined): string[] {
  const text = bio.normalize('NFKC').toLowerCase();
  const found: string[] = [];
  for (const word of [...categoryKeywords(category), ...POSITIONING_WORDS_ZH]) {
    if (
      /\p{Script=Han}/u.test(word)
        ? text.includes(word)
        : new RegExp(`\\b${escapeRegExp(word)}\\b`, 'u').test(text)
    ) {
      found.push(word);
    }
  }
  for (const word of POSITIONING_WORDS_EN) {
    if (new RegExp(`\\b${escapeRegExp(word)}(?:s|es|ed|ing)?\\b`, 'u').test(text)) found.push(word);
  }
  return [...new Set(found)];
}

/**
 * Patterns for contact details and diversion (引流) in a bio. Matched on the NFKC-normalised,
 * lower-cased text, so full-width ＶＸ and １３８… are caught too.
 */
const CONTACT_PATTERNS: readonly RegExp[] = [
  // Mainland mobile numbers, also written with spaces or dashes: 138 1234 5678.
  /(?<!\d)1[3-9]\d(?:[\s-]?\d){8}(?!\d)/gu,
  // Landlines (010-12345678) and 400/800 numbers.
  /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/gu,
  /(?<!\d)[48]00-?\d{3}-?\d{4}(?!\d)/gu,
  // WeChat and its many disguises.
  /微信|薇信|威信|徽信|v信|绿泡泡|卫星号/gu,
  /(?<![a-z])(?:vx|wx|wechat|weixin)(?![a-z])/gu,
  /加\s*[v微]|[+➕]\s*v(?![a-z])|(?<![a-z])v\s*[:：]/gu,
  // QQ.
  /(?<![a-z])qq(?![a-z])|扣扣|企鹅号/gu,
  // E-mail and "DM me to get it" (私信领取), which the platforms treat as diversion.
  /[\w.+-]+@[\w-]+\.[a-z]{2,}/gu,
  /私信领取|私我领取|滴滴我/gu,
];

/** Contact details and diversion phrases found in `bio`, as written (normalised), de-duplicated. */
export function findContactDetails(bio: string): string[] {
  const text = bio.normalize('NFKC').toLowerCase();
  const found = new Set<string>();
  for (const re of CONTACT_PATTERNS) {
    for (const m of text.matchAll(re)) found.add(m[0].trim());
  }
  return [...found];
}
