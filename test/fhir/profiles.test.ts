// Profiles: HL7 Norway no-basis (XML, differential only) from a settings folder, a package in the
// FHIR package cache layout, file-glob mapping, unknown profiles, and JSON/XML parity.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, NO_BASIS, seen, VALID_DIR } from './helpers';
import { fhirJsonToXml } from './to-xml';

const NO_BASIS_PATIENT = 'http://hl7.no/fhir/StructureDefinition/no-basis-Patient';
const errors = async (text: string, lang = 'json', settings: Record<string, unknown> = { fhirPackagePaths: [NO_BASIS] }) =>
  (await fhirFindings(text, lang, settings)).filter((f) => f.ruleId.startsWith('fhir/') && f.severity !== 'hint');

describe('no-basis profiles (XML, differential only)', () => {
  it('the no-basis Patient with a synthetic fødselsnummer validates clean against the profile', async () => {
    expect(await errors(readFileSync(path.join(VALID_DIR, 'Patient.json'), 'utf8'))).toEqual([]);
  });

  it('an FNR identifier without a value breaks the FNR slice', async () => {
    const text = `{ "resourceType": "Patient", "meta": { "profile": ["${NO_BASIS_PATIENT}"] }, "identifier": [{ "system": "urn:oid:2.16.578.1.12.4.1.4.1" }] }`;
    expect((await errors(text)).map(seen)).toEqual([
      {
        rule: 'fhir/cardinality',
        range: rangeOf(text, '{ "system": "urn:oid:2.16.578.1.12.4.1.4.1" }'),
        message: "Patient.identifier[0] (FNR): 'value' is required (minimum 1, found 0)",
      },
    ]);
  });

  it('an unknown profile is one information diagnostic on its URL', async () => {
    const text = '{ "resourceType": "Patient", "meta": { "profile": ["http://example.org/fhir/StructureDefinition/nope"] } }';
    expect((await errors(text)).map(seen)).toEqual([
      {
        rule: 'fhir/unknown-profile',
        range: rangeOf(text, 'http://example.org/fhir/StructureDefinition/nope'),
        message:
          "Profile 'http://example.org/fhir/StructureDefinition/nope' was not found (workspace, nhn.fhir.packagePaths, ~/.fhir/packages): validated against base R4 only",
      },
    ]);
  });

  it('a file glob maps documents to a profile (nhn.fhir.profiles)', async () => {
    const text = '{ "resourceType": "Patient", "identifier": [{ "system": "urn:oid:2.16.578.1.12.4.1.4.1" }] }';
    const settings = { fhirPackagePaths: [NO_BASIS], fhirProfiles: { '**/*.json': [NO_BASIS_PATIENT] } };
    expect((await errors(text, 'json', settings)).map((f) => f.message)).toEqual(["Patient.identifier[0] (FNR): 'value' is required (minimum 1, found 0)"]);
    expect(await errors(text, 'json', { fhirPackagePaths: [NO_BASIS], fhirProfiles: { '**/pasient/*.json': [NO_BASIS_PATIENT] } })).toEqual([]);
  });
});

