// Code lists the user points at that do not load are said, never silently replaced by the built-in
// partial lists: why each file gave nothing (the reader), then the real CLI as a process (stderr in en
// and nb, even with --quiet; `notices` in --format json; SARIF tool execution notifications, checked
// against the SARIF 2.1.0 schema); a list saved by Excel in Windows-1252 reads as written.

import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { readCodeLists } from '../../server/src/engine/kith/user-lists';
import { ROOT, runCli, tempDir } from '../helpers/cli';
import { fhirJson, write } from './lists';
import { appRec, msgHead } from './messages';

describe('why a file gives no code list', () => {
  it.each([
    ['a CSV without a code column', 'kodeverk.csv', 'a;b\n1;2\n', 'no-code-column', undefined],
    ['an empty CSV', 'volven.csv', '', 'no-code-column', undefined],
    ['a CSV that does not say its list', 'export.csv', 'Kode;Kodetekst\nX;Y\n', 'no-oid-csv', undefined],
    ['a CSV with a header and no rows', 'volven-8279.csv', 'Kode;Kodetekst\n', 'no-codes', undefined],
    ['broken JSON', 'cs.json', '{ "resourceType": ', 'malformed-json', /JSON/],
    ['JSON that is another resource', 'cs.json', '{"resourceType":"Patient"}', 'not-codesystem', /^Patient$/],
    [
      'a CodeSystem of no Volven list',
      'cs.json',
      JSON.stringify({ resourceType: 'CodeSystem', url: 'http://example.org/cs', content: 'complete' }),
      'no-oid',
      undefined,
    ],
    ['malformed XML', 'kodeverk.xml', '<Kodeverk><OID>8279</OID><Element>', 'malformed-xml', /not closed/],
    ['a KITH message', 'kodeverk.xml', msgHead(), 'other-document', /^MsgHead$/],
    ['a file of another kind', 'kodeverk.txt.gz', 'x', 'unsupported', undefined],
  ])('%s: %s', (_, name, text, reason, detail) => {
    const result = readCodeLists(`/lists/${name}`, text);
    expect(result.lists).toEqual([]);
    expect(result.problem?.reason).toBe(reason);
    if (detail) expect(result.problem?.detail).toMatch(detail);
  });

  it('a real list has no problem', () => {
    expect(readCodeLists('/l/cs.json', fhirJson()).problem).toBeUndefined();
  });
});

