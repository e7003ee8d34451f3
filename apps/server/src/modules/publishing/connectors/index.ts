export * from './types';
export { createManualConnector } from './manual';
export {
  assertPublicUrl,
  isPrivateAddress,
  safeFetch,
  type Resolver,
  type SsrfOptions,
} from './ssrf';
export {
  createWebhookConnector,
  parseRetryAfter,
  signWebhook,
  verifyWebhookSignature,
} from './webhook';
export { connectorTypesFor, createConnectorRegistry } from './registry';
