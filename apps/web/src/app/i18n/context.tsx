import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { TLocale } from '@yunce/contracts';
import { setApiLocale } from '../api';
import { dayjs, dayjsLocale } from '../dates';
import { DEFAULT_LOCALE, LOCALES, MESSAGES, isMessageKey, type MessageKey } from './messages';
import { translate, type MessageVars } from './translate';
import { formatCompactNumber, formatNumber, formatPercent } from './numbers';

const STORAGE_KEY = 'yunce.locale';

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export interface I18nValue {
  locale: TLocale;
  setLocale: (locale: TLocale) => void;
  t: Translate;
  /** Translates a key that only exists at run time (e.g. an error code); undefined when unknown. */
  tMaybe: (key: string, vars?: MessageVars) => string | undefined;
  formatNumber: (value: number, maximumFractionDigits?: number) => string;
  formatCompact: (value: number) => string;
  formatPercent: (ratio: number) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

function isLocale(value: unknown): value is TLocale {
  return LOCALES.includes(value as TLocale);
}

/** The language the person picked on this device, if any. */
export function readStoredLocale(): TLocale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

function applyLocale(locale: TLocale) {
  setApiLocale(locale);
  dayjs.locale(dayjsLocale(locale));
  document.documentElement.lang = locale;
}

export function I18nProvider({
  children,
  onLocaleChange,
}: {
  children: ReactNode;
  onLocaleChange?: (locale: TLocale) => void;
}) {
  const [locale, setLocaleState] = useState<TLocale>(() => {
    const initial = readStoredLocale() ?? DEFAULT_LOCALE;
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback(
    (next: TLocale) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private mode: the choice lasts for this tab only.
      }
      applyLocale(next);
      setLocaleState(next);
      onLocaleChange?.(next);
    },
    [onLocaleChange],
  );

  const value = useMemo<I18nValue>(() => {
    const messages = MESSAGES[locale];
    return {
      locale,
      setLocale,
      t: (key, vars) => translate(messages, key, vars),
      tMaybe: (key, vars) => (isMessageKey(key) ? translate(messages, key, vars) : undefined),
      formatNumber: (n, digits) => formatNumber(n, locale, digits),
      formatCompact: (n) => formatCompactNumber(n, locale),
      formatPercent: (r) => formatPercent(r, locale),
    };
  }, [locale, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Shorthand for components that only translate. */
export function useT(): Translate {
  return useI18n().t;
}
