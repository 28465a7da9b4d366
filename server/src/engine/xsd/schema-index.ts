// The schema index: every XSD the user has (workspace folders, nhn.xml.schemaPaths / --schemas,
// OASIS catalogs, and — when the user allows downloads — NHN's pinned published copies fetched into
// the verified cache) by targetNamespace. Resolution never guesses silently: when two different files
// claim a namespace the pick is deterministic (source rank, then nearness, then path) and the
// losers are named to the user. Built once per set of roots (a newer build supersedes a running one),
// then kept current file by file (`update`): a file event re-reads that one file, not the workspace.

import { parseCatalog } from './catalog';
import { pinOf, urlsFor, fileNameOf, type DownloadResult } from './downloads';
import { basename, sharedDepth } from './paths';
import { scanSchema, type SchemaSkeleton } from './scan';
import type { EngineHost } from '../core/host';

/** Where a schema came from, in resolution order (lower wins). */
export type SchemaSource = 'document' | 'workspace' | 'user' | 'catalog' | 'download';
const RANK: Record<SchemaSource, number> = { document: 0, workspace: 1, user: 2, catalog: 3, download: 4 };

/** Why step 4 gave nothing for a namespace or location (shown on the element or the import). */
export interface DownloadProblem {
  url: string;
  kind: Exclude<DownloadResult, { ok: true }>['kind'];
  detail: string;
}

export interface IndexedSchema {
  path: string;
  source: SchemaSource;
  skeleton: SchemaSkeleton;
}

export interface IndexRoots {
  workspace: string[];
  user: string[];
  catalogs: string[];
  /** Present when downloads are allowed (step 4); `mirror` replaces the pinned URLs' origin. */
  downloads?: { mirror?: string };
}

/** A file the host saw change (a file event after its ignore policy), `/`-separated as the index keys paths. */
export interface FileChange {
  path: string;
  kind: 'created' | 'changed' | 'deleted';
}

/** Counters the tests assert (a storm of events must not mean a build per event). */
export interface IndexStats {
  /** Full builds (walk the roots, read every schema). */
  builds: number;
  /** Files updated one by one from file events. */
  updates: number;
  /** Schema files read from the host (the disk or the editor). */
  reads: number;
}

/** Schema texts kept from the build (read once, used by compiles and models); beyond this they are read on use. */
const KEPT_TEXT_CHARS = 64 * 1024 * 1024;

interface Tables {
  byNs: Map<string, IndexedSchema[]>;
  byPath: Map<string, IndexedSchema>;
  texts: Map<string, string>;
  textChars: number;
}

/** Schema files read ahead while a build scans the ones before them. */
const READ_AHEAD = 8;

const emptyTables = (): Tables => ({ byNs: new Map(), byPath: new Map(), texts: new Map(), textChars: 0 });
const under = (path: string, dirs: string[]) => dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : d + '/'));

export class SchemaIndex {
  private key = '';
  private building?: Promise<void>;
  /** Bumped by every new build: a superseded build stops and its tables are never used. */
  private buildToken = 0;
  private roots?: IndexRoots;
  private tables = emptyTables();
  private downloads?: IndexRoots['downloads'];
  readonly stats: IndexStats = { builds: 0, updates: 0, reads: 0 };
  /** Step 4 per namespace or URL, once per generation: the cached path, or why there is none. */
  private fetched = new Map<string, Promise<string | DownloadProblem | undefined>>();
  /** This index's own prefix of every generation: two indexes sharing a libxml2 service (tests, tools) never share a key. */
  private readonly id = Math.random().toString(36).slice(2, 10);
  private rebuilds = 0;
  /** Bumped on every rebuild and every file update so compiled-set keys from older generations never match. */
  generation = `${this.id}.0`;

  constructor(private readonly resolvers: EngineHost) {}

  private nextGeneration(): string {
    return `${this.id}.${++this.rebuilds}`;
  }

  private get byNs() {
    return this.tables.byNs;
  }

  private get byPath() {
    return this.tables.byPath;
  }

  /** Build (or reuse) the index for these roots; waits for the newest build when one supersedes another. */
  async ensure(roots: IndexRoots): Promise<void> {
    const key = JSON.stringify(roots);
    if (key !== this.key) {
      this.key = key;
      this.building = this.build(roots, ++this.buildToken);
    }
    await this.settled();
  }

  private async settled(): Promise<void> {
    let b;
    do {
      b = this.building;
      await b;
    } while (b !== this.building);
  }

  /** The roots changed meaning (trust, a catalog, a .gitignore): rebuild on next use. */
  invalidate(): void {
    this.key = '';
  }

  async text(path: string): Promise<string | undefined> {
    const texts = this.tables.texts;
    if (texts.has(path)) return texts.get(path);
    const t = await this.read(path);
    if (t !== undefined) texts.set(path, t);
    return t;
  }

