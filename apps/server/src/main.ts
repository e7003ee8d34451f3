import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from './app';
import { loadConfig, type Config } from './platform/config';
import { systemClock } from './platform/clock';
import { openConfiguredDatabase } from './platform/db/open';
import { startJobs } from './platform/jobs/jobs';
import { createLocalStorage } from './platform/storage';
import { randomToken } from './platform/auth/secrets';
import { createServices } from './services';
import { queues } from './jobs';
import { ensureDemo, DEMO_EMAIL } from './modules/system/demo';
import { users } from './modules/auth/auth.tables';

export type Role = 'web' | 'worker' | 'all';

/** Prints the demo login and keeps a copy (mode 0600) in the data folder for later. */
export function announceDemoLogin(
  config: Config,
  login: { email: string; password: string },
): void {
  const file = path.join(config.dataDir, 'demo-login.txt');
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, `email: ${login.email}\npassword: ${login.password}\n`, { mode: 0o600 });
  const line = '─'.repeat(60);
  console.log(
    `\n${line}\n  运策 Yunce demo workspace ready / 示例店铺已创建\n  URL:      ${config.publicUrl}\n  Email:    ${login.email}\n  Password: ${login.password}\n  (also saved in ${file}; \`npx yunce demo\` issues a new one)\n${line}\n`,
  );
}

/** Boots the configured processes: the HTTP server, the job worker, or both. */
export async function start(opts: {
  role: Role;
  config?: Config;
}): Promise<{ stop(): Promise<void>; port?: number }> {
  const config = opts.config ?? loadConfig();
  const opened = await openConfiguredDatabase(config);
  const { database } = opened;
  const clock = systemClock;
  const storage = createLocalStorage(config.storageDir);
  const services = createServices({ config, database, clock, storage });

  if (config.demoOnFirstStart && opts.role !== 'worker') {
    const [row] = await database.db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(users);
    if (row?.n === 0) announceDemoLogin(config, await ensureDemo(database, services, clock));
    else {
      const demo = await database.db.query.users.findFirst({ where: eq(users.email, DEMO_EMAIL) });
      if (demo)
        console.log(
          `Demo login: ${DEMO_EMAIL} — password in ${path.join(config.dataDir, 'demo-login.txt')}`,
        );
    }
  }

  const jobs = await startJobs(database, { work: opts.role !== 'web', queues: queues(services) });
  services.setSendJob(async (queue, data) => {
    await jobs.send(queue, data);
  });
  services.setEnqueue(async (publicationId, at) => {
    await jobs.send(
      'publishing.publish',
      { publicationId },
      { startAfter: at, singletonKey: `${publicationId}:${at.getTime()}` },
    );
  });

  let closeApp: (() => Promise<void>) | undefined;
  let port: number | undefined;
  if (opts.role !== 'worker') {
    const localToken = randomToken(24);
    const { app } = await buildApp({
      config,
      database,
      clock,
      storage,
      // One set of services per process: scheduling over HTTP must reach this process's queue.
      services,
      localToken: () => localToken,
      logger: { level: config.logLevel },
    });
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : config.port;
    opened.lock?.update({ port, localToken });
    closeApp = () => app.close();
    console.log(
      `Yunce (${opts.role}) is serving http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port} on ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
    );
  } else {
    console.log(
      `Yunce worker is running on ${database.kind === 'pglite' ? 'embedded PGlite' : 'PostgreSQL'}`,
    );
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await closeApp?.();
      await jobs.stop();
      await opened.close();
    })());
  return { stop, port };
}
