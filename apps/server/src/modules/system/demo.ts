import { eq } from 'drizzle-orm';
import type { TCreateAccountBody, TPlatform } from '@yunce/contracts';
import type { Database } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import { hashPassword, randomToken } from '../../platform/auth/secrets';
import type { MemberActor } from '../../platform/actor';
import type { Services } from '../../services';
import { users } from '../auth/auth.tables';
import { ingestRows } from '../analytics/analytics.ingest';
import { generateDemoMetrics } from '../analytics/demo-metrics';
import { addDays, zonedDate } from '@yunce/core';

export const DEMO_EMAIL = 'demo@yunce.local';
export const DEMO_WORKSPACE = '示例店铺';

// A coffee brand's accounts, some well kept and some with the gaps the profile check is for.
const DEMO_ACCOUNTS: TCreateAccountBody[] = [
  {
    platform: 'wechat_oa',
    name: '小鹿咖啡',
    handle: 'xiaolu_coffee',
    bio: '小鹿咖啡官方公众号：每周分享手冲咖啡教程、新品上架和门店活动。',
    category: '餐饮·咖啡',
    purpose: 'customer_interaction',
    persona: {
      ageBands: ['25_30', '31_40'],
      gender: 'all',
      regions: ['上海', '杭州'],
      interests: ['咖啡', '生活方式'],
      consumptionHabits: '工作日早晨外带，周末到店',
    },
    toneOfVoice: '温暖、专业、不说教',
    postingPlan: { postsPerWeek: 3 },
  },
  {
    platform: 'xiaohongshu',
    name: '小鹿咖啡研究所',
    handle: 'xiaolu.lab',
    bio: '专注精品咖啡｜好物测评｜在家做一杯好咖啡的攻略',
    category: '美食',
    purpose: 'brand_exposure',
    persona: {
      ageBands: ['18_24', '25_30'],
      gender: 'female',
      regions: ['一线城市'],
      interests: ['咖啡', '探店', '家居'],
      consumptionHabits: '愿意为颜值和品质付费',
    },
    toneOfVoice: '闺蜜聊天式，真诚分享',
    postingPlan: { postsPerWeek: 5 },
  },
  {
    platform: 'douyin',
    name: '★小鹿咖啡★官方旗舰店直播间每日上新',
    handle: 'xiaolucoffee',
    bio: '',
    category: '餐饮',
    purpose: 'sales',
    postingPlan: { postsPerWeek: 7 },
  },
  {
    platform: 'weibo',
    name: '小鹿咖啡XiaoluCoffee',
    handle: 'xiaolucoffee',
    bio: '欢迎关注',
    category: null,
    purpose: null,
  },
  {
    platform: 'bilibili',
    name: '小鹿咖啡手冲课',
    handle: '3546xxxx',
    bio: '零基础手冲咖啡教程，每周更新一集。',
    category: '知识·美食',
    purpose: 'brand_exposure',
    persona: {
      ageBands: ['18_24'],
      gender: 'all',
      regions: [],
      interests: ['咖啡', '教程'],
      consumptionHabits: '',
    },
    postingPlan: { postsPerWeek: 1 },
  },
  {
    platform: 'community',
    name: '小鹿咖啡会员群',
    bio: '会员专属福利、新品试饮报名和咖啡问答。',
    category: '会员社群',
    purpose: 'service',
    postingPlan: { postsPerWeek: 5 },
  },
];

export type DemoLogin = { email: string; password: string; workspaceId: string; created: boolean };

/**
 * Creates the demo person, workspace and accounts; when they exist already, gives the demo person
 * a fresh password (the only copy is the one returned) so a lost login can be recovered.
 */
