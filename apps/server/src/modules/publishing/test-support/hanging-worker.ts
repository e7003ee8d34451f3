// A worker process for the crash test: it claims one publication, starts the call out, says so on
// stdout, and then hangs until the test kills it with SIGKILL.
import { loadConfig } from '../../../platform/config';
import { openConfiguredDatabase } from '../../../platform/db/open';
import { systemClock } from '../../../platform/clock';
import { createMemoryStorage } from '../../../platform/storage';
import { createServices } from '../../../services';
import type { ConnectorRegistry } from '../publishing.service';

const publicationId = process.env.PUBLICATION_ID ?? '';
const config = loadConfig();
const opened = await openConfiguredDatabase(config);
const connectors: ConnectorRegistry = {
  get: (type) => ({
    type,
    capabilities: {
      publish: true,
      getPublishStatus: false,
      fetchMetrics: false,
      fetchComments: false,
      reply: false,
    },
    publish: () =>
      new Promise(() => {
        process.stdout.write('CALLING\n');
      }),
  }),
};
const services = createServices({
  config,
  database: opened.database,
  clock: systemClock,
  storage: createMemoryStorage(),
  connectors,
});
await services.publishing.runOne(publicationId);
