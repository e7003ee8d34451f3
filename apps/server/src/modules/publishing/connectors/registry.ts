import type { TConnectionKind, TPlatform } from '@yunce/contracts';
import { createManualConnector } from './manual';
import type { Connector } from './types';
import { createWebhookConnector, type WebhookConnectorOptions } from './webhook';
import { createWeChatOfficialAccountConnector, type WeChatConnectorOptions } from './wechat-oa';

export type ConnectorRegistryOptions = WebhookConnectorOptions & {
  wechat?: WeChatConnectorOptions;
};

/** The connectors this server offers, built once with their options. */
export function createConnectorRegistry(opts: ConnectorRegistryOptions = {}) {
  const { wechat, ...webhook } = opts;
  const byType: Record<TConnectionKind, Connector> = {
    manual: createManualConnector(),
    webhook: createWebhookConnector(webhook),
    'wechat-official-account': createWeChatOfficialAccountConnector(wechat),
  };
  const types = Object.keys(byType) as TConnectionKind[];
  return {
    types,
    get: (type: TConnectionKind): Connector => byType[type],
  };
}

/** Which connection kinds make sense for a platform: the WeChat API only for 公众号 accounts. */
export function connectorTypesFor(platform: TPlatform): TConnectionKind[] {
  return platform === 'wechat_oa'
    ? ['manual', 'webhook', 'wechat-official-account']
    : ['manual', 'webhook'];
}
