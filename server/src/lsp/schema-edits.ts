// Unsaved schema edits apply as you type: the XSD engine reads open .xsd documents from the editor
// (the host's `openText`, answered by `openText` here), and an edit (debounced) drops what was built from the old text and
// re-validates the documents that used the schema (every XML document when the edit changed the
// schema's targetNamespace). Saving goes through the file watcher as before.

import type { TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isXmlDocument, pathOfUri, type Engine } from '../engine';
import type { DocumentValidator } from './validator';

/** Quiet time after the last keystroke in a schema before dependents are re-validated. */
export const SCHEMA_EDIT_DEBOUNCE_MS = 300;

const isSchema = (uri: string) => /\.xsd$/i.test(uri);

export class SchemaEdits {
  /** Open schemas by path. */
  private readonly open = new Map<string, TextDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The version each schema was opened at: the content-change event that follows an open is not an edit. */
  private readonly openedAt = new Map<string, number>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    private readonly validator: DocumentValidator,
    private readonly engine: Engine,
  ) {}

  /** The unsaved text of an open schema (the engine host's `openText`). */
  openText(path: string): string | undefined {
    return this.open.get(path)?.getText();
  }

  /** A schema opened with text other than the disk's (an editor restored with unsaved edits) counts as an edit. */
  async opened(doc: TextDocument): Promise<void> {
    const path = this.pathOf(doc);
    if (!path) return;
    this.open.set(path, doc);
    this.openedAt.set(path, doc.version);
    if ((await this.engine.host.readFile?.(path)) !== doc.getText()) this.schedule(path);
  }

  changed(doc: TextDocument): void {
    const path = this.pathOf(doc);
    if (!path || this.openedAt.get(path) === doc.version) return;
    this.open.set(path, doc);
    this.schedule(path);
  }

  /** Closed without saving: the disk's text applies again. */
  async closed(doc: TextDocument): Promise<void> {
    this.engine.forget(doc.uri);
    const path = this.pathOf(doc);
    if (!path || this.open.get(path) !== doc) return;
    this.open.delete(path);
    this.openedAt.delete(path);
    if ((await this.engine.host.readFile?.(path)) !== doc.getText()) this.schedule(path);
  }

  private pathOf(doc: TextDocument): string | undefined {
    return isSchema(doc.uri) ? pathOfUri(doc.uri) : undefined;
  }

  private schedule(path: string): void {
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        void this.apply(path);
      }, SCHEMA_EDIT_DEBOUNCE_MS),
    );
  }

  private async apply(path: string): Promise<void> {
    // A worker that died while dropping sets must not take the server down; the new generation applies anyway.
    const effect = await this.engine.schemaTextChanged(path).catch(() => ({ rebuilt: true, dependents: [] }));
    const dependents = new Set(effect.dependents);
    for (const doc of this.documents.all()) {
      if (pathOfUri(doc.uri) === path) continue; // its own check runs on its own edits
      const affected = effect.rebuilt ? isXmlDocument(doc) : dependents.has(doc.uri);
      if (affected) this.validator.schedule(doc, 0);
    }
  }
}
