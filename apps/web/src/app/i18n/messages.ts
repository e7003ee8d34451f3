import type { TLocale } from '@yunce/contracts';
import { zhCN } from './zh-CN';
import { enUS } from './en-US';

/** Every message key; zh-CN is the source of truth and en-US must have exactly the same keys. */
export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

export const MESSAGES: Record<TLocale, Messages> = { 'zh-CN': zhCN, 'en-US': enUS };

export const LOCALES: readonly TLocale[] = ['zh-CN', 'en-US'];
export const DEFAULT_LOCALE: TLocale = 'zh-CN';

/** Whether a runtime string is one of our keys (for codes that come from the server). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zhCN, key);
}
