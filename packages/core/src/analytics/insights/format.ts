/**
 * Number formatting for insight texts (findings, forecast explanations, SMART reasons). Written by
 * hand rather than with Intl so the output is the same on every ICU build: the texts are stored in
 * reports and compared in tests.
 */

/**
 * Rounds half away from zero at `decimals` places as people expect (0.2345 → 23.5%), which
 * toFixed alone does not: 23.45 is stored as 23.4499… in binary.
 */
function roundedFixed(value: number, decimals: number): string {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toPrecision(12));
  const rounded = (Math.sign(value) * Math.round(scaled)) / f;
  const text = rounded.toFixed(decimals);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/** Rounds to `decimals` places and drops trailing zeros: 1.20 → '1.2', 3.0 → '3'. */
function trimmedFixed(value: number, decimals: number): string {
  const fixed = roundedFixed(value, decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/** Inserts thousands separators into the integer part of a plain decimal string. */
function group(plain: string): string {
  const negative = plain.startsWith('-');
  const body = negative ? plain.slice(1) : plain;
  const [int = '', frac] = body.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** Plain formatting below the unit threshold: grouped, fewer decimals the larger the number. */
function formatSmall(value: number): string {
  const abs = Math.abs(value);
  if (Number.isInteger(value)) return group(String(value));
  // Tiny fractions (a 0.4% rate passed as a raw number) would round to 0 with fixed decimals.
  if (abs < 0.01) return String(Number(value.toPrecision(2)));
  return group(trimmedFixed(value, abs >= 1000 ? 0 : abs >= 100 ? 1 : 2));
}

/**
 * Formats a number the way Chinese dashboards do: 12000 → '1.2万', 123456789 → '1.2亿', 3456 →
 * '3,456', 12.345 → '12.35', 1234.5 → '1,235'; one decimal for 万/亿, trailing '.0' dropped.
 */
export function formatZhNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  if (abs >= 1e8) return `${sign}${trimmedFixed(abs / 1e8, 1)}亿`;
  if (abs >= 1e4) {
    const wan = Number(roundedFixed(abs / 1e4, 1));
    // 99,999,999 rounds to 10000.0万: say 1亿 instead.
    if (wan >= 1e4) return `${sign}${trimmedFixed(abs / 1e8, 1)}亿`;
    return `${sign}${trimmedFixed(wan, 1)}万`;
  }
  return formatSmall(value);
}

/** English counterpart of formatZhNumber: 12000 → '12K', 1234567 → '1.2M', 3456 → '3,456'. */
export function formatEnNumber(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  // Same threshold as 万 (10,000) so both locales switch to short form at the same values.
  if (abs < 1e4) return formatSmall(value);
  const units: readonly [number, string][] = [
    [1e3, 'K'],
    [1e6, 'M'],
    [1e9, 'B'],
  ];
  let index = abs >= 1e9 ? 2 : abs >= 1e6 ? 1 : 0;
  // 999,999 would round to '1000K': promote to the next unit instead.
  if (index < 2 && Number(roundedFixed(abs / units[index]![0], 1)) >= 1000) index += 1;
  const [size, suffix] = units[index]!;
  return `${sign}${trimmedFixed(abs / size, 1)}${suffix}`;
}

/** A number with exactly `decimals` decimals, rounded half away from zero: 2.15 → '2.2'. */
export function formatDecimal(value: number, decimals = 1): string {
  if (!Number.isFinite(value)) return '—';
  return roundedFixed(value, decimals);
}

/** A ratio as a percentage with one decimal: 0.2345 → '23.5%' (the same in both locales). */
export function formatPercent(ratio: number, decimals = 1): string {
  if (!Number.isFinite(ratio)) return '—';
  return `${roundedFixed(ratio * 100, decimals)}%`;
}

/** A signed number for rates of change: '+12', '-3.5' (zero has no sign). */
export function formatSigned(value: number, format: (value: number) => string): string {
  const text = format(value);
  return value > 0 ? `+${text}` : text;
}
