import type { TLocale } from '@yunce/contracts';

interface Unit {
  value: number;
  suffix: string;
  fractionDigits: number;
}

// Chinese counts in 万 (10⁴) and 亿 (10⁸); English in thousands, millions, billions.
const UNITS: Record<TLocale, readonly Unit[]> = {
  'zh-CN': [
    { value: 1e8, suffix: '亿', fractionDigits: 2 },
    { value: 1e4, suffix: '万', fractionDigits: 1 },
  ],
  'en-US': [
    { value: 1e9, suffix: 'B', fractionDigits: 1 },
    { value: 1e6, suffix: 'M', fractionDigits: 1 },
    { value: 1e3, suffix: 'K', fractionDigits: 1 },
  ],
};

function round(value: number, fractionDigits: number): number {
  const factor = 10 ** fractionDigits;
  return Math.round(value * factor) / factor;
}

/** A number with the locale's digit grouping, e.g. 12,345.6. */
export function formatNumber(value: number, locale: TLocale, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits }).format(value);
}

/**
 * A short count for tables and cards: 1.2万 / 3.45亿 in Chinese, 1.2K / 3.4M in English.
 * Small numbers keep their digits; rounding that reaches the next unit moves up (99,999 → 10万).
 */
export function formatCompactNumber(value: number, locale: TLocale): string {
  if (!Number.isFinite(value)) return '—';
  const units = UNITS[locale];
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (abs < unit.value) continue;
    const scaled = round(abs / unit.value, unit.fractionDigits);
    const larger = units[i - 1];
    if (larger && scaled * unit.value >= larger.value) {
      return `${sign}${formatNumber(round(abs / larger.value, larger.fractionDigits), locale, larger.fractionDigits)}${larger.suffix}`;
    }
    return `${sign}${formatNumber(scaled, locale, unit.fractionDigits)}${unit.suffix}`;
  }
  const smallest = units[units.length - 1]!;
  const rounded = round(abs, 2);
  if (rounded >= smallest.value) return `${sign}1${smallest.suffix}`;
  return `${sign}${formatNumber(rounded, locale)}`;
}

/** A ratio (0.123) as a percentage (12.3%). */
export function formatPercent(ratio: number, locale: TLocale, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }).format(ratio);
}
