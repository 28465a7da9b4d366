// A real-file miss (issue 19): a UTF-16 file (byte-order mark) whose XML declaration says
// encoding="ISO-8859-1" was read happily; libxml2 2.9 (xmllint) and expat refuse it as not well-formed.
// Now an error at the declared name, through the real CLI (which reads the bytes) and the real server
// (which reads the mark from the file on disk), with a fix that declares UTF-16.

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type JsonFinding, runCliAsync, tempDir } from '../helpers/cli';
import { startServer, type LspSession } from '../helpers/lsp';

const DECLARED = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<Melding xmlns="urn:example:melding"><Tekst>Blåbær</Tekst></Melding>\n';
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);

describe('UTF-16 with a declaration that says ISO-8859-1', () => {
  const dir = tempDir();
  const files = {
    le: path.join(dir.dir, 'utf16le-latin1.xml'),
    be: path.join(dir.dir, 'utf16be-latin1.xml'),
    honest: path.join(dir.dir, 'utf16-declared.xml'),
    latin1: path.join(dir.dir, 'latin1.xml'),
  };
  beforeAll(() => {
    writeFileSync(files.le, utf16le(DECLARED));
    writeFileSync(files.be, utf16be(DECLARED));
    writeFileSync(files.honest, utf16le(DECLARED.replace('ISO-8859-1', 'UTF-16')));
    writeFileSync(files.latin1, Buffer.from(DECLARED, 'latin1'));
  });
  afterAll(() => dir.cleanup());

  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  it.runIf(xmllint.status === 0)('native libxml2 (xmllint) refuses the conflicting files and accepts the honest ones', () => {
    for (const f of [files.le, files.be]) expect(spawnSync('xmllint', ['--noout', f]).status, f).not.toBe(0);
    for (const f of [files.honest, files.latin1]) expect(spawnSync('xmllint', ['--noout', f]).status, f).toBe(0);
  });

  it('nhn-lint: an error on the declared name, in both byte orders; exit 1', async () => {
    const r = await runCliAsync(['--format', 'json', files.le, files.be]);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { findings: (JsonFinding & { file: string })[] };
    const conflicts = out.findings.filter((f) => f.rule === 'xml/encoding-conflict');
    expect(conflicts.map((f) => [path.basename(f.file), f.line, f.column, f.severity])).toEqual([
      ['utf16le-latin1.xml', 1, 31, 'error'],
      ['utf16be-latin1.xml', 1, 31, 'error'],
    ]);
    expect(conflicts[0].message).toMatch(/^The file is UTF-16LE \(it starts with a byte-order mark\), but its XML declaration says encoding="ISO-8859-1"/);
    expect(conflicts[1].message).toContain('UTF-16BE');
  });

  it('nhn-lint: silent on a UTF-16 file that declares UTF-16 and on a Latin-1 file that declares ISO-8859-1', async () => {
    const r = await runCliAsync(['--format', 'json', files.honest, files.latin1]);
    expect((JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings.filter((f) => f.rule.startsWith('xml/'))).toEqual([]);
  });

  describe('through the language server (the editor sends decoded text; the mark is read from the file)', () => {
    let lsp: LspSession;
    beforeAll(async () => {
      lsp = await startServer({ settings: { today: '2026-11-26', language: 'nb' } });
    });
    afterAll(async () => lsp?.close());

    it('an error on the declared name, in Norwegian, with a fix that declares UTF-16', async () => {
      const uri = pathToFileURL(files.le).href;
      const pending = lsp.diagnostics(uri, (d) => d.some((x) => x.code === 'xml/encoding-conflict'));
      lsp.open(uri, 'xml', DECLARED);
      const d = (await pending).find((x) => x.code === 'xml/encoding-conflict')!;
      expect(d.range).toEqual({ start: { line: 0, character: 30 }, end: { line: 0, character: 40 } });
      expect(d.severity).toBe(1);
      expect(d.message).toMatch(/^Filen er UTF-16LE/);
    });

    it('the same text in an unsaved editor or a file without a mark: no finding', async () => {
      for (const uri of ['untitled:Untitled-1', pathToFileURL(files.latin1).href]) {
        const pending = lsp.diagnostics(uri, () => true);
        lsp.open(uri, 'xml', DECLARED);
        expect((await pending).filter((x) => x.code === 'xml/encoding-conflict')).toEqual([]);
      }
    });
  });
});
