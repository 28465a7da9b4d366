// Checks one resource (or one data-type value) against a profile layer: tightened cardinality,
// fixed/pattern values, required bindings (the profile's own value sets too), type profiles
// (no-basis-HumanName on Patient.name), slices and their members, and the profile's invariants.

import type { ElementDef, ExpandedValueSet, TypeRef } from '../definitions/model';
import type { R4Definitions } from '../definitions/store';
import { capitalize } from '../definitions/type-model';
import { nameSpanOf, toJson, type FhirDocument, type FhirNode } from '../tree';
import { checkBinding } from '../validate/binding';
import { checkFixedAndPattern } from '../validate/fixed';
import { checkLimits } from '../validate/limits';
import { checkNarrativeLanguage } from '../validate/narrative-language';
import { checkValuePresent } from '../validate/value-present';
import { allowedTargets, checkReferenceTarget } from '../validate/reference-target';
import type { Issue, Report } from '../validate/issue';
import type { InvariantSite } from '../validate/walker';
import { baseElement } from './base';
import type { ProfileLayer, Slice } from './layer';

export interface ProfileRun {
  defs: R4Definitions;
  doc: FhirDocument;
  report: Report;
  invariants: InvariantSite[];
  valueSet(url: string): ExpandedValueSet | undefined;
  layer(url: string): ProfileLayer | undefined;
  /** The analysis' today (YYYY-MM-DD), for Duration limits on dates. */
  today?: string;
  /** %rootResource of a resource: its container when it is contained, else the resource itself. */
  rootResource?(resource: FhirNode): FhirNode;
}

interface Located {
  node: FhirNode;
  label: string;
}

const maxOf = (m: string | undefined) => (m === undefined || m === '*' ? Infinity : Number(m));

/** The children of `parent` for one path segment (`value[x]` matches `valueString`, …). */
function childrenNamed(parent: Located, seg: string, basePath: string, run: ProfileRun): Located[] {
  const choice = seg.endsWith('[x]') ? seg.slice(0, -3) : undefined;
  const nodes = parent.node.children.filter((c) => (choice ? c.name.startsWith(choice) && /^[A-Z]/.test(c.name.slice(choice.length)) : c.name === seg));
  const repeats = baseElement(run.defs, basePath)?.max !== '1';
  return nodes.map((node, i) => ({ node, label: `${parent.label}.${node.name}${repeats ? `[${i}]` : ''}` }));
}

/** The elements at `rel` under `from`, and their base path (a choice resolved to the type found: `value[x]` → `valueCoding`). */
function navigateWithPath(from: Located[], rel: string[], basePath: string, run: ProfileRun): { found: Located[]; path: string } {
  let current = from;
  let path = basePath;
  for (const seg of rel) {
    current = current.flatMap((p) => childrenNamed(p, seg, `${path}.${seg}`, run));
    const names = seg.endsWith('[x]') ? new Set(current.map((c) => c.node.name)) : undefined;
    path = `${path}.${names?.size === 1 ? [...names][0] : seg}`;
  }
  return { found: current, path };
}

function navigate(from: Located[], rel: string[], basePath: string, run: ProfileRun): Located[] {
  return navigateWithPath(from, rel, basePath, run).found;
}

/** min/max/fixed/pattern/binding/invariants/type profile of `def` on the elements at `rel` under each parent. */
function applyElement(parents: Located[], rel: string[], basePath: string, def: Partial<ElementDef>, run: ProfileRun, resource: FhirNode, depth: number): void {
  const last = rel[rel.length - 1];
  const { found: holders, path: holderPath } = navigateWithPath(parents, rel.slice(0, -1), basePath, run);
  const fullPath = `${holderPath}.${last}`;
  const base = baseElement(run.defs, fullPath);
  // A path the base type does not have (a profile naming `Patient.dateOfBirth`) constrains nothing.
  if (!base && !last.endsWith('[x]') && baseElement(run.defs, holderPath)) return;
  for (const holder of holders) {
    const found = childrenNamed(holder, last, fullPath, run);
    if (def.min !== undefined && def.min > (base?.min ?? 0) && found.length < def.min) {
      run.report({
        rule: 'fhir/cardinality',
        severity: 'error',
        span: holder.node.resourceTypeSpan && holder.node.name === '' ? holder.node.resourceTypeSpan : nameSpanOf(holder.node),
        message: 'too-few',
        args: [holder.label, last, def.min, found.length],
      });
    }
    if (def.max !== undefined && maxOf(def.max) < maxOf(base?.max) && found.length > maxOf(def.max)) {
      for (const extra of found.slice(maxOf(def.max)))
        run.report({
          rule: 'fhir/cardinality',
          severity: 'error',
          span: nameSpanOf(extra.node),
          message: 'too-many',
          args: [`${holder.label}.${last}`, def.max, found.length],
        });
    }
    if (last.endsWith('[x]') && def.types?.length) checkChoiceType(found, last.slice(0, -3), def.types, run);
    for (const f of found) checkValue(f, def, run, resource, depth, fullPath);
  }
}

