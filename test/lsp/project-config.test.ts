// The real server over LSP with a project configuration (.nhn-lint.yaml): it picks the file up, a
// change to it (a file event, as the client's watcher sends) re-checks the open documents, a mistake in
// it is a diagnostic in that file, an untrusted workspace does not use the folders it names, baselined
// findings are hints or hidden, and source.fixAll.nhn applies the certain fixes of a file.

import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, type CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { runCliAsync, tempDir } from '../helpers/cli';

let cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups) await c();
  cleanups = [];
});

function workspace(files: Record<string, string>): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  mkdirSync(path.join(t.dir, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(t.dir, name)), { recursive: true });
    writeFileSync(path.join(t.dir, name), text);
  }
  return t.dir;
}

async function server(dir: string, options: Parameters<typeof startServer>[0] = {}): Promise<LspSession> {
  const lsp = await startServer({ workspaceFolders: [dir], ...options });
  cleanups.unshift(() => lsp.close());
  return lsp;
}

const NILAR = 'lab=https://test.nilar.nhn.no\nprod=https://prod.nilar.nhn.no\n';
const uriOf = (dir: string, name: string) => pathToFileURL(path.join(dir, name)).href;

describe('server: project configuration', () => {
  it('applies the rules of .nhn-lint.yaml, and a change to the file re-checks open documents', async () => {
    const dir = workspace({ '.nhn-lint.yaml': 'rules:\n  host/nilar: error\n' });
    const lsp = await server(dir);
    const uri = uriOf(dir, 'app.properties');
    lsp.open(uri, 'properties', NILAR);
    const first = await lsp.diagnostics(uri, (d) => d.length === 2);
    expect(first.map((d) => d.severity)).toEqual([1, 1]);

    writeFileSync(path.join(dir, '.nhn-lint.yaml'), 'rules:\n  host: off\n');
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(dir, '.nhn-lint.yaml'), type: FileChangeType.Changed }],
    });
    await lsp.diagnostics(uri, (d) => d.length === 0);

    // The file is removed: the defaults apply again (warnings).
    writeFileSync(path.join(dir, '.nhn-lint.yaml'), '{}\n');
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(dir, '.nhn-lint.yaml'), type: FileChangeType.Changed }],
    });
    const back = await lsp.diagnostics(uri, (d) => d.length === 2);
    expect(back.map((d) => d.severity)).toEqual([2, 2]);
  });

  it('a mistake in the file is a diagnostic at its line in that file, cleared when corrected', async () => {
    const dir = workspace({ '.nhn-lint.yaml': 'rules:\n  host/nilar: loud\n  no/such: off\n' });
    const lsp = await server(dir);
    const doc = uriOf(dir, 'app.properties');
    const config = uriOf(dir, '.nhn-lint.yaml');
    lsp.open(doc, 'properties', NILAR);
    const errors = await lsp.diagnostics(config, (d) => d.length > 0);
    expect(errors[0]).toMatchObject({ severity: 1, code: 'config/invalid', range: { start: { line: 1, character: 14 } } });
    expect(errors[0].message).toMatch(/rules\.host\/nilar: must be equal to one of the allowed values/);
    // Never a silent default: the broken file's rules are not applied, the findings keep their own severity.
    expect((await lsp.diagnostics(doc, (d) => d.length === 2)).map((d) => d.severity)).toEqual([2, 2]);

    writeFileSync(path.join(dir, '.nhn-lint.yaml'), 'rules:\n  host/nilar: info\n');
    await lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: config, type: FileChangeType.Changed }] });
    await lsp.diagnostics(config, (d) => d.length === 0);
    expect((await lsp.diagnostics(doc, (d) => d.length === 2 && d[0].severity === 3)).length).toBe(2);

    // Open in the editor, the file is checked as it is typed.
    lsp.open(config, 'yaml', 'rules:\n  no/such: off\n');
    const typed = await lsp.diagnostics(config, (d) => d.some((x) => x.code === 'config/invalid'));
    expect(typed.find((x) => x.code === 'config/invalid')!.message).toMatch(/unknown rule or family 'no\/such'/);
  });

  it('the nearest file applies to nested folders', async () => {
    const dir = workspace({ '.nhn-lint.yaml': 'rules:\n  host: error\n', 'legacy/.nhn-lint.yaml': 'rules:\n  host: hint\n' });
    const lsp = await server(dir);
    const top = uriOf(dir, 'a.properties');
    const nested = uriOf(dir, 'legacy/b.properties');
    lsp.open(top, 'properties', NILAR);
    lsp.open(nested, 'properties', NILAR);
    expect((await lsp.diagnostics(top, (d) => d.length === 2)).map((d) => d.severity)).toEqual([1, 1]);
    expect((await lsp.diagnostics(nested, (d) => d.length === 2)).map((d) => d.severity)).toEqual([4, 4]);
  });

  it('in an untrusted workspace the folders it names are not used, its rules still are', async () => {
    const xsd = `<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test:trust" xmlns="urn:test:trust" elementFormDefault="qualified">
  <xs:element name="Root"><xs:complexType><xs:sequence><xs:element name="Code" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
    const outside = workspace({ 'trust.xsd': xsd });
    const dir = workspace({ '.nhn-lint.yaml': `schemas: [${JSON.stringify(outside)}]\nrules:\n  host: error\n` });
    const xml = '<Root xmlns="urn:test:trust"><Code>abc</Code></Root>\n';
    const trusted = await server(dir);
    trusted.open(uriOf(dir, 'm.xml'), 'xml', xml);
    expect((await trusted.diagnostics(uriOf(dir, 'm.xml'), (d) => d.some((x) => x.code === 'xsd/invalid-value'))).length).toBeGreaterThan(0);
    const untrusted = await server(dir, { init: { workspaceTrusted: false } });
    untrusted.open(uriOf(dir, 'm.xml'), 'xml', xml);
    untrusted.open(uriOf(dir, 'a.properties'), 'properties', NILAR);
    expect((await untrusted.diagnostics(uriOf(dir, 'a.properties'), (d) => d.length === 2)).map((d) => d.severity)).toEqual([1, 1]);
    const diags = await untrusted.diagnostics(uriOf(dir, 'm.xml'));
    expect(diags.map((d) => d.code)).not.toContain('xsd/invalid-value');
  });
});

describe('server: baseline from the project configuration', () => {
  it('baselined findings are hints (default) or hidden (nhn.baseline.findings), new ones stay as they are', async () => {
    const dir = workspace({ '.nhn-lint.yaml': 'baseline: nhn-baseline.json\n', 'app.properties': NILAR });
    expect((await runCliAsync(['--baseline-write', 'nhn-baseline.json', 'app.properties'], { cwd: dir })).status).toBe(0);
    const text = '# moved down\n' + NILAR + 'new=https://test.nilar.nhn.no/other\n';
    const uri = uriOf(dir, 'app.properties');

    const hinted = await server(dir);
    hinted.open(uri, 'properties', text);
    const d = await hinted.diagnostics(uri, (x) => x.length === 3);
    expect(d.map((x) => [x.range.start.line, x.severity])).toEqual([
      [1, 4],
      [2, 4],
      [3, 2],
    ]);

    const hidden = await server(dir, { settings: { baseline: { findings: 'hide' } } });
    hidden.open(uri, 'properties', text);
    const h = await hidden.diagnostics(uri, (x) => x.length > 0);
    expect(h.map((x) => [x.range.start.line, x.severity])).toEqual([[3, 2]]);
  });
});

describe('server: source.fixAll.nhn', () => {
  it('is advertised, and applies every certain fix of the file in one edit (the same result as nhn-lint --fix)', async () => {
    const dir = workspace({});
    const lsp = await server(dir);
    const kinds = (lsp.initializeResult.capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    expect(kinds).toContain('source.fixAll.nhn');
    const text = 'lab=https://test.nilar.nhn.no/fhir\nprod=https://prod.nilar.nhn.no\nauth=https://helseid-sts.utvikling.nhn.no\n';
    const uri = uriOf(dir, 'app.properties');
    lsp.open(uri, 'properties', text);
    // Asked at once, as on save: the server does not wait for its debounced validation.
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(actions.map((a) => [a.kind, a.title])).toEqual([['source.fixAll.nhn', 'Fix all NHN findings in this file']]);
    const fixed = applyEdits(text, actions[0].edit!.changes![uri]);
    // The unverified helseid-utvikling rewrite is not certain: it stays.
    expect(fixed).toBe('lab=https://test.pps.nhn.no/fhir\nprod=https://pps.nhn.no\nauth=https://helseid-sts.utvikling.nhn.no\n');
    writeFileSync(path.join(dir, 'cli.properties'), text);
    await runCliAsync(['--fix', 'cli.properties'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'cli.properties'), 'utf8')).toBe(fixed);
    // Nothing certain left: no action.
    lsp.change(uri, 2, [{ text: fixed }]);
    const none = await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.nhn'] },
    });
    expect(none).toEqual([]);
  });
});
