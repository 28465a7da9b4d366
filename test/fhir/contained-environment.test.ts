// FHIRPath's %resource inside a contained resource is the contained resource itself, and
// %rootResource its container (FHIR R4 FHIRPath environment). obs-7 compares component codes with
// %resource.code, so a contained Observation is judged against its own code, whatever its container's
// code is; a profile invariant written here to a package folder reads both variables.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fhirFindings, NO_BASIS } from './helpers';
import { fhirJsonToXml } from './to-xml';

const coding = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const observation = (id: string, code: string, componentCode: string) => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: coding(code),
  valueQuantity: { value: 1 },
  component: [{ code: coding(componentCode), valueQuantity: { value: 2 } }],
});
/** A container Observation with its own code `outer`, referring to a contained Observation. */
const container = (outer: string, inner: ReturnType<typeof observation>) =>
  JSON.stringify({ resourceType: 'Observation', status: 'final', code: coding(outer), contained: [inner], hasMember: [{ reference: '#inner' }] });

const obs7 = async (text: string, lang = 'json') =>
  (await fhirFindings(text, lang)).filter((f) => f.ruleId === 'fhir/invariant' && f.message.includes('(obs-7)')).map((f) => f.message);

describe('%resource in a contained resource', () => {
  it('is the contained resource: its own code repeated in a component breaks obs-7', async () => {
    const text = container('1-1', observation('inner', '2-2', '2-2'));
    const expected = [
      'Observation: If Observation.code is the same as an Observation.component.code then the value element associated with the code SHALL NOT be present (obs-7)',
    ];
    expect(await obs7(text)).toEqual(expected);
    expect(await obs7(fhirJsonToXml(text), 'xml')).toEqual(expected);
  });

  it("is not the container: a component repeating the container's code is fine", async () => {
    const text = container('1-1', observation('inner', '2-2', '1-1'));
    expect(await obs7(text)).toEqual([]);
    expect(await obs7(fhirJsonToXml(text), 'xml')).toEqual([]);
  });
});

describe('%rootResource in a contained resource', () => {
  const url = 'http://example.org/fhir/StructureDefinition/contained-in-patient';
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-contained-env-'));
    const constraint = {
      key: 'cip-1',
      severity: 'error',
      human: 'Only contained in a Patient',
      expression: "%resource.resourceType = 'Observation' and %rootResource.resourceType = 'Patient'",
    };
    const sd = {
      resourceType: 'StructureDefinition',
      url,
      name: 'ContainedInPatient',
      status: 'active',
      kind: 'resource',
      abstract: false,
      type: 'Observation',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
      derivation: 'constraint',
      differential: { element: [{ id: 'Observation', path: 'Observation', constraint: [constraint] }] },
    };
    writeFileSync(path.join(dir, 'StructureDefinition-contained-in-patient.json'), JSON.stringify(sd));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cip1 = async (text: string) =>
    (await fhirFindings(text, 'json', { fhirPackagePaths: [NO_BASIS, dir] }))
      .filter((f) => f.ruleId === 'fhir/invariant' && f.message.includes('(cip-1)'))
      .map((f) => f.message);
  const inner = { resourceType: 'Observation', id: 'inner', meta: { profile: [url] }, status: 'final', code: { text: 'x' } };

  it('is the container: a contained Observation in a Patient holds', async () => {
    const text = JSON.stringify({ resourceType: 'Patient', contained: [inner], generalPractitioner: [{ reference: '#inner' }] });
    expect(await cip1(text)).toEqual([]);
  });

  it('is the resource itself when it is not contained', async () => {
    expect(await cip1(JSON.stringify({ ...inner, id: undefined }))).toEqual(['Observation: Only contained in a Patient (cip-1)']);
  });
});
