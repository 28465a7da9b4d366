// The global components of a schema set, by kind and QName, for the completion/hover model: elements,
// types, groups and attributes, plus the two relations that point the other way in a schema: the members
// of each substitution group and the named types derived from each type.

import { attribute, childElements, parseXml, type XmlElement } from '../xml/parse';

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

export type Kind = 'element' | 'complexType' | 'simpleType' | 'group' | 'attributeGroup' | 'attribute';

export interface SchemaDoc {
  ns: string;
  qualified: boolean;
  root: XmlElement;
}

/** A named type derived (by extension or restriction, at any depth) from another. */
export interface DerivedType {
  ns: string;
  local: string;
  node: XmlElement;
}

const key = (kind: Kind, ns: string, local: string) => `${kind} {${ns}}${local}`;
const qkey = (q: { ns: string; local: string }) => `{${q.ns}}${q.local}`;

export const isAbstract = (el: XmlElement) => attribute(el, 'abstract')?.value === 'true';

/** The XML Schema children of a schema element (of one kind when `local` is given). */
export const xs = (el: XmlElement, local?: string) => childElements(el).filter((c) => c.ns === XSD_NS && (!local || c.local === local));

/** Resolve a QName (type="kith:CV" in a schema, xsi:type="kith:TN" in an instance) against the namespaces in scope. */
export function resolveQName(el: XmlElement, qname: string): { ns: string; local: string } {
  const colon = qname.indexOf(':');
  const prefix = colon > 0 ? qname.slice(0, colon) : '';
  const local = colon > 0 ? qname.slice(colon + 1) : qname;
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (prefix in e.nsDecls) return { ns: e.nsDecls[prefix], local };
  }
  return { ns: '', local };
}

function push<T>(map: Map<string, T[]>, k: string, v: T): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}

export class SchemaGlobals {
  private readonly globals = new Map<string, { node: XmlElement; doc: SchemaDoc }>();
  private readonly docOf = new Map<XmlElement, SchemaDoc>();
  /** Substitution group head → its direct members (global elements). */
  private readonly members = new Map<string, XmlElement[]>();
  /** Named type → the named types derived from it directly. */
  private readonly derived = new Map<string, DerivedType[]>();

  constructor(texts: string[]) {
    for (const text of texts) {
      const root = parseXml(text).root;
      if (!root || root.ns !== XSD_NS || root.local !== 'schema') continue;
      const doc: SchemaDoc = {
        ns: attribute(root, 'targetNamespace')?.value ?? '',
        qualified: attribute(root, 'elementFormDefault')?.value === 'qualified',
        root,
      };
      this.docOf.set(root, doc);
      for (const c of xs(root)) {
        const name = attribute(c, 'name')?.value;
        // The first declaration of a QName wins (the set's files are in resolution order).
        if (!name || this.globals.has(key(c.local as Kind, doc.ns, name))) continue;
        this.globals.set(key(c.local as Kind, doc.ns, name), { node: c, doc });
        if (c.local === 'element') {
          for (const head of (attribute(c, 'substitutionGroup')?.value ?? '').split(/\s+/).filter(Boolean)) push(this.members, qkey(resolveQName(c, head)), c);
        } else if (c.local === 'complexType' || c.local === 'simpleType') {
          const content = c.local === 'simpleType' ? [c] : xs(c).filter((x) => x.local === 'complexContent' || x.local === 'simpleContent');
          const derivation = content.flatMap((x) => xs(x).filter((d) => d.local === 'extension' || d.local === 'restriction'))[0];
          const base = derivation && attribute(derivation, 'base')?.value;
          if (base) push(this.derived, qkey(resolveQName(derivation, base)), { ns: doc.ns, local: name, node: c });
        }
      }
    }
  }

  /** The schema file a schema node belongs to. */
  schemaOf(el: XmlElement): SchemaDoc {
    let e = el;
    while (e.parent) e = e.parent;
    return this.docOf.get(e)!;
  }

  get(kind: Kind, ns: string, local: string): XmlElement | undefined {
    return this.globals.get(key(kind, ns, local))?.node;
  }

  /** A named complex or simple type. */
  type(q: { ns: string; local: string }): XmlElement | undefined {
    return this.get('complexType', q.ns, q.local) ?? this.get('simpleType', q.ns, q.local);
  }

  /** The global component an `xs:element ref=…` (attribute, group…) points at. */
  ref(el: XmlElement, kind: Kind): XmlElement | undefined {
    const r = attribute(el, 'ref')?.value;
    if (!r) return undefined;
    const q = resolveQName(el, r);
    return this.get(kind, q.ns, q.local);
  }

  /** Names of the global elements of a namespace (the possible document roots; abstract ones cannot be). */
  elements(ns: string): string[] {
    const prefix = `element {${ns}}`;
    return [...this.globals].filter(([k, g]) => k.startsWith(prefix) && !isAbstract(g.node)).map(([k]) => k.slice(prefix.length));
  }

  /** The named types derived from a type, at any depth, nearest first. */
  derivedFrom(type: { ns: string; local: string }): DerivedType[] {
    const out: DerivedType[] = [];
    const queue = [qkey(type)];
    const seen = new Set(queue);
    while (queue.length) {
      for (const d of this.derived.get(queue.shift()!) ?? []) {
        if (seen.has(qkey(d))) continue;
        seen.add(qkey(d));
        out.push(d);
        queue.push(qkey(d));
      }
    }
    return out;
  }

  /** The non-abstract members of a head's substitution group, members of members included. */
  substitutes(head: XmlElement): XmlElement[] {
    const out: XmlElement[] = [];
    const queue = [head];
    const seen = new Set(queue);
    while (queue.length) {
      const h = queue.shift()!;
      for (const m of this.members.get(qkey({ ns: this.schemaOf(h).ns, local: attribute(h, 'name')?.value ?? '' })) ?? []) {
        if (seen.has(m)) continue;
        seen.add(m);
        queue.push(m);
        if (!isAbstract(m)) out.push(m);
      }
    }
    return out;
  }
}
