/**
 * The few statistics insights need, written out so the numbers can be checked by hand: mean,
 * median, an ordinary least-squares line with its prediction error, and the normal CDF.
 */

/** Two-sided 80% interval of the standard normal: Φ⁻¹(0.9). */
export const Z_80 = 1.2815515655446004;

/** Arithmetic mean; null for an empty list. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Median (mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Error function, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7): plenty for a
 * probability shown as a whole percentage.
 */
export function erf(x: number): number {
  if (x === 0) return 0;
  const sign = x < 0 ? -1 : 1;
  const ax = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * ax);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-ax * ax));
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/** An ordinary least-squares line y = intercept + slope·x over n points. */
export interface TLinearFit {
  n: number;
  slope: number;
  intercept: number;
  /** Residual standard error sqrt(SSE / (n − 2)); 0 when the points lie on the line. */
  residualSe: number;
  meanX: number;
  /** Σ(x − x̄)². */
  sxx: number;
}

/**
 * Fits y = a + b·x by least squares; null with fewer than 3 points or all x equal (no residual
 * degrees of freedom or no slope to speak of).
 */
export function linearFit(xs: readonly number[], ys: readonly number[]): TLinearFit | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  const mx = mean(xs.slice(0, n))!;
  const my = mean(ys.slice(0, n))!;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    sxx += dx * dx;
    sxy += dx * (ys[i]! - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let sse = 0;
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const r = ys[i]! - (intercept + slope * xs[i]!);
    sse += r * r;
    scale = Math.max(scale, Math.abs(ys[i]!));
  }
  let residualSe = Math.sqrt(sse / (n - 2));
  // Rounding leaves ~1e-13 residuals on an exact line; calling that noise would turn "certain"
  // into a coin toss when the target equals the projection.
  if (residualSe <= 1e-9 * Math.max(1, scale)) residualSe = 0;
  return { n, slope, intercept, residualSe, meanX: mx, sxx };
}

/**
 * Standard error of a new observation at x0: s·sqrt(1 + 1/n + (x0 − x̄)²/Sxx). It grows with the
 * distance from the fitted points, which is what makes a forecast interval widen with horizon.
 */
export function predictionSe(fit: TLinearFit, x0: number): number {
  const d = x0 - fit.meanX;
  return fit.residualSe * Math.sqrt(1 + 1 / fit.n + (d * d) / fit.sxx);
}
