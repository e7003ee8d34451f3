/**
 * Title helper (SPEC §4, issue 3 item 6): per-platform title limits, clickbait and keyword
 * warnings, A/B variant comparison. Pure, no I/O.
 */
export {
  analyzeTitle,
  compareTitleVariants,
  TITLE_WARNING_CODES,
  type TTitleAnalysis,
  type TTitleComparison,
  type TTitleInput,
  type TTitleVariantResult,
  type TTitleWarning,
  type TTitleWarningCode,
} from './analyze';
export {
  PLATFORM_TITLE_RULES,
  TITLE_CLICKBAIT_PHRASES,
  type TClickbaitKind,
  type TClickbaitPhrase,
  type TTitleRule,
} from './rules';
