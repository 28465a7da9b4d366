// A navigable model of a schema set for completion and hover: which child elements and attributes an
// element may have, the enumerated values of a simple type, and each declaration's xs:documentation
// (the KITH schemas document in Norwegian) and type. Built from the same files libxml2 validates with.
// Substitution groups (members stand where their head is referenced) and an instance's `xsi:type`
// (the derived type's content, its bases' included) are followed; xs:redefine is not (no NHN schema uses it).

import { attribute, childElements, parseXml, textOf, XSI_NS, type XmlElement } from '../xml/parse';

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
  /** The type an instance chose with `xsi:type`, as written, and its declaration (none for a built-in type). */
  xsiType?: { qname: string; node?: XmlElement };
  /** One of several elements that may stand here (a substitution group's head and members). */
  alternative?: boolean;
}

/** A named type derived (by extension or restriction, at any depth) from another. */
export interface DerivedType {
  ns: string;
  local: string;
  node: XmlElement;
}

interface SchemaDoc {
  ns: string;
  qualified: boolean;
  root: XmlElement;
}

type Kind = 'element' | 'complexType' | 'simpleType' | 'group' | 'attributeGroup' | 'attribute';

const key = (kind: Kind, ns: string, local: string) => `${kind} {${ns}}${local}`;
const qkey = (q: { ns: string; local: string }) => `{${q.ns}}${q.local}`;
const isAbstract = (el: XmlElement) => attribute(el, 'abstract')?.value === 'true';
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
  /** Substitution group head → its direct members (global elements). */
  private readonly members = new Map<string, XmlElement[]>();
  /** Named type → the named types derived from it directly. */
  private readonly derived = new Map<string, DerivedType[]>();

  constructor(texts: string[]) {
    for (const text of texts) {
      const root = parseXml(text).root;
      if (!root || root.ns !== XSD_NS || root.local !== 'schema') continue;
      const doc: SchemaDoc = { ns: attribute(root, 'targetNamespace')?.value ?? '', qualified: attribute(root, 'elementFormDefault')?.value === 'qualified', root };
      this.docOf.set(root, doc);
      for (const c of xs(root)) {
        const name = attribute(c, 'name')?.value;
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

  /** Names of the global elements of a namespace (the possible document roots; abstract ones cannot be). */
  globalElements(ns: string): string[] {
    const prefix = `element {${ns}}`;
    return [...this.globals].filter(([k, g]) => k.startsWith(prefix) && !isAbstract(g.node)).map(([k]) => k.slice(prefix.length));
  }

  /** The declaration as an instance element uses it: with the type its `xsi:type` names, when it has one. */
  forInstance(decl: Decl, el: XmlElement): Decl {
    const qname = attribute(el, 'type', XSI_NS)?.value.trim();
    if (!qname) return decl;
    const q = resolveQName(el, qname);
    return { ...decl, xsiType: { qname, node: this.global('complexType', q.ns, q.local) ?? this.global('simpleType', q.ns, q.local) } };
  }

  /**
   * The named types an instance may name in `xsi:type` for a declaration: its declared type (unless
   * abstract) and every named type derived from it, at any depth. Empty when nothing derives from it.
   */
  derivedTypes(decl: Decl): DerivedType[] {
    const t = attribute(decl.node, 'type')?.value;
    if (!t) return [];
    const declared = resolveQName(decl.node, t);
    const out: DerivedType[] = [];
    const queue = [qkey(declared)];
    const seen = new Set(queue);
    while (queue.length) {
      for (const d of this.derived.get(queue.shift()!) ?? []) {
        if (seen.has(qkey(d))) continue;
        seen.add(qkey(d));
        out.push(d);
        queue.push(qkey(d));
      }
    }
    if (!out.length) return [];
    const own = this.global('complexType', declared.ns, declared.local) ?? this.global('simpleType', declared.ns, declared.local);
    return [...(own ? [{ ...declared, node: own }] : []), ...out].filter((d) => !isAbstract(d.node));
  }

  /** The global element declared for an instance element. */
  rootDecl(ns: string, local: string): Decl | undefined {
    const node = this.global('element', ns, local);
    return node ? { kind: 'element', name: local, ns, node, use: node, schemaNs: ns } : undefined;
  }

  /** The complexType (named or anonymous) or simpleType of a declaration (the instance's xsi:type first). */
  typeOf(decl: Decl): XmlElement | undefined {
    if (decl.xsiType) return decl.xsiType.node;
    const t = attribute(decl.node, 'type')?.value;
    if (t) {
      const q = resolveQName(decl.node, t);
      return this.global('complexType', q.ns, q.local) ?? this.global('simpleType', q.ns, q.local);
    }
    return xs(decl.node, 'complexType')[0] ?? xs(decl.node, 'simpleType')[0];
  }

  typeName(decl: Decl): string {
    if (decl.xsiType) return `${decl.xsiType.qname} (xsi:type)`;
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
    if (decl.alternative) return false;
    for (let e: XmlElement | undefined = decl.use; e && e.local !== 'complexType' && e.local !== 'group' && e.local !== 'schema'; e = e.parent) {
      if (Number(attribute(e, 'minOccurs')?.value ?? '1') < 1) return false;
      if (e !== decl.use && e.local === 'choice') return false;
    }
    return true;
  }

  documentation(decl: Decl): string | undefined {
    const own = (n: XmlElement) => xs(n, 'annotation').flatMap((a) => xs(a, 'documentation')).map((d) => textOf(d).trim()).filter(Boolean).join('\n\n');
    if (decl.alternative) return own(decl.node) || own(decl.use) || (this.typeOf(decl) && own(this.typeOf(decl)!)) || undefined;
    return own(decl.use) || own(decl.node) || (this.typeOf(decl) && own(this.typeOf(decl)!)) || undefined;
  }

  /** A type's own xs:documentation. */
  typeDocumentation(type: XmlElement): string | undefined {
    return xs(type, 'annotation').flatMap((a) => xs(a, 'documentation')).map((d) => textOf(d).trim()).filter(Boolean).join('\n\n') || undefined;
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
          const members = global ? this.substitutes(node) : [];
          if (!members.length) {
            out.push({ kind: 'element', name, ns, node, use: c, schemaNs: doc.ns });
            break;
          }
          // A substitution group: the head (unless abstract) and each member may stand here, each with its own declaration.
          if (!isAbstract(node)) out.push({ kind: 'element', name, ns, node, use: c, schemaNs: doc.ns, alternative: true });
          for (const m of members) {
            const mdoc = this.schemaOf(m);
            out.push({ kind: 'element', name: attribute(m, 'name')!.value, ns: mdoc.ns, node: m, use: c, schemaNs: mdoc.ns, alternative: true });
          }
          break;
        }
      }
    }
    return out;
  }

  /** The non-abstract members of a head's substitution group, members of members included. */
  private substitutes(head: XmlElement): XmlElement[] {
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
        let decl: Decl | undefined = model.forInstance(start, e);
        for (const step of chain.slice(1)) {
          const child: Decl | undefined = decl && model.children(decl).find((c) => c.name === step.local && c.ns === (step.ns ?? ''));
          decl = child && model.forInstance(child, step);
        }
        if (decl) return decl;
      }
    }
  }
  const root = model.rootDecl(el.ns ?? '', el.local);
  return root && model.forInstance(root, el);
}

function push<T>(map: Map<string, T[]>, k: string, v: T): void {
  const list = map.get(k);
  if (list) list.push(v);
  else map.set(k, [v]);
}
