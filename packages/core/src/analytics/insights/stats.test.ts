import { describe, expect, it } from 'vitest';
import { erf, linearFit, mean, median, normalCdf, predictionSe } from './stats';

describe('normalCdf', () => {
  it('matches the standard normal table', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(1.2815516)).toBeCloseTo(0.9, 6);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
  });

  it('erf is odd', () => {
    expect(erf(0.5)).toBeCloseTo(0.5204999, 6);
    expect(erf(-0.5)).toBeCloseTo(-0.5204999, 6);
  });
});

describe('mean and median', () => {
  it('handle odd, even and empty lists', () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });
});

describe('linearFit', () => {
  it('recovers an exact line with zero residual error', () => {
    const fit = linearFit([0, 1, 2, 3], [1, 3, 5, 7])!;
    expect(fit.slope).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(1, 12);
    expect(fit.residualSe).toBe(0);
  });

  it('gives the textbook prediction error', () => {
    // y = 0,2,0,2,0 at x = 0..4: s² = 1.6, Sxx = 10, x̄ = 2.
    const fit = linearFit([0, 1, 2, 3, 4], [0, 2, 0, 2, 0])!;
    expect(fit.residualSe).toBeCloseTo(Math.sqrt(1.6), 12);
    expect(predictionSe(fit, 2)).toBeCloseTo(Math.sqrt(1.6 * 1.2), 12);
    expect(predictionSe(fit, 12)).toBeCloseTo(Math.sqrt(1.6 * 11.2), 12);
  });

  it('needs three points with different x', () => {
    expect(linearFit([0, 1], [1, 2])).toBeNull();
    expect(linearFit([1, 1, 1], [1, 2, 3])).toBeNull();
  });
});
