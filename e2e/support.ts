import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SCREENSHOTS = path.join(ROOT, 'e2e', 'screenshots');

export type RunningServer = { url: string; dataDir: string; stop(): Promise<void> };

/** Starts the real server program on a fresh data folder and a free port. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yunce-e2e-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    YUNCE_DATA_DIR: dataDir,
    PORT: '0',
    YUNCE_DEMO: '0',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'apps/server/bin/yunce.mjs'), 'start'],
    { env },
  );
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const check = setInterval(() => {
      const m = /serving http:\/\/[^:]+:(\d+)/.exec(out);
      if (m) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(Number(m[1]));
      } else if (child.exitCode !== null) {
        clearInterval(check);
        clearTimeout(timer);
        reject(new Error(`server exited:\n${out}`));
      }
    }, 100);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this environment needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Saves a screenshot under e2e/screenshots. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The viewport, not the full page: the app's fixed header and side menu smear across full-page captures.
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** Calls the API as the page's signed-in person (its cookie, plus the CSRF token for writes). */
export async function apiAs<T>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  data?: unknown,
): Promise<T> {
  const session = await page.request.get(`${baseUrl}/api/v1/auth/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data ? { data } : {}),
  });
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Signs a new person up through the sign-up page; returns the id of the workspace it created. */
export async function signUpInBrowser(
  page: Page,
  baseUrl: string,
  who: { displayName: string; email: string; workspaceName: string },
): Promise<string> {
  await page.goto(`${baseUrl}/sign-up`);
  await page.getByTestId('signup-display-name').fill(who.displayName);
  await page.getByTestId('signup-email').fill(who.email);
  await page.getByTestId('signup-password').fill('a long enough password');
  await page.getByTestId('signup-workspace-name').fill(who.workspaceName);
  await page.getByTestId('signup-submit').click();
  await page.waitForURL(/\/w\/[0-9a-f-]{36}\//);
  return /\/w\/([0-9a-f-]{36})\//.exec(page.url())?.[1] ?? '';
}
