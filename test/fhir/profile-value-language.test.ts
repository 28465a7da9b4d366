// Profile element extensions the reference validator honours: R5's mustHaveValue and
// valueAlternatives (as R4 cross-version extensions) and narrative-language-control, from profiles
// written here to a package folder; JSON and XML alike.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const BASE = 'http://example.org/fhir/StructureDefinition/';
const DAR = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
const NULL_FLAVOR = 'http://hl7.org/fhir/StructureDefinition/iso21090-nullFlavor';
const profile = (id: string, element: Record<string, unknown>) => ({
  resourceType: 'StructureDefinition',
  url: BASE + id,
  name: id,
  status: 'active',
  kind: 'resource',
  abstract: false,
  type: 'Patient',
  baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
  derivation: 'constraint',
  differential: { element: [element] },
});
const control = (code: string) =>
  profile(`lang-${code.replace('_', '')}`, {
    id: 'Patient.text',
    path: 'Patient.text',
    extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/narrative-language-control', valueCode: code }],
  });

describe('profile value presence and narrative language sections', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-value-lang-'));
    const write = (sd: ReturnType<typeof profile>) => writeFileSync(path.join(dir, `StructureDefinition-${sd.name}.json`), JSON.stringify(sd));
    write(
      profile('must-have', {
        id: 'Patient.active',
        path: 'Patient.active',
        min: 1,
        extension: [{ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.mustHaveValue', valueBoolean: true }],
      }),
    );
    write(
      profile('alternatives', {
        id: 'Patient.active',
        path: 'Patient.active',
        min: 1,
        extension: [{ url: 'http://hl7.org/fhir/5.0/StructureDefinition/extension-ElementDefinition.valueAlternatives', valueCanonical: DAR }],
      }),
    );
    for (const code of ['_no', '_yes', '_resource']) write(control(code));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const of = async (text: string, rule: string, lang = 'json') =>
    (await fhirFindings(text, lang, { fhirPackagePaths: [dir] })).filter((f) => f.ruleId === rule);
  const patient = (id: string, over: Record<string, unknown>) => JSON.stringify({ resourceType: 'Patient', meta: { profile: [BASE + id] }, ...over }, null, 2);
  const absent = (url: string) => ({ _active: { extension: [{ url, valueCode: 'unknown' }] } });

  it('mustHaveValue: a value is clean, an extension in its place is an error on the element', async () => {
    expect(await of(patient('must-have', { active: true }), 'fhir/value-present')).toEqual([]);
    const text = patient('must-have', absent(DAR));
    const expected = [
      {
        rule: 'fhir/value-present',
        range: rangeOf(text, '_active'),
        message: 'Patient.active: the profile requires a value here (an extension such as data-absent-reason does not replace it)',
      },
    ];
    expect((await of(text, 'fhir/value-present')).map(seen)).toEqual(expected);
    expect((await of(fhirJsonToXml(text), 'fhir/value-present', 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });

  it('valueAlternatives: the named extension may replace the value, another may not', async () => {
    expect(await of(patient('alternatives', absent(DAR)), 'fhir/value-present')).toEqual([]);
    expect(await of(patient('alternatives', { active: false }), 'fhir/value-present')).toEqual([]);
    const text = patient('alternatives', absent(NULL_FLAVOR));
    expect((await of(text, 'fhir/value-present')).map(seen)).toEqual([
      {
        rule: 'fhir/value-present',
        range: rangeOf(text, '_active'),
        message: `Patient.active: without a value, the profile requires one of these extensions in its place: ${DAR}`,
      },
    ]);
  });

  it('narrative-language-control: _no, _yes and _resource', async () => {
    const narrative = (div: string) => ({ text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${div}</div>` } });
    const sections = '<div lang="nb" xml:lang="nb">Hei</div><div lang="en" xml:lang="en">Hello</div>';
    expect(await of(patient('lang-no', narrative('<p>Hei</p>')), 'fhir/narrative-language')).toEqual([]);
    expect(await of(patient('lang-yes', narrative(sections)), 'fhir/narrative-language')).toEqual([]);
    expect(await of(patient('lang-resource', { language: 'nb', ...narrative(sections) }), 'fhir/narrative-language')).toEqual([]);
    const no = patient('lang-no', narrative(sections));
    expect((await of(no, 'fhir/narrative-language')).map(seen)).toEqual([
      {
        rule: 'fhir/narrative-language',
        range: rangeOf(no, 'text'),
        message: 'Patient.text: the narrative has language sections (en, nb), but the profile prohibits them',
      },
    ]);
    const yes = patient('lang-yes', narrative('<p>Hei</p>'));
    expect((await of(fhirJsonToXml(yes), 'fhir/narrative-language', 'xml')).map((f) => f.message)).toEqual([
      'Patient.text: the profile requires language sections in the narrative, and it has none',
    ]);
    const resource = patient('lang-resource', { language: 'se', ...narrative(sections) });
    expect((await of(resource, 'fhir/narrative-language')).map((f) => f.message)).toEqual([
      "Patient.text: the profile requires a narrative section for the language 'se', not found (found: en, nb)",
    ]);
  });
});
