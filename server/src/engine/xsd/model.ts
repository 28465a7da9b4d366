// A navigable model of a schema set for completion and hover: which child elements and attributes an
// element may have, the enumerated values of a simple type, and each declaration's xs:documentation
// (the KITH schemas document in Norwegian) and type. Built from the same files libxml2 validates with.

import { attribute, childElements, parseXml, textOf, type XmlElement } from '../xml/parse';

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';

export interface Decl {
  kind: 'element' | 'attribute';
  name: string;
  ns: string;
  /** The declaring xs:element / xs:attribute (after following `ref`). */
  node: XmlElement;
  /** Where it was used (for minOccurs/use), when reached through a reference. */
  use: XmlElement;
  /** The schema file's targetNamespace. */
  schemaNs: string;
}

interface SchemaDoc {
  ns: string;
  qualified: boolean;
  root: XmlElement;
}

type Kind = 'element' | 'complexType' | 'simpleType' | 'group' | 'attributeGroup' | 'attribute';

const key = (kind: Kind, ns: string, local: string) => `${kind} {${ns}}${local}`;
const xs = (el: XmlElement, local?: string) => childElements(el).filter((c) => c.ns === XSD_NS && (!local || c.local === local));

/** Resolve a QName written in a schema (type="kith:CV") against the namespaces in scope there. */
function resolveQName(el: XmlElement, qname: string): { ns: string; local: string } {
  const colon = qname.indexOf(':');
  const prefix = colon > 0 ? qname.slice(0, colon) : '';
  const local = colon > 0 ? qname.slice(colon + 1) : qname;
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    if (prefix in e.nsDecls) return { ns: e.nsDecls[prefix], local };
  }
  return { ns: '', local };
}

export class SchemaModel {
  private readonly globals = new Map<string, { node: XmlElement; doc: SchemaDoc }>();
  private readonly docOf = new Map<XmlElement, SchemaDoc>();

  constructor(texts: string[]) {
    for (const text of texts) {
      const root = parseXml(text).root;
      if (!root || root.ns !== XSD_NS || root.local !== 'schema') continue;
      const doc: SchemaDoc = { ns: attribute(root, 'targetNamespace')?.value ?? '', qualified: attribute(root, 'elementFormDefault')?.value === 'qualified', root };
      this.docOf.set(root, doc);
      for (const c of xs(root)) {
        const name = attribute(c, 'name')?.value;
        if (name && !this.globals.has(key(c.local as Kind, doc.ns, name))) this.globals.set(key(c.local as Kind, doc.ns, name), { node: c, doc });
      }
    }
  }

  private schemaOf(el: XmlElement): SchemaDoc {
    let e = el;
    while (e.parent) e = e.parent;
    return this.docOf.get(e)!;
  }

  private global(kind: Kind, ns: string, local: string): XmlElement | undefined {
    return this.globals.get(key(kind, ns, local))?.node;
  }

  private ref(el: XmlElement, kind: Kind): XmlElement | undefined {
    const r = attribute(el, 'ref')?.value;
    if (!r) return undefined;
    const q = resolveQName(el, r);
    return this.global(kind, q.ns, q.local);
  }