describe('nhn-lint tells which code lists did not load', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const message = write(tmp.dir, 'melding.xml', msgHead({ type: 'DIALOG_TEST_NY' }));
  const lists = path.join(tmp.dir, 'lists');
  mkdirSync(lists);
  const badCsv = write(lists, 'kodeverk-8279.csv', 'Kolonne;Annen\n1;2\n');
  const patient = write(lists, 'pasient.json', '{"resourceType":"Patient"}');
  const empty = path.join(tmp.dir, 'tom');
  mkdirSync(empty);
  const slash = (p: string) => p.split(path.sep).join('/');

  it('on stderr, one line per file, in English; the run goes on with the built-in lists', () => {
    const r = runCli(['--code-lists', lists, '--code-lists', empty, message]);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      `nhn-lint: ${slash(empty)}: code list not loaded: the folder holds no code-list files (.csv, .xml, .json); codes are judged by the built-in lists`,
      `nhn-lint: ${slash(badCsv)}: code list not loaded: no code column or field (Kode, Kodeverdi, Verdi, Code); codes are judged by the built-in lists`,
      `nhn-lint: ${slash(patient)}: code list not loaded: JSON, but not a FHIR CodeSystem (resourceType Patient); codes are judged by the built-in lists`,
    ]);
    // The built-in 8279 is partial: an unknown type is a hint, so no error and exit 0.
    expect(r.status).toBe(0);
  });

  it('in Norwegian with --lang nb, and even with --quiet', () => {
    const r = runCli(['--lang', 'nb', '--quiet', '--code-lists', patient, message]);
    expect(r.stderr.trim()).toBe(
      `nhn-lint: ${slash(patient)}: kodeverket ble ikke lastet inn: JSON, men ikke et FHIR CodeSystem (resourceType Patient); kodene vurderes mot de innebygde kodeverkene`,
    );
  });

  it('from the configuration file: a codeLists entry that does not exist', () => {
    const project = path.join(tmp.dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, '.nhn-lint.json'), JSON.stringify({ codeLists: ['kodeverk/8279.csv'] }));
    write(project, 'm.xml', msgHead());
    const r = runCli(['--format', 'json', project]);
    const json = JSON.parse(r.stdout);
    expect(json.notices).toEqual([
      { file: slash(path.join(project, 'kodeverk/8279.csv')), message: expect.stringMatching(/^code list not loaded: no such file or folder;/) },
    ]);
  });

  it('--format json lists them as notices; none when every list loads', () => {
    const withProblems = JSON.parse(runCli(['--format', 'json', '--code-lists', patient, message]).stdout);
    expect(withProblems.notices).toEqual([{ file: slash(patient), message: expect.stringContaining('resourceType Patient') }]);
    const good = path.join(tmp.dir, 'good');
    mkdirSync(good);
    write(good, 'CodeSystem-8279.json', fhirJson());
    const clean = runCli(['--format', 'json', '--code-lists', good, message]);
    expect(JSON.parse(clean.stdout).notices).toBeUndefined();
    expect(clean.stderr).toBe('');
  });

  it('SARIF carries them as tool execution notifications, valid against the SARIF 2.1.0 schema', () => {
    const r = runCli(['--format', 'sarif', '--code-lists', patient, message], { cwd: tmp.dir });
    const sarif = JSON.parse(r.stdout);
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    const [notification] = sarif.runs[0].invocations[0].toolExecutionNotifications;
    expect(notification.level).toBe('warning');
    expect(notification.message.text).toContain('resourceType Patient');
    expect(notification.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'lists/pasient.json', uriBaseId: '%SRCROOT%' });
  });

  it('a FHIR project’s own CodeSystem in a linted folder is no code list to complain about; a Volven-named one is', () => {
    const project = path.join(tmp.dir, 'fhir-project');
    mkdirSync(project);
    write(project, 'CodeSystem-local-colours.json', JSON.stringify({ resourceType: 'CodeSystem', url: 'http://example.org/cs', content: 'complete' }));
    const volven = write(project, 'volven-eksport.csv', 'Kolonne\n1\n');
    write(project, 'm.xml', msgHead());
    const r = runCli(['--format', 'json', project]);
    expect(JSON.parse(r.stdout).notices).toEqual([{ file: slash(volven), message: expect.stringContaining('no code column') }]);
  });

  it('a Volven CSV saved by Excel in Windows-1252 reads as written: its texts match the message’s DN', () => {
    const dir = path.join(tmp.dir, 'cp1252');
    mkdirSync(dir);
    // List 8258 as the user's export names it (texts written for the test, with å and ø).
    const csv =
      '8258 Status for mottak av melding\r\nKode;Kodetekst;Beskrivelse\r\n1;OK, mottatt på første forsøk;\r\n2;Avvist;\r\n3;OK, feil i delmelding;\r\n';
    writeFileSync(path.join(dir, 'volven-8258.csv'), Buffer.from(csv, 'latin1'));
    const doc = write(tmp.dir, 'kvittering.xml', appRec({ status: '<Status V="1" DN="OK, mottatt på første forsøk"/>' }));
    const r = runCli(['--format', 'json', '--code-lists', dir, doc]);
    const kith = JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('kith/'));
    expect(r.stderr).toBe('');
    expect(kith).toEqual([]);
    // The same message with another text is judged against the loaded list (so the list did load).
    const other = write(tmp.dir, 'kvittering2.xml', appRec({ status: '<Status V="1" DN="OK"/>' }));
    const differs = JSON.parse(runCli(['--format', 'json', '--code-lists', dir, other]).stdout).findings;
    expect(differs.map((f: { rule: string }) => f.rule)).toContain('kith/code-display-differs');
  });
});
