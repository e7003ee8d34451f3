/**
 * The one place the web app takes platform data from: names, types, guides and profile limits
 * live in @yunce/core (shared with the server's profile check), never copied here.
 */
export {
  PLATFORM_INFO,
  PLATFORM_TYPES,
  PLATFORM_TYPE_INFO,
  measureLength,
  platformGuide,
  platformName,
  platformTypeName,
  platformsOfType,
} from '@yunce/core';
export type {
  TLengthLimit,
  TLengthUnit,
  TPlatformGuide,
  TPlatformInfo,
  TPlatformType,
} from '@yunce/core';
