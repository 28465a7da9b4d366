// The language server: wires LSP to the engine. Runs over stdio (`--stdio`) or node IPC.
// Everything that decides anything lives in ./engine; this file only translates.

import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  FileChangeType,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentValidator } from './lsp/validator';
import { SettingsStore } from './lsp/settings';
import { codeActionsFor, FIX_ALL_KIND, fixAllAction, wantsFixAll } from './lsp/code-actions';
import { isConfigUri } from './lsp/project-config';
import { hoverFor } from './lsp/hover';
import { completionsFor, participantHover } from './lsp/completion';
import { createEngine, pathOfUri, type EngineHost } from './engine';
import { createHost } from './host/resolvers';
import { SchemaEdits } from './lsp/schema-edits';
import { consoleToLog, guardedTransport } from './lsp/outgoing';
import { Commands, Notifications, Requests, type DownloadAllResult, type SchemaStatus, type SchemaStatusParams } from '../../shared/protocol';
import { downloadAllSchemas } from './lsp/download-all';
import { clampPosition, clampRange, syncedDocuments } from './lsp/positions';
import { createHash } from 'node:crypto';
import { FileEvents } from './lsp/file-events';
import { CodeListNotices } from './lsp/code-list-notices';
import { CodeListWatch } from './lsp/code-list-watch';
import { setFlagsFromString } from 'node:v8';

// Memory policy of this long-lived process: V8 lets the old generation grow up to 4x its live size between
// full collections, and each edit of a large message leaves its previous parse behind, so a 100 000-line
// XML message drove the server to 460-490 MB (bench edit-latency). Doubling at most keeps it near 300 MB;
// the live data is the same. A runtime flag: read each time V8 sets the next limit.
setFlagsFromString('--heap-growing-percent=100');

// Every message the server sends passes one filter: no whole identity number, no unbounded value.
const transport = guardedTransport();
const connection: Connection = createConnection(
  ProposedFeatures.all,
  transport.input as NodeJS.ReadableStream,
  transport.output as unknown as NodeJS.WritableStream,
); // a writer is accepted where a stream is
if (transport.stdio) consoleToLog(connection.console);
// Every incoming position and range is validated and clamped in ./lsp/positions (sync and requests).
const documents = new TextDocuments<TextDocument>(
  syncedDocuments((uri, count) => connection.console.warn(`${uri}: ignored ${count} change(s) with an invalid range or no text`)),
);
const settings = new SettingsStore(connection);
// The engine's host: the Node process's files and libxml2 worker, plus what the editor knows.
const files = createHost({ workspaceFolders: () => settings.workspaceFolders });
const host: EngineHost = {
  readFile: files.readFile,
  readBytes: files.readBytes,
  pathKind: files.pathKind,
  listFiles: files.listFiles,
  xsd: files.xsd,
  fhirDefinition: files.fhirDefinition,
  fhirPackageCache: files.fhirPackageCache,
  workspaceFolders: () => settings.workspaceFolders,
  trusted: () => settings.trusted,
  get downloads() {
    return settings.downloads;
  },
  openText: (path) => schemaEdits.openText(path),
};
const engine = createEngine(host);
// A code list the user pointed at that does not load is said in the output and a notification.
const codeListNotices = new CodeListNotices(connection, engine);
const validator = new DocumentValidator(connection, settings, engine, (options) => {
  void codeListNotices.check(options);
  watchCodeLists(options.settings.codeListPaths);
});
// Unsaved .xsd edits apply to the documents validated against them, as you type.
const schemaEdits = new SchemaEdits(documents, validator, engine);

connection.onInitialize((params: InitializeParams) => {
  settings.initialize(params);
  codeListWatch.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: params.capabilities.textDocument?.codeAction?.codeActionLiteralSupport
        ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false }
        : true,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['<', ' ', '"', "'"], resolveProvider: false },
      executeCommandProvider: { commands: [Commands.openSource] },
    },
    serverInfo: { name: 'nhn-integrator', version: '0.1.0' },
  };
});

// Code-list folders outside the workspace are watched too (their edits apply at once, as inside it).
const codeListWatch = new CodeListWatch(connection);
// An untrusted workspace's settings name no folders the server reads (the store ignores them as well).
// The editor's setting and each open document's project configuration (`codeLists`) may name lists.
const watchCodeLists = (more: readonly string[] = []) => {
  if (!settings.trusted) return void codeListWatch.update([], settings.workspaceFolders);
  const named = [settings.contextFor(''), ...documents.all().map((d) => settings.contextFor(d.uri))].flatMap((c) => c.settings.codeListPaths ?? []);
  void codeListWatch.update([...new Set([...named, ...more])], settings.workspaceFolders);
};

connection.onInitialized(() => {
  watchCodeLists();
  return settings.listen(() => {
    watchCodeLists();
    validator.revalidateAll(documents.all());
  });
});

