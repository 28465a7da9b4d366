// A large Bundle checked entry by entry: each entry's resource keeps its own issues (walk, profiles,
// extensions, invariants), and an entry whose text did not change since the document's previous version
// gives back what it gave then. The entries that did change are walked by one walker and checked by one
// pass of each kind; each issue goes to the entry it points into. The Bundle itself (fullUrls, references
// between entries, its own invariants) is checked whole every time. An edit in a 2 000-entry Bundle checks
// one entry, not 2 000.
//
// Why an entry's issues can be reused: everything those passes read lies inside the entry's resource (its
// %resource and %rootResource are itself or resources it contains), plus its instance path
// (`Bundle.entry[i].resource`, hence the entry index) and what the analysis was configured with (settings,
// date, the FHIR caches' generation: the key of `Kept`). Documents where one resource reads another (a
// QuestionnaireResponse and its Questionnaire, a MeasureReport and its Measure) or that define conformance
// resources are checked whole, as is anything but JSON without syntax errors (an XML entry's parse depends
// on the namespaces around it, a recovered JSON parse on what is around the error), and so is a document
// without versions (the CLI's files): splitting makes a first analysis slower, and only the analysis of a
// next version repays it.

import type { AnalysisContext } from '../core/types';
import type { R4Definitions } from './definitions/store';
import type { FhirDocument, FhirNode, Span } from './tree';
import type { Issue, Report } from './validate/issue';
import { Walker, type EntryWalk } from './validate/walker';
import { checkInvariants } from './validate/invariants';
import { checkProfiles, type ProfileSession } from './profiles/check-profiles';
import { checkExtensions } from './extensions/check-extensions';
import type { ReferenceSite } from './validate/bundle-references';

/** Bundles with fewer entries are checked whole: splitting them saves nothing worth the bookkeeping. */
export const ENTRY_UNITS_FROM = 64;

/** Resource types whose checks read other resources of the document, or that other checks read. */
const READS_OR_IS_READ = new Set([
  'QuestionnaireResponse',
  'Questionnaire',
  'Measure',
  'MeasureReport',
  'Library',
  'StructureDefinition',
  'SearchParameter',
  'ValueSet',
  'CodeSystem',
  'ImplementationGuide',
]);

const KEPT = 'fhir.entry-units';

/** What one entry's resource gave, as it gave it. */
interface EntryResult {
  /** The resource property's text (`"resource": {…}`): the entry is reused when this is unchanged. */
  text: string;
  /** Where the resource started when `issues` were made: moved by the difference when it starts elsewhere now. */
  start: number;
  issues: Issue[];
  notEvaluated: string[];
  /** Its References for the Bundle's reference pass, as child positions from the resource. */
  references: { at: number[]; path: string; resources: number[][] }[];
}

/** What an analysis keeps for the next version: its key (settings, date, the FHIR caches' generation), each entry's result by index. */
interface Kept {
  key: string;
  entries: (EntryResult | undefined)[];
}

interface Unit {
  index: number;
  resource: FhirNode;
  text: string;
  /** Walked in this analysis (else `reused`): its issues, References and invariants not evaluated. */
  walked?: { issues: Issue[]; references: ReferenceSite[]; notEvaluated: Set<string> };
  reused?: EntryResult;
}

export class EntryUnits {
  private readonly units = new Map<FhirNode, Unit>();
  private readonly order: Unit[] = [];
  private readonly previous?: Kept;
  /** Walks every entry not reused, each reporting to its own unit (`current`). */
  private walker?: Walker;
  private current?: Unit;
  /** The walked units, in document order (issues of the later passes are theirs by position). */
  private readonly walkedUnits: Unit[] = [];
  /** Issues of those passes outside every walked entry (none are expected): the Bundle's, not kept. */
  private readonly stray: Issue[] = [];
  readonly walk: EntryWalk;

  private constructor(
    private readonly defs: R4Definitions,
    private readonly doc: FhirDocument,
    private readonly key: string,
    private readonly counts: { walked: number; reused: number },
    entries: { index: number; resource: FhirNode }[],
    previous: Kept | undefined,
  ) {
    const text = doc.text!;
    for (const { index, resource } of entries) {
      const unit: Unit = { index, resource, text: text.slice(resource.start, resource.end) };
      this.units.set(resource, unit);
      this.order.push(unit);
    }
    this.previous = previous?.key === key ? previous : undefined;
    this.walk = (resource, stack) => this.walkEntry(resource, stack);
  }

  /** The units of `doc` when it is a Bundle checked entry by entry; `from`: the fewest entries that are. */
  static of(
    doc: FhirDocument,
    defs: R4Definitions,
    resourceTypes: Set<string>,
    analyzed: { version?: number; recall(key: string): unknown },
    ctx: AnalysisContext,
    from = ENTRY_UNITS_FROM,
  ): EntryUnits | undefined {
    // A document without versions (the CLI's files) has no next version to keep anything for.
    if (analyzed.version === undefined) return undefined;
    const root = doc.root;
    if (doc.format !== 'json' || doc.syntaxErrors.length || root.resourceType !== 'Bundle' || doc.text === undefined) return undefined;
    for (const t of resourceTypes) if (READS_OR_IS_READ.has(t)) return undefined;
    const entries: { index: number; resource: FhirNode }[] = [];
    let index = 0;
    for (const entry of root.children) {
      if (entry.name !== 'entry') continue;
      // One object `resource` per entry; anything else is left to the whole-Bundle walk.
      let resource: FhirNode | undefined;
      let count = 0;
      for (const c of entry.children) if (c.name === 'resource') (resource = c), count++;
      if (entry.kind === 'object' && count === 1 && resource!.kind === 'object' && resource!.resourceType) entries.push({ index, resource: resource! });
      index++;
    }
    if (entries.length < from) return undefined;
    const key = `${ctx.caches.fhir.generation}|${ctx.today}|${JSON.stringify(ctx.settings)}`;
    return new EntryUnits(defs, doc, key, ctx.caches.fhir.entryCounts, entries, analyzed.recall(KEPT) as Kept | undefined);
  }