  /** A schema open in the editor reads as the editor has it (unsaved edits apply as you type). */
  private async read(path: string): Promise<string | undefined> {
    const open = this.resolvers.openText?.(path);
    if (open !== undefined) return open;
    this.stats.reads++;
    return this.resolvers.readFile?.(path);
  }

  /**
   * Files changed on disk: each one is dropped and, when it is (still) a schema under the workspace or
   * user folders, read and indexed again: one read per changed file, no walk. A change to a catalog,
   * or to a file a catalog listed, rebuilds on next use. Returns whether anything the index knew or
   * now knows changed (then the generation moves on and compiled sets are stale).
   */
  async update(changes: FileChange[]): Promise<boolean> {
    await this.settled();
    const roots = this.roots;
    if (!roots) return false; // never built: the first build will read the files as they are
    let touched = false;
    for (const c of changes) {
      if (roots.catalogs.includes(c.path) || this.byPath.get(c.path)?.source === 'catalog') {
        this.invalidate();
        return true;
      }
      touched = this.remove(c.path) || touched;
      const source = under(c.path, roots.workspace) ? 'workspace' : under(c.path, roots.user) ? 'user' : undefined;
      if (c.kind !== 'deleted' && source && /\.xsd$/i.test(c.path)) {
        this.stats.updates++;
        touched = (await this.addTo(this.tables, c.path, source)) !== undefined || touched;
      }
    }
    if (touched) {
      this.generation = this.nextGeneration();
      this.fetched = new Map();
    }
    return touched;
  }

  /** Drops `path` (and what was below it, for a deleted folder) from every table; true when it was known. */
  private remove(path: string): boolean {
    const { byPath, byNs, texts } = this.tables;
    const gone = (p: string) => p === path || p.startsWith(path + '/');
    let known = false;
    for (const p of [...texts.keys()]) if (gone(p)) texts.delete(p), (known = true);
    const entries = [...byPath.values()].filter((e) => gone(e.path));
    if (!entries.length) return known;
    for (const e of entries) byPath.delete(e.path);
    for (const [ns, list] of byNs) {
      const kept = list.filter((e) => !entries.includes(e));
      if (kept.length !== list.length) kept.length ? byNs.set(ns, kept) : byNs.delete(ns);
    }
    return true;
  }

  /**
   * The text of `path` changed in the editor (or its unsaved edits were dropped): forget it and bump the
   * generation, so compiled sets and models built from it are rebuilt. Returns true when the index itself
   * must be rebuilt (the file's targetNamespace, or whether it is a schema at all, changed).
   */
  async refresh(path: string): Promise<boolean> {
    this.tables.texts.delete(path);
    this.generation = this.nextGeneration();
    const entry = this.byPath.get(path);
    const text = await this.text(path);
    const skeleton = text === undefined ? undefined : scanSchema(text);
    if (!entry) return false;
    if (!skeleton?.isSchema || (skeleton.targetNamespace ?? '') !== (entry.skeleton.targetNamespace ?? '')) {
      this.invalidate();
      return true;
    }
    entry.skeleton = skeleton;
    return false;
  }

  get(path: string): IndexedSchema | undefined {
    return this.byPath.get(path);
  }

  /** Every indexed schema, for the fixture test and the status item. */
  all(): IndexedSchema[] {
    return [...this.byPath.values()];
  }

