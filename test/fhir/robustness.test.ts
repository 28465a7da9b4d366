// Bad input never crashes or hangs the FHIR check: deep nesting, half-typed documents, wrong types
// everywhere, huge arrays, XML that is not well-formed.

import { describe, expect, it } from 'vitest';
import { fhirFindings } from './helpers';

describe('FHIR check on hostile input', () => {
  it('deeply nested JSON gives findings or a check-failed notice, never a throw', async () => {
    const depth = 50000;
    const text =
      '{ "resourceType": "Questionnaire", "status": "active", ' +
      '"item": [{ "linkId": "x", "type": "group", '.repeat(depth) +
      '"text": "y"' +
      ' }]'.repeat(depth) +
      ' }';
    const fs = await fhirFindings(text);
    expect(Array.isArray(fs)).toBe(true);
  });

  it('half-typed and type-confused documents', async () => {
    for (const text of [
      '{ "resourceType": "Patient", "name": [{ "given": [1, null, {}, []] }], "_gender": 5, "contact": "x"',
      '{ "resourceType": "Bundle", "entry": [{ "resource": 3 }, { "resource": { "resourceType": 7 } }, null] }',
      '{ "resourceType": "Patient", "__proto__": { "x": 1 }, "constructor": 1, "text": { "div": 5 } }',
      '{ "resourceType": "Parameters", "parameter": [{ "name": "a", "part": [{ "name": "b", "part": [{ "name": "c", "resource": { "resourceType": "Patient", "gender": "x" } }] }] }] }',
    ]) {
      await expect(fhirFindings(text)).resolves.toBeInstanceOf(Array);
    }
  });

  it('XML that is not well-formed or not FHIR-shaped', async () => {
    for (const text of [
      '<Patient xmlns="http://hl7.org/fhir"><gender value="male"><gender value="x"/></gender><name><given value="a"',
      '<Bundle xmlns="http://hl7.org/fhir"><entry><resource><Patient xmlns="http://hl7.org/fhir"/><Patient xmlns="http://hl7.org/fhir"/></resource></entry></Bundle>',
      '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><Patient xmlns="http://hl7.org/fhir"><id value="&b;"/></Patient>',
    ]) {
      await expect(fhirFindings(text, 'xml')).resolves.toBeInstanceOf(Array);
    }
  });

  it('a Parameters part nested in parts is still validated (recursive content reference)', async () => {
    const text = '{ "resourceType": "Parameters", "parameter": [{ "name": "a", "part": [{ "name": "b", "valueCode": "x", "foo": 1 }] }] }';
    const rules = (await fhirFindings(text)).map((f) => f.ruleId);
    expect(rules).toContain('fhir/unknown-element');
  });

  it('hostile extensions: thousands of distinct urls, non-string urls, deep nesting, a profile url as extension', async () => {
    const NB = 'http://hl7.no/fhir/StructureDefinition/';
    const many = { resourceType: 'Patient', extension: Array.from({ length: 5000 }, (_, i) => ({ url: `http://example.org/x/${i}`, valueString: 'y' })) };
    const manyFs = await fhirFindings(JSON.stringify(many));
    expect(manyFs.filter((f) => f.ruleId === 'fhir/unknown-extension')).toHaveLength(5000);
    const open = Array.from(
      { length: 5000 },
      (_, i) => `{ "url": "${i % 2 ? `${NB}no-basis-propertyinformation` : 'cadastralUnitNumber'}", "extension": [`,
    ).join('');
    const nested = `${open}{ "url": "${NB}no-basis-middlename", "valueString": "x" }${']}'.repeat(5000)}`;
    for (const text of [
      `{ "resourceType": "Patient", "extension": [${nested}] }`,
      '{ "resourceType": "Patient", "extension": [{ "url": 5, "valueString": "x" }, { "url": null }, { "valueString": "no url" }, "x", [], { "url": {} }] }',
      JSON.stringify({ resourceType: 'Patient', extension: [{ url: `${NB}no-basis-Patient`, valueString: 'a profile, not an extension' }] }),
      JSON.stringify({
        resourceType: 'Patient',
        modifierExtension: [{ url: `${NB}no-basis-propertyinformation|1.0`, extension: [{ url: 'cadastralUnitNumber', valueInteger: 1 }] }],
      }),
    ]) {
      await expect(fhirFindings(text)).resolves.toBeInstanceOf(Array);
    }
    const xml =
      '<Patient xmlns="http://hl7.org/fhir"><extension><valueString value="no url"/></extension><extension url=""/><modifierExtension url="urn:x"><extension url="a"/></modifierExtension></Patient>';
    await expect(fhirFindings(xml, 'xml')).resolves.toBeInstanceOf(Array);
  });
});