  /** Names of the global elements of a namespace (the possible document roots). */
  globalElements(ns: string): string[] {
    const prefix = `element {${ns}}`;
    return [...this.globals.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** The global element declared for an instance element. */
  rootDecl(ns: string, local: string): Decl | undefined {
    const node = this.global('element', ns, local);
    return node ? { kind: 'element', name: local, ns, node, use: node, schemaNs: ns } : undefined;
  }

  /** The complexType (named or anonymous) or simpleType of a declaration. */
  typeOf(decl: Decl): XmlElement | undefined {
    const t = attribute(decl.node, 'type')?.value;
    if (t) {
      const q = resolveQName(decl.node, t);
      return this.global('complexType', q.ns, q.local) ?? this.global('simpleType', q.ns, q.local);
    }
    return xs(decl.node, 'complexType')[0] ?? xs(decl.node, 'simpleType')[0];
  }

  typeName(decl: Decl): string {
    return attribute(decl.node, 'type')?.value ?? (xs(decl.node, 'complexType')[0] ? 'complex (anonymous)' : xs(decl.node, 'simpleType')[0] ? 'simple (anonymous)' : 'anyType');
  }

  /** The child element declarations a complex type allows, in order (wildcards left out). */
  children(decl: Decl): Decl[] {
    const type = this.typeOf(decl);
    return type?.local === 'complexType' ? this.particles(type, new Set()) : [];
  }

  /** The attribute declarations of an element's type. */
  attributes(decl: Decl): Decl[] {
    const type = this.typeOf(decl);
    return type?.local === 'complexType' ? this.attrs(type, new Set()) : [];
  }

  /** Enumerated values of a declaration's simple type (following restriction bases and unions). */
  enumeration(decl: Decl): string[] {
    let type: XmlElement | undefined = this.typeOf(decl);
    if (type?.local === 'complexType') {
      const ext = xs(type, 'simpleContent').flatMap((s) => [...xs(s, 'extension'), ...xs(s, 'restriction')])[0];
      const base = ext && attribute(ext, 'base')?.value;
      type = base ? this.namedSimple(ext, base) : undefined;
    }
    return type ? this.enums(type, new Set()) : [];
  }

  /**
   * True when the element must occur wherever its parent occurs: minOccurs ≥ 1 on the use and on every
   * enclosing sequence, and no enclosing choice (where another branch could stand instead).
   */
  required(decl: Decl): boolean {
    for (let e: XmlElement | undefined = decl.use; e && e.local !== 'complexType' && e.local !== 'group' && e.local !== 'schema'; e = e.parent) {
      if (Number(attribute(e, 'minOccurs')?.value ?? '1') < 1) return false;
      if (e !== decl.use && e.local === 'choice') return false;
    }
    return true;
  }

  documentation(decl: Decl): string | undefined {
    const own = (n: XmlElement) => xs(n, 'annotation').flatMap((a) => xs(a, 'documentation')).map((d) => textOf(d).trim()).filter(Boolean).join('\n\n');
    return own(decl.use) || own(decl.node) || (this.typeOf(decl) && own(this.typeOf(decl)!)) || undefined;
  }

  private namedSimple(at: XmlElement, qname: string): XmlElement | undefined {
    const q = resolveQName(at, qname);
    return this.global('simpleType', q.ns, q.local);
  }

  private enums(type: XmlElement, seen: Set<XmlElement>): string[] {
    if (seen.has(type)) return [];
    seen.add(type);
    const out: string[] = [];
    for (const r of xs(type, 'restriction')) {
      out.push(...xs(r, 'enumeration').map((e) => attribute(e, 'value')?.value ?? ''));
      const base = attribute(r, 'base')?.value;
      const inner = xs(r, 'simpleType')[0] ?? (base ? this.namedSimple(r, base) : undefined);
      if (!out.length && inner) out.push(...this.enums(inner, seen));
    }
    for (const u of xs(type, 'union')) {
      for (const m of (attribute(u, 'memberTypes')?.value ?? '').split(/\s+/).filter(Boolean)) {
        const t = this.namedSimple(u, m);
        if (t) out.push(...this.enums(t, seen));
      }
      for (const t of xs(u, 'simpleType')) out.push(...this.enums(t, seen));
    }
    return [...new Set(out)];
  }

  private particles(node: XmlElement, seen: Set<XmlElement>): Decl[] {
    if (seen.has(node)) return [];
    seen.add(node);
    const out: Decl[] = [];
    for (const c of xs(node)) {
      switch (c.local) {
        case 'sequence':
        case 'choice':
        case 'all':
          out.push(...this.particles(c, seen));
          break;
        case 'group': {
          const g = this.ref(c, 'group');
          if (g) out.push(...this.particles(g, seen));
          else out.push(...this.particles(c, seen));
          break;
        }
        case 'complexContent':
          for (const d of xs(c).filter((x) => x.local === 'extension' || x.local === 'restriction')) {
            const base = attribute(d, 'base')?.value;
            if (d.local === 'extension' && base) {
              const q = resolveQName(d, base);
              const bt = this.global('complexType', q.ns, q.local);
              if (bt) out.push(...this.particles(bt, seen));
            }
            out.push(...this.particles(d, seen));
          }
          break;
        case 'element': {
          const target = this.ref(c, 'element');
          const node = target ?? c;
          const doc = this.schemaOf(node);
          const name = attribute(node, 'name')?.value;
          if (!name) break;
          const global = node.parent?.local === 'schema';
          const form = attribute(node, 'form')?.value;
          const ns = global || form === 'qualified' || (form !== 'unqualified' && doc.qualified) ? doc.ns : '';
          out.push({ kind: 'element', name, ns, node, use: c, schemaNs: doc.ns });
          break;
        }
      }
    }
    return out;
  }

  private attrs(node: XmlElement, seen: Set<XmlElement>): Decl[] {
    if (seen.has(node)) return [];
    seen.add(node);
    const out: Decl[] = [];
    for (const c of xs(node)) {
      if (c.local === 'attribute') {
        const target = this.ref(c, 'attribute') ?? c;
        const name = attribute(target, 'name')?.value;
        if (!name || attribute(c, 'use')?.value === 'prohibited') continue;
        const doc = this.schemaOf(target);
        const ns = target.parent?.local === 'schema' ? doc.ns : '';
        out.push({ kind: 'attribute', name, ns, node: target, use: c, schemaNs: doc.ns });
      } else if (c.local === 'attributeGroup') {
        const g = this.ref(c, 'attributeGroup');
        if (g) out.push(...this.attrs(g, seen));
      } else if (c.local === 'complexContent' || c.local === 'simpleContent') {
        for (const d of xs(c).filter((x) => x.local === 'extension' || x.local === 'restriction')) {
          const base = attribute(d, 'base')?.value;
          if (base) {
            const q = resolveQName(d, base);
            const bt = this.global('complexType', q.ns, q.local);
            if (bt) out.push(...this.attrs(bt, seen));
          }
          out.push(...this.attrs(d, seen));
        }
      }
    }
    const byName = new Map(out.map((d) => [`${d.ns}|${d.name}`, d]));
    return [...byName.values()];
  }
}

/** The declaration of an instance element: from its nearest namespace root down through the content models. */
export function declOf(model: SchemaModel, el: XmlElement): Decl | undefined {
  const chain: XmlElement[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    chain.unshift(e);
    if (!e.parent || (e.parent.ns ?? '') !== (e.ns ?? '')) {
      const start = model.rootDecl(e.ns ?? '', e.local);
      if (start) {
        let decl: Decl | undefined = start;
        for (const step of chain.slice(1)) {
          decl = decl && model.children(decl).find((c) => c.name === step.local && c.ns === (step.ns ?? ''));
        }
        if (decl) return decl;
      }
    }
  }
  return model.rootDecl(el.ns ?? '', el.local);
}
