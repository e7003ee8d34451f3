import PgBoss from 'pg-boss';
import type { Database } from '../db/client';

export type JobHandler<T extends object> = (jobs: PgBoss.Job<T>[]) => Promise<void>;

/** One named queue: its handler and, optionally, a cron schedule (in UTC). */
export type QueueDefinition<T extends object = object> = {
  name: string;
  handler: JobHandler<T>;
  cron?: string;
  /** How often an idle worker looks for jobs, and how many it takes at once. */
  work?: { pollingIntervalSeconds?: number; batchSize?: number };
};

// Any fixed number, distinct from the migration lock.
const QUEUE_SETUP_LOCK = 7_420_135_552;

export type Jobs = {
  boss: PgBoss;
  send<T extends object>(
    name: string,
    data: T,
    options?: PgBoss.SendOptions,
  ): Promise<string | null>;
  stop(): Promise<void>;
};

/**
 * Starts pg-boss on the app's database. Every process can send jobs; only processes with the
 * worker role register handlers and run the cron/maintenance supervisor.
 */
export async function startJobs(
  database: Database,
  opts: { work: boolean; queues: QueueDefinition[] },
): Promise<Jobs> {
  const common = { schema: 'pgboss', supervise: opts.work, schedule: opts.work, migrate: true };
  const boss =
    database.kind === 'postgres' && database.connectionString
      ? new PgBoss({ ...common, connectionString: database.connectionString, max: 4 })
      : new PgBoss({
          ...common,
          db: { executeSql: (text, values) => database.executeSql(text, values) },
        });
  boss.on('error', (err: Error) => console.error('jobs:', err.message));
  // Processes starting together would create queues at once, and pg-boss's create_queue then
  // deadlocks in PostgreSQL (seen with a web and a worker process): take turns. start() is inside
  // the turn too, because a worker's start() creates pg-boss's own cron queue.
  await database.withConnection(async (exec) => {
    await exec('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK]);
    try {
      await boss.start();
      for (const q of opts.queues) {
        if (!(await boss.getQueue(q.name))) await boss.createQueue(q.name);
      }
    } finally {
      await exec('SELECT pg_advisory_unlock($1)', [QUEUE_SETUP_LOCK]);
    }
  });
  if (opts.work) {
    for (const q of opts.queues) {
      await boss.work(q.name, { ...(q.work ?? {}) }, q.handler);
      if (q.cron) await boss.schedule(q.name, q.cron);
    }
  }
  return {
    boss,
    send: (name, data, options) =>
      options ? boss.send(name, data, options) : boss.send(name, data),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
