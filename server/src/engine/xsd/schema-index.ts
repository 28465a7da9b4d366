// The schema index: every XSD the user has (workspace folders, nhn.xml.schemaPaths / --schemas,
// OASIS catalogs) by targetNamespace. Resolution never guesses silently: when two different files
// claim a namespace the pick is deterministic (source rank, then nearness, then path) and the
// losers are named to the user.

import { parseCatalog } from './catalog';
import { basename, sharedDepth } from './paths';
import { scanSchema, type SchemaSkeleton } from './scan';
import type { XsdResolvers } from './service';

/** Where a schema came from, in resolution order (lower wins). */
export type SchemaSource = 'document' | 'workspace' | 'user' | 'catalog';
const RANK: Record<SchemaSource, number> = { document: 0, workspace: 1, user: 2, catalog: 3 };

export interface IndexedSchema {
  path: string;
  source: SchemaSource;
  skeleton: SchemaSkeleton;
}

export interface IndexRoots {
  workspace: string[];
  user: string[];
  catalogs: string[];
}

export class SchemaIndex {
  private key = '';
  private building?: Promise<void>;
  private byNs = new Map<string, IndexedSchema[]>();
  private byPath = new Map<string, IndexedSchema>();
  private texts = new Map<string, string>();
  /** Bumped on every rebuild so compiled-set keys from older generations never match. */
  generation = 0;

  constructor(private readonly resolvers: XsdResolvers) {}

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
    const t = await this.resolvers.readFile?.(path);
    if (t !== undefined) this.texts.set(path, t);
    return t;
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

  /** Files with this base name and namespace (for includes whose relative path is broken). */
  byBasename(name: string, namespace: string | undefined, near: string): IndexedSchema | undefined {
    const matches = this.all().filter((s) => basename(s.path) === name && (s.skeleton.targetNamespace === namespace || !s.skeleton.targetNamespace));
    return matches.sort((a, b) => sharedDepth(b.path, near) - sharedDepth(a.path, near) || (a.path < b.path ? -1 : 1))[0];
  }

  private async build(roots: IndexRoots): Promise<void> {
    this.generation++;
    this.byNs = new Map();
    this.byPath = new Map();
    this.texts = new Map();
    const add = async (path: string, source: SchemaSource) => {
      if (this.byPath.has(path)) return;
      const text = await this.resolvers.readFile?.(path);
      if (text === undefined) return;
      const skeleton = scanSchema(text);
      if (!skeleton.isSchema) return;
      const entry: IndexedSchema = { path, source, skeleton };
      this.byPath.set(path, entry);
      const ns = skeleton.targetNamespace ?? '';
      this.byNs.set(ns, [...(this.byNs.get(ns) ?? []), entry]);
    };
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
