// Extension definitions, resolved like profiles: HL7 Norway no-basis extensions (XML, differential only)
// read from ../shared/fixtures, used correctly and incorrectly, in JSON and XML; unknown urls.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../server/src/host/resolvers';
import { findingsFor, rangeOf } from '../helpers/engine';
import { fhirFindings, NO_BASIS, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const NB = 'http://hl7.no/fhir/StructureDefinition/';
const findings = async (text: string, lang = 'json', settings: Record<string, unknown> = { fhirPackagePaths: [NO_BASIS] }) =>
  (await fhirFindings(text, lang, settings)).filter((f) => f.ruleId.startsWith('fhir/') && f.severity !== 'hint');
const pretty = (json: unknown) => JSON.stringify(json, null, 2);
/** Rule, severity and message, sorted: what JSON and XML must agree on. */
const semantic = async (text: string, lang: string, settings?: Record<string, unknown>) =>
  (await findings(text, lang, settings)).map((f) => `${f.ruleId} ${f.severity} ${f.message}`).sort();

const middlename = (value: Record<string, unknown> = { valueString: 'Nordmann' }) => ({ url: `${NB}no-basis-middlename`, ...value });
const urbanDistrict = { url: `${NB}no-basis-urban-district`, valueCoding: { system: 'urn:oid:2.16.578.1.12.4.1.1.3403', code: '030101' } };
const municipality = { url: `${NB}no-basis-municipalitycode`, valueCoding: { system: 'urn:oid:2.16.578.1.12.4.1.1.3402', code: '0301' } };
const property = (parts: Record<string, unknown>[]) => ({ url: `${NB}no-basis-propertyinformation`, extension: parts });

const CORE = 'http://hl7.org/fhir/StructureDefinition/';
const citizenship = {
  url: `${CORE}patient-citizenship`,
  extension: [
    { url: 'code', valueCodeableConcept: { coding: [{ system: 'urn:iso:std:iso:3166', code: 'NO' }] } },
    { url: 'period', valuePeriod: { start: '1990-05-17' } },
  ],
};

const goodPatient = {
  resourceType: 'Patient',
  meta: { profile: [`${NB}no-basis-Patient`] },
  extension: [urbanDistrict, citizenship],
  name: [{ extension: [middlename()], family: 'Hansen', given: ['Kari'] }],
  address: [
    {
      extension: [
        urbanDistrict,
        property([
          { url: 'cadastralUnitNumber', valueInteger: 207 },
          { url: 'propertyUnitNumber', valueInteger: 88 },
        ]),
      ],
      line: ['Storgata 1'],
      city: 'Oslo',
      district: 'Oslo',
      _district: { extension: [municipality] },
      postalCode: '0155',
    },
  ],
};
const goodPractitioner = {
  resourceType: 'Practitioner',
  meta: { profile: [`${NB}no-basis-Practitioner`] },
  extension: [urbanDistrict],
  name: [{ extension: [middlename({ valueString: 'Lie' })], family: 'Berg', given: ['Ola'] }],
  address: [{ extension: [urbanDistrict], city: 'Bergen' }],
};

describe('no-basis extensions used correctly', () => {
  it.each([
    ['Patient', goodPatient],
    ['Practitioner', goodPractitioner],
  ])('%s: no findings, in JSON and in XML', async (_n, resource) => {
    const text = pretty(resource);
    expect((await findings(text)).map(seen)).toEqual([]);
    expect((await findings(fhirJsonToXml(text), 'xml')).map(seen)).toEqual([]);
  });

  it('without the definitions the same Patient gets one information per extension url', async () => {
    const text = pretty(goodPatient);
    const fs = (await findings(text, 'json', { fhirPackagePaths: [] })).filter((f) => f.ruleId === 'fhir/unknown-extension');
    expect(fs.map((f) => f.message.match(/'([^']+)'/)![1])).toEqual([
      `${NB}no-basis-urban-district`,
      `${NB}no-basis-middlename`,
      `${NB}no-basis-propertyinformation`,
      `${NB}no-basis-municipalitycode`,
    ]);
    expect(fs[0].range).toEqual(rangeOf(text, `${NB}no-basis-urban-district`));
    expect(fs[0].source).toBe('https://hl7.org/fhir/R4/extensibility.html');
  });
});