// Files changed on disk: coalesced into batches; each batch updates the workspace's file list and its
// indexes file by file (a .gitignore change rebuilds them) and revalidates the open documents once.
const fileEvents = new FileEvents(
  async (events) => {
    // Before the ignore policy: a configured code-list folder may be git-ignored (licensed downloads often are).
    const codeLists = engine.codeListFilesChanged(events);
    const applied = await files.workspaceFiles.apply(events);
    if (applied.rewalk) await engine.workspaceReset();
    const effect = applied.rewalk ? { schemas: true, profiles: true } : await engine.workspaceFilesChanged(applied.changes);
    if (effect.schemas || effect.profiles || codeLists) validator.revalidateAll(documents.all());
  },
  (err) => connection.console.error(`File events: ${err instanceof Error ? err.stack : String(err)}`),
);
const KINDS = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' } as const;
connection.onDidChangeWatchedFiles(async (change) => {
  // A project configuration (or the baseline it names) changed: every open document is checked again under it.
  const baselines = new Set(
    documents
      .all()
      .map((d) => settings.projects.current(d.uri).baseline)
      .filter(Boolean),
  );
  if (change.changes.some((c) => isConfigUri(c.uri) || [...baselines].some((b) => c.uri.endsWith(encodeURI(b!))))) {
    settings.projects.changed();
    await engine.invalidateSchemas(); // its schema folders and catalogs may have changed
    validator.revalidateAll(documents.all());
  } else {
    // A configured XML catalog maps namespaces to schemas: the schema sets built through it are stale.
    const catalogs = settings.contextFor('').settings.catalogs;
    if (change.changes.some((c) => catalogs.some((p) => c.uri.endsWith(encodeURI(p.replace(/\\/g, '/')))))) {
      await engine.invalidateSchemas();
      validator.revalidateAll(documents.all());
    }
  }
  const events = change.changes.flatMap((c) => {
    const path = pathOfUri(c.uri);
    return path && KINDS[c.type] ? [{ path, kind: KINDS[c.type] }] : [];
  });
  fileEvents.push(events);
});

// What the workspace indexes have done (walks, builds, one-file updates, reads): tests and the bench ask.
connection.onRequest(Requests.workspaceIndex, async () => {
  await fileEvents.idle();
  return { walks: files.workspaceFiles.walks, events: fileEvents.events, batches: fileEvents.batches, ...(await engine.workspaceIndexStats()) };
});

// The user trusted the workspace (VS Code's restricted mode ended): user folders, catalogs and downloads apply.
connection.onNotification(Notifications.workspaceTrusted, async () => {
  settings.trusted = true;
  watchCodeLists();
  await engine.invalidateSchemas();
  validator.revalidateAll(documents.all());
});

documents.onDidOpen((e) => {
  validator.schedule(e.document, 0);
  void schemaEdits.opened(e.document);
});
documents.onDidChangeContent((e) => {
  validator.schedule(e.document);
  schemaEdits.changed(e.document);
});
documents.onDidClose((e) => {
  validator.forget(e.document.uri);
  void schemaEdits.closed(e.document);
});

connection.onCodeAction(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const range = doc && clampRange(doc, params.range);
  if (!doc || !range) return [];
  if (wantsFixAll(params.context.only)) {
    const action = fixAllAction(doc, await validator.currentFindings(doc), settings.contextFor(doc.uri).language);
    return action ? [action] : [];
  }
  return codeActionsFor(
    doc,
    range,
    params.context.diagnostics as Diagnostic[],
    validator.findingsOf(doc),
    settings.contextFor(doc.uri).language,
  ) as CodeAction[];
});

connection.onHover(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const position = doc && clampPosition(doc, params.position);
  if (!doc || !position) return null;
  const ctx = settings.contextFor(doc.uri);
  const findings = hoverFor(doc, position, validator.findingsOf(doc), ctx);
  const parts = await participantHover(engine, doc, position, ctx).catch(() => []);
  const own = findings && typeof findings.contents === 'object' && 'value' in findings.contents ? [findings.contents.value] : [];
  const all = [...own, ...parts];
  return all.length ? { contents: { kind: 'markdown', value: all.join('\n\n---\n\n') } } : null;
});

// The client's language-status item asks which schemas an XML document is validated against.
connection.onRequest(Requests.schemaStatus, async (params: SchemaStatusParams): Promise<SchemaStatus | null> => {
  const doc = documents.get(params.uri);
  if (!doc) return null;
  const engineDoc = { uri: doc.uri, languageId: doc.languageId, text: doc.getText(), version: doc.version };
  return (await engine.schemaStatus(engineDoc, settings.contextFor(doc.uri)).catch(() => undefined)) ?? null;
});

// "NHN: Download all NHN schemas": every pinned schema into the cache, with progress.
connection.onRequest(Requests.downloadAllSchemas, async (): Promise<DownloadAllResult> => {
  const ctx = settings.contextFor('');
  const result = await downloadAllSchemas(connection, {
    cache: settings.downloads,
    trusted: settings.trusted,
    mirror: ctx.settings.schemaMirror,
    language: ctx.language,
  });
  // Schemas that were missing may be there now: validate open documents again.
  if (result.fetched) validator.revalidateAll(documents.all());
  return result;
});

connection.onCompletion(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  const position = doc && clampPosition(doc, params.position);
  return doc && position ? completionsFor(engine, doc, position, settings.contextFor(doc.uri)).catch(() => []) : [];
});

// What the server holds for a document (a digest, never the text): lets a client or a test check sync.
connection.onRequest(Requests.documentDigest, (params: { uri: string }) => {
  const doc = documents.get(params?.uri);
  if (!doc) return null;
  const text = doc.getText();
  return { version: doc.version, length: text.length, lineCount: doc.lineCount, sha256: createHash('sha256').update(text).digest('hex') };
});

connection.onExecuteCommand(async (params) => {
  if (params.command === Commands.openSource) {
    const url = String(params.arguments?.[0] ?? '');
    if (/^https?:\/\//.test(url)) await connection.window.showDocument({ uri: url, external: true });
  }
});

documents.listen(connection);
connection.listen();
