import { describe, expect, it } from 'vitest';
import { switchWorkspacePath, workspaceSubPath } from './workspace-path';

describe('switchWorkspacePath', () => {
  it('keeps the section when switching workspace', () => {
    expect(switchWorkspacePath('/w/a/accounts', 'b')).toBe('/w/b/accounts');
    expect(switchWorkspacePath('/w/a/settings/members', 'b')).toBe('/w/b/settings/members');
    expect(switchWorkspacePath('/w/a/content/calendar', 'b')).toBe('/w/b/content/calendar');
  });

  it('drops records that belong to the old workspace', () => {
    expect(switchWorkspacePath('/w/a/accounts/123/edit', 'b')).toBe('/w/b/accounts');
  });

  it('lands on Today when there is no section', () => {
    expect(switchWorkspacePath('/w/a', 'b')).toBe('/w/b/today');
    expect(switchWorkspacePath('/w/a/', 'b')).toBe('/w/b/today');
    expect(switchWorkspacePath('/', 'b')).toBe('/w/b/today');
  });
});

describe('workspaceSubPath', () => {
  it('returns the path inside the workspace', () => {
    expect(workspaceSubPath('/w/a/accounts/123')).toBe('accounts/123');
    expect(workspaceSubPath('/w/a/')).toBe('');
  });
});
