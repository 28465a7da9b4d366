// Profiles named by a resource's meta.profile: found through the conformance index, layered over
// base R4 and applied. An unknown profile is one information diagnostic on its URL; what a profile
// uses that is not evaluated is listed once per profile and document.

import type { AnalysisContext } from '../../core/types';
import { expandValueSets, type RawCodeSystem, type RawValueSet } from '../definitions/expand';
import type { ExpandedValueSet } from '../definitions/model';
import type { R4Definitions } from '../definitions/store';
import { nameSpanOf, textSpan, type FhirDocument, type FhirNode, type Span } from '../tree';
import type { Report } from '../validate/issue';
import type { InvariantSite } from '../validate/walker';
import { applyLayer, type ProfileRun } from './apply';
import type { Json } from './conformance';
import { mappedProfiles } from './glob';
import { globalProfilesFor, type GlobalProfileIndex } from './globals';
import { vitalSignsProfile } from './vital-signs';
import { buildLayer, type ProfileLayer } from './layer';
import { conformanceIndexFor, type ConformanceIndex } from './sources';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';

export interface ProfileRequest {
  url: string;
  span: Span;
  /** The ImplementationGuide that applies the profile globally; absent when the resource (or a setting) names it. */
  guide?: string;
  /** Applied by the resource's content, as the reference validator does (R4's vital-signs profiles by code). */
  implicit?: boolean;
}

/** The profiles ImplementationGuides apply to every resource of this one's type, placed on its type. */
function globalRequests(resource: FhirNode, globals: GlobalProfileIndex): ProfileRequest[] {
  const type = resource.resourceType;
  if (!type) return [];
  return globals.forType(type).map((g) => ({ url: g.profile, span: resource.resourceTypeSpan ?? nameSpanOf(resource), guide: g.guide }));
}

/** meta.profile of a resource node, with the spans of the URLs. */
export function declaredProfiles(resource: FhirNode, format: 'json' | 'xml'): ProfileRequest[] {
  const meta = resource.children.find((c) => c.name === 'meta');
  return (meta?.children ?? [])
    .filter((c) => c.name === 'profile' && typeof c.value === 'string')
    .map((c) => ({ url: String(c.value).split('|')[0], span: textSpan(c, format) }));
}

/** R4's own profile at `url` (profiles.json: the vital-signs family), layered once per index. */
export function coreProfileLayer(defs: R4Definitions, index: ConformanceIndex, url: string): Promise<ProfileLayer | undefined> {
  let p = index.coreLayers.get(url);
  if (!p) {
    const core = (u: string) => defs.coreProfile(u);
    p = core(url).then((sd) => (sd ? buildLayer(sd, index, 0, core) : undefined));
    index.coreLayers.set(url, p);
  }
  return p;
}

export async function layerFor(index: ConformanceIndex, url: string): Promise<ProfileLayer | undefined> {
  const byUrl = index.layers;
  let p = byUrl.get(url);
  if (!p) {
    p = index.get(url).then((sd) => (sd && sd.resourceType === 'StructureDefinition' ? buildLayer(sd, index) : undefined));
    byUrl.set(url, p);
  }
  return p;
}

/** Type profiles and value sets a layer refers to, loaded before the synchronous walk. */
export async function preload(
  layer: ProfileLayer,
  index: ConformanceIndex,
  defs: R4Definitions,
  loaded: Map<string, ProfileLayer>,
  seen = new Set<string>(),
): Promise<void> {
  const defsOf = [...layer.elements.values(), ...[...layer.slices.values()].flat().flatMap((s) => [s.root, ...s.children.values()])];
  for (const def of defsOf) {
    for (const url of def.types?.flatMap((t) => t.profile ?? []) ?? []) {
      if (seen.has(url) || url.startsWith(CORE)) continue;
      seen.add(url);
      const l = await layerFor(index, url);
      if (l) {
        loaded.set(url, l);
        await preload(l, index, defs, loaded, seen);
      }
    }
    const vs = def.binding?.strength === 'required' ? def.binding.valueSet : undefined;
    if (vs && !defs.valueSets?.[vs]) await profileValueSet(index, vs);
  }
}

/** `preload` once per layer and index (a Bundle of 1 000 profiled Patients walks the profile tree once). */
export function preloadOnce(layer: ProfileLayer, index: ConformanceIndex, defs: R4Definitions): Promise<Map<string, ProfileLayer>> {
  const byLayer = index.preloaded;
  let p = byLayer.get(layer);
  if (!p) {
    const loaded = new Map<string, ProfileLayer>();
    p = preload(layer, index, defs, loaded).then(() => loaded);
    byLayer.set(layer, p);
  }
  return p;
}

export async function profileValueSet(index: ConformanceIndex, url: string): Promise<ExpandedValueSet | undefined> {
  const cache = index.valueSets;
  if (cache.has(url)) return cache.get(url);
  const vs = (await index.get(url)) as RawValueSet | undefined;
  const systems = vs?.compose?.include?.map((i) => i.system).filter((s): s is string => !!s) ?? [];
  const codeSystems = (await Promise.all(systems.map((s) => index.get(s)))).filter((c): c is Json => !!c) as unknown as RawCodeSystem[];
  const expanded = vs ? expandValueSets([url], [vs], codeSystems)[url] : undefined;
  cache.set(url, expanded);
  return expanded;
}

/** The state a profile (or extension definition) is applied with; type profiles come from `typeLayers`. */
export function profileRun(
  index: ConformanceIndex,
  defs: R4Definitions,
  doc: FhirDocument,
  report: Report,
  invariants: InvariantSite[],
  typeLayers: Map<string, ProfileLayer>,
): ProfileRun {
  return {
    defs,
    doc,
    report,
    invariants,
    valueSet: (url) => defs.valueSets?.[url] ?? index.valueSets.get(url),
    layer: (url) => typeLayers.get(url),
  };
}

