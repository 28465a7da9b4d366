// The per-edit cost of the KITH checks (issue 16) on the XML bench inputs: the engine with every check on
// the 1 MB MsgHead + Dialogmelding of xsd-validation and the 10k-line XML of edit-latency, each run an
// edit (a changed comment in the middle, so the parse and every per-document cache are rebuilt as in
// the editor). The kith checks' own time is taken inside the same analysis, so the anchor (the same
// edit without them) comes from the same run and the same moment: ratio = whole edit ÷ edit without kith.
// The XSD check has no schemas here: the anchor is the cheaper engine, so the ratio overstates the share
// the kith checks add to an editor's edit (goal: under 1.1).

import { performance } from 'node:perf_hooks';
import { createChecks, createEngine, DEFAULT_SETTINGS, type AnalysisOptions, type Check } from '../../server/src/engine';
import { kithXml } from '../lib/inputs';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario } from '../lib/types';
import { msgHead } from './xsd-validation';

const OPTIONS: AnalysisOptions = { today: '2026-11-26', language: 'en', settings: DEFAULT_SETTINGS };

function edited(text: string, i: number): string {
  const mid = text.indexOf('\n', text.length >> 1) + 1;
  return `${text.slice(0, mid)}<!-- edit ${i} -->\n${text.slice(mid)}`;
}

const scenario: Scenario = {
  name: 'kith-checks',
  description: 'Per-edit cost of the kith checks inside the whole engine (their own time taken in the same analysis) on the 1 MB MsgHead and the 10k-line XML.',
  async run({ quick, log }) {
    let kithMs = 0;
    const timed = (c: Check): Check =>
      c.family !== 'kith'
        ? c
        : {
            ...c,
            async run(doc, ctx) {
              const t0 = performance.now();
              const r = await c.run(doc, ctx);
              kithMs += performance.now() - t0;
              return r;
            },
          };
    const engine = createEngine({}, { checks: createChecks().map(timed) });
    const rows: BenchRow[] = [];
    for (const input of [
      { label: 'MsgHead+Dialogmelding 1 MB', text: msgHead(1_000_000) },
      { label: 'XML 10k lines', text: kithXml(10_000) },
    ]) {
      log(`kith-checks: ${input.label}`);
      const warmup = quick ? 2 : 5;
      const runs = quick ? 6 : 40;
      const whole: number[] = [];
      const without: number[] = [];
      let findings = 0;
      for (let i = 0; i < warmup + runs; i++) {
        kithMs = 0;
        const t0 = performance.now();
        const r = await engine.analyze({ uri: 'file:///bench/kith.xml', languageId: 'xml', text: edited(input.text, i) }, OPTIONS);
        const ms = performance.now() - t0;
        if (i >= warmup) {
          whole.push(ms);
          without.push(ms - kithMs);
        }
        findings = r.findings.filter((f) => f.ruleId.startsWith('kith/')).length;
      }
      rows.push({
        scenario: 'kith-checks',
        case: `per edit, ${input.label}`,
        ours: summarize(whole, 'ms'),
        anchor: { name: 'the same edits without the kith checks’ time', stats: summarize(without, 'ms') },
        goal: 1.1,
        note: `${(input.text.length / 1048576).toFixed(1)} MB; ${findings} kith finding(s); no XSD (the anchor is the cheaper engine)`,
      });
    }
    return rows;
  },
};
export default scenario;
