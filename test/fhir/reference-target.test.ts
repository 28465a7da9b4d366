// Reference.reference against the element's target types: R4's own (Patient.generalPractitioner)
// and a profile's narrower targetProfile; contained and urn: references are not judged.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const targets = async (text: string, lang = 'json') => (await fhirFindings(text, lang)).filter((f) => f.ruleId === 'fhir/reference-target');

describe('reference target types', () => {
  it('a generalPractitioner that is a Patient is an error; Practitioner, Organization, contained and urn: are not', async () => {
    const text = JSON.stringify(
      {
        resourceType: 'Patient',
        generalPractitioner: [
          { reference: 'Patient/p2' },
          { reference: 'Practitioner/d1' },
          { reference: 'https://fhir.example.no/fhir/Organization/o1' },
          { reference: 'urn:uuid:6e8a2b4c-2f0e-4c1e-9f1a-5a4f1f7d2c01' },
        ],
      },
      null,
      2,
    );
    const expected = [
      {
        rule: 'fhir/reference-target',
        range: rangeOf(text, 'Patient/p2'),
        message:
          'Patient.generalPractitioner[0]: the reference Patient/p2 is to a Patient, which this element does not allow (allowed: Organization, Practitioner, PractitionerRole)',
      },
    ];
    expect((await targets(text)).map(seen)).toEqual(expected);
    expect((await targets(fhirJsonToXml(text), 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });
});