/**
 * What the profile and extension passes of one analysis share, so that a Bundle checked entry by entry
 * (fhir/entry-units.ts) looks its indexes up once, not once per entry: the global profiles, the conformance
 * index, layers by URL, the type profiles they load.
 */
export class ProfileSession {
  private globalIndex?: Promise<GlobalProfileIndex>;
  private conformance?: Promise<ConformanceIndex>;
  /** Profile layers by URL (undefined: not found). */
  readonly profiles = new Map<string, ProfileLayer | undefined>();
  /** Extension definitions' layers by URL (undefined: not found). */
  readonly extensions = new Map<string, ProfileLayer | undefined>();
  /** The type profiles the layers refer to, by URL. */
  readonly typeLayers = new Map<string, ProfileLayer>();
  /** Whether a URL in HL7's namespace is one of R4's own profiles. */
  readonly coreProfiles = new Map<string, boolean>();

  constructor(
    readonly defs: R4Definitions,
    readonly doc: FhirDocument,
    readonly ctx: AnalysisContext,
  ) {}

  globals(): Promise<GlobalProfileIndex> {
    return (this.globalIndex ??= globalProfilesFor(this.ctx));
  }

  index(): Promise<ConformanceIndex> {
    return (this.conformance ??= conformanceIndexFor(this.ctx));
  }
}

/** `uri`: the document's, whose root is `resources[0]`; undefined for a Bundle entry walked on its own (no mapped profile). */
export async function checkProfiles(
  uri: string | undefined,
  resources: FhirNode[],
  session: ProfileSession,
  report: Report,
  invariants: InvariantSite[],
  rootResources?: Map<FhirNode, FhirNode>,
): Promise<void> {
  const { defs, doc, ctx } = session;
  const root = resources[0];
  const mapped: ProfileRequest[] =
    root && uri !== undefined ? mappedProfiles(uri, ctx.settings.fhirProfiles).map((url) => ({ url, span: root.resourceTypeSpan ?? nameSpanOf(root) })) : [];
  const globals = await session.globals();
  const known = session.coreProfiles;
  // A URL in HL7's namespace is a base type (checked already) unless it is one of R4's own profiles.
  const isCoreProfile = async (url: string) => {
    if (!known.has(url)) known.set(url, (await defs.coreProfile(url)) !== undefined);
    return known.get(url)!;
  };
  const requests: { resource: FhirNode; profiles: ProfileRequest[] }[] = [];
  for (const r of resources) {
    const named: ProfileRequest[] = declaredProfiles(r, doc.format);
    if (r === root) named.push(...mapped);
    if (globals.any()) named.push(...globalRequests(r, globals));
    const vital = vitalSignsProfile(r);
    if (vital) named.push({ url: vital.url, span: nameSpanOf(vital.at), implicit: true });
    const profiles: ProfileRequest[] = [];
    for (const p of named) if (!profiles.some((q) => q.url === p.url) && (!p.url.startsWith(CORE) || (await isCoreProfile(p.url)))) profiles.push(p);
    if (profiles.length) requests.push({ resource: r, profiles });
  }
  if (!requests.length) return;
  const index = await session.index();
  const typeLayers = session.typeLayers;
  let run: ProfileRun | undefined;
  // Each URL's layer looked up once per analysis: 1 000 Patients naming one profile wait for it once.
  const layers = session.profiles;
  for (const { resource, profiles } of requests) {
    for (const p of profiles) {
      let layer = layers.get(p.url);
      if (!layers.has(p.url)) {
        layer = await (p.url.startsWith(CORE) ? coreProfileLayer(defs, index, p.url) : layerFor(index, p.url));
        layers.set(p.url, layer);
      }
      if (!layer) {
        // Once per URL and document (`once`: the check keeps the first): a Bundle of 2 000 entries naming it is one notice, not 2 000.
        const once = `unknown-profile|${p.url}`;
        if (p.guide)
          report({ rule: 'fhir/unknown-profile', severity: 'warning', span: p.span, message: 'unknown-global-profile', args: [p.url, p.guide], once });
        else report({ rule: 'fhir/unknown-profile', severity: 'info', span: p.span, message: 'unknown-profile', args: [p.url], once });
        continue;
      }
      if (layer.type !== resource.resourceType) {
        report({
          rule: 'fhir/profile-limits',
          severity: 'info',
          span: p.span,
          message: 'profile-limits',
          args: [layer.name, `it constrains ${layer.type}, not ${resource.resourceType}`],
        });
        continue;
      }
      const loaded = await preloadOnce(layer, index, defs);
      for (const [url, l] of loaded) typeLayers.set(url, l);
      // What this profile and the type profiles it uses leave unchecked.
      const limits = [...new Set([...layer.limits, ...[...loaded.values()].flatMap((l) => l.limits)])];
      // What a profile the user did not name leaves unchecked is not theirs to act on.
      if (limits.length && !p.implicit) {
        report({
          rule: 'fhir/profile-limits',
          severity: 'info',
          span: p.span,
          message: 'profile-limits',
          args: [layer.name, `not evaluated: ${limits.join('; ')}`],
          once: `profile-limits|${layer.url}`,
        });
      }
      run ??= { ...profileRun(index, defs, doc, report, invariants, typeLayers), today: ctx.today, rootResource: (r: FhirNode) => rootResources?.get(r) ?? r };
      applyLayer(resource, String(resource.resourceType), layer, run, resource);
    }
  }
}
