/**
 * Compliance engine (SPEC §4): rule data in packages/core/rules, validated with zod, compiled into
 * one matcher; findings carry UTF-16 spans, severity, a plain explanation and suggestions.
 * Pure logic, no I/O: the web editor runs the same code as the server and the CLI.
 */
export { BUILT_IN_RULE_SETS, defaultEngine } from './builtin';
export {
  createComplianceEngine,
  ENGINE_RULE_IDS,
  hasBlocking,
  MAX_COMPLIANCE_HASHTAGS,
  MAX_COMPLIANCE_TEXT_LENGTH,
  type TCheckOptions,
  type TComplianceEngine,
  type TComplianceFinding,
  type TComplianceRuleInfo,
  type TFinding,
  type TPostField,
  type TPostFinding,
  type TPostInput,
} from './engine';
export {
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_DETECTORS,
  COMPLIANCE_SEVERITIES,
  loadRuleSet,
  parseWorkspaceConfig,
  RULE_FILE_CATEGORIES,
  RuleFileError,
  ZComplianceSeverity,
  ZComplianceWorkspaceConfig,
  type TComplianceCategory,
  type TComplianceDetector,
  type TComplianceExemption,
  type TComplianceRule,
  type TComplianceSeverity,
  type TComplianceWorkspaceConfig,
  type TComplianceWorkspaceConfigInput,
  type TDetectorRule,
  type TLengthLimitRule,
  type TPlatformContentLimits,
  type TRuleFileIssue,
  type TRuleSet,
  type TSponsorshipRule,
  type TTermsRule,
} from './schema';
export { findHashtags, findLinks, findMobileNumbers, type THashtag, type TSpan } from './scanners';
