// JSON and XML forms of the same resource give the same findings (rule, severity, message).

import { describe, expect, it } from 'vitest';
import { fhirFindings, validResources } from './helpers';
import { fhirJsonToXml } from './to-xml';

const semantic = async (text: string, lang: string) =>
  (await fhirFindings(text, lang))
    .filter((f) => f.ruleId.startsWith('fhir/') && !['fhir/array-form', 'fhir/json-syntax', 'fhir/xml-order'].includes(f.ruleId))
    .map((f) => `${f.ruleId} ${f.severity} ${f.message}`)
    .sort();

const WITH_ERRORS: Record<string, string> = {
  'binding, unknown element, format, cardinality': JSON.stringify({
    resourceType: 'Patient',
    gender: 'Female',
    birthdate: '1970-01-01',
    birthDate: '1970-13-01',
    name: [
      { use: 'official', family: 'X', given: ['A', 'B'] },
      { use: 'Nickname', given: ['C'] },
    ],
    deceasedBoolean: false,
    deceasedDateTime: '2020-01-01',
    contact: [{ gender: 'male' }],
  }),
  'invariants, empty parts, identifiers, contained': JSON.stringify({
    resourceType: 'Encounter',
    status: 'finished',
    class: { code: 'AMB' },
    period: { start: '2026-02-01', end: '2026-01-01' },
    identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: 'ukjent' }],
    contained: [{ resourceType: 'Organization', id: 'o1', name: 'X' }],
  }),
  'Bundle entries and primitive extensions': JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'Observation', status: 'done', code: { text: 'x' }, valueQuantity: { value: 5, comparator: '=' } } },
      { resource: { resourceType: 'Patient', birthDate: '1970-01-01', _birthDate: { extension: [{ url: 'http://example.org/x', valueString: 'y' }] } } },
      { resource: { resourceType: 'Pasient' } },
    ],
  }),
};

describe('FHIR R4: JSON and XML give the same findings', () => {
  it.each(validResources('json').map((v) => [v.name, v.text]))('valid %s: clean in both forms', async (_n, text) => {
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(await semantic(text, 'json'));
  });

  it.each(Object.entries(WITH_ERRORS))('%s', async (_n, text) => {
    const json = await semantic(text, 'json');
    expect(json.filter((m) => !m.includes('hint')).length).toBeGreaterThan(2);
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(json);
  });
});
