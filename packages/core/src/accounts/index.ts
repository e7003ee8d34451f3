/**
 * Accounts domain (SPEC §2): platform guide and limits, and the account profile check.
 * Pure logic, no I/O.
 */
export {
  PLATFORM_INFO,
  PLATFORM_TYPES,
  PLATFORM_TYPE_INFO,
  platformGuide,
  platformName,
  platformsOfType,
  platformTypeName,
  type TLengthLimit,
  type TLocalized,
  type TPlatformGuide,
  type TPlatformInfo,
  type TPlatformType,
  type TPlatformTypeInfo,
  type TProfileLimits,
} from './platforms';
export { measureLength, type TLengthUnit } from './text';
export {
  checkProfile,
  DEFAULT_STALE_DAYS,
  NAME_SOFT_MAX_WEIGHTED,
  PROFILE_ISSUE_CODES,
  scoreProfileIssues,
  SEVERITY_PENALTY,
  type TProfileCheckOptions,
  type TProfileInput,
  type TProfileIssueCode,
  type TSeverity,
} from './profile-check';
