import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config';
import { systemClock } from '../../platform/clock';
import { startJobs, type Jobs } from '../../platform/jobs/jobs';
import { createSecretBox } from '../../platform/secret-box';
import { createMemoryStorage } from '../../platform/storage';
import { createServices, type Services } from '../../services';
import { queues } from '../../jobs';
import { createTestDatabase, type TestDatabase } from '../../test/db';
import { createFakeConnectors } from '../../test/fake-connectors';
import { publications } from './publishing.tables';
import { scheduledPost } from '../../test/factories';

/** The real queue: scheduling enqueues a pg-boss job that publishes at the time, on the wall clock. */
let db: TestDatabase;
let jobs: Jobs;
let services: Services;
const fake = createFakeConnectors();

beforeAll(async () => {
  db = await createTestDatabase();
  services = createServices({
    config: loadConfig({ YUNCE_DATA_DIR: '/nonexistent' }),
    database: db.database,
    clock: systemClock,
    storage: createMemoryStorage(),
    connectors: fake.registry,
    secretBox: createSecretBox(randomBytes(32)),
  });
  jobs = await startJobs(db.database, { work: true, queues: queues(services) });
  services.setEnqueue(async (publicationId, at) => {
    await jobs.send(
      'publishing.publish',
      { publicationId },
      { startAfter: at, singletonKey: `${publicationId}:${at.getTime()}` },
    );
  });
});
afterAll(async () => {
  await jobs.stop();
  await db.cleanup();
});

describe('publishing through pg-boss', () => {
  it('publishes a scheduled variant shortly after its time', async () => {
    const due = new Date(Date.now() + 1500);
    const { publication: pub } = await scheduledPost(services, {
      email: 'jobs@example.com',
      title: '队列',
      at: due,
    });
    let status = '';
    for (let i = 0; i < 100 && status !== 'published'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const [row] = await db.database.db
        .select()
        .from(publications)
        .where(eq(publications.id, pub.id));
      status = row?.status ?? '';
    }
    expect(status).toBe('published');
    expect(fake.calls).toHaveLength(1);
    // It did not go out early.
    const [row] = await db.database.db
      .select()
      .from(publications)
      .where(eq(publications.id, pub.id));
    expect(row!.publishedAt!.getTime()).toBeGreaterThanOrEqual(due.getTime());
  });
});