  /**
   * The files claiming `namespace`, best first: source rank, then (when `near` is given, for imports)
   * the one sharing most folders with the importing schema, then path order.
   */
  candidates(namespace: string, near?: string): IndexedSchema[] {
    const list = [...(this.byNs.get(namespace) ?? [])];
    return list.sort(
      (a, b) =>
        RANK[a.source] - RANK[b.source] ||
        (near ? sharedDepth(b.path, near) - sharedDepth(a.path, near) : 0) ||
        (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
  }

  /**
   * `candidates`, falling back to step 4 when nothing local declares the namespace: the catalog's pinned
   * copy, from the verified cache or fetched into it (only when downloads are allowed).
   */
  async resolve(namespace: string, near?: string): Promise<IndexedSchema[]> {
    const local = this.candidates(namespace, near);
    if (local.length || !this.downloads) return local;
    const pin = pinOf(namespace);
    if (!pin) return local;
    const urls = urlsFor(pin, this.downloads?.mirror);
    await this.download(`ns:${namespace}`, urls[0], () => this.resolvers.downloads!.pinned({ sha256: pin.sha256, name: fileNameOf(pin.url), urls }), namespace);
    return this.candidates(namespace, near);
  }

  /** An http(s) schema location, fetched once into the cache (trust on first use); undefined when downloads are off. */
  async fetchLocation(url: string, namespace: string | undefined): Promise<string | DownloadProblem | undefined> {
    if (!this.downloads) return undefined;
    return this.download(`url:${url}`, url, () => this.resolvers.downloads!.location(url), namespace);
  }

  /** Why step 4 found nothing for this namespace (a pinned copy that failed), if it tried. */
  async downloadProblem(namespace: string): Promise<DownloadProblem | undefined> {
    const r = await this.fetched.get(`ns:${namespace}`);
    return typeof r === 'object' ? r : undefined;
  }

  get downloadsOn(): boolean {
    return !!this.downloads;
  }

  private download(key: string, url: string, run: () => Promise<DownloadResult>, namespace: string | undefined): Promise<string | DownloadProblem | undefined> {
    let p = this.fetched.get(key);
    if (!p) {
      const generation = this.generation;
      p = run().then(
        async (r): Promise<string | DownloadProblem | undefined> => {
          if (!r.ok) return { url, kind: r.kind, detail: r.detail };
          if (generation !== this.generation) return r.path;
          const entry = await this.add(r.path, 'download');
          // A file that is not the schema of the namespace it was fetched for is not used for it.
          if (namespace !== undefined && (entry?.skeleton.targetNamespace ?? '') !== namespace) {
            return { url, kind: 'refused', detail: `targetNamespace ${entry?.skeleton.targetNamespace ?? '(none)'}` };
          }
          return r.path;
        },
        (err: unknown) => ({ url, kind: 'network' as const, detail: String(err) }),
      );
      this.fetched.set(key, p);
    }
    return p;
  }

  /** Files with this base name and namespace (for includes whose relative path is broken). */
  byBasename(name: string, namespace: string | undefined, near: string): IndexedSchema | undefined {
    const matches = this.all().filter((s) => basename(s.path) === name && (s.skeleton.targetNamespace === namespace || !s.skeleton.targetNamespace));
    return matches.sort((a, b) => sharedDepth(b.path, near) - sharedDepth(a.path, near) || (a.path < b.path ? -1 : 1))[0];
  }

  private add(path: string, source: SchemaSource): Promise<IndexedSchema | undefined> {
    return this.addTo(this.tables, path, source);
  }

  /** Reads and scans one file (once: its text is kept for the compiles that follow, within a budget). */
  private async addTo(tables: Tables, path: string, source: SchemaSource, reading?: Promise<string | undefined>): Promise<IndexedSchema | undefined> {
    if (tables.byPath.has(path)) return tables.byPath.get(path);
    const text = await (reading ?? this.read(path));
    if (text === undefined) return undefined;
    const skeleton = scanSchema(text);
    if (!skeleton.isSchema) return undefined;
    if (tables.textChars + text.length <= KEPT_TEXT_CHARS) {
      tables.texts.set(path, text);
      tables.textChars += text.length;
    }
    const entry: IndexedSchema = { path, source, skeleton };
    tables.byPath.set(path, entry);
    const ns = skeleton.targetNamespace ?? '';
    tables.byNs.set(ns, [...(tables.byNs.get(ns) ?? []), entry]);
    return entry;
  }

  /** Builds fresh tables and swaps them in at the end, unless a newer build started meanwhile. */
  private async build(roots: IndexRoots, token: number): Promise<void> {
    this.stats.builds++;
    const next = emptyTables();
    const current = () => token === this.buildToken;
    for (const [dirs, source] of [
      [roots.workspace, 'workspace'],
      [roots.user, 'user'],
    ] as const) {
      for (const dir of dirs) {
        const files = ((await this.resolvers.listFiles?.(dir, ['.xsd'])) ?? []).sort().filter((f) => !next.byPath.has(f));
        // A few reads in flight while the earlier files are scanned (each read waits on the file system;
        // 300 schemas one after another were most of a first build), added in order all the same.
        const ahead: Array<Promise<string | undefined>> = [];
        for (let i = 0; i < files.length; i++) {
          while (ahead.length < READ_AHEAD && i + ahead.length < files.length) ahead.push(this.read(files[i + ahead.length]));
          const reading = ahead.shift()!;
          if (!current()) return;
          await this.addTo(next, files[i], source, reading);
        }
      }
    }
    for (const catalogPath of roots.catalogs) {
      const text = await this.resolvers.readFile?.(catalogPath);
      if (text === undefined) continue;
      for (const entry of parseCatalog(text, catalogPath)) {
        if (!current()) return;
        await this.addTo(next, entry.path, 'catalog');
        const indexed = next.byPath.get(entry.path);
        // A catalog may map a namespace to a file whose targetNamespace differs (chameleon); trust the catalog.
        if (indexed && entry.namespace && indexed.skeleton.targetNamespace !== entry.namespace) {
          next.byNs.set(entry.namespace, [...(next.byNs.get(entry.namespace) ?? []), indexed]);
        }
      }
    }
    if (!current()) return;
    this.generation = this.nextGeneration();
    this.tables = next;
    this.fetched = new Map();
    this.downloads = roots.downloads;
    this.roots = roots;
  }
}
