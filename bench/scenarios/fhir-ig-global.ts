// What ImplementationGuide.global costs: the 2 000-entry Bundle (Patients naming no profile) with a
// package folder whose ImplementationGuide applies a Patient profile globally, against the same Bundle
// with no package folder (same run, same engine kind, the sides measured in turn). Also a package
// folder with the profile but no guide (the cost must stay at the listing), and the first document of
// a fresh engine (the scan and the profile's layer included).

import { copyFileSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createEngine, DEFAULT_SETTINGS, type Engine } from '../../server/src/engine';
import { createHost } from '../../server/src/host/resolvers';
import { fhirBundle } from '../lib/inputs';
import { performance } from 'node:perf_hooks';
import { summarize } from '../lib/stats';
import type { BenchRow, Scenario, Stats } from '../lib/types';

/**
 * Each side run once per round, in turn, so a change in the machine's load falls on all of them alike;
 * the order rotates each round, so the garbage one side leaves is collected in every side's time alike.
 */
async function interleaved(sides: (() => Promise<unknown>)[], warmup: number, runs: number): Promise<Stats[]> {
  const samples: number[][] = sides.map(() => []);
  for (let round = 0; round < warmup + runs; round++) {
    for (let k = 0; k < sides.length; k++) {
      const i = (round + k) % sides.length;
      const t0 = performance.now();
      await sides[i]();
      if (round >= warmup) samples[i].push(performance.now() - t0);
    }
  }
  return samples.map((s) => summarize(s, 'ms'));
}

const scenario: Scenario = {
  name: 'fhir-ig-global',
  description: 'FHIR: a Bundle with a package whose ImplementationGuide applies a Patient profile globally, vs the same Bundle without the package.',
  async run({ quick, root, outDir, log }) {
    const igPackage = path.join(root, 'test/fhir/ig-global/package');
    // The same profile without its guide: nothing applies it.
    const profileOnly = path.join(outDir, 'fhir-ig-global/profile-only');
    mkdirSync(profileOnly, { recursive: true });
    copyFileSync(path.join(igPackage, 'StructureDefinition-global-patient.json'), path.join(profileOnly, 'StructureDefinition-global-patient.json'));

    const entries = quick ? 200 : 2000;
    const bundle = JSON.parse(fhirBundle(entries)) as { entry: { resource: Record<string, unknown> }[] };
    for (const { resource } of bundle.entry) {
      if (resource.resourceType !== 'Patient') continue;
      delete resource.meta;
      // What the global profile requires, so the Bundle is valid against it (the clean path is measured).
      resource.identifier = [{ system: 'urn:example:bench', value: String(resource.id) }];
    }
    const text = JSON.stringify(bundle, null, 2);
    const doc = { uri: 'file:///bench/ig-global.json', languageId: 'json', text };
    // Each run a document of its own: the same one again would reuse every entry's result (fhir/entry-units.ts),
    // and this measures what the profile costs an analysis of the whole Bundle (opening it, the CLI).
    let run = 0;
    const analyze = (engine: Engine, fhirPackagePaths: string[]) =>
      engine.analyze({ ...doc, uri: `${doc.uri}?run=${run++}` }, { today: '2026-11-26', language: 'en', settings: { ...DEFAULT_SETTINGS, fhirPackagePaths } });
    const runs = quick ? 3 : 10;
    // The Node host (files as the CLI reads them), with the R4 definitions of this build's dist/.
    const definitions = path.join(root, 'dist/fhir-r4');
    const newEngine = () =>
      createEngine({ ...createHost(), fhirDefinition: (name: string) => readFile(path.join(definitions, name), 'utf8').catch(() => undefined) });
    const errors = async (engine: Engine, paths: string[], over = doc) =>
      (await engine.analyze(over, { today: '2026-11-26', language: 'en', settings: { ...DEFAULT_SETTINGS, fhirPackagePaths: paths } })).findings.filter(
        (f) => f.severity === 'error',
      ).length;
    // Proof that the profile is applied: the same Bundle without the identifiers it requires.
    const withoutIdentifiers = { ...doc, uri: 'file:///bench/ig-global-bad.json', text: text.replace(/,\s*"identifier": \[[^\]]*\]/g, '') };

    log(`fhir-ig-global: ${entries}-entry Bundle`);
    const plain = newEngine();
    const withGuide = newEngine();
    const withProfile = newEngine();
    const [anchor, ours, oursNoGuide] = await interleaved(
      [() => analyze(plain, []), () => analyze(withGuide, [igPackage]), () => analyze(withProfile, [profileOnly])],
      2,
      runs,
    );
    const rows: BenchRow[] = [
      {
        scenario: 'fhir-ig-global',
        case: `Bundle, ${entries} entries, a guide applies a Patient profile globally`,
        ours,
        anchor: { name: 'the same Bundle, no package folder', stats: anchor },
        note: `${entries / 2} Patients checked against the global profile: ${await errors(withGuide, [igPackage])} errors; ${await errors(newEngine(), [igPackage], withoutIdentifiers)} without their identifiers`,
      },
      {
        scenario: 'fhir-ig-global',
        case: `Bundle, ${entries} entries, a package folder with the profile but no guide`,
        ours: oursNoGuide,
        anchor: { name: 'the same Bundle, no package folder', stats: anchor },
        note: 'nothing applies the profile: the package folder is listed once per engine, no conformance index is built',
      },
    ];

    log('fhir-ig-global: first document of a fresh engine');
    const [coldPlain, coldGuide] = await interleaved([() => analyze(newEngine(), []), () => analyze(newEngine(), [igPackage])], 1, runs);
    rows.push({
      scenario: 'fhir-ig-global',
      case: `first analysis of a fresh engine, ${entries} entries, with the guide's package`,
      ours: coldGuide,
      anchor: { name: 'the same, no package folder', stats: coldPlain },
      note: 'R4 load included in both; ours adds the guide scan, the conformance index and the profile layer',
    });
    return rows;
  },
};

export default scenario;
