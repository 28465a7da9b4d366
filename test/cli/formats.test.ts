// Every output format of nhn-lint, validated: SARIF against the SARIF 2.1.0 JSON schema and GitLab Code
// Quality against its schema (ajv, schemas under test/schemas/), JUnit against an XSD with libxml2;
// artifact URIs, fingerprints and baseline states; and no file name can forge a line of the text format.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli';

const NILAR = 'lab=https://test.nilar.nhn.no\n';
const RETIRED = 'rf=https://rf.test2-int.reseptformidleren.net\n';

let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(path.join(dir, 'repo', 'conf dir'), { recursive: true });
  mkdirSync(path.join(dir, 'outside'));
  writeFileSync(path.join(dir, 'repo', 'conf dir', 'app #1 æøå%.properties'), NILAR + RETIRED);
  writeFileSync(path.join(dir, 'repo', 'clean.properties'), 'ok=1\n');
  writeFileSync(path.join(dir, 'outside', 'far.properties'), RETIRED);
});
afterAll(() => cleanup());

const run = (args: string[]) => runCliAsync(args, { cwd: path.join(dir, 'repo') });

function sarifValidator() {
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
}

describe('SARIF', () => {
  it('is valid SARIF 2.1.0 with percent-encoded relative URIs under a uriBaseId, file:// URIs outside, and fingerprints', async () => {
    const r = await run(['--format', 'sarif', '.', '../outside']);
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout);
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
    const run0 = sarif.runs[0];
    expect(run0.originalUriBaseIds['%SRCROOT%'].uri).toBe(pathToFileURL(path.join(dir, 'repo')).href + '/');
    const locations = run0.results.map(
      (x: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation,
    );
    expect(locations).toContainEqual({ uri: 'conf%20dir/app%20%231%20%C3%A6%C3%B8%C3%A5%25.properties', uriBaseId: '%SRCROOT%' });
    expect(locations).toContainEqual({ uri: pathToFileURL(path.join(dir, 'outside', 'far.properties')).href });
    // The relative URI resolves, against the base, to the real file.
    const resolved = new URL('conf%20dir/app%20%231%20%C3%A6%C3%B8%C3%A5%25.properties', run0.originalUriBaseIds['%SRCROOT%'].uri);
    expect(readFileSync(resolved, 'utf8')).toBe(NILAR + RETIRED);
    for (const x of run0.results) expect(x.partialFingerprints['nhnFindingHash/v1']).toMatch(/^[0-9a-f]{32}$/);
    // Unique within a file (code scanning matches them per artifact).
    const keys = run0.results.map(
      (x: { partialFingerprints: Record<string, string>; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
        `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.partialFingerprints['nhnFindingHash/v1']}`,
    );
    expect(new Set(keys).size).toBe(run0.results.length);
  });

  it('carries baselineState (new, unchanged, absent) against a baseline, and stays valid', async () => {
    const { dir: work, cleanup: done } = tempDir();
    try {
      writeFileSync(path.join(work, 'a.properties'), NILAR + RETIRED);
      expect((await runCliAsync(['--baseline-write', 'baseline.json', '.'], { cwd: work })).status).toBe(0);
      // One finding fixed, one new.
      writeFileSync(path.join(work, 'a.properties'), RETIRED + 'other=https://prod.nilar.nhn.no\n');
      const r = await runCliAsync(['--format', 'sarif', '--baseline', 'baseline.json', '.'], { cwd: work });
      const sarif = JSON.parse(r.stdout);
      const validate = sarifValidator();
      expect(validate(sarif), JSON.stringify(validate.errors, null, 1)).toBe(true);
      const states = sarif.runs[0].results.map(
        (x: { ruleId: string; baselineState: string; locations: { physicalLocation: { region: { startLine: number } } }[] }) => [
          x.baselineState,
          x.ruleId,
          x.locations[0].physicalLocation.region.startLine,
        ],
      );
      expect(states.sort()).toEqual([
        ['absent', 'host/nilar', 1],
        ['new', 'host/nilar', 2],
        ['unchanged', 'host/reseptformidleren-net', 1],
      ]);
      // The unchanged (baselined) error does not fail the run; the new warning does not either.
      expect(r.status).toBe(0);
    } finally {
      done();
    }
  });
});

describe('GitLab Code Quality', () => {
  it('is valid against the Code Quality schema, with relative paths and unique fingerprints', async () => {
    const r = await run(['--format', 'gitlab', '.']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/schemas/gitlab-codequality.schema.json'), 'utf8')));
    expect(validate(report), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(report).toHaveLength(2);
    expect(report.map((x: { location: { path: string } }) => x.location.path)).toEqual(['conf dir/app #1 æøå%.properties', 'conf dir/app #1 æøå%.properties']);
    expect(report.map((x: { severity: string }) => x.severity).sort()).toEqual(['major', 'minor']);
    expect(new Set(report.map((x: { fingerprint: string }) => x.fingerprint)).size).toBe(2);
    // Stable across runs (GitLab compares the merge request's report with the target branch's).
    expect(JSON.parse((await run(['--format', 'gitlab', '.'])).stdout)).toEqual(report);
  });

  it('an empty report is an empty array', async () => {
    const r = await run(['--format', 'gitlab', 'clean.properties']);
    expect(JSON.parse(r.stdout)).toEqual([]);
    expect(r.status).toBe(0);
  });
});

describe('JUnit XML', () => {
  it('is valid against the JUnit schema: one test case per file, failed by its errors', async () => {
    const r = await run(['--format', 'junit', '.']);
    expect(r.status).toBe(1);
    const schema = XmlDocument.fromString(readFileSync(path.join(ROOT, 'test/schemas/junit.xsd'), 'utf8'));
    const validator = XsdValidator.fromDoc(schema);
    const doc = XmlDocument.fromString(r.stdout);
    expect(() => validator.validate(doc)).not.toThrow();
    const suite = doc.get('/testsuites/testsuite');
    expect(suite).toBeTruthy();
    expect(r.stdout).toMatch(/<testsuite name="nhn-lint" tests="2" failures="1"/);
    expect(r.stdout).toMatch(/<testcase classname="nhn-lint" name="clean\.properties"><\/testcase>/);
    expect(r.stdout).toMatch(
      /<testcase classname="nhn-lint" name="conf dir\/app #1 æøå%\.properties">\s*<failure message="1 error\(s\): [^"]*\[host\/reseptformidleren-net\]" type="host\/reseptformidleren-net">/,
    );
    doc.dispose();
    schema.dispose();
    validator.dispose();
  });
});

describe('text', () => {
  it('a newline or escape sequence in a file name cannot forge a line or recolour the terminal', async () => {
    const { dir: work, cleanup: done } = tempDir();
    try {
      const evil = 'a.properties\nforged.properties:1:1: error all clear [none]\n\x1b[2J';
      writeFileSync(path.join(work, evil), NILAR);
      const r = await runCliAsync(['.'], { cwd: work });
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toBe('a.properties\\nforged.properties:1:1: error all clear [none]\\n\\x1b[2J:1:13: warning ' + lines[0].split(': warning ')[1]);
      expect(lines[0]).toMatch(/\[host\/nilar\]$/);
      expect(r.stdout).not.toMatch(/^forged/m);
      expect(r.stdout).not.toContain('\x1b');
      // JSON and SARIF carry the real name (JSON escapes it).
      expect(JSON.parse((await runCliAsync(['--format', 'json', '.'], { cwd: work })).stdout).findings[0].file).toBe(evil);
    } finally {
      done();
    }
  });
});
