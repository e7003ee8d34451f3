import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, shot, startServer, type RunningServer } from './support';

/** The first start of a fresh install: the demo login it prints works and shows the demo shop. */
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ YUNCE_DEMO: '1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('demo workspace', () => {
  it('signs in with the printed demo login and shows the demo accounts, their checks and the audit log', async () => {
    const login = fs.readFileSync(path.join(server.dataDir, 'demo-login.txt'), 'utf8');
    const password = /password: (\S+)/.exec(login)?.[1] ?? '';
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
    page.setDefaultTimeout(15_000);

    await page.goto(`${server.url}/sign-in`);
    await page.getByTestId('signin-email').fill('demo@yunce.local');
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-password').press('Enter');
    await page.waitForURL(/\/w\/[0-9a-f-]{36}\//);
    await expect
      .poll(() => page.getByTestId('workspace-switcher').innerText())
      .toContain('示例店铺');

    await page.getByTestId('nav-accounts').click();
    const table = page.getByTestId('accounts-table');
    await expect.poll(() => table.innerText()).toContain('小鹿咖啡研究所');
    expect(await table.innerText()).toContain('小鹿咖啡会员群');
    await shot(page, 'demo-accounts');

    await page.getByText('★小鹿咖啡★官方旗舰店直播间每日上新').click();
    await expect.poll(() => page.getByTestId('profile-check').innerText()).toMatch(/简介/);
    await shot(page, 'demo-account-detail');

    await page.getByTestId('nav-settings-audit').click();
    await expect.poll(() => page.getByTestId('audit-table').innerText()).toMatch(/账号|account/);
    await shot(page, 'demo-audit');

    // A year of demo metrics: the dashboard has numbers, the heatmap recommends slots.
    const w = /\/w\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.goto(`${server.url}/w/${w}/analytics/dashboard?range=30d`);
    await expect
      .poll(() => page.getByTestId('kpi-cards').innerText())
      .toMatch(/阅读\/播放\s*[\d,.]+万?/);
    await page.waitForTimeout(800);
    await shot(page, 'demo-dashboard');
    await page.getByTestId('analytics-heatmap').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await shot(page, 'demo-dashboard-heatmap');
    await page.goto(`${server.url}/w/${w}/goals`);
    await expect.poll(() => page.locator('main').innerText()).toContain('小红书本月涨粉');
    await shot(page, 'demo-goals');
    await page.goto(`${server.url}/w/${w}/analytics/reports?kind=weekly`);
    await page.getByTestId('report-title').waitFor();
    await page.waitForTimeout(800);
    await shot(page, 'demo-weekly-report');
  });
});
