// The built server, driven over stdio by a real LSP client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, HoverRequest, DiagnosticTag, DiagnosticSeverity, type CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { rangeOf, positionOf } from '../helpers/engine';

describe('language server over stdio', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26' } });
  });
  afterAll(async () => lsp?.close());

  const uri = 'file:///work/Client.cs';
  const text =
    'class C {\n  const string Lab = "https://test.nilar.nhn.no/api/v1";\n  const string Rf = "https://rf.test1-na-int.reseptformidleren.net/RF";\n}\n';

  it('advertises its capabilities', () => {
    const caps = lsp.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.codeActionProvider).toBeTruthy();
  });

  it('publishes diagnostics with code, link, tag and exact range', async () => {
    const pending = lsp.diagnostics(uri);
    lsp.open(uri, 'csharp', text);
    const diags = await pending;
    expect(diags.map((d) => d.code)).toEqual(['host/nilar', 'host/reseptformidleren-net']);
    const rf = diags[1];
    expect(rf.range).toEqual(rangeOf(text, 'rf.test1-na-int.reseptformidleren.net'));
    expect(rf.severity).toBe(DiagnosticSeverity.Error);
    expect(rf.tags).toEqual([DiagnosticTag.Deprecated]);
    expect(rf.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/host\/reseptformidleren-net\.md$/);
  });

  it('offers the quick fix that rewrites the host, and it applies', async () => {
    const diags = lsp.current(uri);
    const nilar = diags.find((d) => d.code === 'host/nilar')!;
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: nilar.range,
      context: { diagnostics: [nilar] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.title).toContain('test.pps.nhn.no');
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    expect(fixed).toContain('"https://test.pps.nhn.no/api/v1"');
    const next = lsp.diagnostics(uri, (d) => !d.some((x) => x.code === 'host/nilar'));
    lsp.change(uri, 2, [{ text: fixed }]);
    expect((await next).map((d) => d.code)).toEqual(['host/reseptformidleren-net']);
  });

  it('hovers with the rule story: dates, replacement and source', async () => {
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, 'reseptformidleren.net') });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('host/reseptformidleren-net');
    expect(value).toContain('Deadline: 2024-10-15');
    expect(value).toMatch(/Source: \[https:\/\//);
  });

  it('applies incremental edits and debounces to the latest version', async () => {
    const u = 'file:///work/app.properties';
    const first = lsp.diagnostics(u);
    lsp.open(u, 'properties', 'lab=https://example.org\n');
    expect(await first).toEqual([]);
    const last = lsp.diagnostics(u, (d) => d.length === 1);
    lsp.change(u, 2, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 23 } }, text: 'prod.nilar.nhn' }]);
    lsp.change(u, 3, [{ range: { start: { line: 0, character: 26 }, end: { line: 0, character: 26 } }, text: '.no' }]);
    const d = await last;
    expect(d[0].code).toBe('host/nilar');
    expect(d[0].range).toEqual({ start: { line: 0, character: 12 }, end: { line: 0, character: 29 } });
  });
});

describe('language server settings', () => {
  it('judges deadlines by nhn.today and speaks Norwegian for a nb locale', async () => {
    const lsp = await startServer({ settings: { today: '2024-10-01' }, locale: 'nb-NO' });
    try {
      const uri = 'file:///work/rf.yaml';
      const p = lsp.diagnostics(uri);
      lsp.open(uri, 'yaml', 'rf: https://rf.test2-int.reseptformidleren.net\n');
      const [d] = await p;
      expect(d.severity).toBe(DiagnosticSeverity.Warning);
      expect(d.message).toContain('Utgår 15.10.2024');
    } finally {
      await lsp.close();
    }
  });
});
