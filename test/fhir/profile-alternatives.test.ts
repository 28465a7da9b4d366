// Several profiles on one element's type are alternatives (one must hold), and a profile path the
// base type does not have constrains nothing. Profiles written here, read from a package folder.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constraintProfile, fhirFindings, PROFILE_BASE } from './helpers';

const BASE = PROFILE_BASE;
const sd = constraintProfile;

describe('alternative type profiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-alt-'));
    writeFileSync(path.join(dir, 'named.json'), JSON.stringify(sd('named', 'Patient', [{ id: 'Patient.name', path: 'Patient.name', min: 1 }])));
    writeFileSync(
      path.join(dir, 'identified.json'),
      JSON.stringify(sd('identified', 'Patient', [{ id: 'Patient.identifier', path: 'Patient.identifier', min: 1 }])),
    );
    writeFileSync(path.join(dir, 'broken.json'), JSON.stringify(sd('broken', 'Patient', [{ id: 'Patient.dateOfBirth', path: 'Patient.dateOfBirth', min: 1 }])));
    const params = (profiles: string[]) =>
      sd(`params-${profiles.join('-')}`, 'Parameters', [
        { id: 'Parameters.parameter', path: 'Parameters.parameter', min: 1 },
        {
          id: 'Parameters.parameter.resource',
          path: 'Parameters.parameter.resource',
          type: [{ code: 'Resource', profile: profiles.map((p) => `${BASE}${p}`) }],
        },
      ]);
    writeFileSync(path.join(dir, 'p1.json'), JSON.stringify(params(['named', 'identified'])));
    writeFileSync(path.join(dir, 'p2.json'), JSON.stringify(params(['named', 'broken'])));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const errors = async (profile: string, patient: Record<string, unknown>) => {
    const text = JSON.stringify({
      resourceType: 'Parameters',
      meta: { profile: [`${BASE}${profile}`] },
      parameter: [{ name: 'p', resource: { resourceType: 'Patient', ...patient } }],
    });
    return (await fhirFindings(text, 'json', { fhirPackagePaths: [dir] })).filter((f) => f.severity === 'error').map((f) => `${f.ruleId} ${f.message}`);
  };

  it('one alternative that holds is enough', async () => {
    expect(await errors('params-named-identified', { identifier: [{ value: '1' }] })).toEqual([]);
    expect(await errors('params-named-identified', { name: [{ family: 'Berg' }] })).toEqual([]);
  });

  it("when none holds, every alternative's errors are reported", async () => {
    expect(await errors('params-named-identified', { active: true })).toEqual([
      "fhir/cardinality Parameters.parameter[0].resource: 'name' is required (minimum 1, found 0)",
      "fhir/cardinality Parameters.parameter[0].resource: 'identifier' is required (minimum 1, found 0)",
    ]);
  });

  it('a profile constraining a path Patient does not have constrains nothing', async () => {
    expect(await errors('params-named-broken', { active: true })).toEqual([]);
  });
});
