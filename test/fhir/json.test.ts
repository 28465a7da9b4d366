import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen, validResources } from './helpers';

// dom-6 (narrative) is a best-practice hint on every resource without text; asserted on its own below.
const fhirOnly = (fs: Awaited<ReturnType<typeof fhirFindings>>) => fs.filter((f) => f.ruleId.startsWith('fhir/') && f.severity !== 'hint');

describe('FHIR R4 JSON: valid resources', () => {
  const valid = validResources('json');
  it('has at least 15 resource types', () => expect(valid.length).toBeGreaterThanOrEqual(15));
  it.each(valid.map((v) => [v.name, v.text]))('%s validates clean', async (_name, text) => {
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([]);
  });
});

describe('FHIR R4 JSON: each error class gets exactly its diagnostic', () => {
  it('unknown element, with a did-you-mean and a case fix', async () => {
    const text = '{\n  "resourceType": "Patient",\n  "birthdate": "1970-01-01"\n}';
    const [f, ...rest] = fhirOnly(await fhirFindings(text));
    expect(rest).toEqual([]);
    expect(seen(f)).toEqual({
      rule: 'fhir/unknown-element',
      range: rangeOf(text, 'birthdate'),
      message: "Patient: unknown element 'birthdate' (not in Patient; did you mean 'birthDate'?)",
    });
    expect(f.fixes?.[0].edits).toEqual([{ range: rangeOf(text, 'birthdate'), newText: 'birthDate' }]);
  });

  it('required binding, with the right case as a quick fix', async () => {
    const text = '{ "resourceType": "Patient", "gender": "M", "name": [{ "use": "Official", "family": "X" }] }';
    const fs = fhirOnly(await fhirFindings(text));
    expect(fs.map(seen)).toEqual([
      {
        rule: 'fhir/binding',
        range: rangeOf(text, 'M', 0),
        message: "Patient.gender: 'M' is not in the required value set administrative-gender (male | female | other | unknown)",
      },
      {
        rule: 'fhir/binding',
        range: rangeOf(text, 'Official'),
        message: "Patient.name[0].use: 'Official' is not in the required value set name-use (usual | official | temp | nickname | anonymous | old | maiden)",
      },
    ]);
    expect(fs[0].fixes).toBeUndefined();
    expect(fs[1].fixes?.[0]).toMatchObject({ title: "Change to 'official'", edits: [{ range: rangeOf(text, 'Official'), newText: 'official' }] });
  });

  it('missing required elements (cardinality min) point at the resource type', async () => {
    const text = '{ "resourceType": "Observation", "id": "o1" }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/cardinality', range: rangeOf(text, '"Observation"'), message: "Observation: 'status' is required (minimum 1, found 0)" },
      { rule: 'fhir/cardinality', range: rangeOf(text, '"Observation"'), message: "Observation: 'code' is required (minimum 1, found 0)" },
    ]);
  });

  it('two variants of a choice type (cardinality max)', async () => {
    const text = '{ "resourceType": "Patient", "deceasedBoolean": true, "deceasedDateTime": "2020-01-01" }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/cardinality', range: rangeOf(text, 'deceasedDateTime'), message: 'Patient.deceased[x]: at most 1 allowed, found 2' },
    ]);
  });

  it('JSON array form both ways', async () => {
    const text = '{ "resourceType": "Patient", "telecom": { "system": "phone", "value": "1" }, "gender": ["male"] }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/array-form', range: rangeOf(text, 'telecom'), message: 'Patient.telecom: repeats (max *), so JSON needs an array' },
      { rule: 'fhir/array-form', range: rangeOf(text, 'gender'), message: 'Patient.gender: occurs at most once, so JSON needs a single value, not an array' },
    ]);
  });

  it('wrong JSON type and bad primitive formats', async () => {
    const text = '{ "resourceType": "Patient", "active": "true", "birthDate": "1970-02-30x", "id": "a b", "multipleBirthInteger": 1.5 }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/type', range: rangeOf(text, '"true"'), message: 'Patient.active: boolean must be a JSON boolean, found string' },
      { rule: 'fhir/format', range: rangeOf(text, '1970-02-30x'), message: "Patient.birthDate: '1970-02-30x' is not a valid date" },
      { rule: 'fhir/format', range: rangeOf(text, 'a b'), message: "Patient.id: 'a b' is not a valid id" },
      { rule: 'fhir/format', range: rangeOf(text, '1.5'), message: "Patient.multipleBirthInteger: '1.5' is not a valid integer" },
    ]);
  });

  it('empty element (ele-1)', async () => {
    const text = '{ "resourceType": "Patient", "contact": [{}] }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/empty-element', range: rangeOf(text, '{}'), message: 'Patient.contact[0]: an element must have a value or children' },
    ]);
  });

  it('FHIRPath invariant (per-1: period start before end)', async () => {
    const text = '{ "resourceType": "Encounter", "status": "finished", "class": { "code": "AMB" }, "period": { "start": "2026-02-01", "end": "2026-01-01" } }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/invariant', range: rangeOf(text, 'period'), message: 'Encounter.period: If present, start SHALL have a lower value than end (per-1)' },
    ]);
  });

  it('unreferenced contained resource (dom-3) and unknown resource types inside a Bundle', async () => {
    const text =
      '{ "resourceType": "Bundle", "type": "collection", "entry": [ { "fullUrl": "urn:uuid:1", "resource": { "resourceType": "Patient", "contained": [{ "resourceType": "Organization", "id": "o", "name": "X" }] } }, { "fullUrl": "urn:uuid:2", "resource": { "resourceType": "Pasient" } } ] }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/invariant',
        range: rangeOf(text, '{ "resourceType": "Organization", "id": "o", "name": "X" }'),
        message:
          'Patient.contained[0]: If the resource is contained in another resource, it SHALL be referred to from elsewhere in the resource or SHALL refer to the containing resource (dom-3)',
      },
      { rule: 'fhir/unknown-resource-type', range: rangeOf(text, '"Pasient"'), message: "'Pasient' is not a FHIR R4 resource type" },
    ]);
  });

  it('JSON syntax errors are reported and the rest is still checked', async () => {
    const text = '{ "resourceType": "Patient", "gender": "male",, "foo": 1 }';
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      { rule: 'fhir/json-syntax', range: rangeOf(text, ',', 2), message: 'JSON syntax error: PropertyNameExpected' },
      { rule: 'fhir/unknown-element', range: rangeOf(text, 'foo'), message: "Patient: unknown element 'foo' (not in Patient)" },
    ]);
  });

  it('a resource without narrative gets the dom-6 best-practice hint, nothing more', async () => {
    const text = '{ "resourceType": "Patient" }';
    const fs = (await fhirFindings(text)).filter((f) => f.ruleId.startsWith('fhir/'));
    expect(fs.map((f) => [f.ruleId, f.severity, f.message, f.range])).toEqual([
      ['fhir/invariant', 'hint', 'Patient: A resource should have narrative for robust management (dom-6)', rangeOf(text, '"Patient"')],
    ]);
  });

  it('in Norwegian', async () => {
    const text = '{ "resourceType": "Patient", "gender": "M" }';
    const [f] = fhirOnly(await findingsNb(text));
    expect(f.message).toBe("Patient.gender: 'M' er ikke i det påkrevde verdisettet administrative-gender (male | female | other | unknown)");
  });

  it('leaves JSON that is not FHIR alone', async () => {
    expect(fhirOnly(await fhirFindings('{ "name": "x", "gender": "M" }'))).toEqual([]);
    expect(fhirOnly(await fhirFindings('[1, 2'))).toEqual([]);
  });
});

