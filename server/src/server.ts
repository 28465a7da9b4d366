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
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentValidator } from './lsp/validator';
import { SettingsStore } from './lsp/settings';
import { codeActionsFor } from './lsp/code-actions';
import { hoverFor } from './lsp/hover';
import { invalidateSchemas } from './engine';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const settings = new SettingsStore(connection);
const validator = new DocumentValidator(connection, settings);

connection.onInitialize((params: InitializeParams) => {
  settings.initialize(params);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: params.capabilities.textDocument?.codeAction?.codeActionLiteralSupport
        ? { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false }
        : true,
      hoverProvider: true,
      executeCommandProvider: { commands: ['nhn.openSource'] },
    },
    serverInfo: { name: 'nhn-integrator', version: '0.1.0' },
  };
});

connection.onInitialized(() => settings.listen(() => validator.revalidateAll(documents.all())));

// Schemas (and catalogs) changed on disk: rebuild the XSD index, drop compiled sets, validate again.
connection.onDidChangeWatchedFiles(async (change) => {
  if (!change.changes.some((c) => /\.(xsd|xml)$/i.test(c.uri))) return;
  await invalidateSchemas(settings.resolvers);
  validator.revalidateAll(documents.all());
});

documents.onDidOpen((e) => validator.schedule(e.document, 0));
documents.onDidChangeContent((e) => validator.schedule(e.document));
documents.onDidClose((e) => validator.forget(e.document.uri));

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  return codeActionsFor(doc, params.range, params.context.diagnostics as Diagnostic[], validator.findingsOf(doc), settings.contextFor(doc.uri).language) as CodeAction[];
});

connection.onHover((params) => {
  const doc = documents.get(params.textDocument.uri);
  return doc ? hoverFor(doc, params.position, validator.findingsOf(doc), settings.contextFor(doc.uri)) : null;
});

connection.onExecuteCommand(async (params) => {
  if (params.command === 'nhn.openSource') {
    const url = String(params.arguments?.[0] ?? '');
    if (/^https?:\/\//.test(url)) await connection.window.showDocument({ uri: url, external: true });
  }
});

documents.listen(connection);
connection.listen();