describe('no-basis extensions used incorrectly (exact rule and range)', () => {
  it('a value of a type the definition does not allow', async () => {
    const text = pretty({ resourceType: 'Patient', name: [{ extension: [middlename({ valueInteger: 3 })], family: 'Hansen' }] });
    expect((await findings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/type',
        range: rangeOf(text, 'valueInteger'),
        message: 'Patient.name[0].extension[0].valueInteger: type integer is not allowed here (allowed: string)',
      },
    ]);
    const xml = fhirJsonToXml(text);
    expect((await findings(xml, 'xml')).map(seen)).toEqual([
      {
        rule: 'fhir/type',
        range: rangeOf(xml, 'valueInteger'),
        message: 'Patient.name[0].extension[0].valueInteger: type integer is not allowed here (allowed: string)',
      },
    ]);
  });

  it('a complex extension: unknown part, a part twice, a part of the wrong type, no value allowed', async () => {
    const parts = [
      { url: 'cadastralUnitNumber', valueInteger: 1 },
      { url: 'cadastralUnitNumber', valueInteger: 2 },
      { url: 'propertyUnitNumbr', valueInteger: 3 },
      { url: 'leaseholdNumber', valueString: '4' },
    ];
    const text = pretty({
      resourceType: 'Patient',
      address: [{ extension: [property(parts), { url: `${NB}no-basis-propertyinformation`, valueString: 'gnr 1 bnr 2' }], city: 'Oslo' }],
    });
    const expected = [
      {
        rule: 'fhir/slice-cardinality',
        range: rangeOf(text, '{\n              "url": "cadastralUnitNumber",\n              "valueInteger": 2\n            }'),
        message: "Patient.address[0].extension[0].extension: slice 'cadastralUnitNumber' allows at most 1, found 2",
      },
      {
        rule: 'fhir/unknown-sub-extension',
        range: rangeOf(text, 'propertyUnitNumbr'),
        message:
          "Patient.address[0].extension[0].extension[2]: 'propertyUnitNumbr' is not a part of extension 'NoBasisPropertyinformation' (parts: cadastralUnitNumber, propertyUnitNumber, leaseholdNumber, condominiumUnitNumber, municipality)",
      },
      {
        rule: 'fhir/type',
        range: rangeOf(text, 'valueString'),
        message: 'Patient.address[0].extension[0].extension[3] (leaseholdNumber).valueString: type string is not allowed here (allowed: integer)',
      },
      { rule: 'fhir/cardinality', range: rangeOf(text, 'valueString', 1), message: 'Patient.address[0].extension[1].value[x]: at most 0 allowed, found 1' },
    ];
    expect((await findings(text)).map(seen)).toEqual(expected);
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(await semantic(text, 'json'));
  });

  it('a required part of a complex extension is missing (no-basis-sourceofinformation on AllergyIntolerance)', async () => {
    const ext = { url: `${NB}no-basis-sourceofinformation`, extension: [{ url: 'note', valueString: 'fra pasienten' }] };
    const clinicalStatus = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical', code: 'active' }] };
    const text = pretty({ resourceType: 'AllergyIntolerance', extension: [ext], clinicalStatus, patient: { reference: 'Patient/1' } });
    expect((await findings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/slice-cardinality',
        range: rangeOf(text, pretty(ext).replace(/\n/g, '\n    ')),
        message: "AllergyIntolerance.extension[0].extension: slice 'source' is required (minimum 1, found 0)",
      },
      {
        rule: 'fhir/unknown-sub-extension',
        range: rangeOf(text, 'note'),
        message: "AllergyIntolerance.extension[0].extension[0]: 'note' is not a part of extension 'NoBasisSourceofinformation' (parts: source)",
      },
    ]);
    const xml = fhirJsonToXml(text);
    const inXml = (await findings(xml, 'xml')).map(seen);
    expect(inXml.map((f) => f.rule)).toEqual(['fhir/slice-cardinality', 'fhir/unknown-sub-extension']);
    expect(inXml[0].range).toEqual(rangeOf(xml, 'extension', 0));
    expect(inXml[1].range).toEqual(rangeOf(xml, 'note'));
  });

  it('a fixed value inside a part (no-basis-prescriptiongroup coding system)', async () => {
    const ext = {
      url: `${NB}no-basis-prescriptiongroup`,
      extension: [{ url: 'prescriptiongroup', valueCodeableConcept: { coding: [{ system: 'urn:oid:2.16.578.1.12.4.1.1.9999', code: 'A' }] } }],
    };
    const text = pretty({ resourceType: 'Medication', extension: [ext] });
    expect((await findings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/fixed-value',
        range: rangeOf(text, '"urn:oid:2.16.578.1.12.4.1.1.9999"'),
        message:
          'Medication.extension[0].extension[0] (prescriptiongroup).valueCodeableConcept.coding[0].system: must be exactly "urn:oid:2.16.578.1.12.4.1.1.7421"',
      },
    ]);
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(await semantic(text, 'json'));
  });

  it('used outside its context: an error on the url (as the reference validator; the rule setting lowers it)', async () => {
    const text = pretty({ resourceType: 'Practitioner', extension: [middlename()], name: [{ family: 'Berg' }] });
    const expected = {
      rule: 'fhir/extension-context',
      message: "Practitioner.extension[0]: extension 'NoBasisMiddlename' is not defined for use on Practitioner (context: HumanName)",
    };
    const fs = await findings(text);
    expect(fs.map(seen)).toEqual([{ ...expected, range: rangeOf(text, `${NB}no-basis-middlename`) }]);
    expect(fs[0].severity).toBe('error');
    const xml = fhirJsonToXml(text);
    expect((await findings(xml, 'xml')).map(seen)).toEqual([{ ...expected, range: rangeOf(xml, `${NB}no-basis-middlename`) }]);
  });

  it('an element context on a primitive (no-basis-municipalitycode: Address.district only)', async () => {
    const text = pretty({
      resourceType: 'Patient',
      address: [{ city: 'Oslo', _city: { extension: [municipality] }, district: 'Oslo', _district: { extension: [municipality] } }],
    });
    expect((await findings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/extension-context',
        range: rangeOf(text, `${NB}no-basis-municipalitycode`),
        message: "Patient.address[0].city.extension[0]: extension 'NoBasisMunicipalitycode' is not defined for use on Address.city (context: Address.district)",
      },
    ]);
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(await semantic(text, 'json'));
  });

  it('more often than the definition allows (no-basis-middlename: max 1 per name)', async () => {
    const text = pretty({ resourceType: 'Patient', name: [{ extension: [middlename(), middlename({ valueString: 'Lie' })], family: 'Hansen' }] });
    expect((await findings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/cardinality',
        range: rangeOf(text, '{\n          "url": "http://hl7.no/fhir/StructureDefinition/no-basis-middlename",\n          "valueString": "Lie"\n        }'),
        message: "Patient.name[0].extension[1]: extension 'NoBasisMiddlename' may occur at most 1 time(s) here, found 2",
      },
    ]);
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(await semantic(text, 'json'));
  });
});