describe('a profile package in the FHIR package cache', () => {
  let cache: string;
  let previous: string | undefined;
  const PROFILE = 'http://example.org/fhir/StructureDefinition/puls';

  beforeAll(() => {
    previous = process.env.FHIR_PACKAGE_CACHE;
    cache = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-cache-'));
    const dir = path.join(cache, 'packages', 'example.puls#1.0.0', 'package');
    mkdirSync(dir, { recursive: true });
    const sd = {
      resourceType: 'StructureDefinition',
      url: PROFILE,
      name: 'Puls',
      status: 'active',
      kind: 'resource',
      abstract: false,
      type: 'Observation',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
      derivation: 'constraint',
      differential: {
        element: [
          {
            id: 'Observation',
            path: 'Observation',
            constraint: [
              {
                key: 'puls-1',
                severity: 'error',
                human: 'A pulse needs a value or a reason it is absent',
                expression: 'value.exists() or dataAbsentReason.exists()',
              },
            ],
          },
          { id: 'Observation.status', path: 'Observation.status', fixedCode: 'final' },
          { id: 'Observation.code', path: 'Observation.code', patternCodeableConcept: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] } },
          { id: 'Observation.subject', path: 'Observation.subject', min: 1 },
          { id: 'Observation.method', path: 'Observation.method', binding: { strength: 'required', valueSet: 'http://example.org/fhir/ValueSet/puls-metode' } },
        ],
      },
    };
    const vs = {
      resourceType: 'ValueSet',
      url: 'http://example.org/fhir/ValueSet/puls-metode',
      status: 'active',
      compose: { include: [{ system: 'http://example.org/metode', concept: [{ code: 'palpasjon' }, { code: 'maskin' }] }] },
    };
    writeFileSync(path.join(dir, 'StructureDefinition-puls.json'), JSON.stringify(sd));
    writeFileSync(path.join(dir, 'ValueSet-puls-metode.json'), JSON.stringify(vs));
    writeFileSync(
      path.join(dir, '.index.json'),
      JSON.stringify({
        'index-version': 1,
        files: [
          { filename: 'StructureDefinition-puls.json', resourceType: 'StructureDefinition', url: PROFILE },
          { filename: 'ValueSet-puls-metode.json', resourceType: 'ValueSet', url: vs.url },
        ],
      }),
    );
    process.env.FHIR_PACKAGE_CACHE = cache;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.FHIR_PACKAGE_CACHE;
    else process.env.FHIR_PACKAGE_CACHE = previous;
  });

  const observation = JSON.stringify({
    resourceType: 'Observation',
    meta: { profile: [PROFILE] },
    status: 'preliminary',
    // Not a vital-sign code (8480-6, systolic pressure, would bring in R4's bp profile, as the reference validator does).
    code: { coding: [{ system: 'http://loinc.org', code: '2339-0' }] },
    method: { coding: [{ system: 'http://example.org/metode', code: 'gjetting' }] },
  });

  it('fixed, pattern, tightened cardinality, a profile value set and a profile invariant', async () => {
    const text = observation;
    expect((await errors(text, 'json', {})).map(seen)).toEqual([
      { rule: 'fhir/cardinality', range: rangeOf(text, '"Observation"'), message: "Observation: 'subject' is required (minimum 1, found 0)" },
      { rule: 'fhir/invariant', range: rangeOf(text, '"Observation"'), message: 'Observation: A pulse needs a value or a reason it is absent (puls-1)' },
      { rule: 'fhir/fixed-value', range: rangeOf(text, '"preliminary"'), message: 'Observation.status: must be exactly "final"' },
      {
        rule: 'fhir/pattern',
        range: rangeOf(text, 'code'),
        message: 'Observation.code: must match the pattern {"coding":[{"system":"http://loinc.org","code":"8867-4"}]}',
      },
      {
        rule: 'fhir/binding',
        range: rangeOf(text, 'gjetting'),
        message: 'Observation.method: no coding is in the required value set puls-metode (palpasjon | maskin) (found http://example.org/metode|gjetting)',
      },
    ]);
  });

  it('gives the same findings in XML', async () => {
    const norm = (fs: Awaited<ReturnType<typeof errors>>) => fs.map((f) => `${f.ruleId} ${f.message}`).sort();
    expect(norm(await errors(fhirJsonToXml(observation), 'xml', {}))).toEqual(norm(await errors(observation, 'json', {})));
  });
});

describe('unknown profiles in a Bundle', () => {
  it('are reported once per URL, on the first occurrence', async () => {
    const entry = (i: number) => `{ "fullUrl": "urn:uuid:${i}", "resource": { "resourceType": "Patient", "meta": { "profile": ["http://example.org/p"] } } }`;
    const text = `{ "resourceType": "Bundle", "type": "collection", "entry": [${entry(1)}, ${entry(2)}, ${entry(3)}] }`;
    expect((await errors(text)).map(seen)).toEqual([
      {
        rule: 'fhir/unknown-profile',
        range: rangeOf(text, 'http://example.org/p'),
        message: "Profile 'http://example.org/p' was not found (workspace, nhn.fhir.packagePaths, ~/.fhir/packages): validated against base R4 only",
      },
    ]);
  });
});
