// Which code list judges a code: a list the user supplied (Volven export, FHIR CodeSystem) replaces the
// built-in one for its OID; otherwise the product's own. The loaded lists belong to one CodeListSource,
// owned by whoever created it (the engine's checks and participants share one), never to the module.

import type { AnalysisContext } from '../core/types';
import type { EngineHost } from '../core/host';
import { BUILTIN_CODE_LISTS } from './builtin';
import type { Code, CodeList } from './model';
import { readCodeLists, type LoadReason } from './user-lists';
import { decodeListBytes } from './decode-list';

export interface LoadProblem {
  /** The file or folder, as the setting, flag or walk gave it. */
  file: string;
  reason: LoadReason;
  /** A parser's message or a resourceType, quoted in the text. */
  detail?: string;
}

export class CodeListStore {
  constructor(
    private readonly user: ReadonlyMap<string, CodeList> = new Map(),
    readonly problems: readonly LoadProblem[] = [],
  ) {}

  /** Each list's codes by value, built on first look-up (a 1 MB message looks up thousands). */
  private readonly byCode = new Map<CodeList, Map<string, Code>>();

  get(oid: string): CodeList | undefined {
    return this.user.get(oid) ?? BUILTIN_CODE_LISTS.get(oid);
  }

  code(list: CodeList, value: string): Code | undefined {
    let index = this.byCode.get(list);
    if (!index) this.byCode.set(list, (index = new Map(list.codes.map((c) => [c.code, c]))));
    return index.get(value);
  }

  /** The lists the user supplied, for status and tests. */
  userLists(): CodeList[] {
    return [...this.user.values()];
  }
}

const EXTENSIONS = ['.xml', '.json', '.csv'];
/** In a workspace only files that say by name that they are code lists are read (a repository holds many). */
const WORKSPACE_NAME = /kodeverk|volven|codesystem|code-?list/i;
/**
 * A workspace file that fails to load is reported only when its name says Volven or kodeverk, or it is a
 * CSV: a FHIR project's `CodeSystem-foo.json` (not a Volven list) is no mistake to tell anyone about.
 */
const REPORTED_IN_WORKSPACE = /kodeverk|volven|\.csv$/i;
const MAX_FILES = 2000;
/**
 * Lists outside every workspace folder may get no file events (the server asks the editor to watch them,
 * lsp/code-list-watch.ts, and not every editor can): those are also read again after this long. Lists
 * inside a workspace folder are read again only when an event names them.
 */
const UNWATCHED_TTL_MS = 30_000;

const slash = (p: string) => p.replace(/\\/g, '/');
const under = (file: string, dir: string) => {
  const d = slash(dir).replace(/\/$/, '');
  return file === d || file.startsWith(d + '/');
};
const isListFile = (file: string) => EXTENSIONS.some((x) => file.toLowerCase().endsWith(x));

interface Loaded {
  key: string;
  at: number;
  /** Some list comes from outside the workspace folders: no events announce its changes. */
  unwatched: boolean;
  explicit: string[];
  workspace: string[];
  /** Every file read for this store (lists and failures): an event naming one reloads. */
  files: Set<string>;
  store: Promise<CodeListStore>;
}

/** Loads and keeps the user's code lists for the current settings, until a file event or a setting changes them. */
export class CodeListSource {
  private cached?: Loaded;
  /** How many times the lists were (re)loaded: tests assert that an event, not a clock, reloads them. */
  loads = 0;

  constructor(private readonly host: EngineHost) {}

  clear(): void {
    this.cached = undefined;
  }

  storeFor(ctx: Pick<AnalysisContext, 'settings'>): Promise<CodeListStore> {
    const r = this.host;
    // An untrusted workspace gives no user folders (as for schemas).
    const trusted = r.trusted?.() ?? true;
    const explicit = trusted ? (ctx.settings.codeListPaths ?? []) : [];
    const workspace = trusted ? (r.workspaceFolders?.() ?? []) : [];
    const key = JSON.stringify([explicit, workspace]);
    const now = Date.now();
    const c = this.cached;
    if (c && c.key === key && !(c.unwatched && now - c.at >= UNWATCHED_TTL_MS)) return c.store;
    const unwatched = explicit.some((p) => !workspace.some((w) => under(slash(p), w)));
    const files = new Set<string>();
    const store = explicit.length || workspace.length ? this.load(explicit, workspace, files) : Promise.resolve(new CodeListStore());
    this.cached = { key, at: now, unwatched, explicit, workspace, files, store };
    return store;
  }

  /**
   * Files changed on disk: true (and the lists are read again on next use) when one of them was read
   * for the current lists, lies under a configured path, or is a workspace file named as a code list.
   */
  filesChanged(changes: readonly { path: string }[]): boolean {
    const c = this.cached;
    if (!c) return false;
    const touches = changes.some(({ path }) => {
      const file = slash(path);
      if (c.files.has(file)) return true;
      if (c.explicit.some((p) => under(file, p)) && (isListFile(file) || !file.includes('.', file.lastIndexOf('/')))) return true;
      return isListFile(file) && WORKSPACE_NAME.test(file.split('/').pop()!) && c.workspace.some((w) => under(file, w));
    });
    if (touches) this.cached = undefined;
    return touches;
  }

  private async load(explicit: string[], workspace: string[], read: Set<string>): Promise<CodeListStore> {
    this.loads++;
    const r = this.host;
    const problems: LoadProblem[] = [];
    if (!r.readFile || !r.listFiles) return new CodeListStore();
    const files: { file: string; reported: boolean }[] = [];
    for (const p of explicit) {
      const kind = await r.pathKind?.(p);
      if (r.pathKind && kind === undefined) problems.push({ file: p, reason: 'missing' });
      else if (kind === 'file' || (kind === undefined && isListFile(p))) {
        if (isListFile(p)) files.push({ file: slash(p), reported: true });
        else problems.push({ file: p, reason: 'unsupported' });
      } else {
        const listed = await r.listFiles(p, EXTENSIONS);
        if (listed.length) files.push(...listed.map((file) => ({ file, reported: true })));
        else problems.push({ file: p, reason: 'empty-folder' });
      }
    }
    for (const dir of workspace)
      for (const file of await r.listFiles(dir, EXTENSIONS)) {
        const name = file.split('/').pop()!;
        if (WORKSPACE_NAME.test(name)) files.push({ file, reported: REPORTED_IN_WORKSPACE.test(name) });
      }
    const lists = new Map<string, CodeList>();
    const seen = new Set<string>();
    for (const { file, reported } of files) {
      if (seen.has(file)) continue;
      if (seen.size >= MAX_FILES) break;
      seen.add(file);
      read.add(file);
      const text = await this.readText(file);
      if (text === undefined) {
        if (reported) problems.push({ file, reason: 'unreadable' });
        continue;
      }
      const result = readCodeLists(file, text);
      if (result.problem && reported) problems.push({ file, ...result.problem });
      // The first file found for an OID wins: explicit paths come before the workspace.
      for (const list of result.lists) if (!lists.has(list.oid)) lists.set(list.oid, list);
    }
    return new CodeListStore(lists, problems);
  }

  /** The host's bytes when it lends them (a CSV saved by Excel is often Windows-1252), else its text. */
  private async readText(file: string): Promise<string | undefined> {
    const r = this.host;
    if (r.readBytes) {
      const bytes = await r.readBytes(file);
      return bytes && decodeListBytes(bytes);
    }
    return r.readFile?.(file);
  }
}
