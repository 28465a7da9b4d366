// nhn-lint --fix and --fix-dry-run, as a process on temporary files: every rule case with a rewrite
// (test/helpers/rule-cases.ts) is fixed exactly when its rewrite is certain (a verified rule whose rewrite
// is not marked "not preferred"), the result is the expected after-file, a second run changes nothing,
// and files that do not parse or whose encoding would change are never written.

import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILTIN_RULES } from '../../server/src/engine';
import { CASES } from '../helpers/rule-cases';
import { runCliAsync, tempDir } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function tmp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const EXTENSION: Record<string, string> = {
  csharp: 'cs',
  java: 'java',
  kotlin: 'kt',
  typescript: 'ts',
  javascript: 'js',
  json: 'json',
  yaml: 'yaml',
  xml: 'xml',
  properties: 'properties',
  ini: 'ini',
  python: 'py',
  go: 'go',
  shellscript: 'sh',
  markdown: 'md',
  plaintext: 'txt',
  http: 'http',
  csv: 'csv',
};

/** Rule id → whether its rewrite is certain: a verified rule whose rewrite is not marked "not preferred" (the rule data). */
const CERTAIN = new Map<string, boolean>(BUILTIN_RULES.map((r) => [r.id, r.confidence === 'verified' && r.replacement?.preferred !== false]));

/** The case's flagged token replaced by its rewrite: the n-th occurrence that stands alone (`JWT`, not the one in `SignJWT`). */
function replaceHit(text: string, hit: string | [string, number], fix: string): string {
  const [needle, occurrence] = typeof hit === 'string' ? [hit, 0] : hit;
  const alone = new RegExp(`(?<![\\w])${needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  const at = [...text.matchAll(alone)][occurrence].index!;
  return text.slice(0, at) + fix + text.slice(at + needle.length);
}

describe('nhn-lint --fix on every rule case with a rewrite', () => {
  const cases = Object.entries(CASES).flatMap(([rule, list]) => list.filter((c) => c.fix !== undefined).map((c, i) => ({ rule, i, ...c })));
  it('has cases for certain and for uncertain rewrites', async () => {
    expect(cases.filter((c) => CERTAIN.get(c.rule)).length).toBeGreaterThan(10);
    expect(cases.filter((c) => !CERTAIN.get(c.rule)).length).toBeGreaterThan(0);
  });

  it('fixes the certain ones to the expected after-file, leaves the others, and a second run changes nothing', async () => {
    const dir = tmp();
    const expected = new Map<string, string>();
    for (const c of cases) {
      const name = `${c.rule.replace('/', '_')}_${c.i}.${EXTENSION[c.lang]}`;
      writeFileSync(path.join(dir, name), c.text);
      expected.set(name, CERTAIN.get(c.rule) ? replaceHit(c.text, c.hit, c.fix!) : c.text);
    }
    const first = await runCliAsync(['--fix', dir], { timeoutMs: 240000 });
    expect(first.status, first.stderr).not.toBe(2);
    for (const [name, after] of expected) expect(readFileSync(path.join(dir, name), 'utf8'), name).toBe(after);
    for (const c of cases.filter((x) => CERTAIN.get(x.rule))) {
      expect(first.stderr).toContain(`${c.rule.replace('/', '_')}_${c.i}.${EXTENSION[c.lang]}: fixed`);
      // The fixed finding is gone from the report.
      expect(first.stdout).not.toMatch(new RegExp(`${c.rule.replace('/', '_')}_${c.i}\\.${EXTENSION[c.lang]}:.*\\[${c.rule}\\]`));
    }
    const second = await runCliAsync(['--fix', dir], { timeoutMs: 240000 });
    expect(second.stderr).not.toMatch(/fixed/);
    for (const [name, after] of expected) expect(readFileSync(path.join(dir, name), 'utf8'), name).toBe(after);
  }, 300000);
});

describe('nhn-lint --fix: file kinds and refusals', () => {
  it('several rewrites in one file; CRLF and a UTF-8 BOM are kept', async () => {
    const dir = tmp();
    const before = '\ufeffnilar.test=https://test.nilar.nhn.no/fhir\r\nnilar.prod=https://prod.nilar.nhn.no/fhir\r\n';
    writeFileSync(path.join(dir, 'app.properties'), before);
    await runCliAsync(['--fix', dir]);
    const bytes = readFileSync(path.join(dir, 'app.properties'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe('\ufeffnilar.test=https://test.pps.nhn.no/fhir\r\nnilar.prod=https://pps.nhn.no/fhir\r\n');
  });

  it('never writes a file whose encoding would change (Windows-1252 XML, invalid UTF-8)', async () => {
    const dir = tmp();
    const latin = Buffer.from('<?xml version="1.0" encoding="windows-1252"?>\n<a url="https://test.nilar.nhn.no">bl\xe5b\xe6r</a>\n', 'latin1');
    const broken = Buffer.concat([Buffer.from('url=https://test.nilar.nhn.no '), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n')]);
    writeFileSync(path.join(dir, 'latin.xml'), latin);
    writeFileSync(path.join(dir, 'broken.properties'), broken);
    const r = await runCliAsync(['--fix', dir]);
    expect(readFileSync(path.join(dir, 'latin.xml')).equals(latin)).toBe(true);
    expect(readFileSync(path.join(dir, 'broken.properties')).equals(broken)).toBe(true);
    expect(r.stderr).toMatch(/latin\.xml: not fixed: .*encoding/);
    expect(r.stderr).toMatch(/broken\.properties: not fixed: .*encoding/);
  });

  it('never writes a file that does not parse', async () => {
    const dir = tmp();
    const xml = '<config><lab url="https://test.nilar.nhn.no"/>\n<unclosed>\n</config>\n';
    const json = '{ "lab": "https://test.nilar.nhn.no", }\n"trailing"\n';
    writeFileSync(path.join(dir, 'broken.xml'), xml);
    writeFileSync(path.join(dir, 'broken.json'), json);
    const r = await runCliAsync(['--fix', dir]);
    expect(readFileSync(path.join(dir, 'broken.xml'), 'utf8')).toBe(xml);
    expect(r.stderr).toMatch(/broken\.xml: not fixed: the file does not parse/);
    expect(readFileSync(path.join(dir, 'broken.json'), 'utf8')).toBe(json);
    expect(r.stderr).toMatch(/broken\.json: not fixed: the file does not parse/);
  });

  it('fixes a code that differs from the one allowed by a required FHIR binding only in case', async () => {
    const dir = tmp();
    const before = '{\n  "resourceType": "Patient",\n  "gender": "Female"\n}\n';
    writeFileSync(path.join(dir, 'patient.json'), before);
    const r = await runCliAsync(['--fix', dir]);
    expect(r.stderr).toMatch(/patient\.json: fixed 1: fhir\/binding/);
    expect(readFileSync(path.join(dir, 'patient.json'), 'utf8')).toBe(before.replace('Female', 'female'));
  });

  it('fixes an XSD enumeration value that differs only in case, not one with several candidates', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'kind.xsd'),
      `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:fix" xmlns="urn:test:fix" elementFormDefault="qualified">
  <xs:simpleType name="Kind"><xs:restriction base="xs:string"><xs:enumeration value="Lab"/><xs:enumeration value="Xray"/></xs:restriction></xs:simpleType>
  <xs:element name="Root"><xs:complexType><xs:sequence><xs:element name="Kind" type="Kind" maxOccurs="unbounded"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
    );
    const before = '<Root xmlns="urn:test:fix">\n  <Kind>LAB</Kind>\n  <Kind>Other</Kind>\n</Root>\n';
    writeFileSync(path.join(dir, 'msg.xml'), before);
    await runCliAsync(['--fix', dir]);
    expect(readFileSync(path.join(dir, 'msg.xml'), 'utf8')).toBe(before.replace('LAB', 'Lab'));
  });
});

