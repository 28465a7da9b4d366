// Where profiles come from: the workspace, the folders in nhn.fhir.packagePaths / --fhir-packages,
// and the FHIR package cache (~/.fhir/packages/<id>#<version>/package/). Files are found and read
// only through the host; the index maps canonical URLs to files, read on first use. One index per
// engine and set of folders, kept current by file events (`update`) instead of walked again.

import type { EngineHost } from '../../core/host';
import type { AnalysisContext } from '../../core/types';
import type { ExpandedValueSet } from '../definitions/model';
import type { ProfileLayer } from './layer';
import { readConformance, type Json } from './conformance';

const CONFORMANCE_TYPES = new Set(['StructureDefinition', 'ValueSet', 'CodeSystem', 'Questionnaire', 'Measure', 'Library']);
/** In a workspace, only files that say what they are by name are read (a repository holds many XML files). */
const WORKSPACE_NAME = /structuredefinition|valueset|codesystem|profile|extension|questionnaire/i;
const MAX_FILES = 3000;
/** Base R4 is built in; its package would only cost time. */
const SKIPPED_PACKAGES = /(^|\/)hl7\.fhir\.r4\.core#|(^|\/)hl7\.fhir\.r5\.core#/;

/** Where a claim on a canonical URL comes from; lower wins (explicit folders, the workspace, the package cache). */
const RANK = { explicit: 0, workspace: 1, cache: 2 } as const;
type Rank = (typeof RANK)[keyof typeof RANK];

/** A file the host saw change, after its ignore policy. */
export interface FileChange {
  path: string;
  kind: 'created' | 'changed' | 'deleted';
}

const under = (path: string, dirs: string[]) => dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : d + '/'));
const extensionOk = (path: string) => /\.(json|xml)$/i.test(path);

export class ConformanceIndex {
  /** Canonical URL → the files that claim it; the best claim (rank, then path) answers. */
  private readonly claims = new Map<string, Array<{ file: string; rank: Rank }>>();
  private readonly parsed = new Map<string, Json | undefined>();
  readonly stats = { builds: 0, updates: 0, reads: 0 };

  /** Layered profiles by URL (profiles/check-profiles.ts), built once per index (and file update). */
  readonly layers = new Map<string, Promise<ProfileLayer | undefined>>();
  /** R4's own extensions layered against this index (extensions/check-extensions.ts). */
  readonly coreLayers = new Map<string, Promise<ProfileLayer | undefined>>();
  /** Value sets a profile binds, expanded once per index. */
  readonly valueSets = new Map<string, ExpandedValueSet | undefined>();
  /** The type profiles and value sets each layer refers to, loaded once per layer. */
  readonly preloaded = new Map<ProfileLayer, Promise<Map<string, ProfileLayer>>>();

  constructor(
    private readonly resolvers: EngineHost,
    private readonly explicit: string[],
    private readonly workspace: string[],
  ) {}

  async build(cache: string | undefined): Promise<this> {
    this.stats.builds++;
    const { listFiles, readFile } = this.resolvers;
    if (!listFiles || !readFile) return this;
    const candidates: Array<[string, Rank]> = [];
    for (const dir of this.explicit) for (const f of await listFiles(dir, ['.json', '.xml'])) candidates.push([f, RANK.explicit]);
    for (const dir of this.workspace) for (const f of await listFiles(dir, ['.json', '.xml'])) if (this.wanted(f)) candidates.push([f, RANK.workspace]);
    for (const [file, rank] of candidates.slice(0, MAX_FILES)) await this.index(file, rank);
    if (cache) await this.indexPackages(cache);
    return this;
  }

  /** Workspace files count only when their name says what they are; explicit folders count whole. */
  private wanted(file: string): boolean {
    return under(file, this.explicit) || (under(file, this.workspace) && WORKSPACE_NAME.test(file.split('/').pop()!));
  }

  private async index(file: string, rank: Rank): Promise<boolean> {
    const json = await this.load(file);
    if (json && typeof json.url === 'string' && CONFORMANCE_TYPES.has(String(json.resourceType))) {
      this.add(json.url, file, rank);
      return true;
    }
    return false;
  }

