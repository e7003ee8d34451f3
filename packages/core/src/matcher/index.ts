export { createMatcher } from './aho-corasick';
export type { TMatch, TMatcher, TMatcherOptions, TMatcherPattern } from './aho-corasick';
export {
  FILLER_CHARACTERS,
  foldCodeUnit,
  isFillerCodeUnit,
  normalizeForMatching,
  normalizeText,
} from './normalize';
export type { TNormalizedText } from './normalize';
