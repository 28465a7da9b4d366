// Completion and hover for XML documents that have schemas: child elements, attributes and enumerated
// values at the cursor, and each declaration's documentation and type. The root's hover also says
// which schema file won and where it came from (xsi:schemaLocation, workspace, settings, catalog).

import { NAMESPACES, namespaceInfo, namespaceLabel } from '../namespaces/catalog';
import { basename } from './paths';
import type { AnalysisContext, AnalyzedDocument, Completion, Participant } from '../core/types';
import { attribute, childElements, elementAt, isXmlDocument, XSI_NS, xmlOf, type XmlElement } from '../xml/parse';
import { bindDocument } from './check';
import { xsdMessage, type XsdMessage } from './messages';
import { declOf, SchemaModel, type Decl } from './model';
import { ensureIndex } from './resolve';
import type { Binding } from './resolve';
import { buildSchemaSet } from './schema-set';
import type { SchemaStatus } from '../../../../shared/protocol';

interface Context {
  model: SchemaModel;
  bindings: Binding[];
}

async function contextFor(doc: AnalyzedDocument, ctx: AnalysisContext): Promise<(Context & { root: XmlElement }) | undefined> {
  const root = xmlOf(doc).root;
  if (!root) return undefined;
  const index = await ensureIndex(ctx);
  const bindings = await bindDocument(doc, root, index);
  const roots = bindings.filter((b) => b.path).map((b) => ({ namespace: b.namespace, path: b.path! }));
  if (!roots.length) return undefined;
  const key = `${index.generation}|${roots.map((r) => `${r.namespace}=${r.path}`).join('|')}`;
  const models = ctx.caches.xsd.models;
  let model = models.get(key);
  if (!model) {
    const set = await buildSchemaSet(roots, index);
    if (!set) return undefined;
    model = new SchemaModel(Object.values(set.schema.files));
    models.set(key, model);
  }
  return { model, bindings, root };
}

function prefixFor(el: XmlElement, ns: string): string | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    for (const [p, uri] of Object.entries(e.nsDecls)) if (uri === ns) return p;
  }
  return ns === '' ? '' : undefined;
}

/** The namespace a prefix is bound to at an element ('' the default namespace). */
function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  for (let e: XmlElement | undefined = el; e; e = e.parent) if (prefix in e.nsDecls) return e.nsDecls[prefix];
  return prefix === 'xml' ? 'http://www.w3.org/XML/1998/namespace' : undefined;
}

/**
 * A QName for `ns` at `el`: the prefix in scope, or a new one (the schema's own prefix when free) with
 * the `xmlns:` declaration to add on the element.
 */
function qnameFor(el: XmlElement, ns: string, local: string, preferred: string): { name: string; declare?: string } {
  const prefix = prefixFor(el, ns);
  if (prefix !== undefined) return { name: prefix ? `${prefix}:${local}` : local };
  const base = /^[A-Za-z_][\w.-]*$/.test(preferred) && !/^xml/i.test(preferred) ? preferred : 'ns';
  let p = base;
  for (let i = 1; namespaceOf(el, p) !== undefined; i++) p = `${base}${i}`;
  return { name: `${p}:${local}`, declare: ` xmlns:${p}="${ns}"` };
}

/** The prefix a schema file itself uses for `ns` (kith for http://www.kith.no/xmlstds). */
function schemaPrefix(node: XmlElement, ns: string): string {
  for (let e: XmlElement | undefined = node; e; e = e.parent) {
    for (const [p, uri] of Object.entries(e.nsDecls)) if (uri === ns && p) return p;
  }
  return 'ns';
}

/** `xsi:type` values: the declared type and the named types derived from it, as QNames valid at `el`. */
function xsiTypeCompletions(model: SchemaModel, decl: Decl, el: XmlElement, replace: { start: number; end: number }): Completion[] {
  return model.derivedTypes(decl).map((d) => {
    const q = qnameFor(el, d.ns, d.local, schemaPrefix(d.node, d.ns));
    return {
      label: q.name,
      kind: 'value' as const,
      detail: 'xsi:type',
      documentation: model.typeDocumentation(d.node),
      replace,
      additionalEdits: q.declare ? [{ start: el.nameEnd, end: el.nameEnd, newText: q.declare }] : undefined,
    };
  });
}

function describe(model: SchemaModel, decl: Decl, lang: AnalysisContext['language']): string {
  const parts = [
    `**${decl.name}**${decl.kind === 'attribute' ? ` (${xsdMessage(lang, 'attribute-word')})` : ''} — ${xsdMessage(lang, 'hover-type')}: \`${model.typeName(decl)}\``,
  ];
  const doc = model.documentation(decl);
  if (doc) parts.push(doc.replace(/\s*\n\s*/g, '\n'));
  const values = model.enumeration(decl);
  if (values.length) parts.push(values.map((v) => `\`${v}\``).join(' · '));
  return parts.join('\n\n');
}

