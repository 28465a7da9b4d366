// Repeated timing: warm-up runs first (discarded), then measured runs; each run's wall time in ms.

import { performance } from 'node:perf_hooks';
import { summarize } from './stats';
import type { Stats } from './types';

export interface RepeatOptions {
  warmup: number;
  runs: number;
}

/** Runs `fn` warmup + runs times. `fn` may return its own duration (ms) when the wall time is not the metric. */
export async function repeat(fn: () => Promise<number | void> | number | void, { warmup, runs }: RepeatOptions): Promise<Stats> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const own = await fn();
    samples.push(typeof own === 'number' ? own : performance.now() - t0);
  }
  return summarize(samples, 'ms');
}

/** Collects samples from a function that measures many at once (e.g. one edit session). */
export function fromSamples(samples: number[], warmup: number): Stats {
  return summarize(samples.slice(warmup), 'ms');
}
