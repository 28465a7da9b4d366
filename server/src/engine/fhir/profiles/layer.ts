// A profile as constraints over base R4, built from its differential (or, without one, its snapshot):
// a differential-only profile needs no generated snapshot because the base R4 snapshot is already
// walked; the profile adds only what it changes. Slices with value/pattern discriminators (and
// extension slices by url) are evaluated; other slicing is listed as a limit, never guessed.

import { compactElement, type RawElement } from '../definitions/compact';
import type { ElementDef, TypeRef } from '../definitions/model';
import type { Json } from './conformance';
import type { ConformanceIndex } from './sources';

export interface Slice {
  name: string;
  min: number;
  max: string;
  /** Does an instance node (as FHIR JSON) belong to this slice? */
  matches: (json: unknown) => boolean;
  /** False when the discriminator is not evaluated here: only an empty list is known to lack the slice. */
  matchable: boolean;
  /** A `profile` discriminator: the types (and profiles) the node at `path` conforms to (profiles/apply.ts tests them). */
  byProfile?: { path: string; types: TypeRef[] };
  /** Constraints on the slice's descendants, by relative path (`system`, `type.coding.code`). */
  children: Map<string, ElementDef>;
  /**
   * Fixed or pattern values inside a nested slice of a descendant, by the path without slice names
   * (`code.coding:DBPCode.code` → `code.coding.code`): what a value discriminator through it matches.
   */
  nestedValues?: Map<string, unknown>;
  root: ElementDef;
}

export interface ProfileLayer {
  url: string;
  name: string;
  type: string;
  /** Constrained elements by path (`Patient.identifier.system`). */
  elements: Map<string, ElementDef>;
  slices: Map<string, Slice[]>;
  /** What is not evaluated, in words. */
  limits: string[];
  /** StructureDefinition.context (extensions): where the extension may be used. */
  context: { type: string; expression: string }[];
  /** The root element's isModifier (a modifier extension belongs in modifierExtension). */
  isModifier: boolean;
}

const CORE = 'http://hl7.org/fhir/StructureDefinition/';

function get(json: unknown, path: string): unknown[] {
  let current: unknown[] = [json];
  for (const seg of path.split('.')) {
    if (seg === '$this') continue;
    const next: unknown[] = [];
    for (const c of current) {
      if (!c || typeof c !== 'object') continue;
      const v = (c as Json)[seg];
      if (Array.isArray(v)) next.push(...v);
      else if (v !== undefined) next.push(v);
    }
    current = next;
  }
  return current;
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'object' || typeof b === 'object') return false;
  return a !== undefined && b !== undefined && String(a) === String(b);
}

function contains(value: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return same(value, pattern);
  if (Array.isArray(pattern)) return pattern.every((p) => (Array.isArray(value) ? value : [value]).some((v) => contains(v, p)));
  if (!value || typeof value !== 'object') return false;
  return Object.entries(pattern).every(([k, p]) => contains((value as Json)[k], p));
}

/** R4's own profiles (the vital-signs family), for a base in HL7's namespace that is not a base type. */
export type CoreProfiles = (url: string) => Promise<Json | undefined>;

export async function buildLayer(sd: Json, index: ConformanceIndex, depth = 0, core?: CoreProfiles): Promise<ProfileLayer> {
  const type = String(sd.type ?? '');
  const layer: ProfileLayer = {
    url: String(sd.url),
    name: String(sd.name ?? sd.id ?? sd.url),
    type,
    elements: new Map(),
    slices: new Map(),
    limits: [],
    context: contextOf(sd),
    isModifier: false,
  };
  const base = typeof sd.baseDefinition === 'string' ? sd.baseDefinition : undefined;
  if (base && (!base.startsWith(CORE) || core) && depth < 8) {
    const parentSd = base.startsWith(CORE) ? await core?.(base) : await index.get(base);
    if (parentSd) {
      const parent = await buildLayer(parentSd, index, depth + 1, core);
      for (const [k, v] of parent.elements) layer.elements.set(k, v);
      for (const [k, v] of parent.slices) layer.slices.set(k, [...v]);
      layer.limits.push(...parent.limits);
      layer.isModifier = parent.isModifier;
    } else if (!base.startsWith(CORE)) {
      layer.limits.push(`base profile ${base} not found`);
    }
  }
  const raw = ((sd.differential as Json | undefined)?.element ?? (sd.snapshot as Json | undefined)?.element ?? []) as RawElement[];
  const slicingAt = new Map<string, ElementDef['slicing']>();
  const rootModifier = raw.find((r) => r.path === type && !r.sliceName)?.isModifier;
  if (rootModifier !== undefined) layer.isModifier = rootModifier === true || rootModifier === 'true';
  // A differential without ids (older XML profiles) names a slice by sliceName; the elements after it,
  // below its path, belong to that slice until its path comes again without one.
  const openSlices = new Map<string, string>();
  const idOf = (r: RawElement): string => {
    if (r.id) return r.id;
    if (r.sliceName) {
      openSlices.set(r.path, r.sliceName);
      return `${r.path}:${r.sliceName}`;
    }
    openSlices.delete(r.path);
    let best = '';
    for (const p of openSlices.keys()) if (r.path.startsWith(`${p}.`) && p.length > best.length) best = p;
    return best ? `${best}:${openSlices.get(best)}${r.path.slice(best.length)}` : r.path;
  };
  for (const r of raw) {
    const def = compactElement(r);
    // A differential states only what it changes: no min/max means "as the base".
    if (r.min === undefined) delete (def as Partial<ElementDef>).min;
    if (r.max === undefined) delete (def as Partial<ElementDef>).max;
    const id = idOf(r);
    const colon = id.indexOf(':');
    if (colon < 0) {
      const prev = layer.elements.get(r.path);
      layer.elements.set(r.path, prev ? { ...prev, ...def } : def);
      if (def.slicing) slicingAt.set(r.path, def.slicing);
      continue;
    }
    // `Patient.identifier:FNR` or `Patient.identifier:FNR.system`
    const slicedPath = id.slice(0, colon);
    const rest = id.slice(colon + 1);
    const dot = rest.indexOf('.');
    const sliceName = dot < 0 ? rest : rest.slice(0, dot);
    const list = layer.slices.get(slicedPath) ?? [];
    let slice = list.find((s) => s.name === sliceName);
    if (rest.includes(':')) {
      const value = def.fixed ?? def.pattern;
      if (slice && dot >= 0 && value !== undefined) (slice.nestedValues ??= new Map()).set(rest.slice(dot + 1).replace(/:[^.]+/g, ''), value);
      if (constrains(def)) layer.limits.push(`nested slice ${id}`);
      continue;
    }
    if (!slice) {
      slice = { name: sliceName, min: 0, max: '*', matches: () => false, matchable: false, children: new Map(), root: def };
      list.push(slice);
      layer.slices.set(slicedPath, list);
    }
    if (dot < 0) {
      slice.root = def;
      slice.min = r.min ?? 0;
      slice.max = r.max ?? '*';
    } else {
      slice.children.set(rest.slice(dot + 1), def);
    }
  }
  for (const [path, slices] of layer.slices) {
    const slicing =
      slicingAt.get(path) ??
      layer.elements.get(path)?.slicing ??
      (path.endsWith('extension') ? { discriminator: [{ type: 'value', path: 'url' }] } : undefined);
    for (const s of slices) {
      const m = matcher(s, slicing);
      const byProfile = m ? undefined : profileDiscriminator(s, slicing);
      if (m) {
        s.matches = m;
        s.matchable = true;
      } else if (byProfile) {
        s.byProfile = byProfile;
        s.matchable = true;
      } else if (s.min > 0 || constrains(s.root) || [...s.children.values()].some(constrains))
        layer.limits.push(`slice ${path}:${s.name} (discriminator ${slicing?.discriminator.map((d) => `${d.type} ${d.path}`).join(', ') ?? 'none'})`);
    }
  }
  return layer;
}

