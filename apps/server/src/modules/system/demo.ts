import { eq } from 'drizzle-orm';
import type { TCreateAccountBody } from '@yunce/contracts';
import type { Database } from '../../platform/db/client';
import type { Clock } from '../../platform/clock';
import { hashPassword, randomToken } from '../../platform/auth/secrets';
import type { MemberActor } from '../../platform/actor';
import type { Services } from '../../services';
import { users } from '../auth/auth.tables';

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
  for (const account of DEMO_ACCOUNTS) {
    await services.accounts.createAccount(member, account, 'zh-CN');
  }
  return { email: DEMO_EMAIL, password, workspaceId, created: true };
}
