import type { QueueDefinition } from './platform/jobs/jobs';
import type { Services } from './services';

/** Every queue of the app. Later modules add theirs here. */
export function queues(services: Services): QueueDefinition[] {
  return [
    {
      name: 'system.purge-sessions',
      cron: '17 * * * *',
      handler: async () => {
        await services.auth.purgeExpired();
      },
    },
  ];
}
