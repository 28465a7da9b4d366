// The per-edit cost of the KITH checks (issue 16) on the XML bench inputs: every check of the engine on
// the 1 MB MsgHead + Dialogmelding of xsd-validation and the 10k-line XML of edit-latency, with the kith
// check and without it, alternating in the same run. Each run is an edit (a changed comment in the
// middle), so the parse and every per-document cache are rebuilt as in the editor. The XSD check has no
// schemas here: the anchor is the cheaper engine, so the ratio overstates the share the kith check adds
// to an edit (goal: under 1.1).

import { performance } from 'node:perf_hooks';
import { createChecks, createEngine, DEFAULT_SETTINGS, type AnalysisOptions, type Engine } from '../../server/src/engine';
import { kithXml } from '../lib/inputs';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario } from '../lib/types';
import { msgHead } from './xsd-validation';

const OPTIONS: AnalysisOptions = { today: '2026-11-26', language: 'en', settings: DEFAULT_SETTINGS };

function edited(text: string, i: number): string {
  const mid = text.indexOf('\n', text.length >> 1) + 1;
  return `${text.slice(0, mid)}<!-- edit ${i} -->\n${text.slice(mid)}`;
}

async function once(engine: Engine, text: string, i: number): Promise<{ ms: number; kith: number }> {
  const t0 = performance.now();
  const r = await engine.analyze({ uri: `file:///bench/kith-${i % 2}.xml`, languageId: 'xml', text: edited(text, i) }, OPTIONS);
  return { ms: performance.now() - t0, kith: r.findings.filter((f) => f.ruleId.startsWith('kith/')).length };
}

const scenario: Scenario = {
  name: 'kith-checks',
  description: 'Per-edit cost of the kith checks: all engine checks with vs without kith, alternating, on the 1 MB MsgHead and the 10k-line XML.',
  async run({ quick, log }) {
    const rows: BenchRow[] = [];
    const inputs = [
      { label: 'MsgHead+Dialogmelding 1 MB', text: msgHead(1_000_000) },
      { label: 'XML 10k lines', text: kithXml(10_000) },
    ];
    const withKith = createEngine({});
    const withoutKith = createEngine({}, { checks: createChecks().filter((c) => c.name !== 'kith') });
    for (const input of inputs) {
      log(`kith-checks: ${input.label}`);
      const warmup = quick ? 2 : 5;
      const runs = quick ? 6 : 30;
      const ours: number[] = [];
      const anchor: number[] = [];
      let findings = 0;
      for (let i = 0; i < warmup + runs; i++) {
        // Alternating, so a slower stretch of the machine hits both sides alike.
        const a = await once(withKith, input.text, i);
        const b = await once(withoutKith, input.text, i);
        if (i >= warmup) {
          ours.push(a.ms);
          anchor.push(b.ms);
        }
        findings = a.kith;
      }
      rows.push({
        scenario: 'kith-checks',
        case: `per edit, ${input.label}`,
        ours: summarize(ours, 'ms'),
        anchor: { name: 'the same engine without the kith check', stats: summarize(anchor, 'ms') },
        goal: 1.1,
        note: `${(input.text.length / 1048576).toFixed(1)} MB; ${findings} kith finding(s); no XSD (the anchor is the cheaper engine)`,
      });
    }
    return rows;
  },
};
export default scenario;
