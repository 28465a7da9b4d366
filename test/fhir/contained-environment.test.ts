// FHIRPath's %resource inside a contained resource is the contained resource itself, not its
// container (FHIR R4 FHIRPath environment). obs-7 compares component codes with %resource.code, so a
// contained Observation is judged against its own code, whatever its container's code is.

import { describe, expect, it } from 'vitest';
import { fhirFindings } from './helpers';
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

const obs7 = async (text: string, lang = 'json') => (await fhirFindings(text, lang)).filter((f) => f.ruleId === 'fhir/invariant' && f.message.includes('(obs-7)')).map((f) => f.message);

describe('%resource in a contained resource', () => {
  it('is the contained resource: its own code repeated in a component breaks obs-7', async () => {
    const text = container('1-1', observation('inner', '2-2', '2-2'));
    const expected = ['Observation: If Observation.code is the same as an Observation.component.code then the value element associated with the code SHALL NOT be present (obs-7)'];
    expect(await obs7(text)).toEqual(expected);
    expect(await obs7(fhirJsonToXml(text), 'xml')).toEqual(expected);
  });

  it("is not the container: a component repeating the container's code is fine", async () => {
    const text = container('1-1', observation('inner', '2-2', '1-1'));
    expect(await obs7(text)).toEqual([]);
    expect(await obs7(fhirJsonToXml(text), 'xml')).toEqual([]);
  });
});
