// The workspace's file list, walked once per workspace folder and shared by every index that asks
// (the XSD index and the FHIR profile index list the same folders), then kept current by file events
// instead of walked again. Other folders (nhn.xml.schemaPaths, FHIR package folders) are walked when
// asked, with the same ignore policy. Only the extensions the indexes read are kept in memory.

import path from 'node:path';
import { IgnorePolicy, walk, type WalkProblem } from './walk';

/** What the engine's indexes list from workspace folders (`.csv`: Volven code-list exports). */
const KEPT = ['.xsd', '.xml', '.json', '.csv'];
/** A bound on the kept list, so a pathological folder cannot exhaust memory (the walk stops there). */
const MAX_KEPT = 200_000;

export type FileEventKind = 'created' | 'changed' | 'deleted';

export interface FileEvent {
  path: string;
  kind: FileEventKind;
}

/** What a batch of file events means for the indexes after the ignore policy has spoken. */
export interface AppliedEvents {
  /** Files that count (inside a workspace folder and not ignored, or outside every workspace folder). */
  changes: FileEvent[];
  /** A .gitignore changed: what is ignored may have changed anywhere below it; the folders are walked again. */
  rewalk: boolean;
}

const toSlash = (p: string) => p.split(path.sep).join('/');
const kept = (file: string) => KEPT.some((x) => file.toLowerCase().endsWith(x));

export class WorkspaceFiles {
  readonly policy = new IgnorePolicy();
  /** How many walks of a workspace folder were made (tests assert one per folder, not one per index). */
  walks = 0;
  private readonly listings = new Map<string, Promise<Set<string>>>();

  constructor(private readonly roots: () => string[]) {}

  private rootOf(file: string): string | undefined {
    const f = path.resolve(file);
    return this.roots()
      .map((r) => path.resolve(r))
      .find((r) => f === r || f.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  }

  /** Files under `dir` ending in one of `extensions` (`/`-separated, sorted). */
  async list(dir: string, extensions: string[]): Promise<string[]> {
    const root = path.resolve(dir);
    const isWorkspace = this.roots().some((r) => path.resolve(r) === root);
    const wanted = (f: string) => extensions.some((x) => f.toLowerCase().endsWith(x));
    let files: Iterable<string>;
    if (isWorkspace && extensions.every((x) => KEPT.includes(x))) {
      let listing = this.listings.get(root);
      if (!listing) this.listings.set(root, (listing = this.walkRoot(root)));
      files = await listing;
    } else {
      const found: string[] = [];
      for await (const f of walk([root], [], { policy: this.policy })) if (wanted(f)) found.push(toSlash(f));
      files = found;
    }
    return [...files].filter(wanted).sort();
  }

  private async walkRoot(root: string): Promise<Set<string>> {
    this.walks++;
    const found = new Set<string>();
    const problems: WalkProblem[] = [];
    for await (const f of walk([root], problems, { policy: this.policy })) {
      if (!kept(f)) continue;
      found.add(toSlash(f));
      if (found.size >= MAX_KEPT) break;
    }
    return found;
  }

  /**
   * Keeps the lists current: created files are added, deleted ones (and what was below a deleted folder)
   * removed, and files the policy ignores (a build/ copy, node_modules) dropped from the batch.
   */
  async apply(events: FileEvent[]): Promise<AppliedEvents> {
    const changes: FileEvent[] = [];
    let rewalk = false;
    for (const e of events) {
      const root = this.rootOf(e.path);
      if (path.basename(e.path) === '.gitignore') {
        this.policy.forget(path.dirname(path.resolve(e.path)));
        if (root) rewalk = true;
        continue;
      }
      if (root && (await this.policy.ignores(root, path.resolve(e.path)))) continue;
      changes.push(e);
      const listing = root ? this.listings.get(root) : undefined;
      if (!listing) continue;
      const files = await listing;
      const file = toSlash(path.resolve(e.path));
      if (e.kind === 'deleted') {
        // Not a listed file: perhaps a folder, whose files go with it.
        if (!files.delete(file)) for (const f of files) if (f.startsWith(file + '/')) files.delete(f);
      } else if (kept(file) && files.size < MAX_KEPT) files.add(file);
    }
    if (rewalk) this.listings.clear();
    return { changes, rewalk };
  }

  /** Forget every listing (workspace folders changed, or trust did): the next `list` walks again. */
  reset(): void {
    this.listings.clear();
  }
}
