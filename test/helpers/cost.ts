// Cost as a ratio, never as a time: a crafted worst case against a plain input of the same size,
// each measured several times interleaved, the fastest run of each counted (the least disturbed by
// whatever else the machine is doing). Linear code gives a small constant; super-linear code grows
// with the size.

import { performance } from 'node:perf_hooks';

export interface CostRatio {
  worstMs: number;
  plainMs: number;
  /** worstMs / plainMs */
  ratio: number;
}

/** A full collection before each timed run (when node runs with --expose-gc), so one run does not pay for another's garbage. */
const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export function costRatio(worst: () => unknown, plain: () => unknown, runs = 5): CostRatio {
  let worstMs = Infinity;
  let plainMs = Infinity;
  worst(); // warm-up: JIT and lazily built tables are not part of the cost
  plain();
  for (let i = 0; i < runs; i++) {
    collect();
    let t = performance.now();
    plain();
    plainMs = Math.min(plainMs, performance.now() - t);
    collect();
    t = performance.now();
    worst();
    worstMs = Math.min(worstMs, performance.now() - t);
  }
  // A floor of 0.05 ms keeps a near-zero plain run from turning noise into a huge ratio.
  return { worstMs, plainMs, ratio: worstMs / Math.max(plainMs, 0.05) };
}

/**
 * costRatio up to `attempts` times, the lowest ratio kept (stops as soon as one is within `limit`): on a
 * machine shared with other work a long run is interrupted more often than a short one, which can make
 * a linear case look 7× once; a super-linear case is over the limit on every attempt.
 */
export function bestCostRatio(worst: () => unknown, plain: () => unknown, limit: number, runs = 5, attempts = 3): CostRatio {
  let best = costRatio(worst, plain, runs);
  for (let i = 1; i < attempts && best.ratio > limit; i++) {
    const r = costRatio(worst, plain, runs);
    if (r.ratio < best.ratio) best = r;
  }
  return best;
}

/** `unit` repeated to exactly `size` characters (cut at the end). */
export function fill(unit: string | ((i: number) => string), size: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const s = typeof unit === 'string' ? unit : unit(i);
    parts.push(s);
    n += s.length;
  }
  return parts.join('').slice(0, size);
}
