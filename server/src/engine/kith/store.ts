// Which code list judges a code: a list the user supplied (Volven export, FHIR CodeSystem) replaces the
// built-in one for its OID; otherwise the product's own. The loaded lists belong to one CodeListSource,
// owned by whoever created it (the engine's checks and participants share one), never to the module.

import type { AnalysisContext } from '../core/types';
import type { EngineHost } from '../core/host';
import { BUILTIN_CODE_LISTS } from './builtin';
import type { Code, CodeList } from './model';
import { readCodeListFile } from './user-lists';

export interface LoadProblem {
  file: string;
  message: string;
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
const MAX_FILES = 2000;
const TTL_MS = 30_000;

/** Loads and keeps the user's code lists for the current settings; reloaded at most every 30 s. */
export class CodeListSource {
  private cached?: { key: string; at: number; store: Promise<CodeListStore> };

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
    if (this.cached && this.cached.key === key && now - this.cached.at < TTL_MS) return this.cached.store;
    const store = explicit.length || workspace.length ? load(r, explicit, workspace) : Promise.resolve(new CodeListStore());
    this.cached = { key, at: now, store };
    return store;
  }
}

async function load(r: EngineHost, explicit: string[], workspace: string[]): Promise<CodeListStore> {
  const problems: LoadProblem[] = [];
  if (!r.readFile || !r.listFiles) return new CodeListStore();
  const files: string[] = [];
  for (const p of explicit) {
    const listed = await r.listFiles(p, EXTENSIONS);
    // A path that lists nothing may be a file itself.
    if (listed.length) files.push(...listed);
    else if (EXTENSIONS.some((x) => p.toLowerCase().endsWith(x))) files.push(p);
    else problems.push({ file: p, message: 'no code-list files (.xml, .json, .csv) found here' });
  }
  for (const dir of workspace) files.push(...(await r.listFiles(dir, EXTENSIONS)).filter((f) => WORKSPACE_NAME.test(f.split('/').pop()!)));
  const lists = new Map<string, CodeList>();
  for (const file of [...new Set(files)].slice(0, MAX_FILES)) {
    const text = await r.readFile(file);
    if (text === undefined) {
      problems.push({ file, message: 'cannot be read' });
      continue;
    }
    // The first file found for an OID wins: explicit paths come before the workspace.
    for (const list of readCodeListFile(file, text)) if (!lists.has(list.oid)) lists.set(list.oid, list);
  }
  return new CodeListStore(lists, problems);
}
