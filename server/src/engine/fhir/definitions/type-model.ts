// Look-ups over one type's element list: the element at a path, and the properties an instance may
// have under a path (with choice types `value[x]` expanded to `valueString`, `valueQuantity`, …).

import type { ElementDef, TypeDefinition } from './model';

export interface ChildDef {
  def: ElementDef;
  /** The type this property name selects (choice types), else undefined (the element's own type). */
  type?: string;
  /** The definition's position under its parent (`childDefs`), and its max as a number (`*`: Infinity). */
  at: number;
  max: number;
}

export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export class TypeModel {
  readonly byPath = new Map<string, ElementDef>();
  private readonly children = new Map<string, Map<string, ChildDef>>();
  private readonly childLists = new Map<string, ElementDef[]>();
  private readonly orders = new Map<string, Map<ElementDef, number>>();
  private readonly required = new Map<string, number[]>();

  constructor(readonly definition: TypeDefinition) {
    for (const e of definition.elements) {
      if (e.sliceName || (e.id && e.id.includes(':'))) continue;
      this.byPath.set(e.path, e);
      const dot = e.path.lastIndexOf('.');
      if (dot < 0) continue;
      const parent = e.path.slice(0, dot);
      const list = this.childLists.get(parent);
      if (list) list.push(e);
      else this.childLists.set(parent, [e]);
    }
  }

  get name(): string {
    return this.definition.name;
  }

  get root(): ElementDef | undefined {
    return this.byPath.get(this.definition.name);
  }

  hasChildren(path: string): boolean {
    return this.childLists.has(path);
  }

  /** The element definitions directly under `path`, in definition order. */
  childDefs(path: string): ElementDef[] {
    return this.childLists.get(path) ?? [];
  }

  /** Position of each child definition under `path` (the order FHIR XML requires). */
  orderOf(path: string): Map<ElementDef, number> {
    let order = this.orders.get(path);
    if (!order) this.orders.set(path, (order = new Map(this.childDefs(path).map((d, i) => [d, i]))));
    return order;
  }

  /** Positions (in `childDefs`) of the definitions under `path` with a min above 0. */
  requiredOf(path: string): number[] {
    let list = this.required.get(path);
    if (!list) {
      list = [];
      const defs = this.childDefs(path);
      for (let d = 0; d < defs.length; d++) if (defs[d].min > 0) list.push(d);
      this.required.set(path, list);
    }
    return list;
  }

  /** Property name → definition for the properties allowed under `path`. */
  childrenOf(path: string): Map<string, ChildDef> {
    let map = this.children.get(path);
    if (map) return map;
    map = new Map();
    const defs = this.childDefs(path);
    for (let at = 0; at < defs.length; at++) {
      const def = defs[at];
      const max = def.max === '*' ? Number.POSITIVE_INFINITY : Number(def.max);
      const last = def.path.slice(path.length + 1);
      if (last.endsWith('[x]')) {
        const base = last.slice(0, -3);
        for (const t of def.types ?? []) map.set(base + capitalize(t.code), { def, type: t.code, at, max });
      } else {
        map.set(last, { def, at, max });
      }
    }
    this.children.set(path, map);
    return map;
  }
}
