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
 * A manual-connector post scheduled a minute ahead lands on Today at its time with its text to
 * copy; the operator records the URL and the item counts as published.
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

describe('manual publishing journey', () => {
  it('reminds on Today at the time, takes the post URL, and shows the item published', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1360, height: 1000 }, locale: 'zh-CN' })
    ).newPage();
    page.setDefaultTimeout(20_000);
    const w = await signUpInBrowser(page, server.url, {
      displayName: '林小鹿',
      email: 'manual@example.com',
      workspaceName: '小鹿咖啡',
    });

    const account = await api<{ id: string }>(page, 'POST', `/workspaces/${w}/accounts`, {
      platform: 'xiaohongshu',
      name: '小鹿咖啡研究所',
    });
    const item = await api<{ id: string }>(page, 'POST', `/workspaces/${w}/content`, {
      title: '桂花拿铁上新',
      body: '秋天的第一杯桂花拿铁，周末到店尝尝。',
      format: 'article',
      variants: [{ accountId: account.id, hashtags: ['#桂花拿铁#'] }],
    });
    await api(page, 'POST', `/workspaces/${w}/content/${item.id}/submit`, {});
    await api(page, 'POST', `/workspaces/${w}/content/${item.id}/decisions`, {
      decision: 'approve',
    });
    const at = new Date(Date.now() + 60_000).toISOString();
    const { publications } = await api<{
      publications: { id: string; scheduledLocal: string; timeZone: string }[];
    }>(page, 'POST', `/workspaces/${w}/content/${item.id}/schedule`, {
      targets: [{ accountId: account.id, at }],
    });
    const pub = publications[0]!;
    expect(pub.timeZone).toBe('Asia/Shanghai');

    await page.goto(`${server.url}/w/${w}/today`);
    await expect.poll(() => page.getByTestId('today-due').innerText()).toContain('桂花拿铁上新');
    await shot(page, 'publish-01-today-scheduled');

    // At its time the worker hands it to a person.
    await expect
      .poll(async () => (await page.reload(), await page.getByTestId('today-manual').innerText()), {
        timeout: 100_000,
        interval: 3_000,
      })
      .toContain('秋天的第一杯桂花拿铁');
    await shot(page, 'publish-02-today-manual');
    await expect
      .poll(
        async () => {
          // The bell and the Today list load side by side, so the bell may have been read just
          // before the worker's commit; it refreshes every 30 s, a reload is quicker.
          await page.reload();
          await page.getByTestId('today-manual').waitFor();
          await page.waitForLoadState('networkidle');
          return Number(
            (await page.getByTestId('notifications-bell').locator('..').innerText()).replace(
              /\D/g,
              '',
            ) || 0,
          );
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);

    await page
      .getByTestId(`today-url-${pub.id}`)
      .fill('https://www.xiaohongshu.com/explore/abc123');
    await page.getByTestId(`today-published-${pub.id}`).click();
    await expect
      .poll(() => page.getByTestId('today-manual').innerText())
      .not.toContain('秋天的第一杯桂花拿铁');

    await page.goto(`${server.url}/w/${w}/content/${item.id}`);
    await expect.poll(() => page.getByTestId('content-status').innerText()).toContain('已发布');
    await expect
      .poll(() => page.getByTestId('content-publications').innerText())
      .toContain('https://www.xiaohongshu.com/explore/abc123');
    await shot(page, 'publish-03-published');
    await page.goto(`${server.url}/w/${w}/content/calendar`);
    await expect.poll(() => page.getByTestId(`calendar-item-${item.id}`).count()).toBe(1);
  }, 180_000);
});
