// Per-edit text scanning: edit → diagnostics on a 10 000-line C# file and a 10 000-line YAML file, the
// engine's analysis of each edited text, with the rule literals found in one pass over the text (now)
// against the former per-rule gating (a literal test per rule), both in the same run. The rows also
// give the full passes over the text per edit that the rule-driven checks make (the engine's counter).

import { BUILTIN_RULES, createChecks, createEngine, DEFAULT_SETTINGS, type Engine } from '../../server/src/engine';
import { csharpSource, yamlConfig } from '../lib/inputs';
import { repeat } from '../lib/measure';
import type { BenchRow, Scenario } from '../lib/types';

const OPTIONS = { today: '2026-11-26', language: 'en' as const, settings: DEFAULT_SETTINGS };

/** One edit per run: a character typed in the middle of the text, so every analysis sees new text. */
async function editLoop(engine: Engine, uri: string, languageId: string, text: string, runs: number) {
  const middle = text.indexOf('\n', text.length >> 1) + 1;
  let n = 0;
  let passes = 0;
  const stats = await repeat(
    async () => {
      n++;
      const edited = `${text.slice(0, middle)}// edit ${n}\n${text.slice(middle)}`;
      const before = engine.textPasses();
      await engine.analyze({ uri, languageId, text: edited, version: n }, OPTIONS);
      passes = engine.textPasses() - before;
    },
    { warmup: 5, runs },
  );
  return { stats, passes };
}

const scenario: Scenario = {
  name: 'text-scan',
  description:
    'Edit → diagnostics (engine analysis) on 10 000-line C# and YAML files: one-pass literal scan vs per-rule literal tests, with full text passes per edit.',
  async run({ quick }) {
    const runs = quick ? 20 : 100;
    const rows: BenchRow[] = [];
    for (const [name, languageId, text] of [
      ['C# 10 000 lines', 'csharp', csharpSource(10_000)],
      ['YAML 10 000 lines', 'yaml', yamlConfig(10_000)],
    ] as const) {
      const now = createEngine({});
      const former = createEngine({}, { checks: createChecks(BUILTIN_RULES, { literals: 'per-rule' }) });
      const uri = `file:///bench/big.${languageId === 'csharp' ? 'cs' : 'yaml'}`;
      const a = await editLoop(now, uri, languageId, text, runs);
      const b = await editLoop(former, uri, languageId, text, runs);
      rows.push({
        scenario: 'text-scan',
        case: `${name}: edit → diagnostics`,
        ours: a.stats,
        anchor: { name: 'per-rule literal tests (former)', stats: b.stats },
        note: `full text passes per edit (text and namespace rules): ${a.passes} now, ${b.passes} before`,
      });
    }
    return rows;
  },
};
export default scenario;
