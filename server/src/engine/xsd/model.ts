// A navigable model of a schema set for completion and hover: which child elements and attributes an
// element may have, the enumerated values of a simple type, and each declaration's xs:documentation
// (the KITH schemas document in Norwegian) and type. Built from the same files libxml2 validates with.
// Substitution groups (members stand where their head is referenced) and an instance's `xsi:type`
// (the derived type's content, its bases' included) are followed; xs:redefine is not (no NHN schema uses it).

import { attribute, textOf, XSI_NS, type XmlElement } from '../xml/parse';
import { isAbstract, resolveQName, SchemaGlobals, xs, type DerivedType } from './schema-globals';

export { XSD_NS, type DerivedType } from './schema-globals';

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

export class SchemaModel {
  private readonly g: SchemaGlobals;

  constructor(texts: string[]) {
    this.g = new SchemaGlobals(texts);
  }

  /** Names of the global elements of a namespace (the possible document roots; abstract ones cannot be). */
  globalElements(ns: string): string[] {
    return this.g.elements(ns);
  }

  /** The declaration as an instance element uses it: with the type its `xsi:type` names, when it has one. */
  forInstance(decl: Decl, el: XmlElement): Decl {
    const qname = attribute(el, 'type', XSI_NS)?.value.trim();
    if (!qname) return decl;
    const q = resolveQName(el, qname);
    return { ...decl, xsiType: { qname, node: this.g.type(q) } };
  }

  /**
   * The named types an instance may name in `xsi:type` for a declaration: its declared type (unless
   * abstract) and every named type derived from it, at any depth. Empty when nothing derives from it.
   */
  derivedTypes(decl: Decl): DerivedType[] {
    const t = attribute(decl.node, 'type')?.value;
    if (!t) return [];
    const declared = resolveQName(decl.node, t);
    const derived = this.g.derivedFrom(declared);
    if (!derived.length) return [];
    const own = this.g.type(declared);
    return [...(own ? [{ ...declared, node: own }] : []), ...derived].filter((d) => !isAbstract(d.node));
  }

  /** The global element declared for an instance element. */
  rootDecl(ns: string, local: string): Decl | undefined {
    const node = this.g.get('element', ns, local);
    return node ? { kind: 'element', name: local, ns, node, use: node, schemaNs: ns } : undefined;
  }

  /** The complexType (named or anonymous) or simpleType of a declaration (the instance's xsi:type first). */
  typeOf(decl: Decl): XmlElement | undefined {
    if (decl.xsiType) return decl.xsiType.node;
    const t = attribute(decl.node, 'type')?.value;
    if (t) {
      const q = resolveQName(decl.node, t);
      return this.g.type(q);
    }
    return xs(decl.node, 'complexType')[0] ?? xs(decl.node, 'simpleType')[0];
  }

  typeName(decl: Decl): string {
    if (decl.xsiType) return `${decl.xsiType.qname} (xsi:type)`;
    return (
      attribute(decl.node, 'type')?.value ??
      (xs(decl.node, 'complexType')[0] ? 'complex (anonymous)' : xs(decl.node, 'simpleType')[0] ? 'simple (anonymous)' : 'anyType')
    );
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
    const own = (n: XmlElement) =>
      xs(n, 'annotation')
        .flatMap((a) => xs(a, 'documentation'))
        .map((d) => textOf(d).trim())
        .filter(Boolean)
        .join('\n\n');
    if (decl.alternative) return own(decl.node) || own(decl.use) || (this.typeOf(decl) && own(this.typeOf(decl)!)) || undefined;
    return own(decl.use) || own(decl.node) || (this.typeOf(decl) && own(this.typeOf(decl)!)) || undefined;
  }

  /** A type's own xs:documentation. */
  typeDocumentation(type: XmlElement): string | undefined {
    return (
      xs(type, 'annotation')
        .flatMap((a) => xs(a, 'documentation'))
        .map((d) => textOf(d).trim())
        .filter(Boolean)
        .join('\n\n') || undefined
    );
  }

  private namedSimple(at: XmlElement, qname: string): XmlElement | undefined {
    const q = resolveQName(at, qname);
    return this.g.get('simpleType', q.ns, q.local);
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
          const g = this.g.ref(c, 'group');
          if (g) out.push(...this.particles(g, seen));
          else out.push(...this.particles(c, seen));
          break;
        }
        case 'complexContent':
          for (const d of xs(c).filter((x) => x.local === 'extension' || x.local === 'restriction')) {
            const base = attribute(d, 'base')?.value;
            if (d.local === 'extension' && base) {
              const q = resolveQName(d, base);
              const bt = this.g.get('complexType', q.ns, q.local);
              if (bt) out.push(...this.particles(bt, seen));
            }
            out.push(...this.particles(d, seen));
          }
          break;
        case 'element': {
          const target = this.g.ref(c, 'element');
          const node = target ?? c;
          const doc = this.g.schemaOf(node);
          const name = attribute(node, 'name')?.value;
          if (!name) break;
          const global = node.parent?.local === 'schema';
          const form = attribute(node, 'form')?.value;
          const ns = global || form === 'qualified' || (form !== 'unqualified' && doc.qualified) ? doc.ns : '';
          const members = global ? this.g.substitutes(node) : [];
          if (!members.length) {
            out.push({ kind: 'element', name, ns, node, use: c, schemaNs: doc.ns });
            break;
          }
          // A substitution group: the head (unless abstract) and each member may stand here, each with its own declaration.
          if (!isAbstract(node)) out.push({ kind: 'element', name, ns, node, use: c, schemaNs: doc.ns, alternative: true });
          for (const m of members) {
            const mdoc = this.g.schemaOf(m);
            out.push({ kind: 'element', name: attribute(m, 'name')!.value, ns: mdoc.ns, node: m, use: c, schemaNs: mdoc.ns, alternative: true });
          }
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
        const target = this.g.ref(c, 'attribute') ?? c;
        const name = attribute(target, 'name')?.value;
        if (!name || attribute(c, 'use')?.value === 'prohibited') continue;
        const doc = this.g.schemaOf(target);
        const ns = target.parent?.local === 'schema' ? doc.ns : '';
        out.push({ kind: 'attribute', name, ns, node: target, use: c, schemaNs: doc.ns });
      } else if (c.local === 'attributeGroup') {
        const g = this.g.ref(c, 'attributeGroup');
        if (g) out.push(...this.attrs(g, seen));
      } else if (c.local === 'complexContent' || c.local === 'simpleContent') {
        for (const d of xs(c).filter((x) => x.local === 'extension' || x.local === 'restriction')) {
          const base = attribute(d, 'base')?.value;
          if (base) {
            const q = resolveQName(d, base);
            const bt = this.g.get('complexType', q.ns, q.local);
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
