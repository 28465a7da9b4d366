// The schema index: every XSD the user has (workspace folders, nhn.xml.schemaPaths / --schemas,
// OASIS catalogs, and — when the user allows downloads — NHN's pinned published copies fetched into
// the verified cache) by targetNamespace. Resolution never guesses silently: when two different files
// claim a namespace the pick is deterministic (source rank, then nearness, then path) and the
// losers are named to the user.

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

export class SchemaIndex {
  private key = '';
  private building?: Promise<void>;
  private byNs = new Map<string, IndexedSchema[]>();
  private byPath = new Map<string, IndexedSchema>();
  private texts = new Map<string, string>();
  private downloads?: IndexRoots['downloads'];
  /** Step 4 per namespace or URL, once per generation: the cached path, or why there is none. */
  private fetched = new Map<string, Promise<string | DownloadProblem | undefined>>();
  /** This index's own prefix of every generation: two indexes sharing a libxml2 service (tests, tools) never share a key. */
  private readonly id = Math.random().toString(36).slice(2, 10);
  private rebuilds = 0;
  /** Bumped on every rebuild so compiled-set keys from older generations never match. */
  generation = `${this.id}.0`;

  constructor(private readonly resolvers: EngineHost) {}

  private nextGeneration(): string {
    return `${this.id}.${++this.rebuilds}`;
  }

  /** Build (or reuse) the index for these roots. */
  async ensure(roots: IndexRoots): Promise<void> {
    const key = JSON.stringify(roots);
    if (key !== this.key) {
      this.key = key;
      this.building = this.build(roots);
    }
    await this.building;
  }

  /** A schema file changed, appeared or vanished: rebuild on next use. */
  invalidate(): void {
    this.key = '';
  }

  async text(path: string): Promise<string | undefined> {
    if (this.texts.has(path)) return this.texts.get(path);
    const t = await this.read(path);
    if (t !== undefined) this.texts.set(path, t);
    return t;
  }

  /** A schema open in the editor reads as the editor has it (unsaved edits apply as you type). */
  private async read(path: string): Promise<string | undefined> {
    return this.resolvers.openText?.(path) ?? (await this.resolvers.readFile?.(path));
  }

  /**
   * The text of `path` changed in the editor (or its unsaved edits were dropped): forget it and bump the
   * generation, so compiled sets and models built from it are rebuilt. Returns true when the index itself
   * must be rebuilt (the file's targetNamespace, or whether it is a schema at all, changed).
   */
  async refresh(path: string): Promise<boolean> {
    this.texts.delete(path);
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

  private async add(path: string, source: SchemaSource): Promise<IndexedSchema | undefined> {
    if (this.byPath.has(path)) return this.byPath.get(path);
    const text = await this.read(path);
    if (text === undefined) return undefined;
    const skeleton = scanSchema(text);
    if (!skeleton.isSchema) return undefined;
    const entry: IndexedSchema = { path, source, skeleton };
    this.byPath.set(path, entry);
    const ns = skeleton.targetNamespace ?? '';
    this.byNs.set(ns, [...(this.byNs.get(ns) ?? []), entry]);
    return entry;
  }

  private async build(roots: IndexRoots): Promise<void> {
    this.generation = this.nextGeneration();
    this.byNs = new Map();
    this.byPath = new Map();
    this.texts = new Map();
    this.fetched = new Map();
    this.downloads = roots.downloads;
    const add = (path: string, source: SchemaSource) => this.add(path, source);
    for (const [dirs, source] of [
      [roots.workspace, 'workspace'],
      [roots.user, 'user'],
    ] as const) {
      for (const dir of dirs) {
        const files = (await this.resolvers.listFiles?.(dir, ['.xsd'])) ?? [];
        for (const f of files.sort()) await add(f, source);
      }
    }
    for (const catalogPath of roots.catalogs) {
      const text = await this.resolvers.readFile?.(catalogPath);
      if (text === undefined) continue;
      for (const entry of parseCatalog(text, catalogPath)) {
        await add(entry.path, 'catalog');
        const indexed = this.byPath.get(entry.path);
        // A catalog may map a namespace to a file whose targetNamespace differs (chameleon); trust the catalog.
        if (indexed && entry.namespace && indexed.skeleton.targetNamespace !== entry.namespace) {
          this.byNs.set(entry.namespace, [...(this.byNs.get(entry.namespace) ?? []), indexed]);
        }
      }
    }
  }
}
