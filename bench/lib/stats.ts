// Summaries of repeated measurements: median and p95 (nearest rank), min and max for the spread.

import type { Stats } from './types';

function rank(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(samples: number[], unit: Stats['unit'] = 'ms'): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n === 0 ? NaN : n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { unit, n, median, p95: rank(sorted, 0.95), min: sorted[0] ?? NaN, max: sorted[n - 1] ?? NaN };
}

/** A single value (a size, a count) as Stats. */
export function single(value: number, unit: Stats['unit']): Stats {
  return summarize([value], unit);
}

/** Spread as a percentage of the median: (max − min) / median. */
export function spreadPercent(s: Stats): number {
  return s.median > 0 ? ((s.max - s.min) / s.median) * 100 : 0;
}
