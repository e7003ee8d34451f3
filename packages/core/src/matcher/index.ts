export { createMatcher } from './aho-corasick';
export type { Match, Matcher, MatcherOptions, MatcherPattern } from './aho-corasick';
export {
  FILLER_CHARACTERS,
  foldCodeUnit,
  isFillerCodeUnit,
  normalizeForMatching,
  normalizeText,
} from './normalize';
export type { NormalizedText } from './normalize';
