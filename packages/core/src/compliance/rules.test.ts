/**
 * Integrity of the built-in rule data: ids, explanations, terms, suggestions, versions.
 */
import { PLATFORMS } from '@yunce/contracts';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULE_SETS, defaultEngine } from './builtin';
import { createComplianceEngine } from './engine';

const rules = BUILT_IN_RULE_SETS.flatMap((s) => s.rules);
const exemptions = BUILT_IN_RULE_SETS.flatMap((s) => s.exemptions);

describe('built-in rule sets', () => {
  it('are versioned and cover every category and platform', () => {
    for (const set of BUILT_IN_RULE_SETS) expect(set.version).toBe('2026.11.1');
    expect(new Set(rules.map((r) => r.category))).toEqual(
      new Set([
        'absolute_terms',
        'medical_claims',
        'financial_promises',
        'inducement',
        'diversion',
        'sponsorship',
        'prohibited',
      ]),
    );
    const limited = BUILT_IN_RULE_SETS.flatMap((s) => s.platformLimits).map((l) => l.platform);
    expect([...limited].sort()).toEqual([...PLATFORMS].sort());
  });

  it('have unique rule and exemption ids across all files', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const exIds = exemptions.map((e) => e.id);
    expect(new Set(exIds).size).toBe(exIds.length);
  });

  it('give every rule an explanation in both languages and every word rule a term', () => {
    for (const r of rules) {
      expect(r.explanation['zh-CN'].length, r.id).toBeGreaterThan(5);
      expect(r.explanation['en-US'].length, r.id).toBeGreaterThan(5);
      if (r.kind === 'terms') expect(r.terms.length, r.id).toBeGreaterThan(0);
    }
  });

  it('never list the same term twice within a category', () => {
    const seen = new Map<string, string>();
    for (const r of rules) {
      if (r.kind !== 'terms') continue;
      for (const t of r.terms) {
        const key = `${r.category}:${t.toLowerCase()}`;
        expect(seen.get(key), `${t} in ${r.id}`).toBeUndefined();
        seen.set(key, r.id);
      }
    }
  });

  it('find each of their own terms (nothing is unreachable or self-exempted)', () => {
    const engine = defaultEngine();
    for (const r of rules) {
      if (r.kind !== 'terms') continue;
      const platform = r.platforms?.[0];
      for (const t of r.terms) {
        const ids = engine
          .check(`\u3000${t}\u3000`, platform === undefined ? {} : { platform })
          .findings.map((f) => f.ruleId);
        // A shorter term inside a longer rule's term of the same category may be swallowed by it;
        // then the longer rule must be there instead.
        expect(ids.length, `${t} (${r.id})`).toBeGreaterThan(0);
      }
    }
  });

  it('suggest nothing that is itself blocked, on any platform', () => {
    const engine = defaultEngine();
    for (const r of rules) {
      for (const s of r.suggestions) {
        for (const platform of PLATFORMS) {
          const blocking = engine
            .check(s, { platform })
            .findings.filter((f) => f.severity === 'block');
          expect(blocking, `${r.id} suggests "${s}" (${platform})`).toEqual([]);
        }
      }
    }
  });

  it('build fast enough to build per workspace', () => {
    const t0 = performance.now();
    createComplianceEngine(BUILT_IN_RULE_SETS);
    // Generous for CI; the bench reports the real figure (a few ms).
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