function schemaLine(b: Binding, lang: AnalysisContext['language']): string {
  const source = xsdMessage(lang, `source-${b.source}` as XsdMessage);
  const others = b.others.length ? `\n\n${b.others.map((o) => `- ${o}`).join('\n')}` : '';
  return `${xsdMessage(lang, 'hover-schema')} (${namespaceLabel(b.namespace)}): \`${b.path}\` — ${source}${others}`;
}

async function hover(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<string | undefined> {
  const c = await contextFor(doc, ctx);
  if (!c) return undefined;
  const el = elementAt(c.root, offset);
  if (!el) return undefined;
  const endName = el.endTagStart + 2;
  const onName = (offset >= el.nameStart && offset <= el.nameEnd) || (!el.selfClosing && offset >= endName && offset <= endName + el.name.length);
  const decl = declOf(c.model, el);
  if (onName) {
    const parts: string[] = [];
    if (decl) parts.push(describe(c.model, decl, ctx.language));
    const binding = c.bindings.find((b) => b.element === el && b.path);
    if (binding) parts.push(schemaLine(binding, ctx.language));
    return parts.join('\n\n---\n\n') || undefined;
  }
  const attr = el.attributes.find((a) => offset >= a.nameStart && offset <= a.nameEnd);
  if (attr && decl) {
    const a = c.model.attributes(decl).find((d) => d.name === attr.local && d.ns === (attr.ns ?? ''));
    if (a) return describe(c.model, a, ctx.language);
  }
  return undefined;
}

/** An empty document (or before its root): the root elements of every NHN message that has a schema. */
async function rootCompletions(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<Completion[]> {
  const lt = doc.text.lastIndexOf('<', offset - 1);
  if (lt < 0 || !/^[\w:.-]*$/.test(doc.text.slice(lt + 1, offset))) return [];
  const index = await ensureIndex(ctx);
  const out: Completion[] = [];
  for (const entry of NAMESPACES) {
    if (entry.status !== 'current') continue;
    const best = index.candidates(entry.uri)[0];
    if (!best) continue;
    const cacheKey = `${index.generation}|${best.path}`;
    const rootNames = ctx.caches.xsd.rootNames;
    let names = rootNames.get(cacheKey);
    if (!names) {
      const text = await index.text(best.path);
      names = text ? new SchemaModel([text]).globalElements(entry.uri) : [];
      rootNames.set(cacheKey, names);
    }
    for (const name of names) {
      out.push({
        label: name,
        kind: 'element',
        detail: namespaceLabel(entry.uri),
        insertText: `<${name} xmlns="${entry.uri}">$1</${name}>`,
        snippet: true,
        replace: { start: lt, end: offset },
      });
    }
  }
  return out;
}

async function complete(doc: AnalyzedDocument, offset: number, ctx: AnalysisContext): Promise<Completion[]> {
  const root = xmlOf(doc).root;
  if (!root || offset <= root.start) return rootCompletions(doc, offset, ctx);
  const c = await contextFor(doc, ctx);
  if (!c) return [];
  const text = doc.text;
  const lt = text.lastIndexOf('<', offset - 1);
  const gt = text.lastIndexOf('>', offset - 1);
  if (lt > gt) {
    const inTag = text.slice(lt + 1, offset);
    if (/^[\w:.-]*$/.test(inTag)) {
      const parent = enclosing(c.root, lt);
      return parent ? childCompletions(c.model, parent, { start: lt, end: offset }) : [];
    }
    const el = elementStartingAt(c.root, lt, offset);
    const decl = el && declOf(c.model, el);
    if (!el || !decl) return [];
    const value = /\s([\w:.-]+)\s*=\s*(["'])([^"']*)$/.exec(inTag);
    if (value) {
      const a = c.model.attributes(decl).find((d) => d.name === value[1].replace(/^.*:/, ''));
      const start = offset - value[3].length;
      const close = text.indexOf(value[2], offset);
      const end = close >= 0 && close - offset < 200 ? close : offset;
      const [prefix, local] = value[1].includes(':') ? value[1].split(':') : ['', value[1]];
      if (prefix && local === 'type' && namespaceOf(el, prefix) === XSI_NS) return xsiTypeCompletions(c.model, decl, el, { start, end });
      return a ? c.model.enumeration(a).map((v) => ({ label: v, kind: 'value', replace: { start, end } })) : [];
    }
    if (/\s[\w:.-]*$/.test(inTag)) {
      const typed = /[\w:.-]*$/.exec(inTag)![0];
      const present = new Set(el.attributes.map((a) => a.local));
      const replace = { start: offset - typed.length, end: offset };
      const items: Completion[] = c.model
        .attributes(decl)
        .filter((a) => !present.has(a.name))
        .map((a) => {
          // Global attributes (kith:COMPN) are in their schema's namespace and need a prefix.
          const q = a.ns ? qnameFor(el, a.ns, a.name, schemaPrefix(a.node, a.ns)) : { name: a.name };
          const additionalEdits = q.declare ? [{ start: el.nameEnd, end: el.nameEnd, newText: q.declare }] : undefined;
          return {
            label: q.name,
            kind: 'attribute' as const,
            insertText: `${q.name}="$1"`,
            snippet: true,
            detail: c.model.typeName(a),
            documentation: c.model.documentation(a),
            replace,
            additionalEdits,
          };
        });
      // Where the declared type has derived types, the instance may pick one.
      if (!attribute(el, 'type', XSI_NS) && c.model.derivedTypes(decl).length) {
        const q = qnameFor(el, XSI_NS, 'type', 'xsi');
        items.push({
          label: q.name,
          kind: 'attribute',
          insertText: `${q.name}="$1"`,
          snippet: true,
          detail: 'xsi:type',
          replace,
          additionalEdits: q.declare ? [{ start: el.nameEnd, end: el.nameEnd, newText: q.declare }] : undefined,
        });
      }
      return items;
    }
    return [];
  }
  const el = enclosing(c.root, offset);
  if (!el) return [];
  const decl = declOf(c.model, el);
  const values = decl ? c.model.enumeration(decl) : [];
  if (values.length) return values.map((v) => ({ label: v, kind: 'value' }));
  return childCompletions(c.model, el, { start: offset, end: offset });
}

/** The innermost element whose content holds `at` (a partial tag being typed at `at` is not one). */
function enclosing(root: XmlElement, at: number): XmlElement | undefined {
  const holds = (e: XmlElement) => e.start < at && e.startTagEnd <= at && at <= e.endTagStart;
  let found: XmlElement | undefined;
  for (let el: XmlElement | undefined = root; el && holds(el); el = childElements(el).find(holds)) found = el;
  return found;
}

function elementStartingAt(root: XmlElement, lt: number, offset: number): XmlElement | undefined {
  for (let el = elementAt(root, offset); el; el = el.parent) if (el.start === lt) return el;
  return undefined;
}

function childCompletions(model: SchemaModel, parent: XmlElement, replace: { start: number; end: number }): Completion[] {
  const decl = declOf(model, parent);
  if (!decl) return [];
  const seen = new Set<string>();
  const out: Completion[] = [];
  for (const child of model.children(decl)) {
    if (seen.has(`${child.ns}|${child.name}`)) continue;
    seen.add(`${child.ns}|${child.name}`);
    const prefix = prefixFor(parent, child.ns);
    const name = prefix ? `${prefix}:${child.name}` : child.name;
    const xmlns = prefix === undefined ? ` xmlns="${child.ns}"` : '';
    out.push({
      label: name,
      kind: 'element',
      insertText: `<${name}${xmlns}>$1</${name}>`,
      snippet: true,
      detail: model.typeName(child),
      documentation: model.documentation(child),
      replace,
    });
  }
  return out;
}

export type { SchemaStatus };

/** What the language-status item shows for an XML document: which schema won, per namespace. */
export async function schemaStatus(doc: AnalyzedDocument, ctx: AnalysisContext): Promise<SchemaStatus | undefined> {
  if (!isXmlDocument(doc) || /\.xsd$/i.test(doc.uri)) return undefined;
  const root = xmlOf(doc).root;
  if (!root) return undefined;
  const index = await ensureIndex(ctx);
  const bindings = (await bindDocument(doc, root, index)).filter((b) => b.path || namespaceInfo(b.namespace));
  if (!bindings.length) return undefined;
  const none = xsdMessage(ctx.language, 'no-xsd');
  return {
    text: bindings.map((b) => `${namespaceLabel(b.namespace)}${b.path ? '' : ` (${none})`}`).join(' + '),
    detail: bindings
      .map((b) =>
        b.path ? `${basename(b.path)} — ${xsdMessage(ctx.language, `source-${b.source}` as XsdMessage)}` : `${namespaceLabel(b.namespace)}: ${none}`,
      )
      .join('; '),
    missing: bindings.some((b) => !b.path),
  };
}

export const xsdParticipant: Participant = {
  name: 'xsd',
  appliesTo: (doc) => isXmlDocument(doc) && !/\.xsd$/i.test(doc.uri),
  hover,
  complete,
};
