// Validation scheduling: debounced per document, cancelled when a newer edit supersedes it, and
// findings remembered per document version so code actions and hovers are look-ups, not re-analysis.

import type { Connection } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pathOfUri, type AnalysisOptions, type Engine, type Finding } from '../engine';
import { toDiagnostic } from './convert';
import type { SettingsStore } from './settings';
import { bomEncodingOf } from '../host/files';

/** Delay between the last edit and the analysis; exported so the bench can subtract it. */
export const DEBOUNCE_MS = 200;

interface Pending {
  timer?: NodeJS.Timeout;
  abort: AbortController;
}

export class DocumentValidator {
  private readonly pending = new Map<string, Pending>();
  private readonly results = new Map<string, { version: number; findings: Finding[] }>();

  constructor(
    private readonly connection: Connection,
    private readonly settings: SettingsStore,
    private readonly engine: Engine,
    /** Called after each XML document's validation with its options (the code-list notices). */
    private readonly afterXml?: (options: AnalysisOptions) => void,
  ) {}

  schedule(doc: TextDocument, delay = DEBOUNCE_MS): void {
    this.cancel(doc.uri);
    const abort = new AbortController();
    const entry: Pending = { abort };
    entry.timer = setTimeout(() => void this.validate(doc, abort.signal), delay);
    this.pending.set(doc.uri, entry);
  }

  revalidateAll(docs: TextDocument[]): void {
    for (const d of docs) this.schedule(d, 0);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.results.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  findingsOf(doc: TextDocument): Finding[] {
    const r = this.results.get(doc.uri);
    return r && r.version === doc.version ? r.findings : [];
  }

  /** The findings of the document as it is now: remembered when current, else analysed on the spot (fix all on save). */
  async currentFindings(doc: TextDocument): Promise<Finding[]> {
    const r = this.results.get(doc.uri);
    if (r && r.version === doc.version) return r.findings;
    await this.settings.projects.prepare(doc.uri);
    return (
      await this.engine.analyze({ uri: doc.uri, languageId: doc.languageId, text: doc.getText(), version: doc.version }, this.settings.contextFor(doc.uri))
    ).findings;
  }

  private cancel(uri: string): void {
    const p = this.pending.get(uri);
    if (!p) return;
    clearTimeout(p.timer);
    p.abort.abort();
    this.pending.delete(uri);
  }

  private async validate(doc: TextDocument, signal: AbortSignal): Promise<void> {
    const version = doc.version;
    await this.settings.projects.prepare(doc.uri);
    if (signal.aborted) return;
    const ctx = this.settings.contextFor(doc.uri, signal);
    let findings: Finding[];
    try {
      // The editor sends decoded text; for XML on disk the byte-order mark is read from the file (an encoding conflict check needs it).
      const file = doc.languageId === 'xml' ? pathOfUri(doc.uri) : undefined;
      const encoding = file ? await bomEncodingOf(file) : undefined;
      const result = await this.engine.analyze({ uri: doc.uri, languageId: doc.languageId, text: doc.getText(), version, encoding }, ctx);
      findings = await this.settings.projects.applyBaseline(doc.uri, doc.getText(), result.findings, this.settings.baselineDisplay());
      findings.push(...this.settings.projects.findingsForOpenConfig(doc.uri, doc.getText()));
      if (result.skipped) {
        findings = [
          {
            ruleId: 'xml/not-checked',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            severity: 'info',
            message: result.skipped.message,
          },
        ];
        this.connection.console.info(`${doc.uri}: ${result.skipped.message}`);
      }
    } catch (err) {
      // Never stale or half results: an empty report and a notice in the output.
      this.connection.console.error(`Validation of ${doc.uri} failed: ${err instanceof Error ? err.stack : String(err)}`);
      findings = [];
    }
    if (signal.aborted) return;
    this.pending.delete(doc.uri);
    this.results.set(doc.uri, { version, findings });
    await this.connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: findings.map(toDiagnostic) });
    if (doc.languageId === 'xml') this.afterXml?.(ctx);
  }
}
