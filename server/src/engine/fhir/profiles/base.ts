// The base R4 element at any path, across data types (`Patient.identifier.system` is Identifier.system).

import type { ElementDef } from '../definitions/model';
import type { R4Definitions } from '../definitions/store';
import { capitalize } from '../definitions/type-model';

export function baseElement(defs: R4Definitions, path: string): ElementDef | undefined {
  const byPath = defs.baseElements;
  if (byPath.has(path)) return byPath.get(path);
  const def = lookUp(defs, path);
  // Types load lazily: an unresolved path may resolve later, so only hits are kept.
  if (def) byPath.set(path, def);
  return def;
}

function lookUp(defs: R4Definitions, path: string): ElementDef | undefined {
  const segs = path.split('.');
  let model = defs.type(segs[0]);
  let current = segs[0];
  let def = model?.root;
  /** The type a choice property name selected (`valueCoding` → Coding). */
  let selected: string | undefined;
  for (const seg of segs.slice(1)) {
    if (!model) return undefined;
    if (!model.hasChildren(current) && def?.types?.length) {
      const t = selected ?? def.types[0].code;
      // A primitive's children (id, extension) are Element's.
      model = defs.type(t === 'BackboneElement' || t === 'Element' ? model.name : defs.isPrimitive(t) ? 'Element' : t);
      current = model?.name ?? '';
      if (!model) return undefined;
    }
    const children = model.childrenOf(current);
    const hit =
      children.get(seg) ?? [...children.values()].find((c) => c.def.path.endsWith(`.${seg}`) || (seg.endsWith('[x]') && c.def.path.endsWith(`.${seg}`)));
    const choice = !hit ? [...children.entries()].find(([name, c]) => c.type && name === seg.replace(/\[x\]$/, '') + capitalize(c.type)) : undefined;
    def = hit?.def ?? choice?.[1].def;
    selected = seg.endsWith('[x]') ? undefined : (hit?.type ?? choice?.[1].type);
    if (!def) return undefined;
    current = def.path;
  }
  return def;
}
