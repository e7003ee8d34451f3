import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/client';
import { workspaces } from './workspaces.tables';

/** The zone a workspace gets when none is chosen (and the one the column defaults to). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/**
 * The workspace's IANA time zone, in which its calendar days, schedules and reports are read;
 * the default for an unknown workspace (callers have checked membership already).
 */
export async function workspaceTimeZone(db: DbOrTx, workspaceId: string): Promise<string> {
  const [ws] = await db
    .select({ timeZone: workspaces.timeZone })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return ws?.timeZone ?? DEFAULT_TIME_ZONE;
}
