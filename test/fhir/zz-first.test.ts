import { it } from 'vitest';
import { createEngine } from '../../server/src/engine';
import { fhirCheck } from '../../server/src/engine/fhir/check';
import { createHost } from '../../server/src/host/resolvers';
import { options } from '../helpers/engine';
import { fhirBundle } from '../../bench/lib/inputs';
it('first', async () => {
  const host = createHost();
  const text = fhirBundle(2000);
  for (const from of [64, 64, 64]) {
    const engine = createEngine(host, { checks: [fhirCheck({ entryUnitsFrom: from })] });
    const times: number[] = [];
    for (let v = 1; v <= 12; v++) {
      const t0 = performance.now();
      await engine.analyze({ uri: `file:///b${v}.json`, languageId: 'json', version: 1, text }, options());
      times.push(performance.now() - t0);
    }
    console.log(from, times.map((t) => t.toFixed(0)).join(' '));
  }
}, 120000);
