// Every snippet the extension contributes, expanded with its defaults, passes the product's own
// checks: the built CLI with the real NHN XSDs (payloads inside MsgHead included) and FHIR R4
// validation finds nothing, and every person in them is synthetic.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type JsonFinding, ROOT, runCli, tempDir } from '../helpers/cli';
import { expandSnippet } from './expand';

const FIXTURES = path.resolve(ROOT, '../shared/fixtures/nhn-schemas');
const SCHEMAS = ['--schemas', path.join(FIXTURES, 'kith-core'), '--schemas', path.join(FIXTURES, 'eresept')];
// HL7 Norway's no-basis profiles, so the Patient snippet is validated against no-basis-Patient.
const FHIR_PACKAGES = ['--fhir-packages', path.resolve(ROOT, '../shared/fixtures/fhir/no-basis-r4')];
const EXTENSION: Record<string, string> = {
  xml: 'xml',
  json: 'json',
  jsonc: 'json',
  csharp: 'cs',
  java: 'java',
  typescript: 'ts',
  typescriptreact: 'tsx',
  javascript: 'js',
  javascriptreact: 'jsx',
};

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const contributions: Array<{ language: string; path: string }> = manifest.contributes.snippets;

function load(file: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));
}

/** Every snippet file once, with the file extension of its first language. */
const files = [...new Map(contributions.map((c) => [c.path, EXTENSION[c.language]])).entries()];

function lint(dir: string): JsonFinding[] {
  const result = runCli(['--format', 'json', ...SCHEMAS, ...FHIR_PACKAGES, dir]);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout).findings;
}

describe('snippets', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('are contributed for the languages of the issue, each with an nhn- prefix and a description', () => {
    for (const c of contributions) expect(EXTENSION[c.language], c.language).toBeDefined();
    const prefixes = (file: string) =>
      Object.values(load(file))
        .map((s) => s.prefix)
        .sort();
    expect(prefixes('snippets/xml.json')).toEqual(['nhn-apprec', 'nhn-msghead-dialogmelding', 'nhn-msghead-m1']);
    expect(prefixes('snippets/fhir-json.json')).toEqual(['nhn-fhir-patient', 'nhn-fhir-pmd-observation', 'nhn-fhir-task-skjemaoppgave']);
    const code = [
      'nhn-dpop-proof',
      'nhn-helseid-client-assertion',
      'nhn-maternity-record-call',
      'nhn-persontjenesten-search',
      'nhn-pjd-documentreference-search',
    ];
    for (const file of ['snippets/csharp.json', 'snippets/java.json', 'snippets/typescript.json']) expect(prefixes(file)).toEqual(code);
    for (const [file] of files) for (const s of Object.values(load(file))) expect(s.description.length).toBeGreaterThan(20);
  });

  it('expanded with their defaults, give no finding at all (XSD, FHIR, hosts, APIs, identity numbers)', () => {
    const dir = path.join(tmp.dir, 'expanded');
    mkdirSync(dir);
    let count = 0;
    for (const [file, ext] of files) {
      for (const s of Object.values(load(file))) {
        writeFileSync(path.join(dir, `${s.prefix}.${ext}`), expandSnippet(s.body));
        count++;
      }
    }
    expect(count).toBe(21);
    const findings = lint(dir).map((f) => `${path.basename(f.file)}:${f.line}:${f.column} ${f.rule} ${f.message}`);
    // The one finding allowed: the vkp-Observation profile (PMD) is not among the fixtures, so the
    // Observation is validated against base R4 and the checker says so.
    expect(findings).toEqual([expect.stringMatching(/^nhn-fhir-pmd-observation\.json:\d+:\d+ fhir\/unknown-profile .*vkp-Observation/)]);
  });

  it('would be caught if they held a PREG-era person, a wrong typ/aud or an invalid payload (the check is live)', () => {
    const dir = path.join(tmp.dir, 'broken');
    mkdirSync(dir);
    const patient = expandSnippet(load('snippets/fhir-json.json')['FHIR no-basis Patient (synthetic)'].body);
    writeFileSync(path.join(dir, 'patient.json'), patient.replace('04886897869', '13116900216'));
    const assertion = expandSnippet(load('snippets/typescript.json')['HelseID client assertion'].body);
    writeFileSync(path.join(dir, 'assertion.ts'), assertion.replace("typ: 'client-authentication+jwt'", "typ: 'JWT'"));
    const m1 = expandSnippet(load('snippets/xml.json')['MsgHead 1.2 with an e-resept M1 (2.5)'].body);
    writeFileSync(path.join(dir, 'm1.xml'), m1.replace(/<OppdatertFest>.*<\/OppdatertFest>/, ''));
    const rules = lint(dir).map((f) => `${path.basename(f.file)} ${f.rule}`);
    expect(rules).toContain('assertion.ts api/helseid-assertion-typ');
    expect(rules.some((r) => r.startsWith('patient.json nin/'))).toBe(true);
    expect(rules.some((r) => r.startsWith('m1.xml xsd/'))).toBe(true);
  });
});

describe('expandSnippet', () => {
  it('takes defaults, first choices, mirrors and variables, and honours escapes', () => {
    expect(expandSnippet(['a ${1:x${2:y}} ${3|p,q|} $1 ${2} \\$0 $0', '${CURRENT_YEAR}-$UUID'])).toBe(
      'a xy p xy y $0 \n2026-3f1c2a9e-5b7d-4e2a-9c1f-8a6b4d2e7c10',
    );
    expect(() => expandSnippet('$TM_FILENAME')).toThrow(/TM_FILENAME/);
  });
});
