// nhn-lint over examples/fhir/ (real-shaped FHIR payloads, JSON and XML, written for these examples)
// with the no-basis profiles from --fhir-packages: every mistake exactly where it is written.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_BASIS } from '../fhir/helpers';
import { type JsonFinding, ROOT, runCli } from '../helpers/cli';

/** file → [rule, flagged text] in reading order. */
const EXPECTED: Record<string, [string, string][]> = {
  'observasjon-puls.xml': [
    ['fhir/type', '8867-4'],
    ['fhir/format', '2026-11-20T10:15'],
    ['fhir/xml-order', 'performer'],
    ['fhir/xml-order', 'performer'],
    ['fhir/identifier', '04886897869'],
  ],
  'pasient-no-basis.json': [
    ['fhir/identifier', '41818040065'],
    ['fhir/cardinality', '{\n      "use": "old",\n      "system": "urn:oid:2.16.578.1.12.4.1.4.1"\n    }'],
    ['fhir/type', '"true"'],
    ['fhir/binding', 'Official'],
    ['fhir/array-form', 'telecom'],
    ['fhir/binding', 'mobile'],
    ['fhir/binding', 'F'],
    ['fhir/unknown-element', 'birthdate'],
    ['fhir/type', 'valueString'],
  ],
  'provesvar-bundle.json': [
    ['fhir/invariant', '"Observation"'],
    ['fhir/invariant', '{\n            "resourceType": "Specimen",\n            "id": "blod",\n            "type": { "text": "Fullblod" }\n          }'],
    ['fhir/binding', '='],
    ['fhir/unknown-resource-type', '"Pasient"'],
  ],
  'skjemaoppgave-task.json': [
    ['fhir/cardinality', '"Task"'],
    ['fhir/binding', 'Requested'],
    ['fhir/format', '2026-11-20 08:00'],
    ['fhir/invariant', 'executionPeriod'],
  ],
};

function flagged(f: JsonFinding): string {
  const lines = readFileSync(path.join(ROOT, f.file), 'utf8').split('\n');
  if (f.line === f.endLine) return lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
  return [lines[f.line - 1].slice(f.column - 1), ...lines.slice(f.line, f.endLine - 1), lines[f.endLine - 1].slice(0, f.endColumn - 1)].join('\n');
}

describe('nhn-lint on examples/fhir/', () => {
  const out = JSON.parse(runCli(['--format', 'json', '--fhir-packages', NO_BASIS, 'examples/fhir']).stdout) as { findings: JsonFinding[] };
  const fhir = out.findings.filter((f) => f.rule.startsWith('fhir/') && f.severity !== 'hint');

  it.each(Object.entries(EXPECTED))('%s', (file, expected) => {
    const got = fhir.filter((f) => f.file === `examples/fhir/${file}`).map((f) => [f.rule, flagged(f)]);
    expect(got).toEqual(expected);
  });

  it('never prints a whole identity number', () => {
    const text = runCli(['--fhir-packages', NO_BASIS, 'examples/fhir']).stdout;
    expect(text).not.toMatch(/41818040065|04886897869/);
  });
});
