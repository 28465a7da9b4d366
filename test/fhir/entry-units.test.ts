// A Bundle checked entry by entry (fhir/entry-units.ts) gives exactly what the whole-Bundle check gives:
// on every Bundle of the shared fixtures, and on the next versions of generated Bundles after edits that
// touch one entry, several, the entry order, or what entries read of each other (fullUrls, references,
// the once-per-document notices). The engine that reuses entries analyses each version of one document
// in turn, as the server does; the whole-Bundle engine analyses each version afresh.

import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, type Finding } from '../../server/src/engine';
import { fhirCheck } from '../../server/src/engine/fhir/check';
import { createHost } from '../../server/src/host/resolvers';
import { options } from '../helpers/engine';
import { NO_BASIS } from './helpers';

const host = createHost();
const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

const wholeEngine = () => createEngine(host, { checks: [fhirCheck({ entryUnitsFrom: Number.POSITIVE_INFINITY })] });
const unitEngine = () => createEngine(host, { checks: [fhirCheck({ entryUnitsFrom: 1 })] });

const WITH_PROFILES = { fhirPackagePaths: [NO_BASIS] };

/** A Practitioner profile with one invariant FHIRPath cannot compile: its key is listed as not evaluated. */
const UNEVALUATED = 'http://example.org/fhir/StructureDefinition/entry-units-practitioner';
const profileDir = mkdtempSync(path.join(tmpdir(), 'nhn-entry-units-'));
writeFileSync(
  path.join(profileDir, 'StructureDefinition-entry-units-practitioner.json'),
  JSON.stringify({
    resourceType: 'StructureDefinition',
    url: UNEVALUATED,
    name: 'EntryUnitsPractitioner',
    status: 'active',
    kind: 'resource',
    abstract: false,
    type: 'Practitioner',
    baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Practitioner',
    derivation: 'constraint',
    differential: {
      element: [
        { id: 'Practitioner', path: 'Practitioner', constraint: [{ key: 'eu-1', severity: 'error', human: 'Unparseable', expression: 'name.exists() and )' }] },
      ],
    },
  }),
);
const WITH_OWN_PROFILE = { fhirPackagePaths: [NO_BASIS, profileDir] };

async function findings(engine: Engine, uri: string, version: number, text: string, settings: object = WITH_PROFILES): Promise<Finding[]> {
  const result = await engine.analyze({ uri, languageId: 'json', version, text }, options({ settings }));
  return result.findings;
}

/** Every JSON file under `dir` whose root is a Bundle. */
function fixtureBundles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) out.push(...fixtureBundles(file));
    else if (name.endsWith('.json')) {
      const text = readFileSync(file, 'utf8');
      if (/^\s*\{\s*"resourceType"\s*:\s*"Bundle"/.test(text)) out.push(file);
    }
  }
  return out;
}

function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return (s >>> 16) % n;
  };
}

type Json = Record<string, unknown>;
interface Entry {
  fullUrl?: string;
  resource: Json;
  request?: Json;
}

/** Patients (some profiled, some wrong), Observations referring to them, Encounters with contained resources and extensions. */
function bundle(entries: number, seed: number): { resourceType: string; type: string; entry: Entry[] } {
  const rnd = random(seed);
  const entry: Entry[] = [];
  for (let i = 0; i < entries; i++) {
    const id = `r${i}`;
    let resource: Json;
    switch (i % 4) {
      case 0:
        resource = {
          resourceType: 'Patient',
          id,
          meta: { profile: ['http://hl7.no/fhir/StructureDefinition/no-basis-Patient'] },
          identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: rnd(3) ? '13116900216' : '123' }],
          name: [{ family: `Nordmann${rnd(100)}`, given: ['Kari'] }],
          gender: rnd(5) ? 'female' : 'Female',
          birthDate: `19${10 + rnd(89)}-0${1 + rnd(9)}-1${rnd(9)}`,
        };
        break;
      case 1:
        resource = {
          resourceType: 'Observation',
          id,
          status: rnd(6) ? 'final' : 'done',
          code: { coding: [{ system: 'http://loinc.org', code: `${1000 + rnd(9000)}-${rnd(10)}` }] },
          subject: { reference: rnd(8) ? `urn:uuid:r${i - 1}` : 'urn:uuid:missing' },
          valueQuantity: { value: rnd(1000) / 10, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
        };
        break;
      case 2:
        resource = {
          resourceType: 'Encounter',
          id,
          status: 'finished',
          class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
          contained: [{ resourceType: 'Organization', id: 'org', name: 'Legekontoret' }],
          serviceProvider: { reference: '#org' },
          subject: { reference: `urn:uuid:r${i - 2}` },
          extension: [
            { url: rnd(2) ? 'http://example.org/fhir/StructureDefinition/private' : 'http://hl7.no/fhir/StructureDefinition/unknown', valueString: 'x' },
          ],
          period: rnd(5) ? { start: '2026-01-01' } : { start: '2026-02-01', end: '2026-01-01' },
        };
        break;
      default:
        resource = {
          resourceType: 'Practitioner',
          id,
          name: [{ family: 'Lege' }],
          gendre: 'male',
          meta: rnd(3) ? undefined : { profile: [rnd(2) ? UNEVALUATED : 'http://example.org/fhir/StructureDefinition/nowhere'] },
        };
    }
    entry.push({ fullUrl: `urn:uuid:${id}`, resource, request: { method: 'POST', url: String(resource.resourceType) } });
  }
  return { resourceType: 'Bundle', type: 'transaction', entry };
}

