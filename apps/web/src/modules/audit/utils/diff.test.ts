import { describe, expect, it } from 'vitest';
import { diffAuditValues, formatAuditValue } from './diff';

describe('diffAuditValues', () => {
  it('lists only the fields that changed, nested ones with dotted paths', () => {
    const changes = diffAuditValues(
      {
        name: '小鹿咖啡',
        bio: null,
        persona: { gender: 'all', regions: ['上海'] },
        updatedAt: 'a',
      },
      {
        name: '小鹿咖啡',
        bio: '精品咖啡',
        persona: { gender: 'female', regions: ['上海'] },
        updatedAt: 'b',
      },
    );
    expect(changes).toEqual([
      { path: 'bio', before: null, after: '精品咖啡', kind: 'added' },
      { path: 'persona.gender', before: 'all', after: 'female', kind: 'changed' },
    ]);
  });

  it('treats arrays as values and compares objects regardless of key order', () => {
    expect(diffAuditValues({ tags: ['a', 'b'] }, { tags: ['b', 'a'] })).toHaveLength(1);
    expect(diffAuditValues({ p: { x: 1, y: 2 } }, { p: { y: 2, x: 1 } })).toEqual([]);
  });

  it('shows a creation as added fields and a deletion as removed ones, skipping blanks', () => {
    expect(diffAuditValues(null, { id: 'a1', workspaceId: 'w1', name: 'x', handle: null })).toEqual(
      [{ path: 'name', before: undefined, after: 'x', kind: 'added' }],
    );
    expect(diffAuditValues({ role: 'operator' }, null)).toEqual([
      { path: 'role', before: 'operator', after: undefined, kind: 'removed' },
    ]);
  });

  it('handles scalar before/after', () => {
    expect(diffAuditValues('a', 'b')).toEqual([
      { path: '', before: 'a', after: 'b', kind: 'changed' },
    ]);
    expect(diffAuditValues(null, null)).toEqual([]);
  });
});

describe('formatAuditValue', () => {
  it('turns values into short text', () => {
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue(['上海', '杭州'])).toBe('上海, 杭州');
    expect(formatAuditValue(3)).toBe('3');
    expect(formatAuditValue({ postsPerWeek: 3 })).toBe('{"postsPerWeek":3}');
  });
});
