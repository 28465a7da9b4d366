// Code lists the user supplies (Volven CSV/XML export, FHIR CodeSystem JSON/XML) replace the built-in
// partial list for their OID: read by the engine's parser, then end to end through the real CLI.

import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { readCodeListFile } from '../../server/src/engine/kith/user-lists';
import { runCli, tempDir } from '../helpers/cli';
import { fhirJson, fhirXml, volvenCsv, volvenCsvByVolvenFields, volvenXml, volvenXmlByVolvenFields, write } from './lists';
import { msgHead } from './messages';

const OID = '2.16.578.1.12.4.1.1.8279';

describe('reading user lists', () => {
  it.each([
    ['a Volven CSV export', 'meldingens-funksjon.csv', volvenCsv(), 'volven-csv'],
    ['a Volven XML export', 'kodeverk.xml', volvenXml(), 'volven-xml'],
    ['a FHIR CodeSystem (JSON)', 'codesystem.json', fhirJson(), 'fhir-codesystem'],
    ['a FHIR CodeSystem (XML)', 'codesystem.xml', fhirXml(), 'fhir-codesystem'],
  ])('%s gives list 8279, complete, with its codes and texts', (_, name, text, kind) => {
    const [list] = readCodeListFile(`/lists/${name}`, text);
    expect(list.oid).toBe(OID);
    expect(list.complete).toBe(true);
    expect(list.origin).toEqual({ kind, file: `/lists/${name}` });
    expect(list.codes.map((c) => c.code)).toEqual(['APPREC', 'DIALOG_FORESPORSEL', 'DIALOG_HELSEFAGLIG', 'DIALOG_SVAR', 'DIALOG_TEST_NY']);
    expect(list.codes.find((c) => c.code === 'DIALOG_SVAR')!.nb).toBe('Svar på forespørsel');
  });

  it.each([
    ['CSV', 'kodeverk.csv', volvenCsvByVolvenFields(), 'volven-csv'],
    ['XML', 'kodeverk.xml', volvenXmlByVolvenFields(), 'volven-xml'],
  ])('a Volven %s with Volven’s own field names: Kodetekst is the display, Beskrivelse (the definition) is not', (_, name, text, kind) => {
    const [list] = readCodeListFile(`/lists/${name}`, text);
    expect(list.oid).toBe(OID);
    expect(list.origin.kind).toBe(kind);
    expect(list.name.nb).toBe('Meldingens funksjon');
    expect(list.codes).toHaveLength(5);
    expect(list.codes.find((c) => c.code === 'DIALOG_SVAR')).toEqual({ code: 'DIALOG_SVAR', nb: 'Svar på forespørsel' });
  });

  it('a CodeSystem that is a fragment stays partial; its English designation is kept', () => {
    const [list] = readCodeListFile('/l/cs.json', fhirJson('fragment'));
    expect(list.complete).toBe(false);
    expect(list.codes[0]).toEqual({ code: 'APPREC', nb: 'Applikasjonskvittering', en: 'Application receipt' });
  });

  it('the OID of a CSV export comes from its name when the file does not say it', () => {
    const [list] = readCodeListFile('/l/volven-8258.csv', 'Kodeverdi;Navn\n1;OK\n2;Avvist\n3;OK, feil i delmelding\n');
    expect(list.oid).toBe('2.16.578.1.12.4.1.1.8258');
    expect(list.codes).toHaveLength(3);
  });

  it('files that are not code lists give nothing, and broken ones do not throw', () => {
    expect(readCodeListFile('/l/package.json', '{"name":"x"}')).toEqual([]);
    expect(readCodeListFile('/l/x.json', '{ not json')).toEqual([]);
    expect(readCodeListFile('/l/notes.csv', 'a;b\n1;2\n')).toEqual([]);
    expect(readCodeListFile('/l/m.xml', msgHead())).toEqual([]);
  });
});

describe('nhn-lint --code-lists', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const message = write(tmp.dir, 'melding.xml', msgHead({ type: 'DIALOG_TEST_NYX' }));
  const known = write(tmp.dir, 'kjent.xml', msgHead({ type: 'DIALOG_TEST_NY' }));

  const kithFindings = (stdout: string) =>
    (JSON.parse(stdout).findings as { file: string; rule: string; severity: string; message: string }[]).filter((f) => f.rule.startsWith('kith/'));

  it('without a list: the built-in 8279 is partial, so an unknown type is a hint at most', () => {
    const r = runCli(['--format', 'json', message, known]);
    const fs = kithFindings(r.stdout);
    expect(fs.map((f) => [path.basename(f.file), f.rule, f.severity]).sort()).toEqual([
      ['kjent.xml', 'kith/code-not-in-partial-list', 'hint'],
      ['melding.xml', 'kith/code-not-in-partial-list', 'hint'],
    ]);
    expect(r.status).toBe(0);
  });

  it.each([
    ['a Volven CSV export', 'volven-8279.csv', volvenCsv(), 'a Volven export (CSV)'],
    ['a FHIR CodeSystem', 'CodeSystem-no-kodeverk-8279.json', fhirJson(), 'a FHIR CodeSystem'],
  ])('with %s: the user list judges (complete): unknown is an error naming the file, the new code passes', (_, name, text, said) => {
    const dir = path.join(tmp.dir, name.replace(/\W/g, '_'));
    mkdirSync(dir);
    const file = write(dir, name, text);
    const r = runCli(['--format', 'json', '--code-lists', dir, message, known]);
    const fs = kithFindings(r.stdout);
    expect(fs.map((f) => [path.basename(f.file), f.rule, f.severity])).toEqual([['melding.xml', 'kith/code-unknown', 'error']]);
    expect(fs[0].message).toContain(`${said} at ${file}`);
    expect(fs[0].message).toContain('(complete)');
    expect(fs[0].message).toMatch(/Did you mean DIALOG_TEST_NY/);
    expect(r.status).toBe(1);
  });

  it('a --code-lists path that does not exist is a usage error; an empty folder is not', () => {
    const missing = runCli(['--code-lists', path.join(tmp.dir, 'nowhere'), known]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--code-lists');
    const empty = path.join(tmp.dir, 'empty');
    mkdirSync(empty);
    expect(runCli(['--format', 'json', '--code-lists', empty, known]).status).toBe(0);
  });
});
