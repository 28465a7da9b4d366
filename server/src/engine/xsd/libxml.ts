// libxml2 (WebAssembly) behind the XsdService contract: compiles each schema set once, keeps it
// until its files change, and validates documents against it. Runs in-process here; the host wraps
// it in a worker thread (server/src/host/xsd-worker.ts) so big documents never block the editor.
//
// Safety: libxml2 reads nothing but the in-memory files we hand it (no fs or network provider is
// registered), documents are parsed without DTD loading, entity substitution or network access.

import {
  ParseOption,
  XmlBufferInputProvider,
  XmlDocument,
  XmlElement,
  XmlLibError,
  XsdValidator,
  xmlRegisterInputProvider,
  type ErrorDetail,
} from 'libxml2-wasm';
import type { CompileResult, RawIssue, SchemaFiles, ValidateOptions, ValidateResult, XsdService } from './service';

const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_BIG_LINES | ParseOption.XML_PARSE_NO_XXE;
/** Compiled sets kept at once; the least recently used is disposed beyond this. */
const MAX_SETS = 24;

interface CompiledSet {
  validator?: XsdValidator;
  result: CompileResult;
  paths: string[];
}

function issuesOf(err: unknown): RawIssue[] {
  if (err instanceof XmlLibError && err.details.length) return err.details.map(toIssue);
  return [{ message: err instanceof Error ? err.message : String(err), level: 3, line: 0, col: 0 }];
}

function toIssue(d: ErrorDetail): RawIssue {
  return { message: d.message.trimEnd(), level: d.level, line: d.line, col: d.col, file: d.file ?? undefined, xpath: d.xpath ?? undefined };
}

const encoder = new TextEncoder();

/**
 * libxml2 keeps its input callbacks in one table per module instance: 15 entries, none removable on its
 * own. A provider registered per service filled it after 15 services in one process (in the tests), and
 * from then on every schema import read "No such file". So one provider per module instance is
 * registered, and it serves the in-memory files of the service whose compile or validation is running:
 * libxml2 reads them synchronously, inside those calls. This mirrors libxml2's own global table, so it
 * is the one piece of module state here.
 */
const inputs: { current?: XmlBufferInputProvider; registered: boolean } = { registered: false };

function registerInputRouter(): void {
  if (inputs.registered) return;
  inputs.registered = xmlRegisterInputProvider({
    match: (file) => inputs.current?.match(file) ?? false,
    open: (file) => inputs.current?.open(file),
    read: (fd, buf) => inputs.current?.read(fd, buf) ?? -1,
    close: (fd) => inputs.current?.close(fd) ?? false,
  });
}

/** Runs a libxml2 call with `provider`'s files as the only ones it can read. */
function readingFrom<T>(provider: XmlBufferInputProvider, call: () => T): T {
  const previous = inputs.current;
  inputs.current = provider;
  try {
    return call();
  } finally {
    inputs.current = previous;
  }
}

/** Our texts are already decoded; libxml2 gets UTF-8 bytes, so the declaration must say so. */
function asUtf8(text: string): string {
  return text.replace(/^(\uFEFF?<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2');
}

export class LibxmlXsdService implements XsdService {
  private readonly provider = new XmlBufferInputProvider({});
  private readonly sets = new Map<string, CompiledSet>();

  constructor() {
    registerInputRouter();
  }

  compileNow(key: string, schema: SchemaFiles): CompileResult {
    const cached = this.sets.get(key);
    if (cached) {
      this.sets.delete(key);
      this.sets.set(key, cached); // most recently used last
      return { ...cached.result, ms: 0 };
    }
    const started = performance.now();
    for (const [path, text] of Object.entries(schema.files)) this.provider.addBuffer(path, encoder.encode(asUtf8(text)));
    let validator: XsdValidator | undefined;
    let issues: RawIssue[] = [];
    let doc: XmlDocument | undefined;
    try {
      readingFrom(this.provider, () => {
        doc = XmlDocument.fromString(schema.files[schema.entry] ?? '', { url: schema.entry, encoding: 'utf-8', option: PARSE_OPTIONS });
        validator = XsdValidator.fromDoc(doc);
      });
    } catch (err) {
      issues = issuesOf(err);
    } finally {
      doc?.dispose();
    }
    const result: CompileResult = { ok: !!validator, issues, ms: performance.now() - started };
    this.sets.set(key, { validator, result, paths: Object.keys(schema.files) });
    while (this.sets.size > MAX_SETS) this.drop(this.sets.keys().next().value!);
    return result;
  }

  /** `text` as a string, or as its UTF-8 bytes (what the worker client sends). */
  validateNow(key: string, schema: SchemaFiles | undefined, text: string | Uint8Array, url: string, roots?: string[]): ValidateResult {
    return readingFrom(this.provider, () => this.validateWith(key, schema, text, url, roots));
  }

  private validateWith(key: string, schema: SchemaFiles | undefined, text: string | Uint8Array, url: string, roots?: string[]): ValidateResult {
    const compile = this.compileNow(key, schema ?? { entry: '', files: {} });
    const set = this.sets.get(key);
    if (!set?.validator) return { parsed: true, issues: [], compile, ms: 0 };
    const started = performance.now();
    let doc: XmlDocument;
    try {
      const options = { url, encoding: 'utf-8', option: PARSE_OPTIONS };
      doc = typeof text === 'string' ? XmlDocument.fromString(text, options) : XmlDocument.fromBuffer(text, options);
    } catch (err) {
      return { parsed: false, issues: issuesOf(err), compile, ms: performance.now() - started };
    }
    const issues: RawIssue[] = [];
    try {
      const targets = roots ? roots.map((x) => doc.get(x)).filter((n): n is XmlElement => n instanceof XmlElement) : [doc];
      for (const target of targets) {
        try {
          set.validator.validate(target as XmlDocument);
        } catch (err) {
          issues.push(...issuesOf(err));
        }
      }
      return { parsed: true, issues, compile, ms: performance.now() - started };
    } finally {
      doc.dispose();
    }
  }

  isCompiled(key: string): boolean {
    return this.sets.has(key);
  }

  invalidateNow(paths?: string[]): void {
    for (const [key, set] of [...this.sets]) {
      if (!paths || set.paths.some((p) => paths.includes(p))) this.drop(key);
    }
  }

  private drop(key: string): void {
    const set = this.sets.get(key);
    if (!set) return;
    set.validator?.dispose();
    this.sets.delete(key);
    const stillUsed = new Set([...this.sets.values()].flatMap((s) => s.paths));
    for (const p of set.paths) if (!stillUsed.has(p)) this.provider.removeBuffer(p);
  }

  // The async XsdService contract, for in-process use (tests, tools).
  async compile(key: string, files: () => SchemaFiles | Promise<SchemaFiles>): Promise<CompileResult> {
    return this.compileNow(key, this.sets.has(key) ? { entry: '', files: {} } : await files());
  }

  async validate(
    key: string,
    files: () => SchemaFiles | Promise<SchemaFiles>,
    text: string,
    url: string,
    options: ValidateOptions = {},
  ): Promise<ValidateResult> {
    return this.validateNow(key, this.sets.has(key) ? undefined : await files(), text, url, options.roots);
  }

  async invalidate(paths?: string[]): Promise<void> {
    this.invalidateNow(paths);
  }
}
