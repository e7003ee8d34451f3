/**
 * Content calendar logic (SPEC §4, issue 3 item 5): marketing nodes, statutory holidays and the
 * publishing-frequency plan. Pure, no I/O; lunar dates and holidays via chinese-days.
 */
export {
  MARKETING_NODES,
  MAX_NODE_RANGE_DAYS,
  nodesInRange,
  type TMarketingNode,
  type TNodeDateRule,
  type TNodeImportance,
  type TNodeKind,
  type TNodeOccurrence,
  type TNodeRule,
  type TNodesInRangeOptions,
} from './nodes';
export {
  MAX_HOLIDAY_RANGE_DAYS,
  statutoryHolidaysInRange,
  type TStatutoryDay,
  type TStatutoryHolidayId,
  type TStatutoryHolidays,
} from './holidays';
export {
  analyzeFrequency,
  frequencyGapThreshold,
  frequencyOverloadThreshold,
  MAX_FREQUENCY_RANGE_DAYS,
  type TFrequencyAnalysis,
  type TFrequencyGap,
  type TFrequencyPlan,
  type TFrequencyWeek,
  type TOverloadedDay,
} from './frequency';
export { LUNAR_SUPPORTED_YEARS, type TSolarTermKey } from './chinese-days-adapter';
export { isCalendarDate } from './dates';
export {
  PLATFORM_DEFAULT_HOURS,
  recommendSlot,
  type TRecommendedSlot,
  type TRecommendSlotInput,
  type TSlotPreference,
} from './slot';
