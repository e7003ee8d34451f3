import type { QueueDefinition } from './platform/jobs/jobs';
import type { Services } from './services';

/** Every queue of the app. Later modules add theirs here. */
export function queues(services: Services): QueueDefinition[] {
  return [
    {
      name: 'publishing.publish',
      // Due posts should start within a second or two of their time.
      work: { pollingIntervalSeconds: 0.5, batchSize: 20 },
      handler: async (jobs) => {
        // Jobs may repeat (retries, a second worker): runOne claims first, so a repeat does nothing.
        await Promise.all(
          jobs.map(async (job) => {
            const { publicationId } = job.data as { publicationId?: string };
            if (publicationId) await services.publishing.runOne(publicationId);
          }),
        );
      },
    },
    {
      name: 'publishing.sweep',
      cron: '* * * * *',
      handler: async () => {
        await services.publishing.sweep();
        await services.publishing.pollPending();
      },
    },
    {
      name: 'system.purge-sessions',
      cron: '17 * * * *',
      handler: async () => {
        await services.auth.purgeExpired();
      },
    },
  ];
}
