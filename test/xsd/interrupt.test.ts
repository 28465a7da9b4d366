// A validation superseded while libxml2 runs it is interrupted (worker thread terminated, a fresh one
// started), requests queued behind it survive, no thread leaks, and a crashed worker rejects cleanly
// and is replaced. Real libxml2 in the built dist/xsd-worker.mjs, real fixture schemas.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze, createChecks } from '../../server/src/engine';
import { analyzed } from '../../server/src/engine/core/document';
import { documentSchemaSet } from '../../server/src/engine/xsd/check';
import type { BuiltSet } from '../../server/src/engine/xsd/schema-set';
import { createHost } from '../../server/src/host/resolvers';
import { AbortedError, WorkerXsdService } from '../../server/src/host/xsd-client';
import { InterruptPolicy } from '../../server/src/host/xsd-interrupt';
import { context } from '../helpers/engine';
import { bigDialog, withBadGenDate } from './big-message';
import { inside, instance, SCHEMA_PATHS } from './helpers';

const WORKER = path.resolve(__dirname, '../../dist/xsd-worker.mjs');
const FILE = path.join(__dirname, 'instances/big-dialog.xml');
const threads = () => readdirSync('/proc/self/task').length;

/** Waits until the process has `n` threads (terminated workers exit asynchronously); returns the last count. */
async function settleTo(n: number): Promise<number> {
  for (let i = 0; i < 100 && threads() !== n; i++) await new Promise((r) => setTimeout(r, 20));
  return threads();
}

describe('interrupting a superseded validation', () => {
  const service = new WorkerXsdService(WORKER);
  const resolvers = { ...createHost(), xsd: service };
  const ctx = (signal?: AbortSignal) => context({ host: resolvers, settings: { schemaPaths: SCHEMA_PATHS }, signal });
  const big = bigDialog(12_000_000);
  let set: BuiltSet;
  let fullMs = 0;
  let baseThreads = 0;

  beforeAll(async () => {
    baseThreads = threads();
    set = (await documentSchemaSet(analyzed({ uri: FILE, languageId: 'xml', text: big }), ctx()))!;
    // Warm up (worker start, compile), then the full validation time in this run.
    await service.validate(set.key, () => set.schema, big, FILE);
    const t0 = performance.now();
    const full = await service.validate(set.key, () => set.schema, big, FILE);
    fullMs = performance.now() - t0;
    expect(full).toMatchObject({ parsed: true, issues: [] });
  }, 120000);
  afterAll(() => service.dispose());

  it('settles long before the full validation would, and queued requests still complete', async () => {
    const started = service.stats.started;
    const stale = new AbortController();
    const interrupted = service.validate(set.key, () => set.schema, big, FILE, { signal: stale.signal });
    const settled = interrupted.then(
      () => performance.now(),
      () => performance.now(),
    );
    // Queued behind it: a small validation with an error, and a compile.
    const small = withBadGenDate(instance('dialog-1.1-valid.xml').text);
    const queued = service.validate(set.key, () => set.schema, small, FILE);
    const compiled = service.compile(set.key, () => set.schema);
    while (!service.busy) await new Promise((r) => setTimeout(r, 2));
    await new Promise((r) => setTimeout(r, fullMs * 0.1));
    const abortedAt = performance.now();
    stale.abort();
    await expect(interrupted).rejects.toBeInstanceOf(AbortedError);
    // Abort → caller released, against the whole validation measured above (without this, ~0.9).
    const ratio = ((await settled) - abortedAt) / fullMs;
    expect(ratio).toBeLessThan(0.15);
    // The requests queued behind it cut it off: one fresh worker.
    expect(service.stats.interrupted).toBe(1);
    expect(service.stats.started).toBe(started + 1);
    const q = await queued;
    expect(q.issues).toMatchObject([{ message: expect.stringContaining("'2026-11-31T10:00:00' is not a valid value") }]);
    // The fresh worker compiled the set again (from the files callback), and the compile after it reused it.
    expect(q.compile.ms).toBeGreaterThan(0);
    await expect(compiled).resolves.toMatchObject({ ok: true, ms: 0 });
  }, 60000);

  it('gives the next version correct findings through the check', async () => {
    const text = withBadGenDate(big);
    const result = await analyze({ uri: FILE, languageId: 'xml', text }, ctx(new AbortController().signal), createChecks());
    expect(result.findings.filter((f) => f.ruleId.startsWith('xsd/')).map((f) => [f.ruleId, f.range])).toEqual([
      ['xsd/invalid-value', inside(text, '<GenDate>2026-11-31T10:00:00<', '2026-11-31T10:00:00')],
    ]);
  }, 60000);

  it('returns nothing for the stale version at once, and the next request interrupts the stale run', async () => {
    const stale = new AbortController();
    const pending = analyze({ uri: FILE, languageId: 'xml', text: withBadGenDate(big) }, ctx(stale.signal), createChecks());
    // Abort once the document reached the worker (the check's own parse runs first, on this thread).
    const before = { ...service.stats };
    const until = performance.now() + 30000;
    while (!service.busy && performance.now() < until) await new Promise((r) => setTimeout(r, 5));
    stale.abort();
    const result = await pending;
    expect(result.findings.filter((f) => f.ruleId.startsWith('xsd/'))).toEqual([]);
    // Nobody waits for the worker yet: the stale run goes on (a warm worker is worth keeping).
    expect(service.stats).toEqual(before);
    expect(service.busy).toBe(true);
    // Another document needs the worker: the stale run is cut off and it is served by a fresh worker.
    const other = instance('dialog-1.1-valid.xml');
    await expect(service.validate(set.key, () => set.schema, other.text, other.file)).resolves.toMatchObject({ issues: [] });
    expect(service.stats).toEqual({ started: before.started + 1, interrupted: before.interrupted + 1 });
  }, 60000);

  it('leaks no worker thread over repeated interruptions', async () => {
    await service.validate(set.key, () => set.schema, '<x/>', FILE);
    const withWorker = await settleTo(threads());
    for (let i = 0; i < 4; i++) {
      const stale = new AbortController();
      const p = service.validate(set.key, () => set.schema, big, FILE, { signal: stale.signal });
      await new Promise((r) => setTimeout(r, 30));
      stale.abort();
      await expect(p).rejects.toBeInstanceOf(AbortedError);
    }
    expect(await settleTo(withWorker)).toBe(withWorker);
    await service.dispose();
    expect(service.alive).toBe(false);
    expect(await settleTo(baseThreads)).toBe(baseThreads);
  }, 60000);
});

