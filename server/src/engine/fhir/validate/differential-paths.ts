// A StructureDefinition that constrains a base R4 type: each differential element's path must be an
// element of that type (through data types and backbone elements), as the reference validator's
// snapshot generator requires. A choice renamed to one of its types (`valueQuantity`) is allowed; a
// name that is neither (`valueBla`) is an error on the path.

import type { R4Definitions } from '../definitions/store';
import type { TypeModel } from '../definitions/type-model';
import { textSpan, type FhirDocument, type FhirNode } from '../tree';
import type { Report } from './issue';

const CORE = 'http://hl7.org/fhir/StructureDefinition/';
const child = (n: FhirNode | undefined, name: string) => n?.children.find((c) => c.name === name);
const kids = (n: FhirNode | undefined, name: string) => (n ? n.children.filter((c) => c.name === name) : []);

/** Whether `path` names an element of its base type; undefined when that cannot be told here. */
export function pathExists(defs: R4Definitions, path: string): boolean | undefined {
  const segs = path.split('.');
  let tm: TypeModel | undefined = defs.type(segs[0]);
  if (!tm) return undefined;
  let defPath = segs[0];
  for (const [i, seg] of segs.entries()) {
    if (i === 0) continue;
    const allowed: Map<string, { def: { path: string; types?: { code: string }[]; contentReference?: string }; type?: string }> = tm.childrenOf(defPath);
    const hit = seg.endsWith('[x]') ? [...allowed.values()].find((h) => h.def.path === `${defPath}.${seg}`) : allowed.get(seg);
    if (!hit) return false;
    // The last name is found: what its type is made of does not matter.
    if (i === segs.length - 1) return true;
    if (tm.hasChildren(hit.def.path)) {
      defPath = hit.def.path;
      continue;
    }
    if (hit.def.contentReference) {
      defPath = hit.def.contentReference.slice(hit.def.contentReference.indexOf('#') + 1);
      continue;
    }
    const types = hit.type ? [hit.type] : (hit.def.types ?? []).map((t) => t.code);
    if (types.length !== 1) return undefined; // below a choice: which type the path goes through is not said
    const next = defs.type(types[0]);
    if (!next) return undefined;
    tm = next;
    defPath = types[0];
  }
  return true;
}

export async function checkDifferentialPaths(sd: FhirNode, defs: R4Definitions, doc: FhirDocument, report: Report): Promise<void> {
  const base = child(sd, 'baseDefinition')?.value;
  const type = child(sd, 'type')?.value;
  if (child(sd, 'derivation')?.value !== 'constraint' || typeof base !== 'string' || !base.startsWith(CORE) || typeof type !== 'string' || type === 'Extension')
    return;
  if (!defs.isResource(type) && !defs.type(type)) return;
  await defs.ensure(type);
  kids(child(sd, 'differential'), 'element').forEach((element, i) => {
    const path = child(element, 'path');
    if (typeof path?.value !== 'string' || !path.value.startsWith(`${type}.`)) return;
    if (pathExists(defs, path.value) === false) {
      report({
        rule: 'fhir/structure-definition',
        severity: 'error',
        span: textSpan(path, doc.format),
        message: 'sd-unknown-path',
        args: [`StructureDefinition.differential.element[${i}].path`, path.value, type],
      });
    }
  });
}