function contextOf(sd: Json): ProfileLayer['context'] {
  const list = Array.isArray(sd.context) ? (sd.context as Json[]) : [];
  return list.filter((c) => typeof c?.expression === 'string').map((c) => ({ type: String(c.type ?? 'element'), expression: String(c.expression) }));
}

/** Does a differential element restrict anything the validator would check? */
function constrains(def: Partial<ElementDef>): boolean {
  return (
    (def.min ?? 0) > 0 ||
    (def.max !== undefined && def.max !== '*') ||
    def.fixed !== undefined ||
    def.pattern !== undefined ||
    def.binding?.strength === 'required' ||
    !!def.constraints?.length
  );
}

/** One `profile` discriminator: the slice's types at its path, at least one with a profile. */
function profileDiscriminator(slice: Slice, slicing: ElementDef['slicing']): Slice['byProfile'] {
  const d = slicing?.discriminator.length === 1 ? slicing.discriminator[0] : undefined;
  if (d?.type !== 'profile' || (d.path !== '$this' && d.path.includes('.'))) return undefined;
  const types = (d.path === '$this' ? slice.root : slice.children.get(d.path))?.types;
  return types?.some((t) => t.profile?.length) ? { path: d.path, types } : undefined;
}

/** value/pattern discriminators: the slice's fixed or pattern value at each discriminator path. */
function matcher(slice: Slice, slicing: ElementDef['slicing']): Slice['matches'] | undefined {
  if (!slicing?.discriminator.length) return undefined;
  const tests: ((json: unknown) => boolean)[] = [];
  for (const d of slicing.discriminator) {
    if (d.type === 'type') {
      // A resource's type (Bundle.entry by `resource`, Parameters by `resource`, contained by `$this`).
      const at = d.path === '$this' ? slice.root : slice.children.get(d.path);
      const code = at?.types?.length === 1 ? at.types[0].code : undefined;
      if (!code || !/^[A-Z]/.test(code)) return undefined;
      tests.push((json) => (d.path === '$this' ? [json] : get(json, d.path)).some((v) => !!v && typeof v === 'object' && (v as Json).resourceType === code));
      continue;
    }
    if (d.type === 'exists') {
      const at = slice.children.get(d.path);
      const must = at && at.min !== undefined && at.min > 0 ? true : at?.max === '0' ? false : undefined;
      if (must === undefined) return undefined;
      tests.push((json) => get(json, d.path).length > 0 === must);
      continue;
    }
    if (d.type !== 'value' && d.type !== 'pattern') return undefined;
    if (d.path === 'url' && !slice.children.get('url')) {
      const url = slice.root.types?.[0]?.profile?.[0];
      if (!url) return undefined;
      tests.push((json) => get(json, 'url').some((u) => same(u, url)));
      continue;
    }
    const at = d.path === '$this' ? slice.root : slice.children.get(d.path);
    const expected = at?.fixed ?? at?.pattern ?? slice.nestedValues?.get(d.path);
    if (expected === undefined) return undefined;
    tests.push((json) => get(json, d.path).some((v) => contains(v, expected)));
  }
  return (json) => tests.every((t) => t(json));
}
