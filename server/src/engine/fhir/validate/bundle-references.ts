// References between the entries of one Bundle, resolved as the reference validator resolves them.
//
// Every Bundle: a reference is looked up by the fullUrl it implies (an absolute reference is the
// fullUrl; a relative `Type/id` is the referring entry's RESTful base + `Type/id`, or `urn:uuid:<id>`
// when the referring entry's fullUrl is a urn). Several entries at that fullUrl (and version) is an
// error; so is a match of another type than the reference names when it names one (versioned or from
// a urn entry).
// Documents and messages: the references of the Composition (subject, author, encounter, custodian,
// attester.party, event.detail, section author/focus/entry) and of MessageHeader.focus must resolve
// inside the Bundle; in every entry, a relative reference whose fullUrl rule finds nothing although an
// entry has that type and id is an error (the fullUrls do not line up); and each document entry must be
// reachable from the Composition by references, forward or backward.

import { nameSpanOf, textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

/** A Reference met by the walker: its node, instance path, and the resources around it (outermost first). */
export interface ReferenceSite {
  node: FhirNode;
  path: string;
  resources: FhirNode[];
}

interface Entry {
  index: number;
  fullUrl?: string;
  resource?: FhirNode;
  type?: string;
  id?: string;
  versionId?: string;
}

const ABSOLUTE = /^[a-z][a-z0-9+.-]*:/i;
/** A RESTful URL: optional http(s) base, then Type/id and an optional version. */
const RESTFUL = /^(?:https?:\/\/(?:[A-Za-z0-9\\.:%$-]*\/)*)?([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
/** R4's canonical resources: an absolute RESTful reference to one need not be in the Bundle. */
const CANONICAL = new Set(
  'ActivityDefinition CapabilityStatement ChargeItemDefinition CodeSystem CompartmentDefinition ConceptMap EffectEvidenceSynthesis EventDefinition Evidence EvidenceVariable ExampleScenario GraphDefinition ImplementationGuide Library Measure MessageDefinition NamingSystem OperationDefinition PlanDefinition Questionnaire ResearchDefinition ResearchElementDefinition RiskEvidenceSynthesis SearchParameter StructureDefinition StructureMap TerminologyCapabilities TestScript ValueSet'.split(
    ' ',
  ),
);

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const children = (n: FhirNode | undefined, name: string) => n?.children.filter((c) => c.name === name) ?? [];
const text = (n: FhirNode | undefined) => (typeof n?.value === 'string' ? n.value : undefined);

function entriesOf(bundle: FhirNode): Entry[] {
  return children(bundle, 'entry').map((e, index) => {
    const resource = child(e, 'resource');
    const id = child(resource, 'id')?.value;
    return {
      index,
      fullUrl: text(child(e, 'fullUrl')),
      resource: resource?.resourceType ? resource : undefined,
      type: resource?.resourceType,
      id: id === undefined || id === null ? undefined : String(id),
      versionId: text(child(child(resource, 'meta'), 'versionId')),
    };
  });
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class BundleReferences {
  private readonly entries: Entry[];
  private readonly byResource = new Map<FhirNode, Entry>();
  /** fullUrl (and fullUrl/_history/versionId) → entries. */
  private readonly byUrl = new Map<string, Entry[]>();
  /** Type/id (and Type/id/_history/versionId) → entries. */
  private readonly byTypeId = new Map<string, Entry[]>();
  /** Reference nodes already reported (one finding per reference, as the reference validator). */
  private readonly reported = new Set<FhirNode>();

  constructor(
    private readonly bundle: FhirNode,
    private readonly doc: FhirDocument,
    private readonly isResource: (type: string) => boolean,
    private readonly report: Report,
  ) {
    this.entries = entriesOf(bundle);
    for (const e of this.entries) {
      if (e.resource) this.byResource.set(e.resource, e);
      if (e.fullUrl) push(this.byUrl, e.fullUrl, e);
      if (e.fullUrl && e.versionId) push(this.byUrl, `${e.fullUrl}/_history/${e.versionId}`, e);
      if (e.type && e.id !== undefined) {
        push(this.byTypeId, `${e.type}/${e.id}`, e);
        if (e.versionId) push(this.byTypeId, `${e.type}/${e.id}/_history/${e.versionId}`, e);
      }
    }
  }

  /** The entry a reference site belongs to, unless it sits in a Bundle nested inside that entry. */
  private entryOf(site: ReferenceSite): Entry | undefined {
    for (let i = site.resources.length - 1; i >= 0; i--) {
      const entry = this.byResource.get(site.resources[i]);
      if (entry) return site.resources.slice(i + 1).some((r) => r.resourceType === 'Bundle') ? undefined : entry;
    }
    return undefined;
  }

  check(sites: ReferenceSite[]): void {
    const type = text(child(this.bundle, 'type')) ?? '';
    const own = sites.map((s) => ({ site: s, entry: this.entryOf(s) })).filter((s): s is { site: ReferenceSite; entry: Entry } => !!s.entry);
    const interlinked = type === 'document' || type === 'message';
    if (interlinked) this.firstEntry(type, own);
    const links = new Map<Entry, Entry[]>();
    for (const { site, entry } of own) {
      const target = interlinked ? this.resolveLinked(site, entry, false) : undefined;
      const any = this.resolveAny(site, entry);
      const to = interlinked ? target : any;
      if (to && to !== entry) push(links, entry, to);
    }
    if (type === 'document') this.orphans(links);
  }

  /** Reference values other than contained (`#…`) ones. */
  private value(site: ReferenceSite): string | undefined {
    const ref = text(child(site.node, 'reference'));
    return ref && !ref.startsWith('#') ? ref : undefined;
  }

  private issue(site: ReferenceSite, message: Parameters<Report>[0]['message'], args: (string | number)[]): void {
    if (this.reported.has(site.node)) return;
    this.reported.add(site.node);
    const ref = child(site.node, 'reference')!;
    this.report({ rule: 'fhir/bundle-reference', severity: 'error', span: textSpan(ref, this.doc.format), message, args });
  }

  /** Any Bundle: the entry the reference implies by fullUrl (the reference validator's getFromBundle). */
  private resolveAny(site: ReferenceSite, from: Entry): Entry | undefined {
    const ref = this.value(site);
    if (!ref) return undefined;
    let target: string;
    let version: string | undefined;
    let named: string | undefined;
    const history = ref.indexOf('/_history/');
    if (ABSOLUTE.test(ref)) {
      target = history < 0 ? ref : ref.slice(0, history);
      version = history < 0 ? undefined : ref.slice(history + 10);
    } else {
      if (!from.fullUrl) return undefined;
      const slashes = ref.split('/').length - 1;
      if (slashes !== 1 && slashes !== 3) return undefined;
      const urn = /^urn:/i.test(from.fullUrl);
      const base = urn ? from.fullUrl.slice(0, from.fullUrl.lastIndexOf(':') + 1) : from.fullUrl.split('/').slice(0, -2).join('/') + '/';
      const [t, id] = (history < 0 ? ref : ref.slice(0, history)).split('/');
      if (history >= 0) {
        version = ref.slice(history + 10);
        named = t;
        target = `${base}${t}/${id}`;
      } else if (urn) {
        named = t;
        target = `${base}${id}`;
      } else {
        target = `${base}${ref}`;
      }
    }
    const matches = (this.byUrl.get(target) ?? []).filter((e) => version === undefined || e.versionId === version);
    if (matches.length > 1) {
      this.issue(site, 'bundle-ref-multiple', [site.path, ref, matches.length]);
      return undefined;
    }
    const match = matches[0];
    if (match && named && match.type && match.type !== named && this.isResource(named)) {
      this.issue(site, 'bundle-ref-wrong-type', [site.path, ref, match.type]);
    }
    return match;
  }

  /**
   * Documents and messages (the reference validator's resolveInBundle): by fullUrl, versions
   * included; a relative reference from a RESTful fullUrl takes its base. `required` references
   * (the Composition's, MessageHeader.focus) must be found.
   */
  private resolveLinked(site: ReferenceSite, from: Entry, required: boolean): Entry | undefined {
    const raw = this.value(site);
    if (!raw) return undefined;
    const ref = raw.includes('#') ? raw.slice(0, raw.indexOf('#')) : raw;
    if (ABSOLUTE.test(ref)) {
      const found = this.byUrl.get(ref) ?? [];
      if (found.length === 1) return found[0];
      if (found.length > 1) this.issue(site, 'bundle-ref-multiple', [site.path, raw, found.length]);
      else if (required && !CANONICAL.has(RESTFUL.exec(ref)?.[1] ?? '')) this.issue(site, 'bundle-ref-not-found', [site.path, raw]);
      return undefined;
    }
    const base = this.baseOf(from);
    const found = base !== undefined ? (this.byUrl.get(base + ref) ?? []) : [];
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      this.issue(site, 'bundle-ref-multiple', [site.path, raw, found.length]);
      return undefined;
    }
    const [t, id] = ref.split('/');
    if (id === undefined || !this.isResource(t)) return undefined;
    const apparent = this.byTypeId.get(`${t}/${id}`);
    if (apparent) {
      const urls = [...new Set(apparent.map((e) => e.fullUrl ?? '-'))].sort().join(', ');
      this.issue(site, 'bundle-ref-apparent', [site.path, raw, urls, base !== undefined ? base + ref : `${from.fullUrl ?? '-'} + ${ref}`]);
    } else if (required) {
      this.issue(site, 'bundle-ref-not-found', [site.path, raw]);
    }
    return undefined;
  }

  /** The Composition's (or MessageHeader's) own references must resolve inside the Bundle. */
  private firstEntry(type: string, own: { site: ReferenceSite; entry: Entry }[]): void {
    const first = this.entries[0];
    if (!first?.resource) return;
    const required = new Set<FhirNode>();
    const r = first.resource;
    if (type === 'document' && r.resourceType === 'Composition') {
      for (const name of ['subject', 'author', 'encounter', 'custodian']) for (const n of children(r, name)) required.add(n);
      for (const a of children(r, 'attester')) for (const n of children(a, 'party')) required.add(n);
      for (const e of children(r, 'event')) for (const n of children(e, 'detail')) required.add(n);
      const sections = (holder: FhirNode) => {
        for (const s of children(holder, 'section')) {
          for (const name of ['author', 'focus', 'entry']) for (const n of children(s, name)) required.add(n);
          sections(s);
        }
      };
      sections(r);
    } else if (type === 'message' && r.resourceType === 'MessageHeader') {
      for (const n of children(r, 'focus')) required.add(n);
    }
    for (const { site, entry } of own) if (entry === first && required.has(site.node)) this.resolveLinked(site, entry, true);
  }

  /**
   * Document entries not reachable from the Composition, following references forward, then
   * backward. Besides References, any string in an entry naming another entry's fullUrl (or its
   * Type/id) links to it, as the reference validator follows uri and url elements too.
   */
  private orphans(links: Map<Entry, Entry[]>): void {
    const withResource = this.entries.filter((e) => e.resource);
    if (!withResource.length) return;
    for (const e of withResource) for (const t of this.namedIn(e)) if (t !== e) push(links, e, t);
    const targets = (e: Entry) => links.get(e) ?? [];
    const visited = new Set<Entry>();
    const visit = (e: Entry) => {
      if (visited.has(e)) return;
      visited.add(e);
      for (const t of targets(e)) visit(t);
    };
    visit(withResource[0]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const e of withResource) {
        if (!visited.has(e) && targets(e).some((t) => visited.has(t))) {
          visit(e);
          grew = true;
        }
      }
    }
    const entryNodes = children(this.bundle, 'entry');
    for (const e of withResource) {
      if (visited.has(e)) continue;
      this.report({
        rule: 'fhir/bundle-reference',
        severity: 'error',
        span: nameSpanOf(entryNodes[e.index]),
        message: 'bundle-entry-orphan',
        args: [`Bundle.entry[${e.index}]`, e.fullUrl ?? '-'],
      });
    }
  }

  /** The RESTful base a relative reference from `from` resolves against, when its fullUrl has one. */
  private baseOf(from: Entry): string | undefined {
    const own = from.type && from.id !== undefined ? `${from.type}/${from.id}` : undefined;
    return own && from.fullUrl && RESTFUL.test(from.fullUrl) && from.fullUrl.endsWith(own)
      ? from.fullUrl.slice(0, from.fullUrl.length - own.length)
      : undefined;
  }

  /** Entries named by a uri or url value in `from` (its fullUrl, or base + relative value); References are resolved elsewhere. */
  private namedIn(from: Entry, node: FhirNode = from.resource!, out: Entry[] = []): Entry[] {
    const base = this.baseOf(from);
    for (const c of node.children) {
      if (typeof c.value === 'string' && c.name !== 'reference' && (c.value.includes('/') || c.value.includes(':'))) {
        const v = c.value.includes('#') ? c.value.slice(0, c.value.indexOf('#')) : c.value;
        out.push(...(this.byUrl.get(ABSOLUTE.test(v) ? v : `${base ?? ''}${v}`) ?? []));
      }
      if (c.children.length && c.resourceType !== 'Bundle') this.namedIn(from, c, out);
    }
    return out;
  }
}