async function findingsNb(text: string) {
  const { findingsFor } = await import('../helpers/engine');
  const { createHost } = await import('../../server/src/host/resolvers');
  return findingsFor(text, 'json', { host: createHost(), language: 'nb' });
}

describe('FHIR R4 JSON: Norwegian identifiers', () => {
  const patient = (system: string, value: string) => `{ "resourceType": "Patient", "identifier": [{ "system": "${system}", "value": "${value}" }] }`;
  const FNR = 'urn:oid:2.16.578.1.12.4.1.4.1';

  it('a D-number under the fødselsnummer system is the wrong kind, printed masked', async () => {
    const text = patient(FNR, '41818040065'); // a synthetic (Tenor) D-number
    const fs = (await fhirFindings(text)).filter((f) => f.ruleId === 'fhir/identifier');
    expect(fs.map(seen)).toEqual([
      {
        rule: 'fhir/identifier',
        range: rangeOf(text, '41818040065'),
        message: `Patient.identifier[0].value: 418180***** is a D-number, but the system ${FNR} is for fødselsnummer`,
      },
    ]);
    expect(JSON.stringify(fs)).not.toContain('41818040065');
  });

  it('a fødselsnummer under the no-basis DNR system is the wrong kind', async () => {
    const text = patient('http://hl7.no/fhir/NamingSystem/DNR', '04886897869');
    const fs = (await fhirFindings(text)).filter((f) => f.ruleId === 'fhir/identifier');
    expect(fs.map((f) => f.message)).toEqual([
      'Patient.identifier[0].value: 048868***** is a fødselsnummer, but the system http://hl7.no/fhir/NamingSystem/DNR is for D-number',
    ]);
  });

  it('a value that is no number at all', async () => {
    const text = patient(FNR, 'ukjent');
    const fs = (await fhirFindings(text)).filter((f) => f.ruleId === 'fhir/identifier');
    expect(fs.map(seen)).toEqual([
      { rule: 'fhir/identifier', range: rangeOf(text, 'ukjent'), message: "Patient.identifier[0].value: '*****' is not a valid fødselsnummer" },
    ]);
  });

  it('wrong check digits are left to the nin check (one finding, not two)', async () => {
    const text = patient(FNR, '04886897868');
    const rules = (await fhirFindings(text)).filter((f) => f.severity !== 'hint').map((f) => f.ruleId);
    expect(rules).toEqual(['nin/invalid-check-digits']);
  });
});

