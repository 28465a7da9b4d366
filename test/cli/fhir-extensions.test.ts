// nhn-lint with --fhir-packages pointing at the HL7 Norway no-basis definitions: extensions are checked
// against their own StructureDefinitions, in JSON and XML files alike.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_BASIS } from '../fhir/helpers';
import { type JsonFinding, runCli } from '../helpers/cli';

const dir = mkdtempSync(path.join(tmpdir(), 'nhn-cli-fhir-ext-'));
const NB = 'http://hl7.no/fhir/StructureDefinition/';
const JSON_TEXT = JSON.stringify(
  {
    resourceType: 'Practitioner',
    extension: [{ url: `${NB}no-basis-middlename`, valueString: 'Lie' }],
    name: [{ extension: [{ url: `${NB}no-basis-middlename`, valueString: 'Lie' }], family: 'Berg' }],
    address: [{ extension: [{ url: `${NB}no-basis-urban-district`, valueString: 'Frogner' }], city: 'Oslo' }],
  },
  null,
  2,
);
const XML_TEXT = `<Practitioner xmlns="http://hl7.org/fhir">
  <extension url="http://example.org/fhir/StructureDefinition/privat"><valueString value="x"/></extension>
  <address>
    <extension url="${NB}no-basis-propertyinformation">
      <extension url="gaardsnummer"><valueInteger value="1"/></extension>
    </extension>
    <city value="Oslo"/>
  </address>
</Practitioner>
`;
writeFileSync(path.join(dir, 'behandler.json'), JSON_TEXT);
writeFileSync(path.join(dir, 'behandler.xml'), XML_TEXT);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function flagged(text: string, f: JsonFinding): string {
  const lines = text.split('\n');
  return f.line === f.endLine ? lines[f.line - 1].slice(f.column - 1, f.endColumn - 1) : '(several lines)';
}

describe('nhn-lint --fhir-packages no-basis: extension definitions', () => {
  const out = JSON.parse(runCli(['--format', 'json', '--fhir-packages', NO_BASIS, dir]).stdout) as { findings: JsonFinding[] };
  const fhir = (file: string, text: string) =>
    out.findings.filter((f) => f.file.endsWith(file) && f.rule.startsWith('fhir/') && f.severity !== 'hint').map((f) => [f.rule, f.severity, flagged(text, f)]);

  it('JSON: an extension out of its context, a value of the wrong type', () => {
    expect(fhir('behandler.json', JSON_TEXT)).toEqual([
      ['fhir/extension-context', 'error', `${NB}no-basis-middlename`],
      ['fhir/type', 'error', 'valueString'],
    ]);
  });

  it('XML: an unknown extension (information), an unknown part of a complex one', () => {
    expect(fhir('behandler.xml', XML_TEXT)).toEqual([
      ['fhir/unknown-extension', 'info', 'http://example.org/fhir/StructureDefinition/privat'],
      ['fhir/unknown-sub-extension', 'error', 'gaardsnummer'],
    ]);
  });
});
