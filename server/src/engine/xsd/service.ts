// What the XSD check needs from its host: a libxml2 validator (in a worker thread in the server and
// the CLI, in-process in tests) and file listing. The engine never touches `fs` or threads itself.

/** One libxml2 diagnostic as libxml2 reports it. */
export interface RawIssue {
  message: string;
  /** 1 warning, 2 error, 3 fatal. */
  level: number;
  /** 1-based; 0 when unknown. */
  line: number;
  col: number;
  /** The file the issue is in (a schema file for compile errors). */
  file?: string;
  /** libxml2's path to the node, e.g. `/*\/*[2]`: element positions among element siblings. */
  xpath?: string;
}

/** A schema set ready for libxml2: every file's (rewritten) text by absolute path, and the entry file. */
export interface SchemaFiles {
  entry: string;
  files: Record<string, string>;
}

export interface CompileResult {
  ok: boolean;
  issues: RawIssue[];
  /** Milliseconds libxml2 spent compiling (0 when cached). */
  ms: number;
}

export interface ValidateResult {
  /** False when libxml2 could not parse the document (well-formedness is another check's job). */
  parsed: boolean;
  issues: RawIssue[];
  compile: CompileResult;
  /** Milliseconds spent parsing and validating. */
  ms: number;
}

export interface ValidateOptions {
  signal?: AbortSignal;
  roots?: string[];
}

export interface XsdService {
  /** Compile (or reuse) the set `key`; `files` is only called when the set is not compiled yet. */
  compile(key: string, files: () => SchemaFiles | Promise<SchemaFiles>): Promise<CompileResult>;
  /**
   * Validate `text` against set `key` (compiling it first when needed). `url` labels the document.
   * `roots`: validate only these subtrees (XPaths like `/*[1]/*[2]`), for a message inside a wrapper
   * that has no schema (EI_fellesformat, SOAP). Rejects when `signal` fired before the work started.
   */
  validate(key: string, files: () => SchemaFiles | Promise<SchemaFiles>, text: string, url: string, options?: ValidateOptions): Promise<ValidateResult>;
  /** Forget compiled sets: all of them, or those whose files include one of `paths`. */
  invalidate(paths?: string[]): Promise<void>;
}