describe('FHIR R4 JSON: Bundle invariants (evaluated natively)', () => {
  const bundle = (type: string, entries: string) => `{ "resourceType": "Bundle", "type": "${type}", "entry": [${entries}] }`;
  const rules = async (text: string) => (await fhirFindings(text)).filter((f) => f.ruleId === 'fhir/invariant' && f.severity !== 'hint').map((f) => f.message);

  it('bdl-3: a transaction entry needs a request, a collection entry must not have one', async () => {
    expect(await rules(bundle('transaction', '{ "fullUrl": "urn:uuid:1", "resource": { "resourceType": "Basic", "code": { "text": "x" } } }'))).toEqual([
      'Bundle: entry.request mandatory for batch/transaction/history, otherwise prohibited (bdl-3)',
    ]);
    expect(
      await rules(
        bundle('collection', '{ "resource": { "resourceType": "Basic", "code": { "text": "x" } }, "request": { "method": "POST", "url": "Basic" } }'),
      ),
    ).toEqual(['Bundle: entry.request mandatory for batch/transaction/history, otherwise prohibited (bdl-3)']);
  });

  it('bdl-7: the same fullUrl twice; bdl-11: a document starts with a Composition', async () => {
    const e = '{ "fullUrl": "urn:uuid:1", "resource": { "resourceType": "Basic", "code": { "text": "x" } } }';
    expect(await rules(bundle('collection', `${e}, ${e}`))).toEqual([
      'Bundle: FullUrl must be unique in a bundle, or else entries with the same fullUrl must have different meta.versionId (except in history bundles) (bdl-7)',
    ]);
    const doc =
      '{ "resourceType": "Bundle", "type": "document", "identifier": { "system": "urn:ietf:rfc:3986", "value": "urn:uuid:9" }, "timestamp": "2026-11-26T10:00:00Z", "entry": [' +
      e +
      '] }';
    expect(await rules(doc)).toEqual(['Bundle: A document must have a Composition as the first resource (bdl-11)']);
  });
});
