// The engine's own text scanners (not the rule data, which rule-cost.test.ts covers) are linear on
// crafted input. Each crafted case is measured against a plain text of the same size made of the same
// pieces in a harmless arrangement; ≤ 3× or a scanner is super-linear somewhere. Before the fix, a tag
// name followed by `[^>]*` scanned to the end of the text from every unterminated start; on 200 KB,
// measured with this file: schema references 3.3 s (499×), catalog 9.6 s (569×), XSD 1.1 wildcards
// 2.6 s (138×), FHIR identifiers 4.3 s (28×), KITH ids 2.2 s (2909×). `[^<>]*` stops at the next tag.

import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../server/src/engine/xsd/catalog';
import { relaxXsd11 } from '../../server/src/engine/xsd/schema-set';
import { scanSchema } from '../../server/src/engine/xsd/scan';
import { findClaims } from '../../server/src/engine/nin/claims';
import { scanCandidates } from '../../server/src/engine/nin/scan';
import { bestCostRatio, fill } from '../helpers/cost';

const SIZE = 200_000;
const drain = (it: Iterable<unknown>) => {
  let n = 0;
  for (const _ of it) n++;
  return n;
};

const CASES: Array<{ name: string; run: (text: string) => unknown; worst: string; plain: string }> = [
  {
    name: 'schema references: <xs:import without an end, over and over',
    run: scanSchema,
    worst: '<xs:schema>' + fill('<xs:import ', SIZE),
    plain: '<xs:schema>' + fill('<xs:import/>', SIZE),
  },
  {
    name: 'XML catalog entries: <uri without an end',
    run: (t) => parseCatalog(t, '/catalog.xml'),
    worst: '<catalog xml:base="x">' + fill('<uri ', SIZE),
    plain: '<catalog xml:base="x">' + fill('<uri/>', SIZE),
  },
  {
    name: 'XSD 1.1 wildcards: <xs:any without an end',
    run: relaxXsd11,
    worst: fill('<xs:any  ', SIZE),
    plain: fill('<xs:any/>', SIZE),
  },
  {
    name: 'FHIR XML identifiers: <identifier without an end',
    run: findClaims,
    worst: fill('<identifier ', SIZE),
    plain: fill('<identifier/>', SIZE),
  },
  {
    name: 'KITH ids: <TypeId without an end',
    run: findClaims,
    worst: fill('<TypeId  ', SIZE),
    plain: fill('<TypeId/>', SIZE),
  },
  {
    name: 'identity-number candidates joined by + into one long base64-looking run',
    run: (t) => drain(scanCandidates(t)),
    worst: fill('+01018012345', SIZE),
    plain: fill(' 01018012345', SIZE),
  },
];

describe('engine scanners: crafted worst case vs a plain text of the same size', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(Math.abs(c.plain.length - c.worst.length) / c.worst.length, 'the two inputs are the same size').toBeLessThan(0.05);
      const r = bestCostRatio(
        () => c.run(c.worst),
        () => c.run(c.plain),
        3,
        5,
      );
      // Below 5 ms on 200 KB the ratio is noise (a super-linear scan costs seconds here).
      if (r.worstMs < 5) return;
      expect(r.ratio, `${c.name}: ${r.worstMs.toFixed(1)} ms vs ${r.plainMs.toFixed(1)} ms plain (${c.worst.length} chars)`).toBeLessThanOrEqual(3);
    });
  }
});
