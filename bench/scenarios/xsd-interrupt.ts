// An edit arrives while libxml2 validates a 20 MB MsgHead (the previous version). Time from the edit to the
// new findings, the way the server does it (in-process here, without LSP transport): the stale analysis'
// AbortSignal fires, the new analysis starts after DEBOUNCE_MS (subtracted, as in edit-latency), runs all
// checks on the main thread and validates in the worker. Ours: the worker client interrupts the stale
// validation when its learned costs say so (terminates the thread, a fresh one starts during the debounce,
// the set recompiles lazily). Anchor: the same client with interruption off (the stale validation runs to
// its end). Cases: the edited 20 MB message itself, and a small message in another editor.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze, createChecks, createEngine, DEFAULT_SETTINGS, type AnalysisContext } from '../../server/src/engine';
import { createHost } from '../../server/src/host/resolvers';
import { WorkerXsdService } from '../../server/src/host/xsd-client';
import { InterruptPolicy } from '../../server/src/host/xsd-interrupt';
import { DEBOUNCE_MS } from '../../server/src/lsp/validator';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario } from '../lib/types';
import { msgHead } from './xsd-validation';

const scenario: Scenario = {
  name: 'xsd-interrupt',
  description: 'Edit → new findings while a 20 MB MsgHead validation runs in the worker: stale validation interrupted (fresh worker) vs run to its end.',
  async run({ quick, root, log }) {
    const schemas = path.resolve(root, '../shared/fixtures/nhn-schemas/kith-core');
    const mb = quick ? 5 : 20;
    const big = msgHead(mb * 1_000_000);
    const edited = big.replace('<Tema>Notat 1</Tema>', '<Tema>Notat 1 (endret)</Tema>');
    const small = msgHead(5_000);
    const uri = path.join(root, 'bench/out/xsd-interrupt.xml');
    const otherUri = path.join(root, 'bench/out/xsd-interrupt-other.xml');
    const runs = quick ? 3 : 6;
    const checks = createChecks();
    /** One client (interrupting or not) and the analysis the server would run with it. */
    const session = (interrupt: boolean) => {
      const service = new WorkerXsdService(path.join(root, 'dist/xsd-worker.mjs'), new InterruptPolicy(interrupt));
      const resolvers = { ...createHost(), xsd: service };
      const engine = createEngine(resolvers);
      const ctx = (signal: AbortSignal): AnalysisContext =>
        engine.context({ today: '2026-11-26', language: 'en', settings: { ...DEFAULT_SETTINGS, schemaPaths: [schemas] }, signal });
      const run = (doc: { uri: string; text: string }, signal = new AbortController().signal) =>
        analyze({ uri: doc.uri, languageId: 'xml', text: doc.text }, ctx(signal), checks);
      return { service, run, samples: [] as number[] };
    };
    /** The stale big validation in the worker, the edit 50 ms into it, the next analysis after the debounce. */
    const once = async (s: ReturnType<typeof session>, next: { uri: string; text: string }): Promise<number> => {
      const stale = new AbortController();
      const running = s.run({ uri, text: big }, stale.signal);
      while (!s.service.busy) await new Promise((r) => setTimeout(r, 1));
      await new Promise((r) => setTimeout(r, 50));
      const t0 = performance.now();
      stale.abort();
      await new Promise((r) => setTimeout(r, DEBOUNCE_MS));
      const result = await s.run(next);
      if (result.findings.some((f) => f.ruleId.startsWith('xsd/'))) throw new Error(`unexpected findings: ${result.findings[0]?.message}`);
      const ms = performance.now() - t0 - DEBOUNCE_MS;
      await running;
      await s.run({ uri: otherUri, text: small }); // let any stale run end before the next sample
      return ms;
    };
    const rows: BenchRow[] = [];
    for (const [name, next] of [
      [`the edited ${mb} MB message`, { uri, text: edited }],
      ['a 5 KB message in another editor', { uri: otherUri, text: small }],
    ] as const) {
      log(`xsd-interrupt: ${name}`);
      const ours = session(true);
      const anchor = session(false);
      try {
        for (const s of [ours, anchor]) await s.run({ uri, text: big }); // index, compile, warm worker
        // Interleaved, alternating which goes first, so load drift on a shared machine hits both alike.
        for (let i = 0; i < runs + 1; i++) {
          for (const s of i % 2 ? [anchor, ours] : [ours, anchor]) {
            const ms = await once(s, next);
            if (i > 0) s.samples.push(ms); // the first round warms up
          }
        }
      } finally {
        await Promise.all([ours.service.dispose(), anchor.service.dispose()]);
      }
      rows.push({
        scenario: 'xsd-interrupt',
        case: `edit during a ${mb} MB validation → findings for ${name}`,
        ours: summarize(ours.samples, 'ms'),
        anchor: { name: 'same client, stale validation runs to its end', stats: summarize(anchor.samples, 'ms') },
        note: `${DEBOUNCE_MS} ms debounce subtracted; all checks (main thread) + worker; ours interrupted ${ours.service.stats.interrupted} of ${runs + 1} stale validations; runs interleaved`,
      });
    }
    return rows;
  },
};
export default scenario;
