import type { TConnectionKind, TPlatform } from '@yunce/contracts';
import { createManualConnector } from './manual';
import { createWebhookConnector } from './webhook';
import { ConnectorError, type Connector } from './types';

/** The connectors this server offers, built once with their options. */
export function createConnectorRegistry(
  opts: { allowPrivateHosts?: readonly string[]; timeoutMs?: number } = {},
) {
  const manual = createManualConnector();
  const webhook = createWebhookConnector(opts);
  const notYet: Connector = {
    type: 'wechat-official-account',
    capabilities: {
      publish: false,
      getPublishStatus: false,
      fetchMetrics: false,
      fetchComments: false,
      reply: false,
    },
    publish: () =>
      Promise.reject(
        new ConnectorError(
          'permanent',
          'The WeChat Official Account connector is not available in this version yet; publish by hand',
        ),
      ),
  };
  const byType: Record<TConnectionKind, Connector> = {
    manual,
    webhook,
    'wechat-official-account': notYet,
  };
  return {
    types: Object.keys(byType) as TConnectionKind[],
    get: (type: TConnectionKind): Connector => byType[type],
  };
}

/** Which connection kinds make sense for a platform. */
export function connectorTypesFor(platform: TPlatform): TConnectionKind[] {
  return platform === 'wechat_oa'
    ? ['manual', 'webhook', 'wechat-official-account']
    : ['manual', 'webhook'];
}
