import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PLATFORMS, PURPOSES, type TPersona } from '@yunce/contracts';
import { files } from '../files/files.tables';
import { workspaces } from '../workspaces/workspaces.tables';

export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    platform: text('platform', { enum: PLATFORMS }).notNull(),
    name: text('name').notNull(),
    handle: text('handle'),
    avatarFileId: uuid('avatar_file_id').references(() => files.id, { onDelete: 'set null' }),
    bio: text('bio'),
    category: text('category'),
    purpose: text('purpose', { enum: PURPOSES }),
    persona: jsonb('persona').$type<TPersona>().notNull(),
    toneOfVoice: text('tone_of_voice'),
    postsPerWeek: integer('posts_per_week'),
    connectionType: text('connection_type', { enum: ['manual'] })
      .notNull()
      .default('manual'),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    infoReviewedAt: timestamp('info_reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [index('accounts_workspace_idx').on(t.workspaceId, t.status)],
);