describe('the interrupt policy', () => {
  it('interrupts when the learned remaining time exceeds the learned restart cost, else waits for an overrun', () => {
    const policy = new InterruptPolicy();
    policy.recordValidation(1_000_000, 40);
    policy.recordValidation(1_000_000, 40);
    policy.recordStartup(150);
    policy.recordValidation(50, 1000); // too small to learn from
    expect(policy.estimates.startupMs).toBe(150);
    expect(policy.delay(20_000_000, 100)).toBe(0);
    expect(policy.delay(2_000_000, 10)).toBeCloseTo(70 + 150);
    expect(policy.delay(20_000_000, 900)).toBe(150);
    expect(new InterruptPolicy(false).delay(20_000_000, 0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('lets a small superseded validation finish on the same worker', async () => {
    const service = new WorkerXsdService(WORKER);
    try {
      const small = instance('dialog-1.1-valid.xml');
      const text = bigDialog(300_000);
      const resolvers = { ...createHost(), xsd: service };
      const set = (await documentSchemaSet(
        analyzed({ uri: small.file, languageId: 'xml', text: small.text }),
        context({ host: resolvers, settings: { schemaPaths: SCHEMA_PATHS } }),
      ))!;
      await service.validate(set.key, () => set.schema, text, small.file);
      const stale = new AbortController();
      const p = service.validate(set.key, () => set.schema, text, small.file, { signal: stale.signal });
      while (!service.busy) await new Promise((r) => setTimeout(r, 1));
      stale.abort();
      await expect(p).rejects.toBeInstanceOf(AbortedError);
      // A request waits behind it, but its remaining time is below a restart's: it is left to finish.
      await expect(service.validate(set.key, () => set.schema, small.text, small.file)).resolves.toMatchObject({ issues: [], compile: { ms: 0 } });
      expect(service.stats).toEqual({ started: 1, interrupted: 0 });
    } finally {
      await service.dispose();
    }
  }, 60000);
});

describe('a worker that dies', () => {
  const service = new WorkerXsdService(WORKER);
  afterAll(() => service.dispose());

  it('rejects the request it was running, then serves the queued one on a fresh worker', async () => {
    const resolvers = { ...createHost(), xsd: service };
    const small = instance('dialog-1.1-valid.xml');
    const set = (await documentSchemaSet(
      analyzed({ uri: small.file, languageId: 'xml', text: small.text }),
      context({ host: resolvers, settings: { schemaPaths: SCHEMA_PATHS } }),
    ))!;
    await expect(service.validate(set.key, () => set.schema, small.text, small.file)).resolves.toMatchObject({ issues: [] });
    const running = service.validate(set.key, () => set.schema, bigDialog(6_000_000), small.file);
    const queued = service.validate(set.key, () => set.schema, withBadGenDate(small.text), small.file);
    while (!service.busy) await new Promise((r) => setTimeout(r, 2));
    // The thread dies under the request (as on a crash): killed from outside, the client is not told why.
    await (service as unknown as { thread: { worker: { terminate(): Promise<number> } } }).thread.worker.terminate();
    await expect(running).rejects.toThrow(/XSD worker exited/);
    await expect(queued).resolves.toMatchObject({ issues: [{ message: expect.stringContaining("'2026-11-31T10:00:00' is not a valid value") }] });
    expect(service.stats.started).toBe(2);
  }, 60000);

  it('that cannot start rejects every request with an error instead of hanging', async () => {
    const broken = new WorkerXsdService(path.join(__dirname, 'no-such-worker.mjs'));
    try {
      await expect(broken.compile('k', () => ({ entry: '', files: {} }))).rejects.toThrow(/XSD worker (failed|exited)/);
      await expect(broken.validate('k', () => ({ entry: '', files: {} }), '<x/>', '/x.xml')).rejects.toThrow(/XSD worker (failed|exited)/);
    } finally {
      await broken.dispose();
    }
  });
});