  private walkEntry(resource: FhirNode, stack: readonly FhirNode[]): ReferenceSite[] | undefined {
    const unit = this.units.get(resource);
    if (!unit || stack.length !== 1) return undefined;
    const before = this.previous?.entries[unit.index];
    if (before && before.text === unit.text) {
      unit.reused = before;
      this.counts.reused++;
      return before.references.map((r) => ({
        node: follow(resource, r.at),
        path: r.path,
        resources: [...stack, ...r.resources.map((at) => follow(resource, at))],
      }));
    }
    const walker = (this.walker ??= new Walker(this.defs, this.doc, (issue) => this.current!.walked!.issues.push(issue), { stack }));
    const first = walker.references.length;
    unit.walked = { issues: [], references: [], notEvaluated: new Set() };
    this.current = unit;
    walker.resource(resource);
    this.current = undefined;
    unit.walked.references = walker.references.slice(first);
    this.walkedUnits.push(unit);
    this.counts.walked++;
    return unit.walked.references;
  }

  /**
   * The passes after the walk over the entries walked in this analysis, all together (profiles,
   * extensions, invariants): each issue belongs to the entry it points into.
   */
  async check(session: ProfileSession, signal?: AbortSignal): Promise<void> {
    const walker = this.walker;
    if (!walker) return;
    const report: Report = (issue) => {
      const unit = this.unitAt(issue.span.start);
      if (unit) unit.walked!.issues.push(issue);
      else this.stray.push(issue);
    };
    await checkProfiles(undefined, walker.resources, session, report, walker.invariants, walker.rootResources);
    await checkExtensions(walker.extensions, session, report, walker.invariants, walker.rootResources);
    await checkInvariants(walker.invariants, report, session.ctx.caches.fhir.fhirpath, signal, (site, key) => {
      this.unitAt(site.node.start)?.walked?.notEvaluated.add(key);
    });
  }

  /** The walked entry whose resource holds `offset`. */
  private unitAt(offset: number): Unit | undefined {
    const list = this.walkedUnits;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = list[mid].resource;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return list[mid];
    }
    return undefined;
  }

  /** Every entry's issues in document order (reused ones moved to where their resource is now) and the invariants not evaluated. */
  results(notEvaluated: Set<string>): Issue[] {
    const out: Issue[] = [];
    for (const unit of this.order) {
      if (unit.reused) {
        const by = unit.resource.start - unit.reused.start;
        // Unmoved (an edit after it, or one that kept the length): the very issues of the last time.
        if (by === 0) for (const i of unit.reused.issues) out.push(i);
        else for (const i of unit.reused.issues) out.push(shifted(i, by));
        for (const k of unit.reused.notEvaluated) notEvaluated.add(k);
      } else if (unit.walked) {
        for (const i of unit.walked.issues) out.push(i);
        for (const k of unit.walked.notEvaluated) notEvaluated.add(k);
      }
    }
    for (const i of this.stray) out.push(i);
    return out;
  }

  /** What this analysis gives the next version of the document (nothing from an analysis cut short). */
  keep(analyzed: { keep(key: string, value: unknown): void }, signal?: AbortSignal): void {
    if (signal?.aborted || this.stray.length) return;
    const entries: (EntryResult | undefined)[] = [];
    for (const unit of this.order) {
      if (unit.reused) entries[unit.index] = { ...unit.reused, text: unit.text };
      else if (unit.walked) entries[unit.index] = result(unit, unit.walked);
    }
    analyzed.keep(KEPT, { key: this.key, entries } satisfies Kept);
  }
}

function result(unit: Unit, walked: NonNullable<Unit['walked']>): EntryResult {
  const wanted = new Set<FhirNode>();
  for (const r of walked.references) {
    wanted.add(r.node);
    for (let k = 1; k < r.resources.length; k++) wanted.add(r.resources[k]);
  }
  const at = wanted.size ? positions(unit.resource, wanted) : undefined;
  return {
    text: unit.text,
    start: unit.resource.start,
    issues: walked.issues,
    notEvaluated: [...walked.notEvaluated],
    references: walked.references.map((r) => ({ at: at!.get(r.node)!, path: r.path, resources: r.resources.slice(1).map((n) => at!.get(n)!) })),
  };
}

function shifted(i: Issue, by: number): Issue {
  const move = (s: Span): Span => ({ start: s.start + by, end: s.end + by });
  return { ...i, span: move(i.span), fix: i.fix && { ...i.fix, span: move(i.fix.span) } };
}

/** The child positions leading from `root` to each of `wanted` (root itself: []). */
function positions(root: FhirNode, wanted: Set<FhirNode>): Map<FhirNode, number[]> {
  const out = new Map<FhirNode, number[]>();
  const path: number[] = [];
  const visit = (n: FhirNode) => {
    if (wanted.has(n)) out.set(n, path.slice());
    for (let c = 0; c < n.children.length && out.size < wanted.size; c++) {
      path.push(c);
      visit(n.children[c]);
      path.pop();
    }
  };
  visit(root);
  return out;
}

function follow(root: FhirNode, at: number[]): FhirNode {
  let n = root;
  for (const c of at) n = n.children[c];
  return n;
}