/** A profile (or extension definition) narrowing `value[x]` to some of its types: the others are errors. */
function checkChoiceType(found: Located[], prefix: string, types: TypeRef[], run: ProfileRun): void {
  const allowed = new Set(types.map((t) => prefix + capitalize(t.code)));
  for (const f of found) {
    if (allowed.has(f.node.name)) continue;
    const suffix = f.node.name.slice(prefix.length);
    const lower = suffix.charAt(0).toLowerCase() + suffix.slice(1);
    const type = run.defs.isPrimitive(lower) ? lower : suffix;
    run.report({
      rule: 'fhir/type',
      severity: 'error',
      span: nameSpanOf(f.node),
      message: 'wrong-type',
      args: [f.label, type, types.map((t) => t.code).join(', ')],
    });
  }
}

function checkValue(f: Located, def: Partial<ElementDef>, run: ProfileRun, resource: FhirNode, depth: number, path: string): void {
  if (def.fixed !== undefined || def.pattern !== undefined) checkFixedAndPattern(f.node, toJson(f.node), def.fixed, def.pattern, f.label, run.report);
  if (def.minValue || def.maxValue || def.maxLength !== undefined || def.minLength !== undefined)
    checkLimits(f.node, def, run.doc, f.label, run.report, run.today);
  if (def.mustHaveValue || def.valueAlternatives) checkValuePresent(f.node, def, f.label, run.report);
  if (def.languageControl) checkNarrativeLanguage(f.node, def.languageControl, resource, f.label, run.report);
  const type = def.types?.[0]?.code ?? baseElement(run.defs, path)?.types?.[0]?.code;
  if (type === 'Reference' && def.types?.some((t) => t.targetProfile?.length)) {
    checkReferenceTarget(
      f.node,
      allowedTargets(def.types, (url) => run.layer(url)?.type),
      (t) => run.defs.isResource(t),
      run.doc,
      f.label,
      run.report,
    );
  }
  if (def.binding?.strength === 'required' && type) checkBinding(f.node, type, def.binding, run.valueSet(def.binding.valueSet), run.doc, f.label, run.report);
  if (def.constraints?.length)
    run.invariants.push({ node: f.node, base: path, def: def as ElementDef, path: f.label, resource, rootResource: run.rootResource?.(resource) ?? resource });
  const layers = (def.types?.flatMap((t) => t.profile ?? []) ?? [])
    .map((p) => run.layer(p))
    .filter((l): l is ProfileLayer => !!l && depth < 4 && !!l.type && !l.type.includes('Extension'));
  // A profile on a resource inside this one (a Bundle entry's) sees that resource as %resource.
  const own = f.node.resourceType ? f.node : resource;
  if (layers.length === 1) applyLayer(f.node, f.label, layers[0], run, own, depth + 1);
  else if (layers.length > 1) applyAlternatives(f, layers, run, own, depth);
}

/**
 * Several profiles on one type are alternatives: the element must conform to one of them. Each is
 * applied with its own report; the first without errors wins and only its findings count (invariants
 * included); when none conforms, every alternative's errors are reported.
 */
