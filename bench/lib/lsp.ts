// A measuring LSP client: spawns a server script over stdio and timestamps every publishDiagnostics
// on arrival, so latency is measured at the client, as an editor would see it.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import {
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { cpuMsOfPid, peakRssOfPid } from './proc';
import { guardPipe, shutdownServer } from '../../test/helpers/lsp';

export interface Published {
  params: PublishDiagnosticsParams;
  /** performance.now() when the notification arrived. */
  at: number;
}

export interface BenchClient {
  process: ChildProcess;
  connection: ProtocolConnection;
  open(uri: string, languageId: string, text: string, version?: number): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  closeDocument(uri: string): void;
  /** The next publication for `uri` whose version is `version` (or any, when undefined). */
  published(uri: string, version?: number, timeoutMs?: number): Promise<Published>;
  /** The next publication for `uri` whose diagnostics satisfy `until`. */
  diagnosticsWhere(uri: string, until: (d: PublishDiagnosticsParams['diagnostics']) => boolean, timeoutMs?: number): Promise<Published>;
  peakRssMB(): number | undefined;
  /** CPU time the server process has used so far (ms; Linux). */
  cpuMs(): number | undefined;
  shutdown(): Promise<void>;
}

/** Node options for the server, as the shipped clients pass none: NHN_BENCH_NODE_OPTIONS (space-separated) to compare some in one run. */
function serverNodeOptions(): string[] {
  return (process.env.NHN_BENCH_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
}

export async function startClient(
  serverScript: string,
  settings: Record<string, unknown> = {},
  options: { workspaceFolders?: string[] } = {},
): Promise<BenchClient> {
  const child = spawn(
    process.execPath,
    [...(process.env.NHN_BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.NHN_BENCH_PROF] : []), ...serverNodeOptions(), serverScript, '--stdio'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const pipe = guardPipe(child, connection); // a closed pipe ends this server, it does not fail the run
  const waiters: Array<{ uri: string; version?: number; until?: (d: PublishDiagnosticsParams['diagnostics']) => boolean; resolve: (p: Published) => void }> =
    [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    for (const w of [...waiters]) {
      if (w.uri === params.uri && (w.version === undefined || w.version === params.version) && (!w.until || w.until(params.diagnostics))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve({ params, at });
      }
    }
  });
  connection.onRequest('workspace/configuration', () => [settings]);
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    locale: 'en',
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, synchronization: { didSave: false } },
    },
    initializationOptions: { settings },
    workspaceFolders: options.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) ?? null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    process: child,
    connection,
    open(uri, languageId, text, version = 1) {
      pipe.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId, version, text } });
    },
    change(uri, version, contentChanges) {
      pipe.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges });
    },
    closeDocument(uri) {
      pipe.notify(DidCloseTextDocumentNotification.method, { textDocument: { uri } });
    },
    published(uri, version, timeoutMs = 60000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`)),
          timeoutMs,
        );
        waiters.push({ uri, version, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    diagnosticsWhere(uri, until, timeoutMs = 60000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${stderr.slice(-2000)}`)),
          timeoutMs,
        );
        waiters.push({ uri, until, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    peakRssMB: () => peakRssOfPid(child.pid),
    cpuMs: () => cpuMsOfPid(child.pid),
    shutdown: () => shutdownServer(connection, child),
  };
}
