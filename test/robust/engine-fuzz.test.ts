// Fuzzes the engine with ≥ 10 000 seeded cases (cases.ts) in a child process, so a hang can be cut off
// and a fatal crash named: each case must finish within its bound, nothing may throw, memory stays
// bounded, and no file or socket is touched. Seed: NHN_FUZZ_SEED or the fixed default, printed.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleDriver } from './bundle';
import { DEFAULT_SEED } from './cases';

const ROOT = path.resolve(__dirname, '../..');
const SEED = Number(process.env.NHN_FUZZ_SEED ?? DEFAULT_SEED);
const SMALL_BOUND_MS = 5_000;
const BIG_BOUND_MS = 120_000;
const HEAP_MB = 3072;

interface Problem {
  index: number;
  kind: string;
  name: string;
  what: string;
}

interface Outcome {
  cases: number;
  problems: Problem[];
  peakRssMB: number;
  trapped: string;
  slowest: { ms: number; label: string };
  done: boolean;
}

/** Runs the driver from case `from` until it ends, hangs or dies. */
function runDriver(driver: string, from: number, outcome: Outcome): Promise<number | undefined> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', `--max-old-space-size=${HEAP_MB}`, driver, ROOT, String(SEED), String(from)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
    let current: Omit<Problem, 'what'> | undefined;
    let big = false;
    let timer: NodeJS.Timeout | undefined;
    let hung = false;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(
        () => {
          hung = true;
          child.kill('SIGKILL');
        },
        big ? BIG_BOUND_MS : SMALL_BOUND_MS,
      );
    };
    arm();
    createInterface({ input: child.stdout }).on('line', (line) => {
      const [tag, ...rest] = line.slice(2).split('\t');
      if (line.startsWith('> ')) {
        current = { index: Number(tag), kind: rest[0], name: rest[1] };
        big = /^(nesting|\d+mb)/.test(rest[0]);
        arm();
      } else if (line.startsWith('< ')) {
        outcome.cases++;
        const ms = Number(rest[0]);
        if (current && ms > outcome.slowest.ms) outcome.slowest = { ms, label: `#${current.index} ${current.kind} ${current.name}` };
      } else if (line.startsWith('! ')) {
        outcome.cases++;
        outcome.problems.push({ ...(current ?? { index: Number(tag), kind: '?', name: '?' }), what: `threw: ${rest.join(' ')}` });
      } else if (line.startsWith('= ')) {
        outcome.peakRssMB = Math.max(outcome.peakRssMB, Number(rest[0]));
        outcome.trapped += rest[1] ?? '';
        outcome.done = true;
      }
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (outcome.done) return resolve(undefined);
      const at = current ?? { index: from, kind: '?', name: '?' };
      outcome.cases++;
      outcome.problems.push({
        ...at,
        what: hung
          ? `hung (no answer within ${big ? BIG_BOUND_MS : SMALL_BOUND_MS} ms)`
          : `process died (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' ')}`,
      });
      resolve(at.index + 1);
    });
  });
}

describe('engine fuzz', () => {
  let dir: string;
  let driver: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-robust-'));
    driver = await bundleDriver(path.join(__dirname, 'engine-driver.ts'), path.join(dir, 'engine-driver.cjs'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    `survives ≥ 10 000 mutated and extreme inputs (seed ${SEED})`,
    async () => {
      const outcome: Outcome = { cases: 0, problems: [], peakRssMB: 0, trapped: '', slowest: { ms: 0, label: '' }, done: false };
      const started = Date.now();
      for (let from: number | undefined = 0; from !== undefined && outcome.problems.length < 20; ) from = await runDriver(driver, from, outcome);
      const crashes = outcome.problems.filter((p) => !p.what.startsWith('hung'));
      const hangs = outcome.problems.filter((p) => p.what.startsWith('hung'));
      console.log(
        `robust/engine: seed ${SEED}: ${outcome.cases} cases in ${((Date.now() - started) / 1000).toFixed(0)} s, ${crashes.length} crashes, ${hangs.length} hangs, ` +
          `peak RSS ${outcome.peakRssMB} MB, slowest ${outcome.slowest.ms} ms (${outcome.slowest.label})`,
      );
      const report = outcome.problems.map((p) => `seed ${SEED} case #${p.index} (${p.kind}, ${p.name}): ${p.what}`).join('\n');
      expect(report, 'crashes and hangs (re-run with NHN_FUZZ_SEED to reproduce)').toBe('');
      expect(outcome.trapped, 'file or network access during analysis').toBe('');
      expect(outcome.cases).toBeGreaterThanOrEqual(10_000);
      expect(outcome.peakRssMB).toBeLessThan(HEAP_MB);
    },
    30 * 60_000,
  );
});
