// A profile derived from another profile cannot change what its base fixes: a fixed[x] in the
// differential must equal the base's fixed value at the same element (a derived extension re-fixing
// `Extension.url` to its own url is the classic case: the url stays the base extension's). The base is
// found as profiles are (conformance sources, then R4's own extensions).

import type { AnalysisContext } from '../../core/types';
import type { R4Definitions } from '../definitions/store';
import type { ElementDef } from '../definitions/model';
import { resolveExtension } from '../extensions/check-extensions';
import { layerFor } from '../profiles/check-profiles';
import type { ProfileLayer } from '../profiles/layer';
import { conformanceIndexFor } from '../profiles/sources';
import { nameSpanOf, textSpan, toJson, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);
const CORE = 'http://hl7.org/fhir/StructureDefinition/';

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    // XML gives every primitive as a string: 5 and '5' are the same fixed value.
    return a !== null && b !== null && typeof a !== 'object' && typeof b !== 'object' && String(a) === String(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  return ka.length === kb.length && ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const shown = (v: unknown) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : `'${String(v)}'`);

/** The base layer's definition of the differential element `id` (`Extension.url`, `Patient.identifier:fnr.system`). */
function baseDef(layer: ProfileLayer, id: string, path: string): ElementDef | undefined {
  const colon = id.indexOf(':');
  if (colon < 0) return layer.elements.get(path);
  const rest = id.slice(colon + 1);
  const dot = rest.indexOf('.');
  const slice = layer.slices.get(id.slice(0, colon))?.find((s) => s.name === (dot < 0 ? rest : rest.slice(0, dot)));
  return dot < 0 ? slice?.root : slice?.children.get(rest.slice(dot + 1));
}

export async function checkSdFixedBase(sd: FhirNode, defs: R4Definitions, doc: FhirDocument, ctx: AnalysisContext, report: Report): Promise<void> {
  const base = child(sd, 'baseDefinition')?.value;
  const type = child(sd, 'type')?.value;
  if (child(sd, 'derivation')?.value !== 'constraint' || typeof base !== 'string' || typeof type !== 'string') return;
  // Base R4's resources and data types fix nothing; its extensions fix their url.
  if (base.startsWith(CORE) && type !== 'Extension') return;
  const elements = kids(child(sd, 'differential'), 'element').filter((e) => e.children.some((c) => c.name.startsWith('fixed')));
  if (!elements.length) return;
  const index = await conformanceIndexFor(ctx);
  const layer = type === 'Extension' ? await resolveExtension(defs, index, base) : await layerFor(index, base.split('|')[0]);
  if (!layer) return;
  for (const element of elements) {
    const path = child(element, 'path')?.value;
    if (typeof path !== 'string') continue;
    const id = String(child(element, 'id')?.value ?? path);
    const expected = baseDef(layer, id, path)?.fixed;
    const fixed = element.children.find((c) => c.name.startsWith('fixed'))!;
    const value = toJson(fixed);
    if (expected === undefined || equal(value, expected)) continue;
    report({
      rule: 'fhir/sd-fixed-base',
      severity: 'error',
      span: fixed.kind === 'object' ? nameSpanOf(fixed) : textSpan(fixed, doc.format),
      message: 'sd-fixed-base',
      args: [id, shown(value), layer.url, shown(expected)],
    });
  }
}
