// Recall on invalid cases and false errors on valid ones over HL7's validator test cases, by group
// (the manifest's module), against the floors kept in thresholds.json: the suite fails when either
// gets worse. HL7_SUITE_REPORT=<file> writes every case's verdict and findings for study.

import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import thresholds from './thresholds.json';
import { falseErrorRate, loadSuite, recall, runCase, score, type CaseResult } from './suite';

const cases = loadSuite();
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

describe('HL7 validator test cases (R4, shared half)', () => {
  it('recall and false-error rate stay at or above the recorded floors', async () => {
    const results: CaseResult[] = [];
    for (const c of cases) results.push(await runCase(c));
    const { overall, groups } = score(results);
    const lines = Object.entries(groups)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, g]) => `${name.padEnd(14)} recall ${g.caught}/${g.invalid}  false errors ${g.falseErrors}/${g.valid}`);
    console.log(
      [
        `HL7 suite: ${results.length} cases; recall ${overall.caught}/${overall.invalid} = ${pct(recall(overall))}; false errors ${overall.falseErrors}/${overall.valid} = ${pct(falseErrorRate(overall))}`,
        ...lines,
      ].join('\n'),
    );
    if (process.env.HL7_SUITE_REPORT) {
      const detail = results.map((r) => ({
        id: r.case.id,
        module: r.case.module,
        expected: r.case.expectedErrors,
        expectedMessages: r.case.expectedMessages,
        found: r.errors.map((f) => `${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`),
      }));
      writeFileSync(process.env.HL7_SUITE_REPORT, JSON.stringify(detail, null, 1));
    }
    expect(recall(overall)).toBeGreaterThanOrEqual(thresholds.overall.minRecall);
    expect(falseErrorRate(overall)).toBeLessThanOrEqual(thresholds.overall.maxFalseErrorRate);
    for (const [name, floor] of Object.entries(thresholds.groups as Record<string, { minCaught: number; maxFalseErrors: number }>)) {
      const g = groups[name];
      expect({ group: name, caught: g?.caught ?? 0 }).toEqual({ group: name, caught: Math.max(g?.caught ?? 0, floor.minCaught) });
      expect({ group: name, falseErrors: g?.falseErrors ?? 0 }).toEqual({ group: name, falseErrors: Math.min(g?.falseErrors ?? 0, floor.maxFalseErrors) });
    }
  });
});
