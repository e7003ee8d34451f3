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
        // Jobs may repeat (retries, a second worker): the batch claims first, so a repeat does nothing.
        const ids = jobs.flatMap((job) => {
          const { publicationId } = job.data as { publicationId?: string };
          return publicationId ? [publicationId] : [];
        });
        await services.publishing.runBatch(ids);
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
      name: 'notifications.deliver',
      cron: '* * * * *',
      handler: async () => {
        // Drain the outbox in batches; a minute later the next run picks up what is left.
        for (let i = 0; i < 20 && (await services.channels.deliverPending()) > 0; i++);
        await services.channels.purgeOld();
      },
    },
    {
      name: 'analytics.import',
      work: { pollingIntervalSeconds: 1, batchSize: 1 },
      handler: async (jobs) => {
        for (const job of jobs) {
          const { importId } = job.data as { importId?: string };
          if (importId) await services.imports.runImportJob(importId);
        }
      },
    },
    {
      // Every morning (Asia/Shanghai 08:30): anomalies against each account's own baseline and
      // goals that turned off track.
      name: 'analytics.watch',
      cron: '30 0 * * *',
      handler: async () => {
        await services.insights.watch();
      },
    },
    {
      name: 'analytics.weekly-report',
      cron: '0 1 * * 1',
      handler: async () => {
        await services.insights.announceReports('weekly');
      },
    },
    {
      name: 'analytics.monthly-report',
      cron: '0 1 1 * *',
      handler: async () => {
        await services.insights.announceReports('monthly');
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