describe("R4's own extensions (built in, from the R4 definitions)", () => {
  it('patient-citizenship, patient-birthPlace, patient-birthTime: part, type and context', async () => {
    const text = pretty({
      resourceType: 'Patient',
      extension: [
        { ...citizenship, extension: [citizenship.extension[0], { url: 'periode', valuePeriod: { start: '1990-05-17' } }] },
        { url: `${CORE}patient-birthPlace`, valueString: 'Bergen' },
        { url: `${CORE}patient-birthTime`, valueDateTime: '1990-05-17T10:00:00Z' },
      ],
      birthDate: '1990-05-17',
      _birthDate: { extension: [{ url: `${CORE}patient-birthTime`, valueDateTime: '1990-05-17T10:00:00Z' }] },
    });
    expect((await findings(text, 'json', { fhirPackagePaths: [] })).map(seen)).toEqual([
      {
        rule: 'fhir/unknown-sub-extension',
        range: rangeOf(text, 'periode'),
        message: "Patient.extension[0].extension[1]: 'periode' is not a part of extension 'citizenship' (parts: code, period)",
      },
      {
        rule: 'fhir/type',
        range: rangeOf(text, 'valueString'),
        message: 'Patient.extension[1].valueString: type string is not allowed here (allowed: Address)',
      },
      {
        rule: 'fhir/extension-context',
        range: rangeOf(text, `${CORE}patient-birthTime`),
        message: "Patient.extension[2]: extension 'birthTime' is not defined for use on Patient (context: Patient.birthDate)",
      },
    ]);
    expect(await semantic(fhirJsonToXml(text), 'xml', { fhirPackagePaths: [] })).toEqual(await semantic(text, 'json', { fhirPackagePaths: [] }));
  });
});

