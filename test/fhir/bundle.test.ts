// Bundle entries' fullUrl: present outside transactions and batches, absolute, and a RESTful one
// ending in the entry's own type and id; JSON and XML alike.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const problems = (fs: Awaited<ReturnType<typeof fhirFindings>>) =>
  fs.filter((f) => f.ruleId.startsWith('fhir/') && (f.severity === 'error' || f.severity === 'warning'));

const bundle = (type: string, entries: Record<string, unknown>[]) => JSON.stringify({ resourceType: 'Bundle', type, entry: entries }, null, 2);

describe('Bundle entry fullUrl', () => {
  it('valid: urn:uuid, a RESTful url that matches, a transaction entry without one', async () => {
    const text = bundle('collection', [
      { fullUrl: 'urn:uuid:6e8a2b4c-2f0e-4c1e-9f1a-5a4f1f7d2c01', resource: { resourceType: 'Patient' } },
      { fullUrl: 'https://fhir.example.no/fhir/Patient/p1', resource: { resourceType: 'Patient', id: 'p1' } },
    ]);
    expect(problems(await fhirFindings(text))).toEqual([]);
    expect(problems(await fhirFindings(fhirJsonToXml(text), 'xml'))).toEqual([]);
    const tx = bundle('transaction', [{ resource: { resourceType: 'Patient' }, request: { method: 'POST', url: 'Patient' } }]);
    expect(problems(await fhirFindings(tx))).toEqual([]);
  });

  it('missing, relative, and a RESTful url that names another resource or a resource without id', async () => {
    const text = bundle('collection', [
      { resource: { resourceType: 'Patient', id: 'a' } },
      { fullUrl: 'Patient/b', resource: { resourceType: 'Patient', id: 'b' } },
      { fullUrl: 'https://fhir.example.no/fhir/Patient/c', resource: { resourceType: 'Organization', id: 'c', name: 'X' } },
      { fullUrl: 'https://fhir.example.no/fhir/Patient/d', resource: { resourceType: 'Patient' } },
    ]);
    const expected = [
      {
        rule: 'fhir/bundle-entry',
        range: rangeOf(text, '{\n      "resource": {\n        "resourceType": "Patient",\n        "id": "a"\n      }\n    }'),
        message: 'Bundle.entry[0]: every entry needs a fullUrl, the identity of its resource (only transactions and batches may leave it out)',
      },
      { rule: 'fhir/bundle-entry', range: rangeOf(text, 'Patient/b'), message: "Bundle.entry[1]: the fullUrl must be an absolute URL, not 'Patient/b'" },
      {
        rule: 'fhir/bundle-entry',
        range: rangeOf(text, 'https://fhir.example.no/fhir/Patient/c'),
        message:
          "Bundle.entry[2]: the fullUrl 'https://fhir.example.no/fhir/Patient/c' looks like a RESTful server URL, so it must end with the resource's type and id (/Organization/c)",
      },
      {
        rule: 'fhir/bundle-entry',
        range: rangeOf(text, 'https://fhir.example.no/fhir/Patient/d'),
        message: "Bundle.entry[3]: the fullUrl 'https://fhir.example.no/fhir/Patient/d' looks like a RESTful server URL, but the resource has no id",
      },
    ];
    expect(problems(await fhirFindings(text)).map(seen)).toEqual(expected);
    expect(problems(await fhirFindings(fhirJsonToXml(text), 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });
});
