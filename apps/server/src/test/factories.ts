import type { TPublication } from '@yunce/contracts';
import type { MemberActor } from '../platform/actor';
import type { Services } from '../services';

/**
 * Straight through the services: a new owner and workspace, a Weibo account, an item approved
 * by that owner, and its variant scheduled at `at`.
 */
export async function scheduledPost(
  services: Services,
  opts: { email: string; title: string; at: Date },
): Promise<{ member: MemberActor; accountId: string; itemId: string; publication: TPublication }> {
  const s = await services.auth.signUp(
    { email: opts.email, password: 'long password', displayName: 'x', workspaceName: 'w' },
    { ip: null, userAgent: null },
    'zh-CN',
  );
  const member: MemberActor = {
    workspaceId: s.session.workspaces[0]?.id ?? '',
    role: 'owner',
    userId: s.session.user.id,
    tokenId: null,
    ip: null,
  };
  const account = await services.accounts.createAccount(
    member,
    { platform: 'weibo', name: '微博' },
    'zh-CN',
  );
  const item = await services.content.createItem(
    member,
    { title: opts.title, body: '正文', format: 'article', variants: [{ accountId: account.id }] },
    'zh-CN',
  );
  await services.approval.submit(member, item.id, {}, 'zh-CN');
  await services.approval.decide(member, item.id, { decision: 'approve' }, 'zh-CN');
  const [publication] = await services.publishing.schedule(member, item.id, {
    targets: [{ accountId: account.id, at: opts.at.toISOString() }],
  });
  if (!publication) throw new Error('nothing was scheduled');
  return { member, accountId: account.id, itemId: item.id, publication };
}