describe('modifier or not: as the definition says', () => {
  it('a plain extension as modifierExtension, a modifier extension as extension', async () => {
    const text = pretty({
      resourceType: 'NutritionOrder',
      extension: [{ url: `${CORE}request-doNotPerform`, valueBoolean: true }],
      status: 'active',
      intent: 'order',
      patient: { reference: 'Patient/1' },
      dateTime: '2026-11-26',
      oralDiet: { modifierExtension: [{ url: `${NB}no-basis-middlename`, valueString: 'x' }], instruction: 'Lett kost' },
    });
    const expected = [
      {
        rule: 'fhir/extension-modifier',
        range: rangeOf(text, `${CORE}request-doNotPerform`),
        message:
          "NutritionOrder.extension[0]: extension 'doNotPerform' is a modifier extension (it changes the meaning of its element): it belongs in 'modifierExtension'",
      },
      {
        rule: 'fhir/extension-context',
        range: rangeOf(text, `${NB}no-basis-middlename`),
        message:
          "NutritionOrder.oralDiet.modifierExtension[0]: extension 'NoBasisMiddlename' is not defined for use on NutritionOrder.oralDiet (context: HumanName)",
      },
      {
        rule: 'fhir/extension-modifier',
        range: rangeOf(text, `${NB}no-basis-middlename`),
        message:
          "NutritionOrder.oralDiet.modifierExtension[0]: extension 'NoBasisMiddlename' is not a modifier extension: it belongs in 'extension', not 'modifierExtension'",
      },
    ];
    expect((await findings(text)).map(seen)).toEqual(expected);
    expect(await semantic(fhirJsonToXml(text), 'xml')).toEqual(await semantic(text, 'json'));
  });
});

