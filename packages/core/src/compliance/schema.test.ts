import { describe, expect, it } from 'vitest';
import { createComplianceEngine } from './engine';
import { loadRuleSet, parseWorkspaceConfig, RuleFileError } from './schema';

/** A minimal valid file; tests break one field at a time. */
function file(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'test_set',
    version: '2026.11.1',
    title: { 'zh-CN': '测试', 'en-US': 'Test' },
    description: 'test',
    rules: [
      {
        kind: 'terms',
        id: 'test.good',
        category: 'absolute_terms',
        severity: 'block',
        terms: ['最好'],
        explanation: { 'zh-CN': '说明', 'en-US': 'Explanation' },
      },
    ],
    ...overrides,
  };
}

function rule(overrides: Record<string, unknown>): Record<string, unknown> {
  return { ...(file().rules as Record<string, unknown>[])[0], ...overrides };
}

function errorOf(run: () => unknown): RuleFileError {
  try {
    run();
  } catch (e) {
    if (e instanceof RuleFileError) return e;
    throw e;
  }
  throw new Error('expected a RuleFileError');
}

describe('loadRuleSet', () => {
  it('accepts a valid file and fills defaults', () => {
    const set = loadRuleSet(file(), 'test.json');
    expect(set.fileName).toBe('test.json');
    const r = set.rules[0]!;
    expect(r.kind === 'terms' && r.seeThroughFillers).toBe(false);
    expect(r.suggestions).toEqual([]);
    expect(r.workspaceAllowable).toBe(true);
    expect(set.exemptions).toEqual([]);
  });

  it('names the file, the rule id and the field of a bad severity', () => {
    const e = errorOf(() =>
      loadRuleSet(file({ rules: [rule({ severity: 'fatal' })] }), 'absolute-terms.json'),
    );
    expect(e.fileName).toBe('absolute-terms.json');
    expect(e.issues[0]).toMatchObject({ path: 'rules[0].severity', ruleId: 'test.good' });
    expect(e.message).toContain('"absolute-terms.json"');
    expect(e.message).toContain('rules[0].severity (id "test.good")');
  });

  it('rejects a rule without terms, an empty term and a misspelt field', () => {
    expect(
      errorOf(() => loadRuleSet(file({ rules: [rule({ terms: [] })] }), 'f.json')).message,
    ).toMatch(/rules\[0\]\.terms \(id "test\.good"\): needs at least one term/);
    expect(
      errorOf(() => loadRuleSet(file({ rules: [rule({ terms: [''] })] }), 'f.json')).message,
    ).toMatch(/rules\[0\]\.terms\[0\].*must not be empty/);
    expect(
      errorOf(() => loadRuleSet(file({ rules: [rule({ seeThroughFiller: true })] }), 'f.json'))
        .message,
    ).toMatch(/seeThroughFiller/);
  });

  it('rejects a missing explanation language, a bad version and a bad id', () => {
    expect(
      errorOf(() =>
        loadRuleSet(file({ rules: [rule({ explanation: { 'zh-CN': '说明' } })] }), 'f.json'),
      ).message,
    ).toContain('rules[0].explanation.en-US');
    expect(errorOf(() => loadRuleSet(file({ version: '1.0' }), 'f.json')).message).toContain(
      'version: must look like 2026.11.1',
    );
    expect(
      errorOf(() => loadRuleSet(file({ rules: [rule({ id: 'Bad Id' })] }), 'f.json')).message,
    ).toContain('rules[0].id (id "Bad Id")');
    expect(
      errorOf(() => loadRuleSet(file({ rules: [rule({ id: 'workspace.x' })] }), 'f.json')).message,
    ).toContain('reserved prefix');
  });

  it('rejects an unknown kind, platform or category', () => {
    expect(() => loadRuleSet(file({ rules: [rule({ kind: 'regex' })] }), 'f.json')).toThrow(
      /rules\[0\]/,
    );
    expect(() =>
      loadRuleSet(file({ rules: [rule({ platforms: ['myspace'] })] }), 'f.json'),
    ).toThrow(/rules\[0\]\.platforms\[0\]/);
    expect(() => loadRuleSet(file({ rules: [rule({ category: 'misc' })] }), 'f.json')).toThrow(
      /rules\[0\]\.category/,
    );
  });

  it('rejects duplicate ids, filler-only see-through terms and stray platform severities', () => {
    expect(() => loadRuleSet(file({ rules: [rule({}), rule({})] }), 'f.json')).toThrow(
      /rules\[1\]\.id \(id "test\.good"\): duplicate rule id/,
    );
    expect(() =>
      loadRuleSet(file({ rules: [rule({ terms: ['* *'], seeThroughFillers: true })] }), 'f.json'),
    ).toThrow(/only of filler characters/);
    expect(() =>
      loadRuleSet(
        file({
          rules: [rule({ platforms: ['xiaohongshu'], severityByPlatform: { douyin: 'warn' } })],
        }),
        'f.json',
      ),
    ).toThrow(/severityByPlatform\.douyin.*not in the rule's platforms/);
  });

  it('rejects non-objects', () => {
    expect(() => loadRuleSet(null, 'f.json')).toThrow(RuleFileError);
    expect(() => loadRuleSet('[]', 'f.json')).toThrow(/\(root\)/);
  });
});

describe('engine-level validation', () => {
  it('names the exemption that points at an unknown rule', () => {
    const set = loadRuleSet(
      file({
        exemptions: [
          {
            id: 'exempt.x',
            appliesTo: ['test.missing'],
            phrases: ['最好的时候'],
            explanation: { 'zh-CN': '说明', 'en-US': 'Explanation' },
          },
        ],
      }),
      'mine.json',
    );
    expect(() => createComplianceEngine([set])).toThrow(
      /"mine\.json": exemptions\[0\]\.appliesTo\[0\] \(id "exempt\.x"\): unknown rule id "test\.missing"/,
    );
  });

  it('rejects a malformed workspace config with the field named', () => {
    expect(() => parseWorkspaceConfig({ bannedWords: [''] })).toThrow(
      /workspace config.*bannedWords\[0\]/,
    );
    expect(() =>
      parseWorkspaceConfig({ severityOverrides: { 'absolute.zuijia': 'fatal' } } as never),
    ).toThrow(/severityOverrides\.absolute\.zuijia/);
    expect(parseWorkspaceConfig(undefined).bannedWords).toEqual([]);
  });
});
