import path from 'node:path';
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
 * An operator imports a 小红书 export, sees it on the dashboard, sets a goal and reads its
 * forecast, then opens the report.
 */
let server: RunningServer;
let browser: Browser;
const FIXTURE = path.resolve(
  import.meta.dirname,
  '../apps/server/src/modules/analytics/import/fixtures/xiaohongshu-notes.xlsx',
);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function api<T>(page: Page, method: 'GET' | 'POST', p: string, data?: unknown): Promise<T> {
  return apiAs<T>(page, server.url, method, p, data);
}

describe('analytics journey', () => {
  it('imports a 小红书 file, shows it on the dashboard, forecasts a goal and opens the report', async () => {
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN' })
    ).newPage();
    page.setDefaultTimeout(20_000);
    const w = await signUpInBrowser(page, server.url, {
      displayName: '数据运营',
      email: 'data@example.com',
      workspaceName: '小鹿咖啡',
    });
    await api(page, 'POST', `/workspaces/${w}/accounts`, {
      platform: 'xiaohongshu',
      name: '小鹿咖啡研究所',
    });

    // Import: choose the account and the file, preview, confirm.
    await page.goto(`${server.url}/w/${w}/analytics/import`);
    await page.getByTestId('import-account').click();
    await page.locator('.ant-select-item-option', { hasText: '小鹿咖啡研究所' }).click();
    await page.locator('input[type="file"]').setInputFiles(FIXTURE);
    await page.getByTestId('import-preview-button').click();
    await expect
      .poll(() => page.getByTestId('import-detected-preset').innerText())
      .toContain('小红书');
    await expect.poll(() => page.getByTestId('import-preview').innerText()).toContain('4');
    await shot(page, 'analytics-import-preview');
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-done').waitFor();
    await shot(page, 'analytics-import-done');

    // The dashboard for the months the notes were published in.
    await page.goto(`${server.url}/w/${w}/analytics/dashboard?from=2026-03-01&to=2026-04-30`);
    await page.getByTestId('kpi-cards').waitFor();
    await expect.poll(() => page.getByTestId('kpi-cards').innerText()).toMatch(/8,?340/);
    await expect
      .poll(() => page.getByTestId('analytics-content').innerText())
      .toContain('露营装备清单');
    await page.waitForTimeout(500);
    await shot(page, 'analytics-dashboard');

    // A goal on views for the period: its forecast and SMART letters.
    await page.goto(`${server.url}/w/${w}/goals`);
    await page.getByTestId('goal-new').first().click();
    await page.getByTestId('goal-drawer').waitFor();
    await page.getByTestId('goal-name').fill('春季观看 1 万');
    await page.getByTestId('goal-target').fill('10000');
    await page.getByTestId('goal-smart').waitFor();
    await shot(page, 'goal-new');
    const goal = await api<{ id: string }>(page, 'POST', `/workspaces/${w}/goals`, {
      name: '三四月观看 1 万',
      metric: 'views',
      scope: 'workspace',
      baseline: 0,
      target: 10000,
      startDate: '2026-03-01',
      endDate: '2026-04-30',
    });
    await page.goto(`${server.url}/w/${w}/goals/${goal.id}`);
    await page.getByTestId('goal-explanation').waitFor();
    await expect.poll(() => page.getByTestId('goal-summary').innerText()).toMatch(/8,?340/);
    await page.waitForTimeout(500);
    await shot(page, 'goal-detail');

    // The monthly report of March.
    await page.goto(`${server.url}/w/${w}/analytics/reports?kind=monthly&date=2026-03-15`);
    await page.getByTestId('report-title').waitFor();
    await expect.poll(() => page.getByTestId('report-title').innerText()).toContain('2026-03-01');
    await expect.poll(() => page.getByTestId('report-view').innerText()).toContain('露营装备清单');
    await page.waitForTimeout(500);
    await shot(page, 'analytics-report');
  });
});