describe('extension urls that resolve nowhere', () => {
  it('an unknown extension on an example domain: one information per url and document', async () => {
    const priv = 'http://example.org/fhir/StructureDefinition/privat';
    const text = pretty({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [1, 2, 3].map((i) => ({
        fullUrl: `http://example.org/fhir/Patient/p${i}`,
        resource: { resourceType: 'Patient', id: `p${i}`, extension: [{ url: priv, valueString: 'x' }] },
      })),
    });
    const message = `Extension definition '${priv}' was not found (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): its value and parts are not checked`;
    const fs = await findings(text);
    expect(fs.map(seen)).toEqual([{ rule: 'fhir/unknown-extension', range: rangeOf(text, priv), message }]);
    expect(fs[0].severity).toBe('info');
    const xml = fhirJsonToXml(text);
    expect((await findings(xml, 'xml')).map(seen)).toEqual([{ rule: 'fhir/unknown-extension', range: rangeOf(xml, priv), message }]);
  });

  it('an unknown extension elsewhere is an error, once per url and document (as the reference validator)', async () => {
    const priv = 'https://fhir.leverandor.no/StructureDefinition/intern';
    const text = pretty({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [1, 2].map((i) => ({
        fullUrl: `http://example.org/fhir/Patient/p${i}`,
        resource: { resourceType: 'Patient', id: `p${i}`, extension: [{ url: priv, valueString: 'x' }] },
      })),
    });
    const fs = await findings(text);
    expect(fs.map((f) => ({ ...seen(f), severity: f.severity }))).toEqual([
      {
        rule: 'fhir/unknown-extension',
        range: rangeOf(text, priv),
        severity: 'error',
        message: `Extension definition '${priv}' was not found (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): its value and parts are not checked`,
      },
    ]);
    const lowered = await findingsFor(text, 'json', {
      host: createHost(),
      settings: { fhirPackagePaths: [NO_BASIS], rules: { 'fhir/unknown-extension': 'info' } },
    });
    expect(lowered.filter((f) => f.ruleId === 'fhir/unknown-extension').map((f) => f.severity)).toEqual(['info']);
  });

  it('a relative url outside a complex extension is an error: extension urls are absolute', async () => {
    const text = pretty({ resourceType: 'Patient', extension: [{ url: 'middlename', valueString: 'x' }] });
    expect((await findings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/extension-url',
        range: rangeOf(text, 'middlename'),
        message:
          "Patient.extension[0]: extension url 'middlename' must be absolute (a relative url names a part of a complex extension, and this extension is in none)",
      },
    ]);
    expect((await findings(fhirJsonToXml(text), 'xml')).map((f) => f.ruleId)).toEqual(['fhir/extension-url']);
  });

  it('an unknown modifierExtension on an example domain: a warning; elsewhere an error (it must not be ignored)', async () => {
    const mod = 'http://example.org/fhir/StructureDefinition/ikke-gjeldende';
    const text = pretty({ resourceType: 'Patient', modifierExtension: [{ url: mod, valueBoolean: true }], active: true });
    const message = `Patient.modifierExtension[0]: modifier extension '${mod}' has no definition here (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages); a system must not ignore a modifier extension it does not know`;
    const fs = await findings(text);
    expect(fs.map(seen)).toEqual([{ rule: 'fhir/unknown-modifier-extension', range: rangeOf(text, mod), message }]);
    expect(fs[0].severity).toBe('warning');
    const xml = fhirJsonToXml(text);
    expect((await findings(xml, 'xml')).map(seen)).toEqual([{ rule: 'fhir/unknown-modifier-extension', range: rangeOf(xml, mod), message }]);
    const real = text.replace(mod, 'https://fhir.leverandor.no/StructureDefinition/ikke-gjeldende');
    expect((await findings(real)).map((f) => [f.ruleId, f.severity])).toEqual([['fhir/unknown-modifier-extension', 'error']]);
  });

  it('a Norwegian message', async () => {
    const text = pretty({ resourceType: 'Patient', extension: [{ url: 'http://example.org/x', valueString: 'y' }] });
    const fs = (await findingsFor(text, 'json', { host: createHost(), language: 'nb', settings: { fhirPackagePaths: [NO_BASIS] } })).filter(
      (f) => f.ruleId === 'fhir/unknown-extension',
    );
    expect(fs.map((f) => f.message)).toEqual([
      "Utvidelsesdefinisjonen 'http://example.org/x' ble ikke funnet (R4, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages): verdien og delene kontrolleres ikke",
    ]);
  });
});

