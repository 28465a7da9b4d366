// The project configuration file as nhn-lint reads it: found from each file's folder upwards, the
// nearest merged over the ones above, flags over the file, and every mistake an exit 2 with its line.

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'yaml';
import path from 'node:path';
import { runCliAsync, tempDir } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});

const NILAR = 'lab=https://test.nilar.nhn.no\n';

/** A repository (a `.git` folder bounds the search) with the given files. */
function repo(files: Record<string, string>): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  mkdirSync(path.join(t.dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(t.dir, name)), { recursive: true });
    writeFileSync(path.join(t.dir, name), text);
  }
  return t.dir;
}

type JsonOut = { findings: { file: string; rule: string; severity: string }[] };
const json = async (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) => {
  const r = await runCliAsync(['--format', 'json', ...args], { cwd, env });
  return { ...r, out: r.stdout ? (JSON.parse(r.stdout) as JsonOut) : undefined };
};
const severityOf = (out: JsonOut | undefined, file: string) => out?.findings.filter((f) => f.file === file).map((f) => f.severity);

describe('nhn-lint: .nhn-lint.yaml discovery and precedence', () => {
  it('the nearest file applies, merged over the outer one; a family in a nearer file overrides outer ids under it', async () => {
    const dir = repo({
      '.nhn-lint.yaml': 'rules:\n  host/nilar: error\n',
      'a.properties': NILAR,
      'team/.nhn-lint.yml': 'rules:\n  host: info\n',
      'team/b.properties': NILAR,
      'other/c.properties': NILAR,
    });
    const r = await json(['.'], dir);
    expect(severityOf(r.out, 'a.properties')).toEqual(['error']);
    expect(severityOf(r.out, 'other/c.properties')).toEqual(['error']);
    expect(severityOf(r.out, 'team/b.properties')).toEqual(['info']);
    expect(r.status).toBe(1);
  });

  it('JSON is accepted, ignore patterns are relative to the file, named files are still checked', async () => {
    const dir = repo({
      'sub/.nhn-lint.json': JSON.stringify({ ignore: ['legacy/', '*.gen.properties'] }),
      'sub/legacy/old.properties': NILAR,
      'sub/x.gen.properties': NILAR,
      'sub/kept.properties': NILAR,
      'legacy/outside.properties': NILAR,
    });
    const files = (await json(['.'], dir)).out!.findings.map((f) => f.file).sort();
    expect(files).toEqual(['legacy/outside.properties', 'sub/kept.properties']);
    expect((await json(['sub/legacy/old.properties'], dir)).out!.findings).toHaveLength(1);
  });

  it('flags win over the file; --no-config ignores it; --config names another one', async () => {
    const dir = repo({ '.nhn-lint.yaml': 'rules:\n  host/nilar: error\n', 'a.properties': NILAR, 'ci/strict.yaml': 'rules:\n  host: hint\n' });
    expect(severityOf((await json(['--rule', 'host/nilar=info', '.'], dir)).out, 'a.properties')).toEqual(['info']);
    expect(severityOf((await json(['--no-config', '.'], dir)).out, 'a.properties')).toEqual(['warning']);
    expect(severityOf((await json(['--config', 'ci/strict.yaml', '.'], dir)).out, 'a.properties')).toEqual(['hint']);
  });

  it('`today` in the file makes a run reproducible; --today and NHN_TODAY win over it', async () => {
    // The old Reseptformidleren names were retired on 2024-10-15: before it a warning, after it an error.
    const dir = repo({ '.nhn-lint.yaml': 'today: 2024-10-01\n', 'a.properties': 'url=https://rf.test2-int.reseptformidleren.net\n' });
    expect(severityOf((await json(['.'], dir, { NHN_TODAY: '' })).out, 'a.properties')).toEqual(['warning']);
    expect(severityOf((await json(['--today', '2030-01-01', '.'], dir, { NHN_TODAY: '' })).out, 'a.properties')).toEqual(['error']);
    expect(severityOf((await json(['.'], dir, { NHN_TODAY: '2030-01-01' })).out, 'a.properties')).toEqual(['error']);
  });

  it('folders in the file are relative to it: schemas are found through it', async () => {
    const xsd = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:config" xmlns="urn:test:config" elementFormDefault="qualified">
  <xs:element name="Root"><xs:complexType><xs:sequence><xs:element name="Code" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
    const dir = repo({
      'project/.nhn-lint.yaml': 'schemas: [../shared-xsd]\n',
      'shared-xsd/test.xsd': xsd,
      'project/msg.xml': '<Root xmlns="urn:test:config"><Code>abc</Code></Root>\n',
    });
    // The schema folder is outside the checked folder: only the configuration names it.
    const withConfig = (await json(['project'], dir)).out!.findings.map((f) => f.rule);
    expect(withConfig).toContain('xsd/invalid-value');
    const without = (await json(['--no-config', 'project'], dir)).out!.findings.map((f) => f.rule);
    expect(without).not.toContain('xsd/invalid-value');
  });
});

