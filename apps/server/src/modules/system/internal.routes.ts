import type { App } from '../../platform/http/types';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import type { Services } from '../../services';
import { listAllAccounts } from '../accounts/accounts.admin';
import { ensureDemo } from './demo';

/**
 * Endpoints for the `yunce` CLI while this server holds the embedded database: the CLI cannot
 * open the data folder then, so it asks the server. Loopback only, with the lock file's secret.
 */
export function internalRoutes(
  app: App,
  deps: { services: Services; database: Database; clock: Clock },
) {
  app.get(
    '/api/internal/accounts',
    { config: { local: true }, schema: { hide: true } },
    async () => ({
      accounts: await listAllAccounts(deps.database.db),
    }),
  );
  app.post(
    '/api/internal/import',
    { config: { local: true }, schema: { hide: true } },
    async (req) => {
      const body = req.body as {
        file: string;
        fileName: string;
        accountId: string;
        presetId?: string;
        dryRun?: boolean;
      };
      return deps.services.imports.importForCli(
        Buffer.from(body.file, 'base64'),
        body.fileName,
        { accountId: body.accountId, ...(body.presetId ? { presetId: body.presetId } : {}) },
        Boolean(body.dryRun),
      );
    },
  );
  app.post('/api/internal/demo', { config: { local: true }, schema: { hide: true } }, async () =>
    ensureDemo(deps.database, deps.services, deps.clock),
  );
}