describe('a required binding on an extension value (the profile binding machinery)', () => {
  let dir: string;
  const URL = 'http://example.org/fhir/StructureDefinition/sivilstand';
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-ext-'));
    const sd = {
      resourceType: 'StructureDefinition',
      url: URL,
      name: 'Sivilstand',
      status: 'active',
      kind: 'complex-type',
      abstract: false,
      context: [{ type: 'element', expression: 'Patient' }],
      type: 'Extension',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Extension',
      derivation: 'constraint',
      differential: {
        element: [
          { id: 'Extension', path: 'Extension', max: '1' },
          { id: 'Extension.url', path: 'Extension.url', fixedUri: URL },
          {
            id: 'Extension.value[x]',
            path: 'Extension.value[x]',
            min: 1,
            type: [{ code: 'code' }],
            binding: { strength: 'required', valueSet: 'http://hl7.no/fhir/ValueSet/no-basis-marital-status' },
          },
        ],
      },
    };
    writeFileSync(path.join(dir, 'sivilstand.StructureDefinition.json'), JSON.stringify(sd));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a code outside the value set, and a missing required value', async () => {
    const noValue = { url: URL, extension: [{ url: 'x', valueString: 'y' }] };
    const text = pretty({ resourceType: 'Patient', extension: [{ url: URL, valueCode: 'gfit' }], contact: [{ extension: [noValue], name: { family: 'X' } }] });
    const settings = { fhirPackagePaths: [NO_BASIS, dir] };
    const fs = await findings(text, 'json', settings);
    expect(fs.map(seen)).toEqual([
      {
        rule: 'fhir/binding',
        range: rangeOf(text, 'gfit'),
        message: expect.stringMatching(/^Patient\.extension\[0\]\.valueCode: 'gfit' is not in the required value set no-basis-marital-status \(/),
      },
      {
        rule: 'fhir/cardinality',
        range: rangeOf(text, pretty(noValue).replace(/\n/g, '\n        ')),
        message: "Patient.contact[0].extension[0]: 'value[x]' is required (minimum 1, found 0)",
      },
      {
        rule: 'fhir/extension-context',
        range: rangeOf(text, URL, 1),
        message: `Patient.contact[0].extension[0]: extension 'Sivilstand' is not defined for use on Patient.contact (context: Patient)`,
      },
      {
        rule: 'fhir/unknown-sub-extension',
        range: rangeOf(text, 'x', text.split('x').length - 2),
        message: "Patient.contact[0].extension[0].extension[0]: 'x' is not a part of extension 'Sivilstand' (parts: -)",
      },
    ]);
    expect(await semantic(fhirJsonToXml(text), 'xml', settings)).toEqual(await semantic(text, 'json', settings));
  });
});

describe('extension context: what R4 and HL7 Norway really publish is not flagged', () => {
  const sd = (name: string) => path.join(NO_BASIS, 'StructureDefinition', name);
  it('tooling extensions on conformance resources: fhir-type on ElementDefinition.type, wg/fmm (context Element) on the resource', async () => {
    const { readFileSync } = await import('node:fs');
    for (const file of ['no-basis-Appointment.StructureDefinition.xml', 'no-basis-person-citizenship.structuredefinition-extension.xml']) {
      const text = readFileSync(sd(file), 'utf8');
      const found = (await findings(text, 'xml')).filter((f) => f.ruleId.startsWith('fhir/extension') || f.ruleId === 'fhir/unknown-extension');
      expect(found, file).toEqual([]);
    }
  });

  it('but Element does not let a plain element context through: middlename on Practitioner.identifier is still an error', async () => {
    const text = pretty({
      resourceType: 'Practitioner',
      identifier: [{ extension: [middlename()], system: 'urn:oid:2.16.578.1.12.4.1.4.4', value: '9144889' }],
    });
    expect((await findings(text)).map((f) => [f.ruleId, f.severity])).toContainEqual(['fhir/extension-context', 'error']);
  });
});
