import { describe, expect, it } from 'vitest';
import { createManualConnector } from './manual';
import { connectorTypesFor, createConnectorRegistry } from './registry';
import type { ConnectorContext, PublishRequest } from './types';

describe('connector registry', () => {
  it('offers manual, webhook and WeChat Official Account connectors by type', () => {
    const registry = createConnectorRegistry();
    expect(registry.types).toEqual(['manual', 'webhook', 'wechat-official-account']);
    for (const type of registry.types) expect(registry.get(type).type).toBe(type);
    const wechat = registry.get('wechat-official-account').capabilities;
    expect(wechat).toEqual({
      publish: true,
      getPublishStatus: true,
      fetchMetrics: true,
      fetchComments: false,
      reply: false,
    });
  });

  it('offers the WeChat API only to 公众号 accounts', () => {
    expect(connectorTypesFor('wechat_oa')).toEqual([
      'manual',
      'webhook',
      'wechat-official-account',
    ]);
    expect(connectorTypesFor('weibo')).toEqual(['manual', 'webhook']);
    expect(connectorTypesFor('wechat_channels')).toEqual(['manual', 'webhook']);
  });

  it('the manual connector hands the post to a person', async () => {
    const manual = createManualConnector();
    expect(manual.capabilities).toEqual({
      publish: true,
      getPublishStatus: false,
      fetchMetrics: false,
      fetchComments: false,
      reply: false,
    });
    const ctx: ConnectorContext = {
      accountId: 'a',
      workspaceId: 'w',
      settings: {},
      secrets: {},
      saveSecrets: () => Promise.resolve(),
    };
    const req: PublishRequest = {
      idempotencyKey: 'v:a',
      attemptId: 'p:0',
      workspaceId: 'w',
      account: { id: 'a', platform: 'xiaohongshu', name: '小红书', handle: null },
      item: { id: 'i', format: 'note', version: 1 },
      title: 't',
      body: 'b',
      hashtags: [],
      media: [],
      cover: null,
      scheduledAt: new Date(),
    };
    expect(await manual.publish(ctx, req)).toEqual({ kind: 'manual' });
  });
});