const text = (b: unknown) => `${JSON.stringify(b, null, 2)}\n`;

/** Edits a user makes between two analyses: each returns a description, changing the Bundle in place. */
const EDITS: ((b: ReturnType<typeof bundle>, rnd: (n: number) => number) => void)[] = [
  (b, rnd) => {
    b.entry[rnd(b.entry.length)].resource.status = 'bogus';
  },
  (b, rnd) => {
    b.entry[rnd(b.entry.length)].resource.unknownElement = [1];
  },
  (b, rnd) => {
    b.entry.splice(rnd(b.entry.length), 1);
  },
  (b, rnd) => {
    const k = rnd(b.entry.length);
    b.entry.splice(k, 0, structuredClone(b.entry[k]));
  },
  (b, rnd) => {
    b.entry[rnd(b.entry.length)].fullUrl = 'urn:uuid:renamed';
  },
  (b) => {
    // An earlier entry now names the unknown profile first (the once-per-document notice moves).
    b.entry[0].resource.meta = { profile: ['http://example.org/fhir/StructureDefinition/nowhere'] };
  },
  (b, rnd) => {
    const k = rnd(b.entry.length - 1);
    [b.entry[k], b.entry[k + 1]] = [b.entry[k + 1], b.entry[k]];
  },
  (b, rnd) => {
    const r = b.entry[rnd(b.entry.length)].resource;
    r.extension = [{ url: 'http://example.org/fhir/StructureDefinition/first-of-its-kind', valueBoolean: true }];
  },
  (b, rnd) => {
    delete b.entry[rnd(b.entry.length)].resource.id;
  },
];

describe('FHIR Bundles checked entry by entry', () => {
  it('give the whole-Bundle findings on every Bundle of the shared fixtures', async () => {
    const files = fixtureBundles(FIXTURES);
    expect(files.length).toBeGreaterThan(10);
    const whole = wholeEngine();
    const units = unitEngine();
    const counts = units.context(options()).caches.fhir.entryCounts;
    for (const file of files) {
      const t = readFileSync(file, 'utf8');
      const uri = `file://${file}`;
      expect({ file, findings: await findings(units, uri, 1, t) }).toEqual({ file, findings: await findings(whole, uri, 1, t) });
    }
    // Most of them were split into entries (the others are XML, broken JSON, or define conformance resources).
    expect(counts.walked).toBeGreaterThan(20);
  });

  it.each([
    ['with the no-basis package', WITH_PROFILES],
    ['without a package (unknown profiles)', {}],
    ['with a profile whose invariant is not evaluated', WITH_OWN_PROFILE],
  ])('give the whole-Bundle findings after each of 30 edits, reusing the untouched entries (%s)', async (_, settings) => {
    const rnd = random(7);
    const b = bundle(96, 11);
    const units = unitEngine();
    const whole = wholeEngine();
    const uri = 'file:///work/edited-bundle.json';
    const counts = units.context(options()).caches.fhir.entryCounts;
    let reusedBefore = counts.reused;
    let previous = await findings(units, uri, 1, text(b), settings);
    expect(previous.some((f) => f.ruleId === 'fhir/invariant')).toBe(true);
    if (settings === WITH_OWN_PROFILE) expect(previous.some((f) => f.ruleId === 'fhir/invariant-not-evaluated')).toBe(true);
    for (let v = 2; v <= 31; v++) {
      EDITS[rnd(EDITS.length)](b, rnd);
      const t = text(b);
      const expected = await findings(whole, uri, v, t, settings);
      const got = await findings(units, uri, v, t, settings);
      expect(got).toEqual(expected);
      // Once-per-document notices are once per document.
      const notices = got.filter((f) => f.ruleId === 'fhir/unknown-profile' || f.ruleId === 'fhir/unknown-extension').map((f) => f.message);
      expect(notices.length).toBe(new Set(notices).size);
      // Most entries are the same text as before (an edit moves at most the entries after it).
      expect(counts.reused - reusedBefore).toBeGreaterThan(0);
      reusedBefore = counts.reused;
      previous = got;
    }
    expect(previous.length).toBeGreaterThan(100);
  });

  it('reuse nothing after the settings change', async () => {
    const b = text(bundle(80, 3));
    const units = unitEngine();
    const uri = 'file:///work/settings-bundle.json';
    const counts = units.context(options()).caches.fhir.entryCounts;
    await findings(units, uri, 1, b, {});
    const walked = counts.walked;
    const expected = await findings(wholeEngine(), uri, 2, b, WITH_PROFILES);
    expect(await findings(units, uri, 2, b, WITH_PROFILES)).toEqual(expected);
    expect(counts.walked - walked).toBe(80);
    // The same settings again: every entry reused.
    const reused = counts.reused;
    expect(await findings(units, uri, 3, b, WITH_PROFILES)).toEqual(expected);
    expect(counts.reused - reused).toBe(80);
  });
});
