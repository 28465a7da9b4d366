// The server process killed mid-session, and the client gone mid-session.
//
// The VS Code client is vscode-languageclient 11 with its default error handler (client/src/extension.ts
// sets none). On a closed connection it disposes the connection — which rejects every pending request —
// asks the handler (restart while there were at most 4 crashes in 3 minutes), starts a new server and
// re-sends didOpen for the open documents. `restartLikeLanguageClient` below does those same steps over
// a real connection, so what is tested is the server's half of that contract: requests to a dead server
// end promptly, a fresh server given the same documents publishes the same diagnostics, and a server
// whose client is gone does not linger.

import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { HoverRequest, InitializeRequest, InitializedNotification } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { guardPipe, SERVER, startServer, type LspSession } from '../helpers/lsp';

const BOUND_MS = 5_000;
const DOCS = [
  { uri: 'file:///crash/app.properties', languageId: 'properties', text: 'lab=https://test.nilar.nhn.no/api\nrf=https://rf.test2-int.reseptformidleren.net\n' },
  { uri: 'file:///crash/msg.xml', languageId: 'xml', text: '<?xml version="1.0"?>\n<r><a></r>\n' },
];

function settle<T>(p: Promise<T>): Promise<{ ok: boolean; ms: number; error?: string }> {
  const t0 = Date.now();
  return Promise.race([
    p.then(
      () => ({ ok: true, ms: Date.now() - t0 }),
      (e: Error) => ({ ok: false, ms: Date.now() - t0, error: e.message }),
    ),
    new Promise<{ ok: boolean; ms: number; error: string }>((r) => setTimeout(() => r({ ok: false, ms: Date.now() - t0, error: 'HUNG' }), BOUND_MS)),
  ]);
}

async function openAll(session: LspSession): Promise<string[]> {
  const out: string[] = [];
  for (const d of DOCS) {
    const got = session.diagnostics(d.uri, (x) => x.length > 0, 20_000);
    session.open(d.uri, d.languageId, d.text);
    out.push(JSON.stringify((await got).map((x) => [x.code, x.range, x.severity])));
  }
  return out;
}

/** What vscode-languageclient does when the connection closes: dispose it, then start anew and re-open. */
async function restartLikeLanguageClient(dead: LspSession): Promise<LspSession> {
  dead.connection.dispose();
  return startServer();
}

function exited(child: ReturnType<typeof spawn>, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => (clearTimeout(timer), resolve(true)));
  });
}

describe('server killed mid-session', () => {
  it('pending and later requests end promptly, and a restarted server gives the same diagnostics', async () => {
    const first = await startServer();
    const before = await openAll(first);
    expect(before.every((d) => d !== '[]')).toBe(true);

    const closed = new Promise<void>((r) => first.connection.onClose(() => r()));
    first.connection.onError(() => undefined); // writes to the dead process fail: expected here
    first.process.stdin!.on('error', () => undefined);
    const pending = settle(first.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DOCS[0].uri }, position: { line: 0, character: 12 } }));
    first.process.kill('SIGKILL');
    expect((await settle(closed)).error, 'the client notices the closed connection').toBeUndefined();
    const second = await restartLikeLanguageClient(first);
    const p = await pending;
    expect(p.error, 'a request pending at the crash').not.toBe('HUNG');
    let afterCrash: { ok: boolean; ms: number; error?: string };
    try {
      afterCrash = await settle(first.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DOCS[0].uri }, position: { line: 0, character: 12 } }));
    } catch (err) {
      afterCrash = { ok: false, ms: 0, error: (err as Error).message };
    }
    expect(afterCrash.ok, 'a request to the dead server fails').toBe(false);
    expect(afterCrash.error).not.toBe('HUNG');

    try {
      expect(await openAll(second)).toEqual(before);
      const hover = await settle(
        second.connection.sendRequest(HoverRequest.type, { textDocument: { uri: DOCS[0].uri }, position: { line: 0, character: 12 } }),
      );
      expect(hover).toMatchObject({ ok: true });
    } finally {
      await second.close();
    }
  });

  it('killed while analysing a large document, then restarted: the document is analysed', async () => {
    // No error handlers of its own: the shared client treats the closed pipe (the 12 MB didOpen may still be
    // in it at the kill) as the end of this server.
    const first = await startServer({ settings: { maxFileSize: 64 } });
    const big = { uri: 'file:///crash/big.properties', text: 'x=https://prod.nilar.nhn.no/a\n'.repeat(400_000) };
    first.open(big.uri, 'properties', big.text);
    await new Promise((r) => setTimeout(r, 300));
    first.process.kill('SIGKILL');
    const second = await restartLikeLanguageClient(first);
    try {
      const got = second.diagnostics(big.uri, (d) => d.length > 0, 60_000);
      second.open(big.uri, 'properties', big.text);
      expect((await got).length).toBeGreaterThan(1000);
    } finally {
      await second.close();
    }
  });
});

describe('client gone mid-session', () => {
  async function bareServer(processId: number) {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    guardPipe(child, connection);
    connection.onRequest('workspace/configuration', () => [{}]);
    connection.onRequest('client/registerCapability', () => null);
    connection.onError(() => undefined);
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId, rootUri: null, capabilities: {}, workspaceFolders: null });
    await connection.sendNotification(InitializedNotification.type, {});
    return { child, connection };
  }

  it('the server exits when its stdin closes (the editor crashed)', async () => {
    const { child, connection } = await bareServer(process.pid);
    child.stdin!.end();
    const gone = await exited(child, 10_000);
    connection.dispose();
    if (!gone) child.kill('SIGKILL');
    expect(gone, 'server still running 10 s after its client went away').toBe(true);
  });

  it('the server exits when the client process named in initialize dies', async () => {
    const parent = spawn('sleep', ['60']);
    const { child, connection } = await bareServer(parent.pid!);
    parent.kill('SIGKILL');
    const gone = await exited(child, 15_000);
    connection.dispose();
    if (!gone) child.kill('SIGKILL');
    expect(gone, 'server still running 15 s after the client process died').toBe(true);
  });
});
