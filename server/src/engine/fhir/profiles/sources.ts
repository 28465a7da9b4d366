// Where profiles come from: the workspace, the folders in nhn.fhir.packagePaths / --fhir-packages,
// and the FHIR package cache (~/.fhir/packages/<id>#<version>/package/). Files are found and read
// only through the host's resolvers; the index maps canonical URLs to files, read on first use.

import type { EngineHost } from '../../core/host';
import type { AnalysisContext } from '../../core/types';
import type { ExpandedValueSet } from '../definitions/model';
import type { ProfileLayer } from './layer';
import { readConformance, type Json } from './conformance';

const CONFORMANCE_TYPES = new Set(['StructureDefinition', 'ValueSet', 'CodeSystem', 'Questionnaire']);
/** In a workspace, only files that say what they are by name are read (a repository holds many XML files). */
const WORKSPACE_NAME = /structuredefinition|valueset|codesystem|profile|extension|questionnaire/i;
const MAX_FILES = 3000;
const TTL_MS = 30_000;
/** Base R4 is built in; its package would only cost time. */
const SKIPPED_PACKAGES = /(^|\/)hl7\.fhir\.r4\.core#|(^|\/)hl7\.fhir\.r5\.core#/;

export class ConformanceIndex {
  private readonly files = new Map<string, string>();
  private readonly parsed = new Map<string, Json | undefined>();
  readonly builtAt = Date.now();

  /** Layered profiles by URL (profiles/check-profiles.ts), built once per index. */
  readonly layers = new Map<string, Promise<ProfileLayer | undefined>>();
  /** R4's own extensions layered against this index (extensions/check-extensions.ts). */
  readonly coreLayers = new Map<string, Promise<ProfileLayer | undefined>>();
  /** Value sets a profile binds, expanded once per index. */
  readonly valueSets = new Map<string, ExpandedValueSet | undefined>();
  /** The type profiles and value sets each layer refers to, loaded once per layer. */
  readonly preloaded = new Map<ProfileLayer, Promise<Map<string, ProfileLayer>>>();

  constructor(private readonly resolvers: EngineHost) {}

  async build(explicit: string[], workspace: string[], cache: string | undefined): Promise<this> {
    const { listFiles, readFile } = this.resolvers;
    if (!listFiles || !readFile) return this;
    const candidates: string[] = [];
    for (const dir of explicit) candidates.push(...(await listFiles(dir, ['.json', '.xml'])));
    for (const dir of workspace) candidates.push(...(await listFiles(dir, ['.json', '.xml'])).filter((f) => WORKSPACE_NAME.test(f.split('/').pop()!)));
    for (const file of candidates.slice(0, MAX_FILES)) {
      const json = await this.load(file);
      if (json && typeof json.url === 'string' && CONFORMANCE_TYPES.has(String(json.resourceType))) this.add(json.url, file);
    }
    if (cache) await this.indexPackages(cache);
    return this;
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
      for (const e of entries) if (e.url && e.filename && CONFORMANCE_TYPES.has(e.resourceType ?? '')) this.add(e.url, `${dir}/${e.filename}`);
    }
  }

  private add(url: string, file: string): void {
    // The first found wins: workspace and explicit folders come before the cache.
    if (!this.files.has(url)) this.files.set(url, file);
  }

  private async load(file: string): Promise<Json | undefined> {
    if (this.parsed.has(file)) return this.parsed.get(file);
    const text = await this.resolvers.readFile!(file);
    const json = text && /StructureDefinition|ValueSet|CodeSystem|Questionnaire/.test(text.slice(0, 4000)) ? readConformance(text) : undefined;
    this.parsed.set(file, json);
    return json;
  }

  has(url: string): boolean {
    return this.files.has(url.split('|')[0]);
  }

  async get(url: string): Promise<Json | undefined> {
    const file = this.files.get(url.split('|')[0]);
    return file ? this.load(file) : undefined;
  }

  urls(): string[] {
    return [...this.files.keys()];
  }
}

/** The index for this context's folders, rebuilt at most every 30 s (profiles being edited show up). */
export function conformanceIndexFor(ctx: AnalysisContext): Promise<ConformanceIndex> {
  const r = ctx.host;
  const indexes = ctx.caches.fhir.conformance;
  const workspace = r.workspaceFolders?.() ?? [];
  const cache = r.fhirPackageCache?.();
  const key = JSON.stringify([ctx.settings.fhirPackagePaths, workspace, cache]);
  const existing = indexes.get(key);
  if (existing) {
    void existing.then((i) => Date.now() - i.builtAt > TTL_MS && indexes.get(key) === existing && indexes.delete(key));
    return existing;
  }
  const built = new ConformanceIndex(r).build(ctx.settings.fhirPackagePaths, workspace, cache);
  indexes.set(key, built);
  return built;
}
