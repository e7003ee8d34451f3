/**
 * Platform guide and profile limits (SPEC §2). Pure data plus small lookups; served as JSON by
 * `GET /api/v1/platforms`, so everything here must stay JSON-serialisable.
 */
import { PLATFORMS, type TLocale, type TPlatform } from '@yunce/contracts';
import type { TLengthUnit } from './text';

/** SPEC §2 platform types: 综合类, 垂直类, 即时通讯 (WeChat ecosystem), plus a bucket for "other". */
export const PLATFORM_TYPES = ['comprehensive', 'vertical', 'messaging', 'other'] as const;
export type TPlatformType = (typeof PLATFORM_TYPES)[number];

/** A text in both supported locales. */
export type TLocalized<T = string> = Record<TLocale, T>;

/** What a new operator needs to know when choosing a platform. */
export interface TPlatformGuide {
  /** One sentence: what the platform is for. */
  summary: string;
  strengths: string[];
  contentForms: string[];
  /** Typical audience, in general terms. */
  audience: string;
  tips: string[];
}

/** A length limit; `max: null` means the platform has no hard limit we check. */
export interface TLengthLimit {
  min: number;
  max: number | null;
  lengthUnit: TLengthUnit;
}

export interface TProfileLimits {
  name: TLengthLimit;
  bio: TLengthLimit;
  /**
   * True only where the numbers match the platform's own published rule as widely quoted.
   * False means approximate public knowledge: platforms change these without notice.
   */
  verified: boolean;
  /** Where the numbers come from and what is uncertain (developer-facing). */
  source: string;
}

export interface TPlatformInfo {
  name: TLocalized;
  type: TPlatformType;
  guide: TLocalized<TPlatformGuide>;
  limits: TProfileLimits;
  /**
   * The platform penalises off-platform contact details in the bio (phone, WeChat id, QQ, "加V"):
   * the profile check warns about them.
   */
  bioContactDiscouraged: boolean;
}

export interface TPlatformTypeInfo {
  name: TLocalized;
  description: TLocalized;
}

/** Names and one-line descriptions of the platform types, for grouping the platform picker. */
export const PLATFORM_TYPE_INFO: Readonly<Record<TPlatformType, TPlatformTypeInfo>> = {
  comprehensive: {
    name: { 'zh-CN': '综合类', 'en-US': 'Comprehensive' },
    description: {
      'zh-CN': '面向大众、题材广，靠算法推荐或热点广场分发，适合品牌曝光和大范围触达。',
      'en-US':
        'Mass-market platforms covering every topic, distributed by algorithmic feeds or trending lists; good for brand exposure and broad reach.',
    },
  },
  vertical: {
    name: { 'zh-CN': '垂直类', 'en-US': 'Vertical' },
    description: {
      'zh-CN':
        '围绕特定兴趣或内容形态的社区（生活方式种草、视频兴趣社区、知识问答），用户目的明确、粘性高，适合做口碑和精准种草。',
      'en-US':
        'Communities built around an interest or content form (lifestyle recommendations, video fandoms, Q&A); users come with intent, which suits reputation building and targeted recommendations.',
    },
  },
  messaging: {
    name: { 'zh-CN': '即时通讯（微信生态）', 'en-US': 'Messaging (WeChat ecosystem)' },
    description: {
      'zh-CN': '依托微信关系链和私域，触达稳定、信任度高，适合沉淀用户、做服务和复购。',
      'en-US':
        'Built on WeChat relationships and owned audiences: reliable reach and high trust, good for retaining users, service and repeat purchases.',
    },
  },
  other: {
    name: { 'zh-CN': '其他', 'en-US': 'Other' },
    description: {
      'zh-CN': '以上之外的平台或渠道（官网、小程序、线下等）。',
      'en-US': 'Platforms or channels not listed above (website, mini program, offline …).',
    },
  },
};

const NO_LIMIT_NAME: TLengthLimit = { min: 1, max: null, lengthUnit: 'char' };
const NO_LIMIT_BIO: TLengthLimit = { min: 0, max: null, lengthUnit: 'char' };