function applyAlternatives(f: Located, layers: ProfileLayer[], run: ProfileRun, resource: FhirNode, depth: number): void {
  const tries = layers.map((layer) => {
    const issues: Issue[] = [];
    const invariants: InvariantSite[] = [];
    applyLayer(f.node, f.label, layer, { ...run, report: (i) => issues.push(i), invariants }, resource, depth + 1);
    return { issues, invariants };
  });
  const ok = tries.find((t) => !t.issues.some((i) => i.severity === 'error'));
  for (const t of ok ? [ok] : tries) {
    t.issues.forEach(run.report);
    run.invariants.push(...t.invariants);
  }
}

/**
 * A `profile` discriminator: does the node at the slice's path conform to one of its types (the
 * resource type, then the profile applied quietly: no error)? A profile not found here counts by type.
 */
function conformsTo(item: Located, spec: NonNullable<Slice['byProfile']>, run: ProfileRun, depth: number): boolean {
  const targets = spec.path === '$this' ? [item.node] : item.node.children.filter((c) => c.name === spec.path);
  return targets.some((t) =>
    spec.types.some((type) => {
      if (/^[A-Z]/.test(type.code) && run.defs.isResource(type.code) && t.resourceType !== type.code) return false;
      const layers = (type.profile ?? []).map((p) => run.layer(p)).filter((l): l is ProfileLayer => !!l);
      if (!layers.length || depth >= 4) return true;
      return layers.some((layer) => {
        let failed = false;
        applyLayer(
          t,
          item.label,
          layer,
          { ...run, report: (i) => (failed ||= i.severity === 'error'), invariants: [] },
          t.resourceType ? t : item.node,
          depth + 1,
        );
        return !failed;
      });
    }),
  );
}

/** Applies `layer` to `node`, whose instance path is `label` (the layer's root path is `layer.type`). */
export function applyLayer(node: FhirNode, label: string, layer: ProfileLayer, run: ProfileRun, resource: FhirNode, depth = 0): void {
  const root: Located = { node, label };
  const rootPath = layer.type;
  for (const [path, def] of layer.elements) {
    if (path === rootPath) {
      if (def.constraints?.length)
        run.invariants.push({ node, base: rootPath, def: def as ElementDef, path: label, resource, rootResource: run.rootResource?.(resource) ?? resource });
      continue;
    }
    if (!path.startsWith(`${rootPath}.`)) continue;
    applyElement([root], path.slice(rootPath.length + 1).split('.'), rootPath, def, run, resource, depth);
  }
  for (const [path, slices] of layer.slices) {
    if (!path.startsWith(`${rootPath}.`)) continue;
    const rel = path.slice(rootPath.length + 1).split('.');
    const holders = navigate([root], rel.slice(0, -1), rootPath, run);
    for (const holder of holders) {
      const items = childrenNamed(holder, rel[rel.length - 1], path, run);
      // Each item as FHIR JSON once, not once per slice (a complex extension has a slice per part).
      const jsons = items.map((i) => toJson(i.node));
      for (const slice of slices) {
        // A discriminator not evaluated here tells nothing, except that an empty list lacks the slice.
        if (!slice.matchable && items.length) continue;
        const matched = items.filter((item, k) => (slice.byProfile ? conformsTo(item, slice.byProfile, run, depth) : slice.matches(jsons[k])));
        const where = `${holder.label}.${rel[rel.length - 1]}`;
        if (matched.length < slice.min) {
          run.report({
            rule: 'fhir/slice-cardinality',
            severity: 'error',
            span: holder.node.resourceTypeSpan && holder.node.name === '' ? holder.node.resourceTypeSpan : nameSpanOf(holder.node),
            message: 'slice-min',
            args: [where, slice.name, slice.min, matched.length],
          });
        }
        if (matched.length > maxOf(slice.max)) {
          for (const extra of matched.slice(maxOf(slice.max)))
            run.report({
              rule: 'fhir/slice-cardinality',
              severity: 'error',
              span: nameSpanOf(extra.node),
              message: 'slice-max',
              args: [where, slice.name, slice.max, matched.length],
            });
        }
        for (const m of matched.map((x) => ({ ...x, label: `${x.label} (${slice.name})` }))) {
          checkValue(m, slice.root, run, resource, depth, path);
          for (const [childRel, def] of slice.children) applyElement([m], childRel.split('.'), path, def, run, resource, depth);
        }
      }
    }
  }
}
