// An edit arrives while libxml2 validates a 20 MB MsgHead (the previous version): time from the edit (the
// stale validation's AbortSignal fires and the new request is queued) to the new result, with the worker
// interrupting the stale validation (ours: terminate the thread, start a fresh one, recompile lazily)
// against the same worker client with interruption off (anchor: the stale validation runs to its end).
// Two cases: the edited 20 MB message itself, and a small message in another editor (what a second
// document waits). Service level; the new request is sent after the server's debounce (DEBOUNCE_MS, during
// which the fresh worker starts), and the debounce is subtracted, as in edit-latency.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyzed } from '../../server/src/engine/document';
import { DEFAULT_SETTINGS } from '../../server/src/engine';
import { documentSchemaSet } from '../../server/src/engine/xsd/check';
import { createResolvers } from '../../server/src/host/resolvers';
import { WorkerXsdService } from '../../server/src/host/xsd-client';
import { InterruptPolicy } from '../../server/src/host/xsd-interrupt';
import { DEBOUNCE_MS } from '../../server/src/lsp/validator';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario, Stats } from '../lib/types';
import { msgHead } from './xsd-validation';

const scenario: Scenario = {
  name: 'xsd-interrupt',
  description: 'Edit → new XSD result while a 20 MB MsgHead validation runs: stale validation interrupted (fresh worker) vs run to its end.',
  async run({ quick, root, log }) {
    const schemas = path.resolve(root, '../shared/fixtures/nhn-schemas/kith-core');
    const mb = quick ? 5 : 20;
    const big = msgHead(mb * 1_000_000);
    const edited = big.replace('<Tema>Notat 1</Tema>', '<Tema>Notat 1 (endret)</Tema>');
    const small = msgHead(5_000);
    const file = path.join(root, 'bench/out/xsd-interrupt.xml');
    const runs = quick ? 3 : 6;
    const measure = async (interrupt: boolean, next: string): Promise<Stats> => {
      const service = new WorkerXsdService(path.join(root, 'dist/xsd-worker.mjs'), new InterruptPolicy(interrupt));
      const resolvers = { ...createResolvers(), xsd: service };
      const ctx = { today: '2026-11-26', language: 'en' as const, settings: { ...DEFAULT_SETTINGS, schemaPaths: [schemas] }, resolvers };
      const set = (await documentSchemaSet(analyzed({ uri: file, languageId: 'xml', text: small }), ctx))!;
      const samples: number[] = [];
      try {
        for (let i = 0; i < runs + 1; i++) {
          await service.validate(set.key, () => set.schema, small, file);
          const stale = new AbortController();
          const running = service.validate(set.key, () => set.schema, big, file, { signal: stale.signal }).catch(() => undefined);
          while (!service.busy) await new Promise((r) => setTimeout(r, 1));
          // The edit comes a little into the stale validation (it takes 0.5–1 s at 20 MB).
          await new Promise((r) => setTimeout(r, 50));
          const t0 = performance.now();
          stale.abort();
          await new Promise((r) => setTimeout(r, DEBOUNCE_MS));
          const r = await service.validate(set.key, () => set.schema, next, file);
          if (!r.parsed || r.issues.length) throw new Error(`unexpected findings: ${r.issues[0]?.message}`);
          if (i > 0) samples.push(performance.now() - t0 - DEBOUNCE_MS); // the first run warms up
          await running;
        }
      } finally {
        await service.dispose();
      }
      return summarize(samples, 'ms');
    };
    const rows: BenchRow[] = [];
    for (const [name, next] of [
      [`the edited ${mb} MB message`, edited],
      ['a 5 KB message in another editor', small],
    ] as const) {
      log(`xsd-interrupt: ${name}`);
      const anchor = await measure(false, next);
      const ours = await measure(true, next);
      rows.push({
        scenario: 'xsd-interrupt',
        case: `edit during a ${mb} MB validation → result for ${name}`,
        ours,
        anchor: { name: 'same client, stale validation runs to its end', stats: anchor },
        note: `from the edit to the new result, ${DEBOUNCE_MS} ms debounce subtracted; ours includes the fresh worker's start beyond the debounce and recompiling the set`,
      });
    }
    return rows;
  },
};
export default scenario;
