import type { Connector } from './types';

/** For platforms without an open publishing API: at the due time a person publishes by hand. */
export function createManualConnector(): Connector {
  return {
    type: 'manual',
    capabilities: {
      publish: true,
      getPublishStatus: false,
      fetchMetrics: false,
      fetchComments: false,
      reply: false,
    },
    publish: () => Promise.resolve({ kind: 'manual' }),
  };
}
