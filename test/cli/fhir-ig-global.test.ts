// nhn-lint --fhir-packages with a package whose ImplementationGuide applies a Patient profile globally
// (test/fhir/ig-global/package): Patients that do not name the profile are checked against it; the
// finding sits on the resource type (line 2, column 19: "Patient").

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type JsonFinding, runCli } from '../helpers/cli';

const IG_PACKAGE = path.resolve(__dirname, '../fhir/ig-global/package');
const dir = mkdtempSync(path.join(tmpdir(), 'nhn-cli-ig-global-'));
const BAD = JSON.stringify({ resourceType: 'Patient', id: 'p1', birthDate: '1968-08-04' }, null, 2);
const GOOD = `<Patient xmlns="http://hl7.org/fhir">
  <id value="p2"/>
  <identifier><system value="urn:oid:2.16.578.1.12.4.1.4.1"/><value value="04886897869"/></identifier>
  <birthDate value="1968-08-04"/>
</Patient>
`;
writeFileSync(path.join(dir, 'pasient.json'), BAD);
writeFileSync(path.join(dir, 'pasient.xml'), GOOD);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('nhn-lint --fhir-packages: ImplementationGuide.global', () => {
  it('every Patient is checked against the globally applied profile; without the package, nothing is', () => {
    const run = (args: string[]) => {
      const r = runCli(['--format', 'json', ...args, dir]);
      const findings = (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.rule.startsWith('fhir/') && f.severity !== 'hint');
      return { status: r.status, findings: findings.map((f) => [path.basename(f.file), f.line, f.column, f.rule, f.severity, f.message]) };
    };
    expect(run(['--fhir-packages', IG_PACKAGE])).toEqual({
      status: 1,
      findings: [['pasient.json', 2, 19, 'fhir/cardinality', 'error', "Patient: 'identifier' is required (minimum 1, found 0)"]],
    });
    expect(run([])).toEqual({ status: 0, findings: [] });
  });
});
