// The engine's public vocabulary. Editor-free: no `vscode`, no LSP types.
// Positions are 0-based lines and UTF-16 character offsets (what LSP and VS Code use),
// so adapters convert nothing but the shape.

import type { EngineHost } from './host';
import type { EngineCaches } from '../caches';
import type { Language } from '../../../../shared/messages';

export type { EngineHost } from './host';
/** The languages of every sentence the product shows (the message catalogue's, shared/messages.ts). */
export type { Language };

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Tag = 'deprecated' | 'unnecessary';

/** Rule families. A rule id is `<family>/<name>`. */
export const FAMILIES = ['host', 'api', 'message-type', 'namespace', 'nin', 'xml', 'xsd', 'fhir', 'kith'] as const;
export type Family = (typeof FAMILIES)[number];

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A document as the engine sees it. `languageId` follows VS Code's ids (csharp, java, xml, json, …). */
export interface EngineDocument {
  uri: string;
  languageId: string;
  text: string;
  /** Monotonic version from the editor, if any; used to key cached fixes. */
  version?: number;
  /** The encoding a byte-order mark fixed when the host decoded the bytes (`UTF-16LE`, `UTF-16BE`, `UTF-8`); unknown otherwise. */
  encoding?: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** A fix that an adapter can offer. Edits are applied to the same document. */
export interface Fix {
  title: string;
  edits?: TextEdit[];
  /** When set, the adapter runs this client command instead of (or after) the edits. */
  command?: { command: string; title: string; arguments?: unknown[] };
  preferred?: boolean;
  /** The rewrite is known to be right (a verified replacement): `nhn-lint --fix` and `source.fixAll.nhn` apply only these. */
  certain?: boolean;
}

export interface Finding {
  ruleId: string;
  range: Range;
  severity: Severity;
  message: string;
  tags?: Tag[];
  /** Link to where the rule's fact comes from. */
  source?: string;
  fixes?: Fix[];
  /** Free-form data for hovers and fixes (kept JSON-serialisable). */
  data?: Record<string, unknown>;
}

/** Per-rule configuration: off, a fixed severity, or the rule's own (date-aware) default. */
export type RuleSetting = 'off' | Severity | 'default';

export interface Settings {
  /** Rule id or family (e.g. `nin` or `host/nilar`) → setting. The more specific key wins. */
  rules: Record<string, RuleSetting>;
  /** Extra XSD folders (nhn.xml.schemaPaths / --schemas). */
  schemaPaths: string[];
  /** OASIS XML catalogs (nhn.xml.catalogs). */
  catalogs: string[];
  /** FHIR package folders (nhn.fhir.packagePaths / --fhir-packages). */
  fhirPackagePaths: string[];
  /** File glob → FHIR profile canonical URLs applied to matching documents (nhn.fhir.profiles / --fhir-profile). */
  fhirProfiles?: Record<string, string[]>;
  /** Folders or files of code lists (Volven exports, FHIR CodeSystems) (nhn.codeLists.paths / --code-lists / the project configuration's `codeLists`). */
  codeListPaths?: string[];
  /** Files bigger than this many bytes are skipped with a notice. */
  maxFileBytes: number;
  /** Network use (schema downloads, live person search) only when the user said yes. */
  allowDownloads: boolean;
  /** Where pinned schemas are fetched from instead of their public URL (nhn.xml.downloadMirror / --schema-mirror). */
  schemaMirror?: string;
}

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  schemaPaths: [],
  catalogs: [],
  fhirPackagePaths: [],
  maxFileBytes: 20 * 1024 * 1024,
  allowDownloads: false,
};

/** What a caller says about one analysis or request: the date, the language, the settings. */
export interface AnalysisOptions {
  /** Today's date, ISO `YYYY-MM-DD`. Overridable (nhn.today, --today, NHN_TODAY) so tests are stable. */
  today: string;
  language: Language;
  settings: Settings;
  /** Set when a newer analysis supersedes this one; long checks should poll it. */
  signal?: AbortSignal;
}

/** What a check or participant receives: the options, the engine's host and the caches the engine owns. */
export interface AnalysisContext extends AnalysisOptions {
  host: EngineHost;
  caches: EngineCaches;
}

/**
 * One check: one job. `run` receives a parsed view of the document and returns findings with
 * their rule's default severity; `analyze` applies user settings and suppressions afterwards.
 */
export interface Check {
  /** Stable name used in notices when the check itself fails. */
  name: string;
  /** The family its findings belong to (a failure is reported as `<family>/check-failed`). */
  family: Family;
  /** Cheap test on language id / text; a false answer skips the check. */
  appliesTo(doc: EngineDocument): boolean;
  run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] | Promise<Finding[]>;
}

/** One way of reading a document's text (XML, FHIR JSON…): parsed at most once per analyzed document. */
export interface DocumentForm<T> {
  readonly name: string;
  /** Gets the analyzed document itself, so one form can build on another (FHIR XML on the XML form). */
  parse(doc: AnalyzedDocument): T;
}

/** A document with lazily computed helpers shared between checks. */
export interface AnalyzedDocument extends EngineDocument {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
  rangeOf(start: number, end: number): Range;
  /** The document read as `form`, parsed on the first call and shared by every later one (checks, hovers). */
  parsed<T>(form: DocumentForm<T>): T;
  /**
   * What a check kept under `key` for the next analysis of this document (its next version, same URI):
   * this version's, else the previous version's. Only kept values pass on, never the previous document.
   */
  recall(key: string): unknown;
  keep(key: string, value: unknown): void;
  /** Everything kept, to hand to the document's next version (`analyzed(next, doc.kept())`). */
  kept(): ReadonlyMap<string, unknown>;
}

/** A completion proposal, editor-free. `replace` is the span it replaces (offsets); default: the word at the cursor. */
export interface Completion {
  label: string;
  kind: 'element' | 'attribute' | 'value' | 'property' | 'snippet';
  insertText?: string;
  /** `insertText` uses snippet syntax ($1, ${1:x}). */
  snippet?: boolean;
  detail?: string;
  documentation?: string;
  replace?: { start: number; end: number };
  /** Edits elsewhere that come with it (a namespace declaration the inserted QName needs). */
  additionalEdits?: Array<{ start: number; end: number; newText: string }>;
}

/**
 * Editor features beyond diagnostics (hover, completion), one participant per feature and format,
 * registered beside the checks. Each returns nothing when the document or position is not its own.
 */
export interface Participant {
  name: string;
  appliesTo(doc: EngineDocument): boolean;
  /** Markdown for a hover at `offset`. */
  hover?(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<string | undefined> | string | undefined;
  complete?(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<Completion[]> | Completion[];
}
