// The anchor for server rows: a language server built on the same framework (vscode-languageserver,
// incremental text sync) that does no checking and publishes empty diagnostics at once. Our server's
// time minus this one's is the cost of our own work.

import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
const publish = (doc: TextDocument) => void connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: [] });
documents.onDidOpen((e) => publish(e.document));
documents.onDidChangeContent((e) => publish(e.document));
documents.listen(connection);
connection.listen();
