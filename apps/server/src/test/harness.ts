import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { buildApp, type AppDeps, type RouteInfo } from '../app';
import { createSecretBox } from '../platform/secret-box';
import { createTestClock } from '../platform/clock';
import { loadConfig, type Config } from '../platform/config';
import { createMemoryStorage } from '../platform/storage';
import { CSRF_HEADER, SESSION_COOKIE } from '../platform/http/auth-hook';
import type { App } from '../platform/http/types';
import type { Services } from '../services';
import type { TSession } from '@yunce/contracts';
import { createTestDatabase, type TestDatabase } from './db';

export type TestApp = {
  app: App;
  services: Services;
  routes: RouteInfo[];
  db: TestDatabase;
  clock: ReturnType<typeof createTestClock>;
  config: Config;
  close(): Promise<void>;
};

/** A full app on a fresh database with a movable clock and in-memory file storage. */
export async function createTestApp(
  overrides: Partial<Config> = {},
  extra: Pick<AppDeps, 'connectors' | 'secretBox' | 'mailer' | 'eventFetch'> = {},
): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = createTestClock();
  const config = { ...loadConfig({ YUNCE_DATA_DIR: '/nonexistent-test-dir' }), ...overrides };
  const { app, services, routes } = await buildApp({
    config,
    database: db.database,
    clock,
    storage: createMemoryStorage(),
    serveWeb: false,
    secretBox: extra.secretBox ?? createSecretBox(randomBytes(32)),
    ...(extra.connectors ? { connectors: extra.connectors } : {}),
    ...(extra.mailer !== undefined ? { mailer: extra.mailer } : {}),
    ...(extra.eventFetch ? { eventFetch: extra.eventFetch } : {}),
  });
  await app.ready();
  return {
    app,
    services,
    routes,
    db,
    clock,
    config,
    async close() {
      await app.close();
      await db.cleanup();
    },
  };
}

/** A signed-in browser: its cookie and CSRF token, for `inject`. */
export type Agent = {
  cookie: string;
  csrf: string;
  session: TSession;
  userId: string;
  workspaceId: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
};

/** Reads the session cookie out of a response. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  return c?.value;
}

let counter = 0;
/** A unique email for a test person. */
export function uniqueEmail(label = 'user'): string {
  counter += 1;
  return `${label}${counter}.${Date.now().toString(36)}@example.com`;
}

export function agentFrom(t: TestApp, res: LightMyRequestResponse): Agent {
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error(`no session cookie (status ${res.statusCode}: ${res.body})`);
  const session = res.json<TSession>();
  return {
    cookie,
    csrf: session.csrfToken,
    session,
    userId: session.user.id,
    workspaceId: session.workspaces[0]?.id ?? '',
    request: (opts) =>
      t.app.inject({
        ...opts,
        cookies: { [SESSION_COOKIE]: cookie, ...(opts.cookies ?? {}) },
        headers: { [CSRF_HEADER]: session.csrfToken, ...(opts.headers ?? {}) },
      }),
  };
}

/** Signs up a new person with their own workspace. */
export async function signUp(
  t: TestApp,
  body: {
    email?: string;
    password?: string;
    displayName?: string;
    workspaceName?: string;
    inviteToken?: string;
  } = {},
): Promise<Agent> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-up',
    payload: {
      email: body.email ?? uniqueEmail(),
      password: body.password ?? 'correct horse battery',
      displayName: body.displayName ?? '测试运营',
      ...(body.inviteToken
        ? { inviteToken: body.inviteToken }
        : { workspaceName: body.workspaceName ?? '测试店铺' }),
    },
  });
  if (res.statusCode !== 201) throw new Error(`sign-up failed ${res.statusCode}: ${res.body}`);
  return agentFrom(t, res);
}

/** Adds a person with `role` to the agent's workspace through a real invitation. */
export async function addMember(
  t: TestApp,
  owner: Agent,
  role: string,
  workspaceId = owner.workspaceId,
): Promise<Agent> {
  const inv = await owner.request({
    method: 'POST',
    url: `/api/v1/workspaces/${workspaceId}/invitations`,
    payload: { role },
  });
  if (inv.statusCode !== 201) throw new Error(`invite failed ${inv.statusCode}: ${inv.body}`);
  const agent = await signUp(t, {
    inviteToken: inv.json<{ token: string }>().token,
    displayName: `${role}-person`,
  });
  return { ...agent, workspaceId };
}

/** A multipart/form-data body for `inject`: text fields, then one file in the field "file". */
export function multipartForm(
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type?: string },
) {
  const boundary = '----yunce-test-form';
  const parts = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  const payload = Buffer.concat([
    ...parts,
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
