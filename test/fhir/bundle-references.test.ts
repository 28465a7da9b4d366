// References between Bundle entries, resolved as the reference validator resolves them: several
// matches, a match of another type, document references that must resolve inside the Bundle, the
// fullUrl rule for relative references, and document entries nobody links to; JSON and XML alike.

import { describe, expect, it } from 'vitest';
import { createHost } from '../../server/src/host/resolvers';
import { findingsFor, rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const rule = 'fhir/bundle-reference';
const positionAt = (text: string, offset: number) => {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};
const ofRule = (fs: Awaited<ReturnType<typeof fhirFindings>>) => fs.filter((f) => f.ruleId === rule);
const bundle = (type: string, entries: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ resourceType: 'Bundle', type, ...extra, entry: entries }, null, 2);
const BASE = 'https://fhir.example.no/fhir/';
const patient = (id: string, over: Record<string, unknown> = {}) => ({ fullUrl: `${BASE}Patient/${id}`, resource: { resourceType: 'Patient', id, ...over } });
const docExtra = {
  identifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:0c3c1e2e-8f0a-4c55-9a57-2a86c3c4d001' },
  timestamp: '2026-11-26T10:00:00+01:00',
};
const composition = (over: Record<string, unknown>) => ({
  fullUrl: `${BASE}Composition/c1`,
  resource: {
    resourceType: 'Composition',
    id: 'c1',
    status: 'final',
    type: { text: 'Epikrise' },
    date: '2026-11-26',
    title: 'Epikrise',
    author: [{ reference: 'Patient/p1' }],
    subject: { reference: 'Patient/p1' },
    ...over,
  },
});

describe('references inside a Bundle', () => {
  it('a collection whose references each match one entry is clean, also from urn:uuid entries', async () => {
    const text = bundle('collection', [
      { fullUrl: 'urn:uuid:5d9588d8-3cd6-4b32-8fb7-ad13694e069d', resource: { resourceType: 'Practitioner' } },
      {
        fullUrl: 'urn:uuid:54fc3e09-e279-4b74-a8ff-2649ec968642',
        resource: { resourceType: 'Patient', generalPractitioner: [{ reference: 'Practitioner/5d9588d8-3cd6-4b32-8fb7-ad13694e069d' }] },
      },
      patient('p1', { link: [{ other: { reference: 'Patient/p2' }, type: 'seealso' }] }),
      patient('p2'),
    ]);
    expect(ofRule(await fhirFindings(text))).toEqual([]);
    expect(ofRule(await fhirFindings(fhirJsonToXml(text), 'xml'))).toEqual([]);
  });

  it('several entries at the fullUrl a reference implies, and a match of another type than the reference names', async () => {
    const text = bundle('collection', [
      patient('p1', { link: [{ other: { reference: 'Patient/p2' }, type: 'seealso' }] }),
      patient('p2', { meta: { versionId: '1' } }),
      patient('p2', { meta: { versionId: '2' } }),
      {
        fullUrl: 'urn:uuid:9a1f1b8e-1c1d-4d7e-8f55-0e4b6f0c2a11',
        resource: { resourceType: 'Patient', generalPractitioner: [{ reference: 'Practitioner/3b0e5c62-6a53-4c5e-9d1c-7c2f1e9a4b22' }] },
      },
      { fullUrl: 'urn:uuid:3b0e5c62-6a53-4c5e-9d1c-7c2f1e9a4b22', resource: { resourceType: 'Organization', name: 'Legekontoret' } },
    ]);
    const expected = [
      {
        rule,
        range: rangeOf(text, 'Patient/p2'),
        message: "Patient.link[0].other: the reference 'Patient/p2' matches 2 entries in the Bundle (same fullUrl and version); it must match one",
      },
      {
        rule,
        range: rangeOf(text, 'Practitioner/3b0e5c62-6a53-4c5e-9d1c-7c2f1e9a4b22'),
        message:
          "Patient.generalPractitioner[0]: the reference 'Practitioner/3b0e5c62-6a53-4c5e-9d1c-7c2f1e9a4b22' resolves in the Bundle to a Organization, not the resource type it names",
      },
    ];
    expect(ofRule(await fhirFindings(text)).map(seen)).toEqual(expected);
    expect(ofRule(await fhirFindings(fhirJsonToXml(text), 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });

  it('a document whose Composition references resolve and whose entries are all linked is clean', async () => {
    const text = bundle(
      'document',
      [
        composition({ section: [{ title: 'Funn', entry: [{ reference: 'Observation/o1' }] }] }),
        patient('p1'),
        {
          fullUrl: `${BASE}Observation/o1`,
          resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Puls' }, subject: { reference: 'Patient/p1' } },
        },
      ],
      docExtra,
    );
    expect(ofRule(await fhirFindings(text))).toEqual([]);
  });

  it('a document: a Composition reference not in the Bundle, one whose fullUrl rule finds nothing though type and id exist, an unlinked entry', async () => {
    const text = bundle(
      'document',
      [
        composition({ encounter: { reference: 'Encounter/e9' }, section: [{ title: 'Funn', entry: [{ reference: 'Observation/o1' }] }] }),
        patient('p1'),
        {
          fullUrl: 'https://other.example.no/fhir/Observation/o1',
          resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'Puls' } },
        },
      ],
      docExtra,
    );
    const orphan = text.lastIndexOf('{', text.indexOf('"fullUrl": "https://other.example.no/fhir/Observation/o1"'));
    const expected = [
      {
        rule,
        range: rangeOf(text, 'Encounter/e9'),
        message: "Composition.encounter: 'Encounter/e9' is not found in the Bundle (the Composition's and MessageHeader's references must resolve inside it)",
      },
      {
        rule,
        range: rangeOf(text, 'Observation/o1'),
        message:
          "Composition.section[0].entry[0]: 'Observation/o1' is not found in the Bundle: an entry has that type and id (fullUrl https://other.example.no/fhir/Observation/o1), but a relative reference resolves against the referring entry's fullUrl (https://fhir.example.no/fhir/Observation/o1)",
      },
      {
        rule,
        start: positionAt(text, orphan),
        message:
          'Bundle.entry[2]: the entry https://other.example.no/fhir/Observation/o1 cannot be reached from the Composition by following references (forward or backward)',
      },
    ];
    const found = ofRule(await fhirFindings(text)).map(seen);
    expect(found.slice(0, 2)).toEqual(expected.slice(0, 2));
    expect({ rule: found[2].rule, start: found[2].range.start, message: found[2].message }).toEqual(expected[2]);
    expect(found).toHaveLength(3);
    expect(ofRule(await fhirFindings(fhirJsonToXml(text), 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });

  it('a versioned reference whose version is not in the Bundle, in Norwegian', async () => {
    const text = bundle(
      'document',
      [composition({ section: [{ title: 'Funn', entry: [{ reference: 'Patient/p1/_history/3' }] }] }), patient('p1', { meta: { versionId: '1' } })],
      docExtra,
    );
    const [f] = ofRule(await findingsFor(text, 'json', { host: createHost(), language: 'nb' }));
    expect(f.range).toEqual(rangeOf(text, 'Patient/p1/_history/3'));
    expect(f.message).toBe(
      "Composition.section[0].entry[0]: 'Patient/p1/_history/3' finnes ikke i Bundle: en oppføring har den typen og id-en (fullUrl https://fhir.example.no/fhir/Patient/p1), men en relativ referanse løses mot fullUrl til oppføringen som refererer (https://fhir.example.no/fhir/Patient/p1/_history/3)",
    );
  });
});
