// KITH code lists through the real language server: a user-supplied FHIR CodeSystem (nhn.codeLists.paths)
// and a Volven export in the workspace replace the built-in partial list 8279; diagnostics, quick fix,
// hover and completion all say and use the user's list.

import { pathToFileURL } from 'node:url';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, CompletionRequest, HoverRequest, type CodeAction, type CompletionItem, type Diagnostic } from 'vscode-languageserver-protocol';
import { tempDir } from '../helpers/cli';
import { positionOf } from '../helpers/engine';
import { startServer } from '../helpers/lsp';
import { fhirXml, volvenCsv, write } from '../kith/lists';
import { msgHead } from '../kith/messages';

const kith = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('kith/'));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('KITH code lists over LSP', () => {
  const text = msgHead({ type: 'DIALOG_TEST_NYX' });
  const inType = (t: string) => ({ ...positionOf(t, 'DIALOG_TEST_NY'), character: positionOf(t, 'DIALOG_TEST_NY').character + 3 });

  it('without user lists: a hint that 8279 is only partly known', async () => {
    const lsp = await startServer({ settings: { today: '2026-11-26' } });
    try {
      const uri = pathToFileURL(path.join(tmp.dir, 'a.xml')).href;
      const pending = lsp.diagnostics(uri, (d) => kith(d).length > 0);
      lsp.open(uri, 'xml', text);
      const [d] = kith(await pending);
      expect(d.code).toBe('kith/code-not-in-partial-list');
      expect(d.severity).toBe(4);
    } finally {
      await lsp.close();
    }
  });

  it('nhn.codeLists.paths with a FHIR CodeSystem: an error judged by that file, with the fix; hover and completion use it', async () => {
    const lists = path.join(tmp.dir, 'lists');
    mkdirSync(lists);
    const file = write(lists, 'codesystem-8279.xml', fhirXml());
    const lsp = await startServer({ settings: { today: '2026-11-26', codeLists: { paths: [lists] } } });
    try {
      const uri = pathToFileURL(path.join(tmp.dir, 'b.xml')).href;
      const pending = lsp.diagnostics(uri, (d) => kith(d).length > 0);
      lsp.open(uri, 'xml', text);
      const [d] = kith(await pending);
      expect(d.code).toBe('kith/code-unknown');
      expect(d.severity).toBe(1);
      expect(d.message).toContain(`a FHIR CodeSystem at ${file.split(path.sep).join('/')} (complete)`);
      expect(d.range.start).toEqual(positionOf(text, 'DIALOG_TEST_NYX'));

      const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.title === 'Did you mean DIALOG_TEST_NY?')!;
      expect(Object.values(fix.edit!.changes!)[0][0].newText).toBe('DIALOG_TEST_NY');

      const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: inType(text) });
      const value = (hover!.contents as { value: string }).value;
      expect(value).toContain('Code list 8279: **Meldingens funksjon**');
      expect(value).toContain('Judged by a FHIR CodeSystem at');
      expect(value).toContain('complete');

      const items = (await lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: inType(text) })) as CompletionItem[];
      expect(items.map((i) => i.label)).toContain('DIALOG_TEST_NY');
      expect(items.find((i) => i.label === 'DIALOG_TEST_NY')!.detail).toBe('Ny testmelding');
    } finally {
      await lsp.close();
    }
  });

  it('a Volven export named as such in a workspace folder is found without settings', async () => {
    const ws = path.join(tmp.dir, 'workspace');
    mkdirSync(ws);
    write(ws, 'volven-kodeverk-8279.csv', volvenCsv());
    const lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [ws] });
    try {
      const uri = pathToFileURL(path.join(ws, 'c.xml')).href;
      const pending = lsp.diagnostics(uri, (d) => kith(d).length > 0);
      lsp.open(uri, 'xml', text);
      const [d] = kith(await pending);
      expect(d.code).toBe('kith/code-unknown');
      expect(d.message).toContain('a Volven export (CSV)');
    } finally {
      await lsp.close();
    }
  });
});
