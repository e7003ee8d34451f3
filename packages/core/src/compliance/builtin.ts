/**
 * The rule sets shipped in packages/core/rules, validated at load so a broken data file fails the
 * first import (and the test suite) instead of silently checking nothing.
 */
import absoluteTerms from '../../rules/absolute-terms.json';
import diversion from '../../rules/diversion.json';
import financialPromises from '../../rules/financial-promises.json';
import inducement from '../../rules/inducement.json';
import medicalClaims from '../../rules/medical-claims.json';
import platformLimits from '../../rules/platform-limits.json';
import prohibited from '../../rules/prohibited.json';
import sponsorship from '../../rules/sponsorship.json';
import { createComplianceEngine, type TComplianceEngine } from './engine';
import { loadRuleSet, type TRuleSet } from './schema';

/** Every built-in rule set, in override order (a workspace's own sets go after these). */
export const BUILT_IN_RULE_SETS: readonly TRuleSet[] = [
  loadRuleSet(absoluteTerms, 'absolute-terms.json'),
  loadRuleSet(medicalClaims, 'medical-claims.json'),
  loadRuleSet(financialPromises, 'financial-promises.json'),
  loadRuleSet(inducement, 'inducement.json'),
  loadRuleSet(diversion, 'diversion.json'),
  loadRuleSet(sponsorship, 'sponsorship.json'),
  loadRuleSet(prohibited, 'prohibited.json'),
  loadRuleSet(platformLimits, 'platform-limits.json'),
];

let cached: TComplianceEngine | undefined;

/** The engine for the built-in rules and no workspace config, compiled once on first use. */
export function defaultEngine(): TComplianceEngine {
  cached ??= createComplianceEngine(BUILT_IN_RULE_SETS);
  return cached;
}