describe('nhn-lint: invalid configuration files are errors (exit 2), with file, line and column', () => {
  const cases: [string, string, RegExp][] = [
    ['an unknown key', 'rulez:\n  host: off\n', /\.nhn-lint\.yaml:1:1: the file: must NOT have additional properties 'rulez'/],
    ['a severity that does not exist', 'rules:\n  host/nilar: loud\n', /\.nhn-lint\.yaml:2:15: rules\.host\/nilar: must be equal to one of the allowed values/],
    ['a rule that does not exist', 'rules:\n  host/nowhere: off\n', /\.nhn-lint\.yaml:2:3: rules: unknown rule or family 'host\/nowhere'/],
    ['a date that does not exist', 'today: 2026-02-30\n', /\.nhn-lint\.yaml:1:8: today: '2026-02-30' is not a calendar date/],
    ['broken YAML', 'rules: [\n', /\.nhn-lint\.yaml:\d+:\d+: YAML: /],
    ['a duplicate key', 'today: 2026-01-01\ntoday: 2026-01-02\n', /\.nhn-lint\.yaml:2:1: YAML: .*[Mm]ap keys must be unique/],
    ['a list where a list of paths belongs', 'schemas: xsd\n', /schemas: must be array/],
  ];
  for (const [what, text, message] of cases) {
    it(what, async () => {
      const dir = repo({ 'sub/.nhn-lint.yaml': text, 'sub/a.properties': NILAR });
      const r = await runCliAsync(['.'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^nhn-lint: configuration error:/);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    });
  }

  it('--config naming a file that does not exist', async () => {
    const dir = repo({ 'a.properties': NILAR });
    const r = await runCliAsync(['--config', 'nope.yaml', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/nope\.yaml:1:1: no such file/);
  });
});

describe('the configuration schema', () => {
  it('is contributed to VS Code for .nhn-lint.{yaml,yml,json}, and the example in docs/configuration.md passes it and the CLI', async () => {
    const root = path.resolve(__dirname, '../..');
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.contributes.jsonValidation).toContainEqual({ fileMatch: ['**/.nhn-lint.json'], url: './schemas/nhn-lint.schema.json' });
    expect(pkg.contributes.yamlValidation).toContainEqual({ fileMatch: ['**/.nhn-lint.yaml', '**/.nhn-lint.yml'], url: './schemas/nhn-lint.schema.json' });
    const schema = JSON.parse(readFileSync(path.join(root, 'schemas/nhn-lint.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);
    const example = /```yaml\n([\s\S]*?)```/.exec(readFileSync(path.join(root, 'docs/configuration.md'), 'utf8'))![1];
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
    // The CLI accepts it too (its folders need not exist to be a valid file; missing folders find no schemas).
    const dir = repo({ '.nhn-lint.yaml': example, 'a.properties': NILAR });
    const r = await runCliAsync(['--format', 'json', 'a.properties'], { cwd: dir, env: { NHN_TODAY: '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ rule: 'host/nilar', severity: 'error' });
  });
});
