import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  apiAs,
  launchBrowser,
  shot,
  startServer,
  type RunningServer,
  signUpInBrowser,
} from './support';

/**
 * Write → check → fix → submit → a lead approves → it sits on the calendar → drag it to another
 * day. Screenshots land in e2e/screenshots/.
 */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function api<T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  return apiAs<T>(page, server.url, method, path, data);
}

function shanghaiDate(offsetDays: number): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
}

describe('content journey', () => {
  it('catches banned wording, gets approved by a lead and is rescheduled on the calendar', async () => {
    const owner = await (
      await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'zh-CN' })
    ).newPage();
    owner.setDefaultTimeout(15_000);
    const workspaceId = await signUpInBrowser(owner, server.url, {
      displayName: '林小鹿',
      email: 'owner@example.com',
      workspaceName: '小鹿咖啡',
    });

    const account = await api<{ id: string }>(
      owner,
      'POST',
      `/workspaces/${workspaceId}/accounts`,
      { platform: 'xiaohongshu', name: '小鹿咖啡研究所' },
    );
    const invite = await api<{ token: string }>(
      owner,
      'POST',
      `/workspaces/${workspaceId}/invitations`,
      { role: 'lead' },
    );

    await owner.goto(`${server.url}/w/${workspaceId}/content/new`);
    await owner.getByTestId('content-title').fill('周末特惠');
    await owner.getByTestId('content-body').fill('全网最低价的桂花拿铁，加V领取优惠券！');
    await owner.getByTestId('content-accounts').click();
    await owner.getByTitle('小红书 · 小鹿咖啡研究所').click();
    await owner.keyboard.press('Escape');
    // The editor marks both problems as the operator types.
    await expect
      .poll(() =>
        owner.locator('[data-testid="content-body-marks"] mark[data-severity="block"]').count(),
      )
      .toBeGreaterThanOrEqual(2);
    const findings = await owner.getByTestId('content-findings').innerText();
    expect(findings).toContain('全网最低价');
    expect(findings).toContain('加V');
    await shot(owner, 'content-01-highlights');

    await owner.getByTestId('content-save').click();
    await owner.waitForURL(/\/content\/[0-9a-f-]{36}$/);
    const itemId = /\/content\/([0-9a-f-]{36})$/.exec(owner.url())?.[1] ?? '';
    // Submitting with blocking findings is refused and explained.
    await owner.getByTestId('content-submit').click();
    await expect.poll(() => owner.getByText('存在阻断级合规问题').count()).toBeGreaterThan(0);
    await shot(owner, 'content-02-blocked');
    await owner.keyboard.press('Escape');

    await owner.getByTestId('content-body').fill('超值的桂花拿铁，评论区留言领取优惠券！');
    await expect
      .poll(() =>
        owner.locator('[data-testid="content-body-marks"] mark[data-severity="block"]').count(),
      )
      .toBe(0);
    await owner.getByTestId('content-save').click();
    await expect.poll(() => owner.getByTestId('content-status').innerText()).toContain('草稿');
    await owner.getByTestId('content-submit').click();
    await expect.poll(() => owner.getByTestId('content-status').innerText()).toContain('审核中');
    // Save then submit in quick succession made one item, not two.
    const listed = await api<{ items: { id: string; title: string }[] }>(
      owner,
      'GET',
      `/workspaces/${workspaceId}/content`,
    );
    expect(listed.items.map((i) => i.id)).toEqual([itemId]);

    // Plan it two days ahead (the editor's own field is covered by unit tests; the API is quicker here).
    const plannedDay = shanghaiDate(2);
    await api(owner, 'GET', `/workspaces/${workspaceId}/content/${itemId}`);

    const leadContext = await browser.newContext({
      viewport: { width: 1360, height: 1000 },
      locale: 'zh-CN',
    });
    const lead = await leadContext.newPage();
    lead.setDefaultTimeout(15_000);
    await lead.goto(`${server.url}/sign-up?invite=${invite.token}`);
    await lead.getByTestId('signup-display-name').fill('王主管');
    await lead.getByTestId('signup-email').fill('lead@example.com');
    await lead.getByTestId('signup-password').fill('another long password');
    await lead.getByTestId('signup-submit').click();
    await lead.waitForURL(/\/w\/[0-9a-f-]{36}\//);
    await lead.goto(`${server.url}/w/${workspaceId}/today`);
    await expect.poll(() => lead.getByTestId('today-approvals').innerText()).toContain('周末特惠');
    await shot(lead, 'content-03-lead-today');
    await lead.goto(`${server.url}/w/${workspaceId}/content/${itemId}`);
    await lead
      .getByTestId('approval-comment')
      .waitFor({ timeout: 15_000 })
      .catch(async (err: unknown) => {
        await shot(lead, 'debug-lead-item');
        console.log('DEBUG', lead.url(), await lead.locator('body').innerText());
        throw err;
      });
    await lead.getByTestId('approval-comment').fill('可以发');
    await lead.getByTestId('approval-approve').click();
    await expect.poll(() => lead.getByTestId('content-status').innerText()).toContain('已通过');
    await shot(lead, 'content-04-approved');

    // Planning does not change the approved text.
    const item = await api<{ version: number }>(
      lead,
      'GET',
      `/workspaces/${workspaceId}/content/${itemId}`,
    );
    const csrf = (
      (await (await lead.request.get(`${server.url}/api/v1/auth/session`)).json()) as {
        csrfToken: string;
      }
    ).csrfToken;
    const patched = await lead.request.fetch(
      `${server.url}/api/v1/workspaces/${workspaceId}/content/${itemId}`,
      {
        method: 'PATCH',
        headers: { 'x-csrf-token': csrf },
        data: {
          plannedAt: new Date(`${plannedDay}T10:00:00+08:00`).toISOString(),
          baseVersion: item.version,
        },
      },
    );
    expect(patched.ok()).toBe(true);

    await owner.goto(`${server.url}/w/${workspaceId}/content/calendar`);
    // Another day in the same month view, whatever today's date is.
    const targetDay =
      shanghaiDate(3).slice(0, 7) === plannedDay.slice(0, 7) ? shanghaiDate(3) : shanghaiDate(1);
    if (plannedDay.slice(0, 7) !== shanghaiDate(0).slice(0, 7))
      await owner.getByTestId('calendar-next').click();
    const card = owner.getByTestId(`calendar-item-${itemId}`);
    await expect
      .poll(() => owner.getByTestId(`calendar-day-${plannedDay}`).innerText())
      .toContain('周末特惠');
    await shot(owner, 'content-05-calendar');
    await card.dragTo(owner.getByTestId(`calendar-day-${targetDay}`));
    await expect
      .poll(() => owner.getByTestId(`calendar-day-${targetDay}`).innerText())
      .toContain('周末特惠');
    await owner.reload();
    await expect
      .poll(() => owner.getByTestId(`calendar-day-${targetDay}`).innerText())
      .toContain('周末特惠');
    await shot(owner, 'content-06-moved');
    expect(account.id).toBeTruthy();
  });
});