/** Per-platform name, type, guide and profile limits. */
export const PLATFORM_INFO: Readonly<Record<TPlatform, TPlatformInfo>> = {
  wechat_oa: {
    name: { 'zh-CN': '公众号', 'en-US': 'WeChat Official Account' },
    type: 'messaging',
    bioContactDiscouraged: false,
    limits: {
      name: { min: 4, max: 30, lengthUnit: 'weighted' },
      bio: { min: 4, max: 120, lengthUnit: 'char' },
      verified: true,
      source:
        '微信公众平台 account settings: 名称 4–30 个字符 (1 汉字 = 2), 功能介绍 4–120 字; quoted consistently by public guides, not re-checked against the live form.',
    },
    guide: {
      'zh-CN': {
        summary: '微信里的图文发布和私域阵地，适合沉淀深度内容、品牌叙事和用户服务。',
        strengths: [
          '与微信生态打通：可转发到聊天和朋友圈，连接视频号、小程序、企业微信',
          '关注用户可被反复触达，适合沉淀私域',
          '长图文能承载深度内容和品牌故事',
          '服务号可接入菜单、消息通知和小程序，适合会员与客服场景',
        ],
        contentForms: ['长图文', '图片消息', '视频和音频', '菜单与自动回复'],
        audience:
          '覆盖各年龄层；阅读主要来自推送、转发和微信搜一搜，读者偏好与自己相关、有价值的内容。',
        tips: [
          '订阅号重内容、服务号重服务，注册前先定好类型',
          '名称和功能介绍会被微信搜一搜检索，写进品牌名和核心业务词',
          '固定推送节奏；标题和封面决定打开率',
        ],
      },
      'en-US': {
        summary:
          'The article and owned-audience channel inside WeChat: long-form content, brand storytelling and user service.',
        strengths: [
          'Part of WeChat: shared into chats and Moments, linked to Channels, mini programs and WeCom',
          'Followers can be reached again and again — an owned audience',
          'Long articles carry in-depth content and brand stories',
          'Service accounts add menus, notifications and mini programs for membership and support',
        ],
        contentForms: ['Long articles', 'Image posts', 'Video and audio', 'Menus and auto-replies'],
        audience:
          'All age groups; reads come from pushes, shares and WeChat Search, and readers favour content that is relevant and useful to them.',
        tips: [
          'Subscription accounts are for content, service accounts for service — choose before registering',
          'The name and description are indexed by WeChat Search: include the brand and the core business words',
          'Keep a regular publishing rhythm; the title and cover decide the open rate',
        ],
      },
    },
  },
  wechat_channels: {
    name: { 'zh-CN': '视频号', 'en-US': 'WeChat Channels' },
    type: 'messaging',
    bioContactDiscouraged: false,
    limits: {
      name: { min: 1, max: 20, lengthUnit: 'char' },
      bio: { min: 0, max: 400, lengthUnit: 'char' },
      verified: false,
      source:
        'Approximate; no authoritative public figure found for 视频号 name/简介 length. Kept lenient.',
    },
    guide: {
      'zh-CN': {
        summary: '微信内的短视频和直播，靠社交推荐（朋友点赞）和私域导流起量。',
        strengths: [
          '朋友点赞会把内容推荐给其好友，熟人关系带动传播',
          '与公众号、社群、企业微信、微信小店联动，私域流量可直接转成观看和成交',
          '直播可提前预约并通过私域通知',
        ],
        contentForms: ['短视频', '直播', '图片动态'],
        audience: '覆盖面广，与其他短视频平台相比中老年用户占比更高，很多观众来自已有的微信关系。',
        tips: [
          '发布后先在自己的社群、朋友圈、公众号分发，借社交推荐起量',
          '直播前用预约和社群通知蓄客',
        ],
      },
      'en-US': {
        summary:
          'Short video and live streaming inside WeChat, grown through social recommendation (friends’ likes) and your own audience.',
        strengths: [
          'A friend’s like recommends the video to their contacts, so personal networks drive reach',
          'Linked with Official Accounts, groups, WeCom and the WeChat shop: owned traffic turns into views and sales',
          'Live streams can be booked in advance and announced to your own audience',
        ],
        contentForms: ['Short videos', 'Live streams', 'Image posts'],
        audience:
          'Broad; compared with other short-video apps, more middle-aged and older viewers, many reached through existing WeChat ties.',
        tips: [
          'After publishing, share first into your groups, Moments and Official Account to seed social recommendation',
          'Warm up live streams with bookings and group announcements',
        ],
      },
    },
  },
  weibo: {
    name: { 'zh-CN': '微博', 'en-US': 'Weibo' },
    type: 'comprehensive',
    bioContactDiscouraged: false,
    limits: {
      name: { min: 4, max: 30, lengthUnit: 'weighted' },
      bio: { min: 0, max: 70, lengthUnit: 'char' },
      verified: false,
      source:
        'Commonly quoted: 昵称 4–30 个字符 (1 汉字 = 2), 简介 ≤ 70 字. Some guides quote other numbers; not verified against Weibo.',
    },
    guide: {
      'zh-CN': {
        summary: '公开广场式的社交媒体，热搜和话题带动快速传播，适合热点、官方发布和品牌声量。',
        strengths: [
          '热搜、话题和超话带来集中曝光',
          '转发、评论机制适合做活动和抽奖',
          '官方发布和舆情回应的主阵地',
        ],
        contentForms: ['短博文配图', '长文', '视频', '直播', '话题与超话', '投票和抽奖'],
        audience: '以年轻用户为主，关注娱乐、明星、社会热点和兴趣话题。',
        tips: [
          '借热点要快，并且与品牌相关',
          '官方账号申请认证（蓝V）提升可信度',
          '及时回复评论：评论区同时是客服和舆情前线',
        ],
      },
      'en-US': {
        summary:
          'A public, Twitter-like square where trending lists and hashtags spread news fast; for hot topics, official announcements and brand voice.',
        strengths: [
          'Trending lists, hashtags and super-topics concentrate exposure',
          'Reposts and comments suit campaigns and giveaways',
          'The main stage for official statements and crisis response',
        ],
        contentForms: [
          'Short posts with images',
          'Long posts',
          'Video',
          'Live streams',
          'Hashtags and super-topics',
          'Polls and giveaways',
        ],
        audience:
          'Mostly young users following entertainment, celebrities, current events and interest topics.',
        tips: [
          'Ride trending topics quickly — and only when they fit the brand',
          'Get the organisation verified (blue V) for credibility',
          'Answer comments promptly: the comment section is both customer service and reputation front line',
        ],
      },
    },
  },
  douyin: {
    name: { 'zh-CN': '抖音', 'en-US': 'Douyin' },
    type: 'comprehensive',
    bioContactDiscouraged: true,
    limits: {
      name: { min: 1, max: 20, lengthUnit: 'char' },
      bio: { min: 0, max: 250, lengthUnit: 'char' },
      verified: false,
      source: 'Commonly quoted: 昵称 ≤ 20 字, 简介 ≤ 250 字. Not verified against Douyin.',
    },
    guide: {
      'zh-CN': {
        summary: '算法推荐的短视频和直播平台，从种草到成交链路完整，本地生活能力强。',
        strengths: [
          '按兴趣推荐分发，新账号的好内容也有机会获得大流量',
          '短视频、直播和抖音商城打通，种草到下单一站完成',
          '团购和门店等本地生活能力适合线下商家',
        ],
        contentForms: ['竖屏短视频', '直播', '图文（图集）', '商品橱窗与团购'],
        audience: '用户规模大，覆盖各年龄和城市层级，偏好娱乐、生活、知识和购物内容。',
        tips: [
          '前 3 秒决定是否被划走：开头直接给结论或冲突',
          '定位垂直、风格统一，更容易被推荐给对的人',
          '简介不要留手机号、微信等站外联系方式，容易被限流',
        ],
      },
      'en-US': {
        summary:
          'Algorithm-driven short video and live streaming (the Chinese TikTok), with a full path from discovery to purchase and strong local services.',
        strengths: [
          'Interest-based feeds: good content from a new account can still reach a large audience',
          'Videos, live streams and the Douyin shop connect discovery and checkout',
          'Group deals and store pages suit local, offline businesses',
        ],
        contentForms: [
          'Vertical short videos',
          'Live streams',
          'Image carousels',
          'Product showcase and group deals',
        ],
        audience:
          'Very large, across ages and city tiers; favours entertainment, lifestyle, how-to and shopping content.',
        tips: [
          'The first 3 seconds decide whether viewers swipe away: open with the payoff or a conflict',
          'A focused niche and a consistent style help the algorithm find the right viewers',
          'Keep phone numbers and WeChat ids out of the bio — diversion gets accounts throttled',
        ],
      },
    },
  },
  xiaohongshu: {
    name: { 'zh-CN': '小红书', 'en-US': 'Xiaohongshu' },
    type: 'vertical',
    bioContactDiscouraged: true,
    limits: {
      name: { min: 1, max: 24, lengthUnit: 'char' },
      bio: { min: 0, max: 100, lengthUnit: 'char' },
      verified: false,
      source: 'Commonly quoted: 昵称 ≤ 24 字符, 简介 ≤ 100 字. Not verified against Xiaohongshu.',
    },
    guide: {
      'zh-CN': {
        summary: '生活方式种草和口碑决策社区，用户常先搜索笔记再购买。',
        strengths: [
          '搜索心智强，优质笔记能被长期搜到，长尾流量明显',
          '真实体验分享容易建立口碑',
          '适合美妆、时尚、母婴、家居、旅行、美食等消费品类',
        ],
        contentForms: ['图文笔记', '视频笔记', '直播', '店铺与商品笔记'],
        audience: '以年轻女性和一二线城市用户为主，消费意愿和审美要求较高。',
        tips: [
          '标题、封面和正文写进用户会搜的关键词',
          '真实体验比硬广有效；商业合作要走平台报备（蒲公英）',
          '简介和笔记里不要留微信、电话、二维码等站外联系方式，平台严查引流',
        ],
      },
      'en-US': {
        summary:
          'A lifestyle recommendation and review community (“RED”) where users search notes before they buy.',
        strengths: [
          'Search-driven: good notes keep being found for months (long-tail traffic)',
          'Authentic first-hand experiences build word of mouth',
          'Suits beauty, fashion, parenting, home, travel and food',
        ],
        contentForms: ['Image notes', 'Video notes', 'Live streams', 'Store and product notes'],
        audience:
          'Mostly young women in first- and second-tier cities, with high spending intent and taste expectations.',
        tips: [
          'Put the words users search for into titles, covers and text',
          'Real experience beats hard selling; paid collaborations must be declared through the platform (Pugongying)',
          'Keep WeChat ids, phone numbers and QR codes out of the bio and notes — diversion is strictly punished',
        ],
      },
    },
  },
  bilibili: {
    name: { 'zh-CN': 'B站', 'en-US': 'Bilibili' },
    type: 'vertical',
    bioContactDiscouraged: false,
    limits: {
      name: { min: 1, max: 16, lengthUnit: 'char' },
      bio: { min: 0, max: 70, lengthUnit: 'char' },
      verified: false,
      source: 'Commonly quoted: 昵称 ≤ 16 字符, 签名 ≤ 70 字. Not verified against Bilibili.',
    },
    guide: {
      'zh-CN': {
        summary: '以中长视频和社区文化见长的兴趣视频社区，用户粘性和互动高。',
        strengths: [
          '弹幕、评论和“三连”带来高互动和高粘性',
          '适合知识科普、游戏、动漫、科技数码测评等深度内容',
          '好视频能长期被搜索和推荐',
        ],
        contentForms: ['中长视频', '短视频', '直播', '专栏文章', '动态'],
        audience: '以 Z 世代年轻人为主，学生和年轻职场人多，看重真诚和内容质量，反感生硬广告。',
        tips: [
          '尊重社区文化，商单要自然融入内容并按规定标注',
          '封面标题清晰；系列内容用合集或分P整理',
          '多和弹幕、评论互动，粉丝粘性来自长期陪伴',
        ],
      },
      'en-US': {
        summary:
          'An interest-based video community known for mid-length videos and its own culture, with loyal, highly engaged users.',
        strengths: [
          'Bullet comments (danmaku), comments and “triple likes” make engagement high',
          'Suits explainers, gaming, anime, tech and product reviews — in-depth content',
          'Good videos keep being found through search and recommendations',
        ],
        contentForms: ['Mid-length videos', 'Short videos', 'Live streams', 'Articles', 'Posts'],
        audience:
          'Mostly Gen Z: students and young professionals who value sincerity and quality and dislike blunt ads.',
        tips: [
          'Respect the community culture; sponsored content must fit the video and be labelled',
          'Clear covers and titles; organise series into collections or parts',
          'Reply to bullet comments and comments — loyalty comes from being there over time',
        ],
      },
    },
  },
  kuaishou: {
    name: { 'zh-CN': '快手', 'en-US': 'Kuaishou' },
    type: 'comprehensive',
    bioContactDiscouraged: false,
    limits: {
      name: { min: 1, max: 12, lengthUnit: 'char' },
      bio: { min: 0, max: 200, lengthUnit: 'char' },
      verified: false,
      source: 'Uncertain: 昵称 ≤ 12 字 is sometimes quoted; the bio limit is a lenient guess.',
    },
    guide: {
      'zh-CN': {
        summary: '强调社区信任关系的短视频和直播平台，直播电商和复购突出。',
        strengths: [
          '“老铁”文化带来强信任和高粉丝粘性',
          '直播带货成熟，熟客复购好',
          '三四线城市和县城用户覆盖广',
        ],
        contentForms: ['短视频', '直播', '直播带货', '快手小店'],
        audience: '下沉市场用户占比高，偏好真实、接地气的内容。',
        tips: ['真实人设和稳定开播比精致制作更重要', '多和粉丝互动建立信任，复购来自关系'],
      },
      'en-US': {
        summary:
          'Short video and live streaming built on community trust, strong in live commerce and repeat buying.',
        strengths: [
          'A close-knit “laotie” (buddy) culture gives strong trust and loyal followers',
          'Mature live commerce with good repeat purchases',
          'Wide reach in smaller cities and county towns',
        ],
        contentForms: ['Short videos', 'Live streams', 'Live selling', 'Kuaishou shop'],
        audience:
          'Many users from lower-tier cities and rural areas, who prefer real, down-to-earth content.',
        tips: [
          'An authentic persona and regular live streams matter more than polished production',
          'Talk with followers to build trust — repeat sales come from the relationship',
        ],
      },
    },
  },
  zhihu: {
    name: { 'zh-CN': '知乎', 'en-US': 'Zhihu' },
    type: 'vertical',
    bioContactDiscouraged: false,
    limits: {
      name: { min: 1, max: 20, lengthUnit: 'char' },
      bio: { min: 0, max: 100, lengthUnit: 'char' },
      verified: false,
      source:
        'Uncertain: no authoritative public figure found. Bio is treated as the 一句话介绍 shown under the name; lenient guesses.',
    },
    guide: {
      'zh-CN': {
        summary: '问答和专业长内容社区，适合建立专业信任和口碑。',
        strengths: [
          '优质回答长期被站内和搜索引擎检索，长尾流量稳定',
          '专业、有依据的内容能建立信任',
          '适合教育、科技数码、职场、金融、健康等需要决策的行业',
        ],
        contentForms: ['回答', '文章', '想法', '视频', '直播'],
        audience: '受教育程度较高的年轻人和职场人，偏好有依据、有深度的内容。',
        tips: [
          '挑关注度高的相关问题作答，用经验和数据说话',
          '硬广和过度营销容易被反感、折叠',
          '完成个人或机构认证提升可信度',
        ],
      },
      'en-US': {
        summary:
          'A Q&A and long-form expert community (like Quora), good for professional trust and reputation.',
        strengths: [
          'Good answers keep being found on-site and via search engines — steady long-tail traffic',
          'Expert, well-sourced content builds trust',
          'Suits considered purchases: education, tech, careers, finance, health',
        ],
        contentForms: ['Answers', 'Articles', 'Short posts (Pins)', 'Video', 'Live streams'],
        audience: 'Well-educated young people and professionals who want evidence and depth.',
        tips: [
          'Answer popular questions in your field with experience and data',
          'Hard selling is disliked and gets folded away',
          'Verify the person or organisation to add credibility',
        ],
      },
    },
  },
  community: {
    name: { 'zh-CN': '社群', 'en-US': 'Community groups (WeChat/WeCom)' },
    type: 'messaging',
    bioContactDiscouraged: false,
    limits: {
      name: NO_LIMIT_NAME,
      bio: NO_LIMIT_BIO,
      verified: false,
      source: 'Group names and announcements have no length rule we check.',
    },
    guide: {
      'zh-CN': {
        summary: '微信群和企业微信群，直接触达已有用户，适合维护老客、做服务和复购。',
        strengths: [
          '消息直达，通知到达率高',
          '适合老客维护、活动通知、答疑和复购',
          '企业微信提供客户标签、群发和入群欢迎语等工具',
        ],
        contentForms: [
          '群消息（文字、图片、链接、小程序）',
          '群公告',
          '接龙和群直播',
          '客户朋友圈（企业微信）',
        ],
        audience: '已经认识你或买过你产品的人，信任度高，但也容易被打扰。',
        tips: [
          '定好群规，讲清入群能得到什么（福利、答疑、资讯）',
          '控制发消息频率，刷屏会导致退群',
        ],
      },
      'en-US': {
        summary:
          'WeChat and WeCom groups: direct reach to existing customers, for retention, service and repeat purchases.',
        strengths: [
          'Messages land directly, so announcements are seen',
          'Good for retention, event notices, Q&A and repeat purchases',
          'WeCom adds customer tags, broadcast messages and welcome messages',
        ],
        contentForms: [
          'Group messages (text, images, links, mini programs)',
          'Group announcements',
          'Sign-up lists and group live streams',
          'Customer Moments (WeCom)',
        ],
        audience:
          'People who already know you or have bought from you: high trust, but easily annoyed.',
        tips: [
          'Set group rules and say clearly what members get (perks, answers, news)',
          'Limit how often you post — flooding the group makes people leave',
        ],
      },
    },
  },
  other: {
    name: { 'zh-CN': '其他', 'en-US': 'Other' },
    type: 'other',
    bioContactDiscouraged: false,
    limits: {
      name: NO_LIMIT_NAME,
      bio: NO_LIMIT_BIO,
      verified: false,
      source: 'Unknown platform: no length rule we check.',
    },
    guide: {
      'zh-CN': {
        summary: '以上之外的平台或渠道，如官网、小程序或线下门店。',
        strengths: ['可以把主流平台以外的渠道也纳入统一管理'],
        contentForms: ['视平台而定'],
        audience: '视平台而定。',
        tips: ['按该平台的官方规则填写名称和简介；运策只做通用检查，不检查长度上限'],
      },
      'en-US': {
        summary:
          'Any platform or channel not listed, such as a website, mini program or physical store.',
        strengths: ['Lets you manage channels beyond the major platforms in one place'],
        contentForms: ['Depends on the platform'],
        audience: 'Depends on the platform.',
        tips: [
          'Follow that platform’s own rules for name and bio; Yunce runs only the generic checks, no length limits',
        ],
      },
    },
  },
};

/** The platform's display name in `locale`, e.g. `platformName('xiaohongshu', 'zh-CN')` → 小红书. */
export function platformName(platform: TPlatform, locale: TLocale): string {
  return PLATFORM_INFO[platform].name[locale];
}

/** The platform type's display name in `locale`, e.g. 垂直类 / Vertical. */
export function platformTypeName(type: TPlatformType, locale: TLocale): string {
  return PLATFORM_TYPE_INFO[type].name[locale];
}

/** The platform guide (strengths, content forms, audience, tips) in `locale`. */
export function platformGuide(platform: TPlatform, locale: TLocale): TPlatformGuide {
  return PLATFORM_INFO[platform].guide[locale];
}

/** Platforms of one type, in the contract's platform order. */
export function platformsOfType(type: TPlatformType): TPlatform[] {
  return PLATFORMS.filter((p) => PLATFORM_INFO[p].type === type);
}
