// Every table, for Drizzle's typed queries and drizzle-kit's migration generator.
export * from '../../modules/auth/auth.tables';
export * from '../../modules/workspaces/workspaces.tables';
export * from '../../modules/api-tokens/api-tokens.tables';
export * from '../../modules/audit/audit.tables';
export * from '../../modules/files/files.tables';
export * from '../../modules/accounts/accounts.tables';
export * from '../../modules/content/content.tables';
export * from '../../modules/publishing/publishing.tables';
export * from '../../modules/notifications/notifications.tables';
export * from '../../modules/analytics/analytics.tables';
