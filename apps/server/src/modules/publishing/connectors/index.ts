export * from './types';
export { createManualConnector } from './manual';
export {
  assertPublicUrl,
  isPrivateAddress,
  safeFetch,
  type Resolver,
  type SafeFetch,
  type SafeFetchInit,
  type SafeResponse,
  type SsrfOptions,
} from './ssrf';
export { HttpSendError } from './http-request';
export {
  createWebhookConnector,
  parseRetryAfter,
  signWebhook,
  verifyWebhookSignature,
  type WebhookConnectorOptions,
} from './webhook';
export {
  clearWeChatTokenCache,
  createWeChatOfficialAccountConnector,
  WECHAT_API_BASE,
  type WeChatConnectorOptions,
} from './wechat-oa';
export { msUntilShanghaiMidnight, WECHAT_ERRORS } from './wechat-errors';
export { startWeChatFake, type WeChatFake, type WeChatFakeOptions } from './wechat-fake';
export {
  connectorTypesFor,
  createConnectorRegistry,
  type ConnectorRegistryOptions,
} from './registry';