  /**
   * Files changed on disk: each is forgotten and, when it is (still) a conformance resource in the
   * workspace or an explicit folder, read again: one read per changed file, no walk. True when a URL
   * the index answers for may now answer differently.
   */
  async update(changes: FileChange[]): Promise<boolean> {
    let touched = false;
    for (const c of changes) {
      if (!extensionOk(c.path) && c.kind !== 'deleted') continue;
      touched = this.forget(c.path) || touched;
      if (c.kind === 'deleted' || !this.wanted(c.path)) continue;
      this.stats.updates++;
      touched = (await this.index(c.path, under(c.path, this.explicit) ? RANK.explicit : RANK.workspace)) || touched;
    }
    // What was derived from the old files is dropped; it is rebuilt on next use.
    if (touched) for (const m of [this.layers, this.coreLayers, this.valueSets, this.preloaded]) m.clear();
    return touched;
  }

  /** Drops `path` (and what was below it, for a deleted folder); true when it claimed a URL. */
  private forget(path: string): boolean {
    const gone = (f: string) => f === path || f.startsWith(path + '/');
    for (const f of [...this.parsed.keys()]) if (gone(f)) this.parsed.delete(f);
    let claimed = false;
    for (const [url, list] of this.claims) {
      const kept = list.filter((c) => !gone(c.file));
      if (kept.length === list.length) continue;
      claimed = true;
      if (kept.length) this.claims.set(url, kept);
      else this.claims.delete(url);
    }
    return claimed;
  }

  /** Packages carry `.index.json` (filename, resourceType, url): no need to read every file up front. */
  private async indexPackages(cache: string): Promise<void> {
    const indexes = (await this.resolvers.listFiles!(cache, ['.index.json'])).filter((f) => !SKIPPED_PACKAGES.test(f));
    for (const indexFile of indexes) {
      const text = await this.resolvers.readFile!(indexFile);
      let entries: { filename?: string; resourceType?: string; url?: string }[] = [];
      try {
        entries = (JSON.parse(text ?? '{}') as { files?: typeof entries }).files ?? [];
      } catch {
        continue;
      }
      const dir = indexFile.slice(0, indexFile.lastIndexOf('/'));
      for (const e of entries) if (e.url && e.filename && CONFORMANCE_TYPES.has(e.resourceType ?? '')) this.add(e.url, `${dir}/${e.filename}`, RANK.cache);
    }
  }

  private add(url: string, file: string, rank: Rank): void {
    const list = this.claims.get(url) ?? [];
    if (!list.some((c) => c.file === file)) list.push({ file, rank });
    this.claims.set(url, list);
  }

  private fileOf(url: string): string | undefined {
    const list = this.claims.get(url.split('|')[0]);
    if (!list?.length) return undefined;
    return list.reduce((best, c) => (c.rank < best.rank || (c.rank === best.rank && c.file < best.file) ? c : best)).file;
  }

  private async load(file: string): Promise<Json | undefined> {
    if (this.parsed.has(file)) return this.parsed.get(file);
    this.stats.reads++;
    const text = await this.resolvers.readFile!(file);
    const json = text && /StructureDefinition|ValueSet|CodeSystem|Questionnaire|Measure|Library/.test(text.slice(0, 4000)) ? readConformance(text) : undefined;
    this.parsed.set(file, json);
    return json;
  }

  has(url: string): boolean {
    return this.fileOf(url) !== undefined;
  }

  async get(url: string): Promise<Json | undefined> {
    const file = this.fileOf(url);
    return file ? this.load(file) : undefined;
  }

  urls(): string[] {
    return [...this.claims.keys()];
  }
}

/** The index this engine holds, and the folders it was built for. */
export interface HeldConformanceIndex {
  key: string;
  index?: Promise<ConformanceIndex>;
}

/**
 * The index for this context's folders: built once per set of folders and kept current by file events
 * (no periodic walk: profiles being edited show up through their events).
 */
export function conformanceIndexFor(ctx: AnalysisContext): Promise<ConformanceIndex> {
  const r = ctx.host;
  const held = ctx.caches.fhir.conformance;
  const workspace = r.workspaceFolders?.() ?? [];
  const cache = r.fhirPackageCache?.();
  const key = JSON.stringify([ctx.settings.fhirPackagePaths, workspace, cache]);
  if (!held.index || held.key !== key) {
    held.key = key;
    held.index = new ConformanceIndex(r, ctx.settings.fhirPackagePaths, workspace).build(cache);
  }
  return held.index;
}
