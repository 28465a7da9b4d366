import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen, validResources } from './helpers';
import { fhirJsonToXml } from './to-xml';

const errors = async (text: string) => (await fhirFindings(text, 'xml')).filter((f) => f.ruleId.startsWith('fhir/') && f.severity !== 'hint');

describe('FHIR R4 XML: exact ranges', () => {
  it('binding on the value attribute, with the case fix; unknown element on its name', async () => {
    const text = '<Patient xmlns="http://hl7.org/fhir">\n  <gender value="Male"/>\n  <birthdate value="1970-01-01"/>\n</Patient>';
    const fs = await errors(text);
    expect(fs.map(seen)).toEqual([
      {
        rule: 'fhir/binding',
        range: rangeOf(text, 'Male'),
        message: "Patient.gender: 'Male' is not in the required value set administrative-gender (male | female | other | unknown)",
      },
      {
        rule: 'fhir/unknown-element',
        range: rangeOf(text, 'birthdate'),
        message: "Patient: unknown element 'birthdate' (not in Patient; did you mean 'birthDate'?)",
      },
    ]);
    expect(fs[0].fixes?.[0].edits).toEqual([{ range: rangeOf(text, 'Male'), newText: 'male' }]);
  });

  it('missing required elements point at the root element name; a value attribute on a complex element', async () => {
    const text = '<Observation xmlns="http://hl7.org/fhir">\n  <code value="zz"/>\n</Observation>';
    expect((await errors(text)).map(seen)).toEqual([
      { rule: 'fhir/cardinality', range: rangeOf(text, 'Observation'), message: "Observation: 'status' is required (minimum 1, found 0)" },
      { rule: 'fhir/type', range: rangeOf(text, 'zz'), message: 'Observation.code: CodeableConcept has child elements, not a value attribute' },
    ]);
  });

  it('resources inside Bundle entries are dispatched by their element name', async () => {
    const text =
      '<Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><entry><fullUrl value="urn:uuid:1"/><resource><Pasient xmlns="http://hl7.org/fhir"/></resource></entry></Bundle>';
    expect((await errors(text)).map(seen)).toEqual([
      { rule: 'fhir/unknown-resource-type', range: rangeOf(text, 'Pasient'), message: "'Pasient' is not a FHIR R4 resource type" },
    ]);
  });

  it('ignores XML outside the FHIR namespace and broken XML does not crash', async () => {
    expect(await errors('<Patient><gender value="M"/></Patient>')).toEqual([]);
    expect(await errors('<Patient xmlns="http://hl7.org/fhir"><gender value="M"')).toBeInstanceOf(Array);
  });
});

describe('FHIR R4 XML: element order', () => {
  it('an element before one it must follow is flagged on its name', async () => {
    const text = '<Patient xmlns="http://hl7.org/fhir">\n  <gender value="male"/>\n  <name><family value="X"/></name>\n</Patient>';
    expect((await errors(text)).map(seen)).toEqual([
      { rule: 'fhir/xml-order', range: rangeOf(text, 'name'), message: "Patient: 'name' must come before 'gender' (FHIR XML keeps the definition's order)" },
    ]);
  });

  it('attributes (id, url) have no order; repeated elements are fine', async () => {
    const text =
      '<Patient xmlns="http://hl7.org/fhir"><extension url="http://hl7.no/fhir/StructureDefinition/no-basis-urban-district"><valueCoding><system value="urn:oid:2.16.578.1.12.4.1.1.3403"/><code value="030101"/></valueCoding></extension><name id="n1"><given value="A"/><given value="B"/></name></Patient>';
    expect(await errors(text)).toEqual([]);
  });

  it('the XML forms of the valid test resources are in order', async () => {
    for (const { name, text } of validResources('json')) {
      const fs = (await fhirFindings(fhirJsonToXml(text), 'xml')).filter((f) => f.ruleId === 'fhir/xml-order');
      expect([name, fs.map((f) => f.message)]).toEqual([name, []]);
    }
  });
});