export async function ensureDemo(
  database: Database,
  services: Services,
  clock: Clock,
): Promise<DemoLogin> {
  const { db } = database;
  const password = randomToken(9);
  const existing = await db.query.users.findFirst({ where: eq(users.email, DEMO_EMAIL) });
  if (existing) {
    await db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: clock.now() })
      .where(eq(users.id, existing.id));
    const ws = await services.workspaces.findWorkspacesOfUser(existing.id);
    return { email: DEMO_EMAIL, password, workspaceId: ws[0]?.id ?? '', created: false };
  }
  const signedUp = await services.auth.signUp(
    {
      email: DEMO_EMAIL,
      password,
      displayName: '演示运营',
      workspaceName: DEMO_WORKSPACE,
      locale: 'zh-CN',
    },
    { ip: null, userAgent: 'yunce demo' },
    'zh-CN',
  );
  await services.auth.signOut(signedUp.token);
  const workspaceId = signedUp.session.workspaces[0]?.id;
  if (!workspaceId) throw new Error('demo workspace was not created');
  const member: MemberActor = {
    workspaceId,
    role: 'owner',
    userId: signedUp.session.user.id,
    tokenId: null,
    ip: null,
  };
  const created = [];
  for (const account of DEMO_ACCOUNTS) {
    created.push(await services.accounts.createAccount(member, account, 'zh-CN'));
  }
  await seedDemoAnalytics(database, services, clock, member, created);
  return { email: DEMO_EMAIL, password, workspaceId, created: true };
}

/**
 * A year of deterministic metrics for the demo accounts (posts, daily account figures) and two
 * goals, so every chart and report has something true to its data to show. Marked source 'demo'.
 */
async function seedDemoAnalytics(
  database: Database,
  services: Services,
  clock: Clock,
  member: MemberActor,
  created: {
    id: string;
    platform: TPlatform;
    name: string;
    postingPlan: { postsPerWeek: number } | null;
  }[],
): Promise<void> {
  const timeZone = 'Asia/Shanghai';
  const today = zonedDate(clock.now(), timeZone);
  const data = generateDemoMetrics({
    seed: 20260101,
    today,
    accounts: created
      .filter((a) => a.platform !== 'community')
      .map((a) => ({
        id: a.id,
        platform: a.platform,
        name: a.name,
        postsPerWeek: a.postingPlan?.postsPerWeek ?? null,
      })),
  });
  const at = clock.now();
  for (const d of data) {
    await database.db.transaction(async (tx) => {
      const base = {
        workspaceId: member.workspaceId,
        accountId: d.accountId,
        source: 'demo',
        importId: null,
        at,
      };
      await ingestRows(tx, { ...base, grain: 'account', rows: d.accountRows });
      await ingestRows(tx, { ...base, grain: 'content', rows: d.postRows });
    });
  }
  const monthStart = `${today.slice(0, 7)}-01`;
  const xhs = created.find((a) => a.platform === 'xiaohongshu');
  const yearly = await services.goals.create(
    member,
    {
      name: '全网阅读/播放 年度增长',
      metric: 'views',
      scope: 'workspace',
      baseline: 0,
      target: 13_000_000,
      startDate: addDays(today, -300),
      endDate: addDays(today, 65),
      note: '演示目标：按各平台导出的阅读/播放量累计计算。',
    },
    'zh-CN',
  );
  if (xhs) {
    const series = await services.analytics.dailySeries(
      {
        workspaceId: member.workspaceId,
        from: addDays(monthStart, -1),
        to: addDays(monthStart, -1),
        accountIds: [xhs.id],
        platform: null,
      },
      'followersTotal',
    );
    const start = series[0]?.value ?? 0;
    await services.goals.create(
      member,
      {
        name: '小红书本月涨粉',
        metric: 'followersTotal',
        scope: 'account',
        accountId: xhs.id,
        baseline: start,
        target: Math.round(start * 1.08),
        startDate: monthStart,
        endDate: addDays(addDays(monthStart, 32).slice(0, 8) + '01', -1),
        parentId: yearly.id,
        note: '演示目标：月末粉丝数比月初增长 8%。',
      },
      'zh-CN',
    );
  }
  // What the daily watch would have raised over the last two weeks (the planted drop included).
  await services.insights.watch({ sinceDays: 14, workspaceId: member.workspaceId });
}
