// Profiles an ImplementationGuide applies globally (`ImplementationGuide.global`: type + profile): the
// reference validator checks every resource of that type against the profile, whether or not the
// resource names it. Only ImplementationGuides the user chose count: those in the explicit package
// folders (nhn.fhir.packagePaths, --fhir-packages) and in the workspace, never the package cache (a
// cache holds every IG ever downloaded). Files are picked by name (`ImplementationGuide-*.json`, as
// the IG Publisher and npm packages write them, or `ig.json`) or by a package's `.index.json`, so the
// answer costs a listing, not a read of every profile; it is held per engine and set of folders and
// kept current by file events, like the conformance index.

import type { EngineHost } from '../../core/host';
import type { AnalysisContext } from '../../core/types';
import { readConformance, type Json } from './conformance';
import type { FileChange } from './sources';

/** A file that may be an ImplementationGuide, by name. */
const IG_NAME = /implementationguide|(^|[-_.])ig\.(json|xml)$/i;

export interface GlobalProfile {
  /** The resource type the profile applies to. */
  type: string;
  /** The profile's canonical URL (a version suffix removed). */
  profile: string;
  /** The ImplementationGuide that applies it (its url, or its id). */
  guide: string;
}

const under = (path: string, dirs: string[]) => dirs.some((d) => path === d || path.startsWith(d.endsWith('/') ? d : d + '/'));
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** The `global` entries of an ImplementationGuide's text; empty when the text is not one. */
export function globalsOf(text: string): GlobalProfile[] {
  if (!/ImplementationGuide/.test(text.slice(0, 4000))) return [];
  const ig = readConformance(text);
  if (ig?.resourceType !== 'ImplementationGuide') return [];
  const guide = String(ig.url ?? ig.id ?? '');
  return asArray(ig.global).flatMap((g) => {
    const { type, profile } = (g ?? {}) as Json;
    return typeof type === 'string' && typeof profile === 'string' ? [{ type, profile: profile.split('|')[0], guide }] : [];
  });
}

export class GlobalProfileIndex {
  /** ImplementationGuide file → its globals (files without any are kept, empty, so events know them). */
  private readonly byFile = new Map<string, GlobalProfile[]>();
  /** `byFile` by resource type, derived on first use after a change. */
  private types?: Map<string, GlobalProfile[]>;
  readonly stats = { builds: 0, reads: 0 };

  constructor(
    private readonly host: EngineHost,
    private readonly explicit: string[],
    private readonly workspace: string[],
  ) {}

  async build(): Promise<this> {
    this.stats.builds++;
    const { listFiles, readFile } = this.host;
    if (!listFiles || !readFile) return this;
    const files = new Set<string>();
    for (const dir of this.explicit) {
      const listed = await listFiles(dir, ['.json', '.xml']);
      for (const f of listed) if (this.wanted(f)) files.add(f);
      // npm packages say what each file is in `.index.json`; an IG need not be named for it there.
      for (const indexFile of listed.filter((f) => f.endsWith('/.index.json'))) for (const f of await this.packageGuides(indexFile)) files.add(f);
    }
    for (const dir of this.workspace) for (const f of await listFiles(dir, ['.json', '.xml'])) if (this.wanted(f)) files.add(f);
    for (const f of files) await this.read(f);
    return this;
  }

  private wanted(file: string): boolean {
    return (under(file, this.explicit) || under(file, this.workspace)) && IG_NAME.test(file.split('/').pop()!);
  }

  private async packageGuides(indexFile: string): Promise<string[]> {
    const dir = indexFile.slice(0, indexFile.lastIndexOf('/'));
    try {
      const { files } = JSON.parse((await this.host.readFile!(indexFile)) ?? '{}') as { files?: { filename?: string; resourceType?: string }[] };
      return (files ?? []).filter((e) => e.resourceType === 'ImplementationGuide' && e.filename).map((e) => `${dir}/${e.filename}`);
    } catch {
      return [];
    }
  }

  private async read(file: string): Promise<void> {
    this.stats.reads++;
    this.types = undefined;
    const text = await this.host.readFile!(file);
    this.byFile.set(file, text ? globalsOf(text) : []);
  }

  /** True when an ImplementationGuide in the chosen folders applies any profile globally. */
  any(): boolean {
    return this.byType().size > 0;
  }

  /** The profiles applied to every resource of `type` (several IGs may apply the same one: once). */
  forType(type: string): GlobalProfile[] {
    return this.byType().get(type) ?? [];
  }

  private byType(): Map<string, GlobalProfile[]> {
    if (this.types) return this.types;
    const types = new Map<string, GlobalProfile[]>();
    for (const file of [...this.byFile.keys()].sort()) {
      for (const g of this.byFile.get(file)!) {
        const list = types.get(g.type) ?? [];
        if (!list.some((h) => h.profile === g.profile)) list.push(g);
        types.set(g.type, list);
      }
    }
    this.types = types;
    return types;
  }

  /** Files changed on disk: an ImplementationGuide is read again (or forgotten); true when the globals may differ. */
  async update(changes: FileChange[]): Promise<boolean> {
    let touched = false;
    this.types = undefined;
    for (const c of changes) {
      for (const f of [...this.byFile.keys()]) {
        if (f !== c.path && !f.startsWith(c.path + '/')) continue;
        touched ||= this.byFile.get(f)!.length > 0;
        this.byFile.delete(f);
      }
      if (c.kind === 'deleted' || !this.wanted(c.path)) continue;
      await this.read(c.path);
      touched ||= this.byFile.get(c.path)!.length > 0;
    }
    return touched;
  }
}

/** The index this engine holds, and the folders it was built for. */
export interface HeldGlobalProfiles {
  key: string;
  index?: Promise<GlobalProfileIndex>;
}

/** The global profiles of this context's folders: found once per set of folders, kept current by file events. */
export function globalProfilesFor(ctx: AnalysisContext): Promise<GlobalProfileIndex> {
  const held = ctx.caches.fhir.globals;
  const workspace = ctx.host.workspaceFolders?.() ?? [];
  const key = JSON.stringify([ctx.settings.fhirPackagePaths, workspace]);
  if (!held.index || held.key !== key) {
    held.key = key;
    held.index = new GlobalProfileIndex(ctx.host, ctx.settings.fhirPackagePaths, workspace).build();
  }
  return held.index;
}
