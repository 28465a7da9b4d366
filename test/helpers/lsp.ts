// A real LSP client for tests: starts the built dist/server.js as a child process and talks to it
// over stdio with vscode-languageserver-protocol, exactly as an editor would.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConnectionError,
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const SERVER = path.resolve(__dirname, '../../dist/server.js');

export interface LspSession {
  connection: ProtocolConnection;
  process: ChildProcess;
  /** True once the server is gone (exited, or its pipe closed): notifications are then not sent. */
  ended(): boolean;
  /** A notification, sent unless the server has ended; a closed pipe ends it instead of failing the test. */
  notify(method: string, params?: unknown): void;
  initializeResult: InitializeResult;
  stderr: () => string;
  /** What the server registered with `client/registerCapability`, in order. */
  registrations(): unknown[];
  open(uri: string, languageId: string, text: string): void;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): void;
  /** The diagnostics last published for `uri`. */
  current(uri: string): Diagnostic[];
  /** The document version of the last publication for `uri` (inside an `until` it is the one being tested). */
  version(uri: string): number | undefined;
  /** Resolves with the next diagnostics for `uri` that satisfy `until` (default: any). */
  diagnostics(uri: string, until?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

/**
 * `wrap`: a command the server runs under, e.g. `['strace', '-f', '-o', log]` (the robustness suite).
 * `init`: more initializationOptions, as the VS Code client sends them (workspaceTrusted, cacheDir).
 */
export async function startServer(
  options: {
    settings?: Record<string, unknown>;
    init?: Record<string, unknown>;
    locale?: string;
    env?: NodeJS.ProcessEnv;
    configuration?: boolean;
    workspaceFolders?: string[];
    wrap?: string[];
    /** Declare dynamic registration of watched files with relative patterns (as VS Code does). */
    watchedFiles?: boolean;
  } = {},
): Promise<LspSession> {
  const argv = [...(options.wrap ?? []), process.execPath, SERVER, '--stdio'];
  const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const pipe = guardPipe(child, connection);
  const latest = new Map<string, PublishDiagnosticsParams>();
  const waiters: Array<{ uri: string; until: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    latest.set(p.uri, p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.until(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', () => [options.settings ?? {}]);
  const registrations: unknown[] = [];
  connection.onRequest('client/registerCapability', (params: { registrations: unknown[] }) => {
    registrations.push(...params.registrations);
    return null;
  });
  connection.onRequest('window/showDocument', () => ({ success: true }));
  connection.listen();
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    locale: options.locale ?? 'en',
    capabilities: {
      workspace: {
        configuration: options.configuration ?? true,
        ...(options.watchedFiles ? { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } : {}),
      },
      textDocument: {
        publishDiagnostics: { tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, versionSupport: true },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } },
      },
    },
    initializationOptions: options.settings || options.init ? { settings: options.settings, ...options.init } : undefined,
    workspaceFolders: options.workspaceFolders?.map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) ?? null,
  });
  await connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    ended: pipe.ended,
    notify: pipe.notify,
    initializeResult,
    stderr: () => err,
    registrations: () => registrations,
    open(uri, languageId, text) {
      pipe.notify(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, version, contentChanges) {
      pipe.notify(DidChangeTextDocumentNotification.method, { textDocument: { uri, version }, contentChanges });
    },
    current(uri) {
      return latest.get(uri)?.diagnostics ?? [];
    },
    version(uri) {
      return latest.get(uri)?.version;
    },
    diagnostics(uri, until = () => true, timeoutMs = 15000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri)?.diagnostics)}; stderr: ${err}`),
            ),
          timeoutMs,
        );
        waiters.push({ uri, until, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
    close: () => shutdownServer(connection, child),
  };
}

/** A write that failed because the server's end is gone (killed, crashed, exited): not a test failure. */
export function isClosedPipe(err: unknown): boolean {
  if (err instanceof ConnectionError) return true; // the connection already saw the close, or was disposed
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EPIPE' || code === 'ECONNRESET' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END';
}

/**
 * Every LSP client of the tests and the bench goes through this: a closed pipe is the end of that
 * server, not an error. A notification written while the server is killed (a 12 MB didOpen is still
 * in the pipe when the crash test kills the server) used to reject unhandled with `write EPIPE`, and
 * vitest failed a run whose tests had all passed. Other write errors still surface.
 */
export function guardPipe(child: ChildProcess, connection: ProtocolConnection): { ended: () => boolean; notify: (method: string, params?: unknown) => void } {
  let ended = false;
  const end = () => void (ended = true);
  const failed = (error: unknown) => {
    if (ended || isClosedPipe(error)) end();
    else throw error;
  };
  child.once('exit', end);
  child.stdin?.on('error', (error) => (isClosedPipe(error) ? end() : undefined)); // the connection reports the rest
  connection.onClose(end);
  connection.onError(([error]) => (isClosedPipe(error) ? end() : undefined));
  return {
    ended: () => ended,
    notify(method, params) {
      if (ended) return;
      try {
        connection.sendNotification(method, params).catch(failed);
      } catch (error) {
        failed(error);
      }
    },
  };
}

/** LSP shutdown + exit, then wait for the process to end (killed after 2 s): tests and bench share it. */
export async function shutdownServer(connection: ProtocolConnection, child: ChildProcess): Promise<void> {
  try {
    await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
    await connection.sendNotification(ExitNotification.type);
  } catch {
    /* already gone */
  }
  connection.dispose();
  await new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
  });
}

/** The code actions the server offers for one of its diagnostics. */
export async function actionsFor(lsp: LspSession, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await lsp.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
}

/** Applies LSP text edits to a string (edits must not overlap). */
export function applyEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}
