// Conformance resources' own rules where HL7's validator tests them: a SearchParameter's expression
// starting with a type outside its base, and a profile's differential naming a path its base type does
// not have; JSON and XML alike.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const of = async (text: string, rule: string, lang = 'json') => (await fhirFindings(text, lang)).filter((f) => f.ruleId === rule);

describe('conformance resources', () => {
  const searchParameter = (expression: string, base: string[]) =>
    JSON.stringify(
      {
        resourceType: 'SearchParameter',
        url: 'http://example.org/fhir/SearchParameter/navn',
        name: 'navn',
        status: 'active',
        description: 'Navn',
        code: 'navn',
        base,
        type: 'string',
        expression,
      },
      null,
      2,
    );

  it('SearchParameter: every union part starts with a base type (or anything, for Resource)', async () => {
    expect(await of(searchParameter('Patient.name | Practitioner.name', ['Patient', 'Practitioner']), 'fhir/search-parameter')).toEqual([]);
    expect(await of(searchParameter("Resource.meta.tag | (Organization.name.where(use = 'official'))", ['Resource']), 'fhir/search-parameter')).toEqual([]);
    const text = searchParameter("Organization.name | (Organization.alias) | Patient.name.where(text = 'a|b')", ['Patient']);
    const expected = [
      {
        rule: 'fhir/search-parameter',
        range: rangeOf(text, "Organization.name | (Organization.alias) | Patient.name.where(text = 'a|b')"),
        message: 'SearchParameter.expression: the expression starts with Organization, which is not a base of this search parameter (Patient)',
      },
    ];
    expect((await of(text, 'fhir/search-parameter')).map(seen)).toEqual(expected);
    expect((await of(fhirJsonToXml(text), 'fhir/search-parameter', 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });

  const profile = (paths: string[]) =>
    JSON.stringify(
      {
        resourceType: 'StructureDefinition',
        url: 'http://example.org/fhir/StructureDefinition/obs',
        name: 'Obs',
        status: 'draft',
        kind: 'resource',
        abstract: false,
        type: 'Observation',
        baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
        derivation: 'constraint',
        differential: { element: paths.map((path) => ({ id: path, path })) },
      },
      null,
      2,
    );

  it('StructureDefinition: differential paths through data types, backbones and choices; an unknown one is an error', async () => {
    expect(
      await of(
        profile([
          'Observation.value[x]',
          'Observation.valueQuantity',
          'Observation.valueQuantity.code',
          'Observation.code.coding.system',
          'Observation.component.code',
          'Observation.referenceRange.low.value',
        ]),
        'fhir/structure-definition',
      ),
    ).toEqual([]);
    const text = profile(['Observation.status', 'Observation.valueBla', 'Observation.code.coding.sytem']);
    const expected = [
      {
        rule: 'fhir/structure-definition',
        range: rangeOf(text, 'Observation.valueBla', 1),
        message:
          "StructureDefinition.differential.element[1].path: 'Observation.valueBla' is not an element of Observation (a choice is named with [x], or renamed to one of its types)",
      },
      {
        rule: 'fhir/structure-definition',
        range: rangeOf(text, 'Observation.code.coding.sytem', 1),
        message:
          "StructureDefinition.differential.element[2].path: 'Observation.code.coding.sytem' is not an element of Observation (a choice is named with [x], or renamed to one of its types)",
      },
    ];
    expect((await of(text, 'fhir/structure-definition')).map(seen)).toEqual(expected);
    expect((await of(fhirJsonToXml(text), 'fhir/structure-definition', 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });
});
