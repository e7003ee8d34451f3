import type { TPlatform } from '@yunce/contracts';

/** What a connector can do; the UI and the scheduler ask before calling. */
export type ConnectorCapabilities = {
  publish: boolean;
  getPublishStatus: boolean;
  fetchMetrics: boolean;
  fetchComments: boolean;
  reply: boolean;
};

/** One variant as it goes out to one account. */
export type PublishRequest = {
  /** Stable per (variant, account): sent as the idempotency key so a platform can drop a repeat. */
  idempotencyKey: string;
  /** Unique per attempt (a delivery id for webhooks). */
  attemptId: string;
  workspaceId: string;
  account: { id: string; platform: TPlatform; name: string; handle: string | null };
  item: { id: string; format: string; version: number };
  title: string;
  body: string;
  hashtags: string[];
  media: { url: string; mimeType: string; name: string | null; read(): Promise<Buffer> }[];
  cover: { url: string; mimeType: string; read(): Promise<Buffer> } | null;
  scheduledAt: Date;
};

/**
 * The result of a publish call. `pending` means the platform accepted the job and will finish it
 * later (poll getPublishStatus); `manual` means a person must publish by hand.
 */
export type PublishOutcome =
  | { kind: 'published'; externalId: string | null; url: string | null }
  | { kind: 'pending'; externalId: string }
  | { kind: 'manual' };

/**
 * A failure, classified. `transient`: try again later (network, 5xx, 429 — retryAfterMs when the
 * platform said). `permanent`: the content or request is wrong; retrying cannot help.
 * `auth`: the authorisation is definitively revoked or invalid: the account needs reconnecting.
 * `unknown`: the call may or may not have taken effect (timeout after sending): a person checks.
 */
export class ConnectorError extends Error {
  constructor(
    readonly kind: 'transient' | 'permanent' | 'auth' | 'unknown',
    message: string,
    readonly details: {
      platformCode?: string | number;
      retryAfterMs?: number;
      httpStatus?: number;
    } = {},
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export type PublishStatus =
  | { kind: 'published'; externalId: string | null; url: string | null }
  | { kind: 'pending' }
  | { kind: 'failed'; reason: string };

export type MetricsSample = {
  externalId: string | null;
  date: string;
  metrics: Record<string, number>;
};

export type ConnectorComment = {
  externalId: string;
  author: string;
  text: string;
  createdAt: Date;
  postExternalId: string | null;
};

/** Everything a connector needs about the account it acts for; secrets arrive decrypted. */
export type ConnectorContext = {
  accountId: string;
  workspaceId: string;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
  /** Persist rotated credentials (e.g. a new access token); never erases what it is not given. */
  saveSecrets(patch: Record<string, string>): Promise<void>;
  signal?: AbortSignal;
};

/** One interface for every way of publishing: manual, webhook, platform APIs. */
export type Connector = {
  readonly type: string;
  readonly capabilities: ConnectorCapabilities;
  publish(ctx: ConnectorContext, req: PublishRequest): Promise<PublishOutcome>;
  getPublishStatus?(ctx: ConnectorContext, externalId: string): Promise<PublishStatus>;
  fetchMetrics?(ctx: ConnectorContext, from: string, to: string): Promise<MetricsSample[]>;
  fetchComments?(ctx: ConnectorContext, since: Date): Promise<ConnectorComment[]>;
  reply?(
    ctx: ConnectorContext,
    commentExternalId: string,
    text: string,
  ): Promise<{ externalId: string | null }>;
};
