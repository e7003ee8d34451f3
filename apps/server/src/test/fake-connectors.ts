import type {
  Connector,
  PublishOutcome,
  PublishRequest,
} from '../modules/publishing/connectors/types';
import type { ConnectorRegistry } from '../modules/publishing/publishing.service';

export type FakeBehaviour = (req: PublishRequest, call: number) => Promise<PublishOutcome>;

/**
 * Connectors for tests: every type answers with the scripted behaviour (per account id, or the
 * default), and every call is recorded by idempotency key so duplicates show.
 */
export function createFakeConnectors(
  defaultBehaviour: FakeBehaviour = () =>
    Promise.resolve({ kind: 'published', externalId: 'x', url: 'https://example.com/p' }),
) {
  const calls: PublishRequest[] = [];
  const byAccount = new Map<string, FakeBehaviour>();
  let behaviour = defaultBehaviour;
  const connector = (type: string): Connector => ({
    type,
    capabilities: {
      publish: true,
      getPublishStatus: false,
      fetchMetrics: false,
      fetchComments: false,
      reply: false,
    },
    publish: (_ctx, req) => {
      calls.push(req);
      const n = calls.filter((c) => c.idempotencyKey === req.idempotencyKey).length;
      return (byAccount.get(req.account.id) ?? behaviour)(req, n);
    },
  });
  const registry: ConnectorRegistry = { get: (type) => connector(type) };
  return {
    registry,
    calls,
    setDefault(b: FakeBehaviour) {
      behaviour = b;
    },
    setFor(accountId: string, b: FakeBehaviour) {
      byAccount.set(accountId, b);
    },
    /** How many times each idempotency key was sent. */
    counts(): Map<string, number> {
      const m = new Map<string, number>();
      for (const c of calls) m.set(c.idempotencyKey, (m.get(c.idempotencyKey) ?? 0) + 1);
      return m;
    },
  };
}
