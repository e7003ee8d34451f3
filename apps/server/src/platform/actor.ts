import type { TRole } from '@yunce/contracts';

/** Who is acting: a signed-in person, or a workspace API token. Recorded in the audit log. */
export type Actor = {
  userId: string | null;
  tokenId: string | null;
  ip: string | null;
};

/** An actor inside a workspace, with the role that decides what it may do there. */
export type MemberActor = Actor & { workspaceId: string; role: TRole };
