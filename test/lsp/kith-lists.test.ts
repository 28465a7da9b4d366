// The user's KITH code lists through the real language server, as an editor user meets them: a list
// that does not load is said (a warning notification and a line in the output, in the user's language,
// identity numbers masked); an edited, created or deleted Volven export takes effect when the editor
// reports the file event, not after a timer; and the lists share the workspace's one walk.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { Requests } from '../../shared/protocol';
import { tempDir } from '../helpers/cli';
import { startServer, type LspSession } from '../helpers/lsp';
import { makeNin } from '../helpers/nin';
import { volvenCsv, write } from '../kith/lists';
import { msgHead } from '../kith/messages';

const kith = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('kith/'));
const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** Messages the server shows (`window/showMessage`) and logs (`window/logMessage`), as they arrive. */
function listen(lsp: LspSession): { shown: { type: number; message: string }[]; logged: string[] } {
  const out = { shown: [] as { type: number; message: string }[], logged: [] as string[] };
  lsp.connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    out.shown.push(p);
  });
  lsp.connection.onNotification('window/logMessage', (p: { message: string }) => {
    out.logged.push(p.message);
  });
  return out;
}

async function until(ok: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('code lists that do not load, over LSP', () => {
  it('a warning notification in Norwegian and the reason in the output; the identity number in a file name masked', async () => {
    const lists = path.join(tmp.dir, 'lists');
    mkdirSync(lists);
    const fnr = makeNin(14, 7 + 65, 77, 401);
    write(lists, `kodeverk-${fnr}.csv`, 'Kolonne;Annen\n1;2\n');
    const lsp = await startServer({ locale: 'nb', settings: { today: '2026-11-26', language: 'nb', codeLists: { paths: [lists] } } });
    const seen = listen(lsp);
    try {
      const uri = pathToFileURL(path.join(tmp.dir, 'a.xml')).href;
      lsp.open(uri, 'xml', msgHead());
      await lsp.diagnostics(uri);
      await until(() => seen.shown.length > 0, 'the notification');
      const [shown] = seen.shown;
      expect(shown.type).toBe(2); // Warning
      expect(shown.message).toBe(`NHN: 1 kodeverk kunne ikke lastes inn: kodeverk-${fnr.slice(0, 6)}*****.csv. Se NHN-utdataene for detaljer.`);
      const line = seen.logged.find((l) => l.includes('kodeverket ble ikke lastet inn'));
      expect(line).toContain('ingen kolonne eller felt for koden (Kode, Kodeverdi, Verdi, Code)');
      for (const text of [...seen.shown.map((s) => s.message), ...seen.logged, lsp.stderr()]) expect(text).not.toContain(fnr);

      // Said once: validating again with the same problem shows nothing new.
      lsp.change(uri, 2, [{ text: msgHead({ type: 'APPREC' }) }]);
      await lsp.diagnostics(uri, () => lsp.version(uri) === 2);
      await new Promise((r) => setTimeout(r, 300));
      expect(seen.shown).toHaveLength(1);
    } finally {
      await lsp.close();
    }
  });
});

describe('code lists follow file events', () => {
  const text = msgHead({ type: 'DIALOG_TEST_NY' });
  const changed = (lsp: LspSession, file: string, type: FileChangeType) =>
    lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type }] });

  /** Opens the message in `ws`; the list has its code, so no kith finding. */
  async function openJudgedClean(lsp: LspSession, ws: string): Promise<string> {
    const uri = pathToFileURL(path.join(ws, 'melding.xml')).href;
    lsp.open(uri, 'xml', text);
    expect(kith(await lsp.diagnostics(uri))).toEqual([]);
    return uri;
  }

  /** Takes the code out of the list on disk and reports the change as the client would: the error follows. */
  async function dropCodeAndSeeError(lsp: LspSession, uri: string, csv: string): Promise<void> {
    writeFileSync(csv, volvenCsv().replace(/^DIALOG_TEST_NY;.*\r\n/m, ''));
    const pending = lsp.diagnostics(uri, (d) => kith(d)[0]?.code === 'kith/code-unknown', 10_000);
    await changed(lsp, csv, FileChangeType.Changed);
    await pending;
  }

  it('an edited, deleted and re-created Volven export in the workspace takes effect on its file event; one walk of the folder', async () => {
    const ws = path.join(tmp.dir, 'ws-events');
    mkdirSync(ws);
    const csv = write(ws, 'volven-8279.csv', volvenCsv());
    const lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [ws] });
    try {
      const uri = pathToFileURL(path.join(ws, 'melding.xml')).href;
      lsp.open(uri, 'xml', text);
      // The export has DIALOG_TEST_NY: no kith finding.
      expect(kith(await lsp.diagnostics(uri))).toEqual([]);

      // The code is taken out of the export: an error, judged by that file, as soon as the event arrives.
      writeFileSync(csv, volvenCsv().replace(/^DIALOG_TEST_NY;.*\r\n/m, ''));
      const pending = lsp.diagnostics(uri, (d) => kith(d).length > 0, 10_000);
      await changed(lsp, csv, FileChangeType.Changed);
      const [unknown] = kith(await pending);
      expect(unknown.code).toBe('kith/code-unknown');
      expect(unknown.message).toContain('a Volven export (CSV)');

      // The export is deleted: the built-in partial 8279 judges again (a hint at most).
      rmSync(csv);
      const partial = lsp.diagnostics(uri, (d) => kith(d)[0]?.code === 'kith/code-not-in-partial-list', 10_000);
      await changed(lsp, csv, FileChangeType.Deleted);
      expect(kith(await partial)[0].severity).toBe(4);

      // A new export appears: it judges, and has the code.
      write(ws, 'kodeverk-8279.csv', volvenCsv());
      const back = lsp.diagnostics(uri, (d) => kith(d).length === 0, 10_000);
      await changed(lsp, path.join(ws, 'kodeverk-8279.csv'), FileChangeType.Created);
      await back;

      const stats = (await lsp.connection.sendRequest(Requests.workspaceIndex)) as { walks: number };
      expect(stats.walks).toBe(1);
    } finally {
      await lsp.close();
    }
  });

  it('a configured list in a git-ignored folder of the workspace is read again when it changes', async () => {
    const ws = path.join(tmp.dir, 'ws-ignored');
    mkdirSync(path.join(ws, 'kodeverk'), { recursive: true });
    writeFileSync(path.join(ws, '.gitignore'), 'kodeverk/\n');
    const csv = write(path.join(ws, 'kodeverk'), '8279.csv', volvenCsv());
    const lsp = await startServer({ settings: { today: '2026-11-26', codeLists: { paths: [path.join(ws, 'kodeverk')] } }, workspaceFolders: [ws] });
    try {
      const uri = await openJudgedClean(lsp, ws);
      await dropCodeAndSeeError(lsp, uri, csv);
    } finally {
      await lsp.close();
    }
  });

  it('a configured list folder outside the workspace is watched through the client, and its edit applies at once', async () => {
    const ws = path.join(tmp.dir, 'ws-outside');
    const shared = path.join(tmp.dir, 'shared-kodeverk');
    mkdirSync(ws);
    mkdirSync(shared);
    const csv = write(shared, '8279.csv', volvenCsv());
    const lsp = await startServer({ settings: { today: '2026-11-26', codeLists: { paths: [shared] } }, workspaceFolders: [ws], watchedFiles: true });
    try {
      const uri = await openJudgedClean(lsp, ws);
      await until(() => lsp.registrations().some((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles'), 'the watcher registration');
      const registration = lsp.registrations().find((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles') as {
        registerOptions: { watchers: { globPattern: { baseUri: string; pattern: string } }[] };
      };
      expect(registration.registerOptions.watchers).toEqual([{ globPattern: { baseUri: pathToFileURL(shared).href, pattern: '**/*.{csv,xml,json}' } }]);

      // The client reports the edit (as VS Code does for the registered watcher): the list is read again at once.
      await dropCodeAndSeeError(lsp, uri, csv);
    } finally {
      await lsp.close();
    }
  });

  it('a list folder outside the workspace named by the project configuration (codeLists) is watched as well', async () => {
    const ws = path.join(tmp.dir, 'ws-config');
    const outside = path.join(tmp.dir, 'config-kodeverk');
    mkdirSync(ws);
    mkdirSync(outside);
    write(outside, '8279.csv', volvenCsv());
    writeFileSync(path.join(ws, '.nhn-lint.yaml'), 'codeLists: [../config-kodeverk]\n');
    const lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [ws], watchedFiles: true });
    try {
      const uri = pathToFileURL(path.join(ws, 'melding.xml')).href;
      lsp.open(uri, 'xml', text);
      expect(kith(await lsp.diagnostics(uri))).toEqual([]); // the configuration's list judged: it has the code
      const watchers = () =>
        lsp
          .registrations()
          .filter((r) => (r as { method: string }).method === 'workspace/didChangeWatchedFiles')
          .flatMap((r) => (r as { registerOptions: { watchers: { globPattern: { baseUri: string } }[] } }).registerOptions.watchers);
      await until(() => watchers().some((w) => w.globPattern.baseUri === pathToFileURL(outside).href), 'a watcher on the configuration’s folder');
    } finally {
      await lsp.close();
    }
  });
});