describe('nhn-lint --fix-dry-run', () => {
  it('prints a unified diff, writes nothing, and exits by what would remain', async () => {
    const dir = tmp();
    const lines = Array.from({ length: 20 }, (_, i) => `key${i}=value${i}`);
    lines[2] = 'lab=https://test.nilar.nhn.no/fhir';
    lines[15] = 'lab.prod=https://prod.nilar.nhn.no/fhir';
    const before = lines.join('\n') + '\n';
    writeFileSync(path.join(dir, 'app.properties'), before);
    const r = await runCliAsync(['--fix-dry-run', 'app.properties'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'app.properties'), 'utf8')).toBe(before);
    expect(r.stdout).toBe(
      [
        '--- a/app.properties',
        '+++ b/app.properties',
        '@@ -1,6 +1,6 @@',
        ' key0=value0',
        ' key1=value1',
        '-lab=https://test.nilar.nhn.no/fhir',
        '+lab=https://test.pps.nhn.no/fhir',
        ' key3=value3',
        ' key4=value4',
        ' key5=value5',
        '@@ -13,7 +13,7 @@',
        ' key12=value12',
        ' key13=value13',
        ' key14=value14',
        '-lab.prod=https://prod.nilar.nhn.no/fhir',
        '+lab.prod=https://pps.nhn.no/fhir',
        ' key16=value16',
        ' key17=value17',
        ' key18=value18',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
    // Applying the diff's result is what --fix writes.
    await runCliAsync(['--fix', 'app.properties'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'app.properties'), 'utf8')).toBe(
      before.replace('test.nilar.nhn.no', 'test.pps.nhn.no').replace('prod.nilar.nhn.no', 'pps.nhn.no'),
    );
  });
});
