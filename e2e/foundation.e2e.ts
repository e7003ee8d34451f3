import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, shot, startServer, type RunningServer } from './support';

/**
 * A new operator's first visit: sign up → create an account → read its profile check →
 * switch to English → sign out. Screenshots land in e2e/screenshots/.
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

describe('foundation journey', () => {
  it('signs up, creates an account, reads its profile check, switches to English and signs out', async () => {
    const page = await browser.newPage({
      viewport: { width: 1360, height: 1000 },
      locale: 'zh-CN',
    });
    page.setDefaultTimeout(15_000);

    await page.goto(`${server.url}/sign-up`);
    await page.getByTestId('signup-display-name').fill('林小鹿');
    await page.getByTestId('signup-email').fill('lin@example.com');
    await page.getByTestId('signup-password').fill('a long enough password');
    await page.getByTestId('signup-workspace-name').fill('小鹿咖啡');
    await shot(page, '01-sign-up');
    await page.getByTestId('signup-submit').click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}\//);
    await expect
      .poll(() => page.getByTestId('workspace-switcher').innerText())
      .toContain('小鹿咖啡');
    await shot(page, '02-today');

    await page.getByTestId('nav-accounts').click();
    await page.waitForURL(/\/accounts$/);
    await page.getByTestId('new-account').first().click();
    await page.getByTestId('account-platform-xiaohongshu').click();
    await expect.poll(() => page.getByTestId('platform-guide').innerText()).toContain('小红书');
    await page.getByTestId('account-name').fill('★小鹿咖啡研究所★');
    await page.getByTestId('account-handle').fill('xiaolu.lab');
    await page.getByTestId('account-bio').fill('欢迎关注，加V：xiaolu123');
    await shot(page, '03-account-form');
    await page.getByTestId('account-save').click();

    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}$/);
    const check = page.getByTestId('profile-check');
    await expect.poll(() => check.innerText()).toMatch(/头像/);
    const text = await check.innerText();
    // The odd characters in the name and the contact details in the bio are both called out.
    expect(text).toMatch(/★|符号/);
    expect(text).toMatch(/联系方式|微信|导流|加V/);
    const score = Number(await page.getByTestId('profile-score-value').innerText());
    expect(score).toBeLessThan(80);
    await shot(page, '04-account-profile-check');
    // Every account starts as manual publishing, and says how that works.
    await expect
      .poll(() => page.getByTestId('account-connection').innerText())
      .toContain('今日运营');

    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('side-nav').innerText()).toContain('Accounts');
    await expect.poll(() => check.innerText()).toMatch(/avatar/i);
    await shot(page, '05-account-english');

    await page.getByTestId('nav-accounts').click();
    await page.waitForURL(/\/accounts$/);
    await expect.poll(() => page.getByTestId('accounts-table').innerText()).toContain('xiaolu.lab');
    await shot(page, '06-accounts-english');

    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/sign-in/);
    await shot(page, '07-signed-out');

    // The session is really gone: the app sends us back to sign in.
    await page.goto(`${server.url}/`);
    await page.waitForURL(/\/sign-in/);
  });
});
