// Slicing beyond value/pattern: type, exists and profile discriminators, slices named only by
// sliceName (a differential without ids), a discriminator not evaluated here (a required slice is
// reported only when the list is empty), and a Bundle entry's profile seeing its resource as
// %resource; profiles written here to a package folder; JSON and XML alike.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { constraintProfile, fhirFindings, seen, PROFILE_BASE } from './helpers';
import { fhirJsonToXml } from './to-xml';

const BASE = PROFILE_BASE;
const sd = constraintProfile;

describe('slicing discriminators', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-slicing-'));
    const write = (d: ReturnType<typeof sd>) => writeFileSync(path.join(dir, `StructureDefinition-${d.name}.json`), JSON.stringify(d));
    // Bundle entries sliced by the resource's type; the Organization slice carries a profile with an invariant on %resource.
    write(
      sd('by-type', 'Bundle', [
        { id: 'Bundle.entry', path: 'Bundle.entry', slicing: { discriminator: [{ type: 'type', path: 'resource' }], rules: 'open' } },
        { id: 'Bundle.entry:pasient', path: 'Bundle.entry', sliceName: 'pasient', min: 1, max: '1' },
        { id: 'Bundle.entry:pasient.resource', path: 'Bundle.entry.resource', type: [{ code: 'Patient' }] },
        { id: 'Bundle.entry:virksomhet', path: 'Bundle.entry', sliceName: 'virksomhet', min: 0, max: '*' },
        { id: 'Bundle.entry:virksomhet.resource', path: 'Bundle.entry.resource', type: [{ code: 'Organization', profile: [`${BASE}org-named`] }] },
      ]),
    );
    write(
      sd('org-named', 'Organization', [
        {
          id: 'Organization',
          path: 'Organization',
          constraint: [{ key: 'org-x', severity: 'error', human: 'An organisation names itself', expression: '%resource.name.exists()' }],
        },
      ]),
    );
    // Identifiers sliced by whether they have a period (exists).
    write(
      sd('by-exists', 'Patient', [
        { id: 'Patient.identifier', path: 'Patient.identifier', slicing: { discriminator: [{ type: 'exists', path: 'period' }], rules: 'open' } },
        { id: 'Patient.identifier:tidsbegrenset', path: 'Patient.identifier', sliceName: 'tidsbegrenset', min: 0, max: '1' },
        { id: 'Patient.identifier:tidsbegrenset.period', path: 'Patient.identifier.period', min: 1 },
      ]),
    );
    // Bundle entries sliced by profile: an active Patient is the slice.
    write(
      sd('by-profile', 'Bundle', [
        { id: 'Bundle.entry', path: 'Bundle.entry', slicing: { discriminator: [{ type: 'profile', path: 'resource' }], rules: 'open' } },
        { id: 'Bundle.entry:aktiv', path: 'Bundle.entry', sliceName: 'aktiv', min: 1, max: '1' },
        { id: 'Bundle.entry:aktiv.resource', path: 'Bundle.entry.resource', type: [{ code: 'Patient', profile: [`${BASE}active-patient`] }] },
      ]),
    );
    write(sd('active-patient', 'Patient', [{ id: 'Patient.active', path: 'Patient.active', min: 1, fixedBoolean: true }]));
    // A differential without ids (slices by sliceName), with a discriminator not evaluated here.
    write(
      sd('no-ids', 'Composition', [
        { path: 'Composition.section', slicing: { discriminator: [{ type: 'profile', path: 'focus.resolve()' }], rules: 'open' } },
        { path: 'Composition.section', sliceName: 'funn', min: 1 },
        { path: 'Composition.section.title', min: 1 },
      ]),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const problems = async (text: string, lang = 'json') =>
    (await fhirFindings(text, lang, { fhirPackagePaths: [dir] })).filter((f) => f.ruleId.startsWith('fhir/') && f.severity === 'error');
  const bundle = (profile: string, resources: Record<string, unknown>[]) =>
    JSON.stringify(
      {
        resourceType: 'Bundle',
        meta: { profile: [BASE + profile] },
        type: 'collection',
        entry: resources.map((r, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-00000000000${i}`, resource: r })),
      },
      null,
      2,
    );

  it('type: entries are told apart by their resource type; the slice profile sees the entry resource as %resource', async () => {
    expect(await problems(bundle('by-type', [{ resourceType: 'Patient' }, { resourceType: 'Organization', name: 'Legevakta' }]))).toEqual([]);
    const text = bundle('by-type', [
      { resourceType: 'Patient' },
      { resourceType: 'Patient' },
      { resourceType: 'Organization', identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '974760673' }] },
    ]);
    const found = (await problems(text)).map(seen);
    expect(found.map((f) => f.message)).toEqual([
      "Bundle.entry: slice 'pasient' allows at most 1, found 2",
      'Bundle.entry[2] (virksomhet).resource: An organisation names itself (org-x)',
    ]);
    expect(found[0].range.start).toEqual(rangeOf(text, '{\n      "fullUrl": "urn:uuid:00000000-0000-4000-8000-000000000001"').start);
    expect((await problems(fhirJsonToXml(text), 'xml')).map((f) => f.message)).toEqual(found.map((f) => f.message));
  });

  it('exists: an identifier with a period is the slice, so two of them are one too many', async () => {
    const patient = (identifiers: Record<string, unknown>[]) =>
      JSON.stringify({ resourceType: 'Patient', meta: { profile: [`${BASE}by-exists`] }, identifier: identifiers }, null, 2);
    expect(await problems(patient([{ value: 'a' }, { value: 'b', period: { start: '2026-01-01' } }]))).toEqual([]);
    const text = patient([
      { value: 'a', period: { start: '2026-01-01' } },
      { value: 'b', period: { end: '2026-12-31' } },
    ]);
    expect((await problems(text)).map((f) => f.message)).toEqual(["Patient.identifier: slice 'tidsbegrenset' allows at most 1, found 2"]);
  });

  it('profile: an entry belongs to the slice when its resource conforms to the slice profile', async () => {
    expect(
      await problems(
        bundle('by-profile', [
          { resourceType: 'Patient', active: true },
          { resourceType: 'Patient', active: false },
        ]),
      ),
    ).toEqual([]);
    const none = bundle('by-profile', [{ resourceType: 'Patient', active: false }]);
    expect((await problems(none)).map((f) => f.message)).toEqual(["Bundle.entry: slice 'aktiv' is required (minimum 1, found 0)"]);
    const two = bundle('by-profile', [
      { resourceType: 'Patient', active: true },
      { resourceType: 'Patient', active: true },
    ]);
    expect((await problems(two)).map((f) => f.message)).toEqual(["Bundle.entry: slice 'aktiv' allows at most 1, found 2"]);
  });

  it('a slice named by sliceName only, with a discriminator not evaluated: missing only when there are no sections', async () => {
    const composition = (over: Record<string, unknown>) =>
      JSON.stringify(
        {
          resourceType: 'Composition',
          meta: { profile: [`${BASE}no-ids`] },
          status: 'final',
          type: { text: 'Notat' },
          date: '2026-11-26',
          author: [{ display: 'Lege' }],
          title: 'Notat',
          ...over,
        },
        null,
        2,
      );
    expect(
      await problems(
        composition({ section: [{ title: 'Noe annet', text: { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' } }] }),
      ),
    ).toEqual([]);
    const text = composition({});
    expect((await problems(text)).map(seen)).toEqual([
      { rule: 'fhir/slice-cardinality', range: rangeOf(text, '"Composition"'), message: "Composition.section: slice 'funn' is required (minimum 1, found 0)" },
    ]);
  });
});
