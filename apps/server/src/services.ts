import type { AppDeps } from './app';
import { createAuthService } from './modules/auth/auth.service';
import { createWorkspacesService } from './modules/workspaces/workspaces.service';
import { createApiTokensService } from './modules/api-tokens/api-tokens.service';
import { createFilesService } from './modules/files/files.service';
import { createAccountsService } from './modules/accounts/accounts.service';
import { createContentSettingsService } from './modules/content/content.settings';
import { createContentService } from './modules/content/content.service';
import { createApprovalService } from './modules/content/content.approval';

/** Wires every module's service from the shared dependencies; used by the app, jobs and CLI. */
export function createServices(deps: Pick<AppDeps, 'config' | 'database' | 'clock' | 'storage'>) {
  const { database, clock, config, storage } = deps;
  const workspaces = createWorkspacesService({ database, clock, publicUrl: config.publicUrl });
  const auth = createAuthService({ database, clock, config, workspaces });
  const apiTokens = createApiTokensService({ database, clock });
  const files = createFilesService({ database, clock, storage });
  const accounts = createAccountsService({ database, clock, files });
  const contentSettings = createContentSettingsService({ database, clock });
  const content = createContentService({ database, clock, settings: contentSettings, files });
  const approval = createApprovalService({ database, clock, settings: contentSettings });
  return { workspaces, auth, apiTokens, files, accounts, contentSettings, content, approval };
}

export type Services = ReturnType<typeof createServices>;
