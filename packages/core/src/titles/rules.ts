/**
 * Title rules as data: per-platform title limits and the clickbait (标题党) phrase list.
 * JSON-serialisable so the server can ship them to the editor unchanged.
 */
import type { TPlatform } from '@yunce/contracts';
import type { TLengthUnit } from '../accounts';

/** How a platform treats a post's title. */
export interface TTitleRule {
  /** False when the platform's posts have no separate title (微博, group messages). */
  hasTitle: boolean;
  /** Longest title; null when there is no title or no limit we know of. */
  limit: number | null;
  /** Shortest accepted title (0 = no minimum). */
  min: number;
  unit: TLengthUnit;
  /**
   * True when the platform refuses a longer title; false when the limit is where the text is
   * cut or folded in the feed (longer text is accepted but not seen at first glance).
   */
  hard: boolean;
  /**
   * About how many leading characters readers see in feed cards and lists before truncation. A
   * focus keyword that ends after this gets an info. Always approximate: it depends on device
   * width and layout, which platforms change freely.
   */
  keywordWithin: number;
  /**
   * True only where `limit`/`min` match the platform's rule as consistently quoted by public
   * guides and enforced by its editor; not re-checked against the live forms. False means
   * approximate public knowledge.
   */
  verified: boolean;
  /** Where the numbers come from and what is uncertain (developer-facing). */
  source: string;
}

/** Title rules per platform. */
export const PLATFORM_TITLE_RULES: Readonly<Record<TPlatform, TTitleRule>> = {
  xiaohongshu: {
    hasTitle: true,
    limit: 20,
    min: 0,
    unit: 'char',
    hard: true,
    keywordWithin: 20,
    verified: true,
    source:
      '笔记标题最多 20 字, enforced by the editor and quoted everywhere. How it counts Latin letters and emoji is not verified; we count code points. The whole title shows on feed cards, so keywordWithin equals the limit.',
  },
  wechat_oa: {
    hasTitle: true,
    limit: 64,
    min: 1,
    unit: 'char',
    hard: true,
    keywordWithin: 26,
    verified: true,
    source:
      '公众号 article title ≤ 64 字 (editor counter). keywordWithin ≈ two lines in the subscription list / share card: a layout estimate, not a rule.',
  },
  bilibili: {
    hasTitle: true,
    limit: 80,
    min: 1,
    unit: 'char',
    hard: true,
    keywordWithin: 20,
    verified: true,
    source:
      '投稿标题 ≤ 80 字 (upload form). keywordWithin ≈ two lines on a home-feed card: a layout estimate.',
  },
  douyin: {
    hasTitle: true,
    limit: 55,
    min: 0,
    unit: 'char',
    hard: false,
    keywordWithin: 30,
    verified: false,
    source:
      "Uncertain. The caption (作品描述) may be much longer; about the first 55 characters show over the video before it folds (a commonly quoted figure, device-dependent). The creator center's separate 作品标题 field (around 30 字) is not modelled.",
  },
  kuaishou: {
    hasTitle: true,
    limit: 55,
    min: 0,
    unit: 'char',
    hard: false,
    keywordWithin: 30,
    verified: false,
    source:
      'Uncertain; assumed to behave like Douyin: a longer caption is accepted and the feed shows roughly the first 55 characters.',
  },
  wechat_channels: {
    hasTitle: true,
    limit: 16,
    min: 6,
    unit: 'char',
    hard: true,
    keywordWithin: 16,
    verified: false,
    source:
      'The optional 短标题 field of the 视频号 publish form (6–16 字, as shown in the form at the time of writing); the description (描述) is separate and much longer. Not re-checked.',
  },
  zhihu: {
    hasTitle: true,
    limit: 50,
    min: 0,
    unit: 'char',
    hard: true,
    keywordWithin: 25,
    verified: false,
    source:
      'Uncertain: a 50-character limit for question titles is sometimes quoted; article titles may allow more. keywordWithin is a search-result estimate.',
  },
  weibo: {
    hasTitle: false,
    limit: null,
    min: 0,
    unit: 'char',
    hard: false,
    keywordWithin: 30,
    verified: true,
    source:
      'Ordinary 微博 have no title; the opening words act as one, so only the phrase and keyword checks run. 头条文章 titles are not modelled.',
  },
  community: {
    hasTitle: false,
    limit: null,
    min: 0,
    unit: 'char',
    hard: false,
    keywordWithin: 30,
    verified: true,
    source:
      'Group messages have no title; only the phrase and keyword checks run on the opening words.',
  },
  other: {
    hasTitle: true,
    limit: null,
    min: 0,
    unit: 'char',
    hard: false,
    keywordWithin: 20,
    verified: false,
    source: 'Unknown platform: no length rule we check.',
  },
};

/** Why a phrase is flagged; selects the explanation shown to the operator. */
export type TClickbaitKind = 'shock' | 'urgency' | 'curiosity_gap' | 'exaggeration';

/** One clickbait phrase. */
export interface TClickbaitPhrase {
  text: string;
  kind: TClickbaitKind;
  /** Latin phrases only match as whole words ("shocking" must not fire inside "shockingly"). */
  wholeWord?: boolean;
}

/**
 * Phrases that platforms' 标题党 rules (WeChat, Douyin, Weibo) and readers treat as clickbait.
 * Matched after width and case folding, so ！/! and ％/% are the same.
 */
export const TITLE_CLICKBAIT_PHRASES: readonly TClickbaitPhrase[] = [
  { text: '震惊', kind: 'shock' },
  { text: '惊呆了', kind: 'shock' },
  { text: '吓死人', kind: 'shock' },
  { text: '细思极恐', kind: 'shock' },
  { text: '太可怕了', kind: 'shock' },
  { text: '必看', kind: 'urgency' },
  { text: '速看', kind: 'urgency' },
  { text: '一定要看', kind: 'urgency' },
  { text: '不看后悔', kind: 'urgency' },
  { text: '赶紧收藏', kind: 'urgency' },
  { text: '紧急扩散', kind: 'urgency' },
  { text: '刚刚!', kind: 'urgency' },
  { text: '重磅', kind: 'exaggeration' },
  { text: '疯传', kind: 'exaggeration' },
  { text: '转疯了', kind: 'exaggeration' },
  { text: '万万没想到', kind: 'curiosity_gap' },
  { text: '绝对想不到', kind: 'curiosity_gap' },
  { text: '你绝对想不到', kind: 'curiosity_gap' },
  { text: '99%的人都不知道', kind: 'curiosity_gap' },
  { text: '99%的人不知道', kind: 'curiosity_gap' },
  { text: '90%的人都不知道', kind: 'curiosity_gap' },
  { text: '看完沉默了', kind: 'curiosity_gap' },
  { text: "you won't believe", kind: 'curiosity_gap', wholeWord: true },
  { text: 'you wont believe', kind: 'curiosity_gap', wholeWord: true },
  { text: 'what happened next', kind: 'curiosity_gap', wholeWord: true },
  { text: 'shocking', kind: 'shock', wholeWord: true },
  { text: 'jaw-dropping', kind: 'shock', wholeWord: true },
  { text: 'mind-blowing', kind: 'exaggeration', wholeWord: true },
  { text: 'must see', kind: 'urgency', wholeWord: true },
  { text: 'must-see', kind: 'urgency', wholeWord: true },
  { text: 'must read', kind: 'urgency', wholeWord: true },
  { text: 'must-read', kind: 'urgency', wholeWord: true },
];
