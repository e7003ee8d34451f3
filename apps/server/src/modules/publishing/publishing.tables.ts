import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from '../accounts/accounts.tables';
import { contentItems, contentVariants } from '../content/content.tables';
import { workspaces } from '../workspaces/workspaces.tables';

export const CONNECTION_KINDS = ['manual', 'webhook', 'wechat-official-account'] as const;

/** How an account publishes; secrets are AES-256-GCM encrypted and never leave the server. */
export const accountConnections = pgTable('account_connections', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  type: text('type', { enum: CONNECTION_KINDS }).notNull(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
  secrets: text('secrets'),
  status: text('status', { enum: ['connected', 'needs_reconnect'] })
    .notNull()
    .default('connected'),
  statusReason: text('status_reason'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const PUBLICATION_STATUSES = [
  'scheduled',
  'retrying',
  'publishing',
  'pending',
  'manual_pending',
  'published',
  'needs_check',
  'held',
  'failed',
  'skipped',
  'cancelled',
] as const;

/** One variant going out on its account: claimed before any call out, so it is sent at most once. */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    variantId: uuid('variant_id')
      .notNull()
      .references(() => contentVariants.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    itemVersion: integer('item_version').notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: PUBLICATION_STATUSES }).notNull().default('scheduled'),
    connector: text('connector', { enum: CONNECTION_KINDS }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    claimToken: text('claim_token'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    externalId: text('external_id'),
    url: text('url'),
    lastError: text('last_error'),
    lastErrorKind: text('last_error_kind'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('publications_variant_key').on(t.variantId),
    index('publications_due_idx').on(t.status, t.nextAttemptAt),
    index('publications_workspace_idx').on(t.workspaceId, t.scheduledAt),
    index('publications_item_idx').on(t.itemId),
  ],
);

/** Every call out, with its result: the history a person reads when something went wrong. */
export const publishAttempts = pgTable(
  'publish_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    connector: text('connector').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    result: text('result').notNull(),
    error: text('error'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [index('publish_attempts_publication_idx').on(t.publicationId)],
);

/** In-app notifications; user_id null means everyone in the workspace who may act on it. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    entityId: text('entity_id'),
    readBy: uuid('read_by').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notifications_workspace_idx').on(t.workspaceId, t.createdAt)],
);
