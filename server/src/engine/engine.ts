// One engine instance: the checks and participants of a rule set, bound to one host, with every cache
// it keeps (engine/caches.ts). The server and the CLI each create one; a test creates its own.

import { analyze, type AnalysisResult } from './core/analyze';
import { analyzed } from './core/document';
import type { EngineHost } from './core/host';
import type { AnalysisContext, AnalysisOptions, AnalyzedDocument, Check, Completion, EngineDocument, Participant } from './core/types';
import { EngineCaches } from './caches';
import { BUILTIN_RULES } from './rules/builtin';
import type { Rule } from './rules/model';
import { createChecks, createParticipants } from './features';
import { schemaTextChanged, type SchemaEditEffect } from './xsd/edits';
import { schemaStatus, type SchemaStatus } from './xsd/participant';
import { loadProblemText } from './kith/messages';
import { workspaceFilesChanged, workspaceIndexStats, workspaceReset, type FileChange, type WorkspaceEffect, type WorkspaceIndexStats } from './workspace';

export interface EngineOptions {
  /** The rules the checks apply (default: the built-in rules; the CLI adds `--rules` files). */
  rules?: readonly Rule[];
  /** Checks to run instead of the default set (tests that exercise one check). */
  checks?: readonly Check[];
}

export interface Engine {
  readonly host: EngineHost;
  readonly rules: readonly Rule[];
  /** Every check of this engine on one document; findings configured and sorted. */
  analyze(document: EngineDocument, options: AnalysisOptions): Promise<AnalysisResult>;
  /** Markdown hovers of the participants at `offset`, in participant order. */
  hover(document: EngineDocument, offset: number, options: AnalysisOptions): Promise<string[]>;
  /** Completions at `offset`: one list per participant that applies, in participant order (each list in its own order). */
  complete(document: EngineDocument, offset: number, options: AnalysisOptions): Promise<Completion[][]>;
  /** Which schemas an XML document is validated against (the language-status item). */
  schemaStatus(document: EngineDocument, options: AnalysisOptions): Promise<SchemaStatus | undefined>;
  /** An open schema's text changed in the editor (or its unsaved edits were dropped). */
  schemaTextChanged(path: string): Promise<SchemaEditEffect>;
  /** Schema files or catalogs changed on disk (or the workspace became trusted): rebuild on next use. */
  invalidateSchemas(): Promise<void>;
  /** Files changed on disk (after the host's ignore policy): the XSD and FHIR indexes are updated file by file. */
  workspaceFilesChanged(changes: FileChange[]): Promise<WorkspaceEffect>;
  /** Files changed on disk, as the editor reported them (a configured list folder may be git-ignored): true when the KITH code lists are read again. */
  codeListFilesChanged(changes: FileChange[]): boolean;
  /** The user's code lists that could not be loaded (settings, --code-lists, workspace files), each as a file and a sentence. */
  codeListProblems(options: AnalysisOptions): Promise<{ file: string; message: string }[]>;
  /** What the host ignores changed (a .gitignore): both workspace indexes are built again on next use. */
  workspaceReset(): Promise<void>;
  /** The workspace indexes' counters (builds, one-file updates, reads), for tests and the bench. */
  workspaceIndexStats(): Promise<WorkspaceIndexStats>;
  /** A document was closed: forget what the engine kept about it. */
  forget(uri: string): void;
  /** The context checks and participants receive, for callers that run one of them directly (tests, tools). */
  context(options: AnalysisOptions): AnalysisContext;
  /** Drops every cache (the next analysis rebuilds what it needs). */
  clear(): void;
  /** Full passes over document texts by the rule-driven checks since the engine was created (a bench counter). */
  textPasses(): number;
}

/** At most this many analyzed documents (with their parses) are kept for hovers and completions. */
const RECENT_DOCUMENTS = 8;
const RECENT_CHARS = 16 * 1024 * 1024;

export function createEngine(host: EngineHost, options: EngineOptions = {}): Engine {
  const rules = options.rules ?? BUILTIN_RULES;
  const checks = options.checks ?? createChecks(rules);
  const participants: Participant[] = createParticipants();
  const caches = new EngineCaches(host);
  const recent = new RecentDocuments();
  const context = (o: AnalysisOptions): AnalysisContext => ({ today: o.today, language: o.language, settings: o.settings, signal: o.signal, host, caches });

  return {
    host,
    rules,
    analyze: (document, o) => analyze(recent.get(document), context(o), checks),
    async hover(document, offset, o) {
      const doc = recent.get(document);
      const ctx = context(o);
      const parts: string[] = [];
      for (const p of participants) {
        if (!p.hover || !p.appliesTo(doc)) continue;
        const h = await p.hover(doc, offset, ctx);
        if (h) parts.push(h);
      }
      return parts;
    },
    async complete(document, offset, o) {
      const doc = recent.get(document);
      const ctx = context(o);
      const lists: Completion[][] = [];
      for (const p of participants) {
        if (!p.complete || !p.appliesTo(doc)) continue;
        lists.push(await p.complete(doc, offset, ctx));
      }
      return lists;
    },
    schemaStatus: (document, o) => schemaStatus(recent.get(document), context(o)),
    schemaTextChanged: (path) => schemaTextChanged(host, caches.xsd, path),
    invalidateSchemas: () => caches.xsd.invalidate(),
    workspaceFilesChanged: (changes) => workspaceFilesChanged(host, caches, changes),
    workspaceReset: () => workspaceReset(caches),
    codeListFilesChanged: (changes) => caches.codeLists.filesChanged(changes),
    async codeListProblems(o) {
      const store = await caches.codeLists.storeFor(o);
      return store.problems.map((p) => ({ file: p.file, message: loadProblemText(o.language, p) }));
    },
    workspaceIndexStats: () => workspaceIndexStats(caches),
    forget(uri) {
      recent.forget(uri);
      caches.xsd.usage.forget(uri);
    },
    context,
    textPasses: () => caches.textPasses.count,
    clear() {
      recent.clear();
      caches.clear();
    },
  };
}

/**
 * The last analyzed documents, so a hover or completion right after an analysis reuses its parse. Bounded
 * by count and by text size, evicted before a new one is added: a folder scan of large XML files must not
 * keep a parse tree per file alive.
 */
class RecentDocuments {
  private readonly docs = new Map<string, AnalyzedDocument>();

  get(document: EngineDocument): AnalyzedDocument {
    const hit = this.docs.get(document.uri);
    if (hit && hit.text === document.text && hit.languageId === document.languageId && hit.version === document.version) return hit;
    this.docs.delete(document.uri);
    // Same document, new version: what its analyses kept passes on (a large Bundle's unchanged entries).
    const earlier = hit && hit.languageId === document.languageId ? hit.kept() : undefined;
    let chars = 0;
    for (const d of this.docs.values()) chars += d.text.length;
    while (this.docs.size > 0 && (this.docs.size >= RECENT_DOCUMENTS || chars + document.text.length > RECENT_CHARS)) {
      const oldest = this.docs.keys().next().value!;
      chars -= this.docs.get(oldest)!.text.length;
      this.docs.delete(oldest);
    }
    const doc = analyzed(document, earlier);
    this.docs.set(document.uri, doc);
    return doc;
  }

  forget(uri: string): void {
    this.docs.delete(uri);
  }

  clear(): void {
    this.docs.clear();
  }
}
