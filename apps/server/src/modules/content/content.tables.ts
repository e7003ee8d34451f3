import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CONTENT_FORMATS,
  CONTENT_STATUSES,
  type TApprovalFlow,
  type TVariantInput,
} from '@yunce/contracts';
import { accounts } from '../accounts/accounts.tables';
import { files } from '../files/files.tables';
import { workspaces } from '../workspaces/workspaces.tables';

export const contentItems = pgTable(
  'content_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    format: text('format', { enum: CONTENT_FORMATS }).notNull(),
    pillar: text('pillar'),
    tags: text('tags').array().notNull().default([]),
    plannedAt: timestamp('planned_at', { withTimezone: true }),
    ownerId: uuid('owner_id'),
    sponsored: boolean('sponsored').notNull().default(false),
    focusKeyword: text('focus_keyword'),
    titleVariants: text('title_variants').array().notNull().default([]),
    status: text('status', { enum: CONTENT_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    approvedVersion: integer('approved_version'),
    reviewStep: integer('review_step'),
    coverFileId: uuid('cover_file_id').references(() => files.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('content_items_workspace_planned_idx').on(t.workspaceId, t.plannedAt),
    index('content_items_workspace_status_idx').on(t.workspaceId, t.status),
  ],
);

/** One target account's version of an item: its own title, body, hashtags and time. */
export const contentVariants = pgTable(
  'content_variants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    title: text('title'),
    body: text('body'),
    hashtags: text('hashtags').array().notNull().default([]),
    plannedAt: timestamp('planned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('content_variants_item_account_key').on(t.itemId, t.accountId),
    index('content_variants_account_idx').on(t.workspaceId, t.accountId),
  ],
);

/** Every saved text of an item, so any two can be compared. */
export const contentVersions = pgTable(
  'content_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    variants: jsonb('variants').$type<TVariantInput[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('content_versions_item_version_key').on(t.itemId, t.version)],
);

export const contentMedia = pgTable(
  'content_media',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_media_item_idx').on(t.itemId)],
);

/** Approval decisions (and submissions/overrides), each tied to the version it judged. */
export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    step: integer('step').notNull(),
    userId: uuid('user_id'),
    decision: text('decision', {
      enum: ['approve', 'request_changes', 'submit', 'override'],
    }).notNull(),
    comment: text('comment'),
    overrideReason: text('override_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('approval_decisions_item_idx').on(t.itemId, t.version)],
);

export const contentComments = pgTable(
  'content_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    userId: uuid('user_id'),
    body: text('body').notNull(),
    anchor: jsonb('anchor').$type<{
      field: 'title' | 'body';
      start: number;
      end: number;
      quote: string;
    }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_comments_item_idx').on(t.itemId)],
);

/** Per-workspace content settings: approval flow, custom pillars, compliance lists. */
export const contentSettings = pgTable('content_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  approvalFlow: jsonb('approval_flow').$type<TApprovalFlow>(),
  customPillars: jsonb('custom_pillars')
    .$type<{ id: string; name: string }[]>()
    .notNull()
    .default([]),
  compliance: jsonb('compliance').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
