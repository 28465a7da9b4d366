// Every rule pattern (server/rules/*.yaml: match.regex, fileContains, fileLacks, notFiles, xml value
// and namespace) costs at most 3× on crafted worst cases what it costs on a plain text of the same
// size (test/helpers/regex-inputs.ts makes both from the pattern). Before the fix, `aud=` followed by
// 200 KB of spaces took api/helseid-assertion-aud 34–114 s (0.9 ms after), and fileContains of
// api/bearer-where-dpop-required took 8.5 s on 'persontjenesten.' × 12 500 (25 ms after).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileDataFile } from '../../server/src/build/data-files';
import type { Rule } from '../../server/src/engine';
import { costRatio } from '../helpers/cost';
import { craftedCases, scanAll } from '../helpers/regex-inputs';

const SIZE = 50_000;
const RULES = path.resolve(__dirname, '../../server/rules');

interface Pattern {
  rule: string;
  what: string;
  source: string;
  flags: string;
}

function patterns(): Pattern[] {
  const out: Pattern[] = [];
  for (const file of readdirSync(RULES).filter((f) => f.endsWith('.yaml') && f !== 'checks.yaml')) {
    // Every rule file through the build's own router (the API version table expands into rules).
    const rules = compileDataFile(readFileSync(path.join(RULES, file), 'utf8'), path.join('server/rules', file)) as Rule[];
    for (const r of rules) {
      const m = r.match;
      const xmls = m.xml === undefined ? [] : Array.isArray(m.xml) ? m.xml : [m.xml];
      const all: Array<[string, string | undefined, string]> = [
        ['match.regex', m.regex, m.flags ?? ''],
        ['match.fileContains', m.fileContains, 'i'],
        ['match.fileLacks', m.fileLacks, 'i'],
        ['match.notFiles', m.notFiles, 'i'],
        ...xmls.flatMap(
          (x): Array<[string, string | undefined, string]> => [
            ['match.xml.value', x.value, ''],
            ['match.xml.namespace', x.namespace, ''],
          ],
        ),
      ];
      for (const [what, source, flags] of all) if (source !== undefined) out.push({ rule: r.id, what, source, flags });
    }
  }
  return out;
}

describe('rule pattern cost: crafted worst cases vs a plain text of the same size', () => {
  const all = patterns();

  it('finds the rule patterns', () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((p) => p.rule === 'api/helseid-assertion-aud')).toBe(true);
  });

  for (const p of all) {
    it(`${p.rule} ${p.what}`, () => {
      const re = new RegExp(p.source, p.flags + 'gd');
      const cases = craftedCases(p.source, p.flags, SIZE);
      for (const c of cases) {
        expect(c.worst.length).toBe(SIZE);
        expect(Math.abs(c.plain.length - SIZE)).toBeLessThanOrEqual(1);
        const r = costRatio(
          () => scanAll(re, c.worst),
          () => scanAll(re, c.plain),
          5,
        );
        // Below a few milliseconds on 50 KB the ratio is timer and scheduler noise (a super-linear pattern costs
        // seconds here: the old api/helseid-assertion-aud took 6.9 s); above it, the worst case must stay ≤ 3×.
        const noiseFloorMs = 5;
        if (r.worstMs < noiseFloorMs) continue;
        expect(r.ratio, `${c.run} (${c.shape}): ${r.worstMs.toFixed(2)} ms vs ${r.plainMs.toFixed(2)} ms plain`).toBeLessThanOrEqual(3);
      }
    });
  }
});
