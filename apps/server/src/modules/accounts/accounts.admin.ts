import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client';
import { workspaces } from '../workspaces/workspaces.tables';
import { accounts } from './accounts.tables';

export type AccountListing = {
  id: string;
  workspaceId: string;
  workspace: string;
  platform: string;
  name: string;
  status: string;
};

/**
 * Every account on this installation, for the operator of the server (the CLI). Deliberately not
 * workspace-scoped: it is reachable only from the CLI, never from an HTTP client.
 */
export async function listAllAccounts(db: Db): Promise<AccountListing[]> {
  return db
    .select({
      id: accounts.id,
      workspaceId: accounts.workspaceId,
      workspace: workspaces.name,
      platform: accounts.platform,
      name: accounts.name,
      status: accounts.status,
    })
    .from(accounts)
    .innerJoin(workspaces, eq(workspaces.id, accounts.workspaceId))
    .orderBy(asc(workspaces.name), asc(accounts.platform), asc(accounts.name));
}
