// Sections whose second segment is a page of its own that exists in every workspace.
const TWO_LEVEL_SECTIONS = new Set(['settings', 'content']);

/**
 * Where to land when switching to another workspace from `pathname`: the same section
 * (/w/A/settings/members → /w/B/settings/members), never a record of the old workspace
 * (/w/A/accounts/123 → /w/B/accounts).
 */
export function switchWorkspacePath(pathname: string, toWorkspaceId: string): string {
  const match = /^\/w\/[^/]+\/?(.*)$/.exec(pathname);
  const segments = (match?.[1] ?? '').split('/').filter(Boolean);
  const section = segments[0];
  if (!section) return `/w/${toWorkspaceId}/today`;
  const keep = TWO_LEVEL_SECTIONS.has(section) ? segments.slice(0, 2) : [section];
  return `/w/${toWorkspaceId}/${keep.join('/')}`;
}

/** The part of the path after /w/<id>/, e.g. "accounts/123". */
export function workspaceSubPath(pathname: string): string {
  const match = /^\/w\/[^/]+\/?(.*)$/.exec(pathname);
  return (match?.[1] ?? '').replace(/\/$/, '');
}
