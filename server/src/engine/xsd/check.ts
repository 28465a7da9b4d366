// The XSD check: validates an XML document against the schemas of its namespaces (a MsgHead and
// every payload in RefDoc/Content against their own), and reports a schema file's own compile errors.

import { namespaceInfo, namespaceLabel } from '../namespaces/catalog';
import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import { childElements, elements, isXmlDocument, xmlOf, type XmlElement } from '../xml/parse';
import { classify } from './classify';
import { downloadsAllowed, pinOf } from './downloads';
import { locate, toFinding, type RequiredChildren } from './map';
import { declOf, SchemaModel } from './model';
import { xsdMessage } from './messages';
import { basename, pathOfUri } from './paths';
import { bind, ensureIndex, locationHints, type Binding } from './resolve';
import { buildSchemaSet, hash, type BuiltSet } from './schema-set';
import { scanSchema } from './scan';
import type { SchemaIndex } from './schema-index';
import type { RawIssue, XsdService } from './service';
import { Commands } from '../../../../shared/protocol';

export const CHOOSE_SCHEMA_FOLDER = Commands.chooseSchemaFolder;
/** VS Code's own command; other editors show the fix's title and the setting name. */
const OPEN_SETTINGS = 'workbench.action.openSettings';

/**
 * Every element where a subtree changes namespace (the root, each MsgHead payload, each message in a
 * wrapper, signatures…), in document order. One walk per parse (the check, hover and completion share it),
 * no recursion.
 */
export function namespaceChanges(root: XmlElement): XmlElement[] {
  if (root.namespaceChanges) return root.namespaceChanges;
  const out: XmlElement[] = [];
  // The document's element list (elements(): built once per parse, in document order), not a walk of its own.
  const all = elements(root);
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    if (!el.parent || (el.parent.ns ?? '') !== (el.ns ?? '')) out.push(el);
  }
  root.namespaceChanges = out;
  return out;
}

/** The distinct namespaces of the document, first element each, in document order (bindings, notices). */
export function namespaceRoots(root: XmlElement): Map<string, XmlElement> {
  const out = new Map<string, XmlElement>();
  for (const el of namespaceChanges(root)) if (!out.has(el.ns ?? '')) out.set(el.ns ?? '', el);
  return out;
}

/**
 * The validation roots of a message inside a wrapper without a schema: every outermost subtree whose
 * namespace has a schema and whose element the schemas declare globally (felleskomponent1's local `Id`
 * cannot be a root). Nested ones are validated through their outer root (MsgHead's strict xs:any).
 */
export function wrappedRoots(root: XmlElement, schemaNamespaces: Set<string>, isGlobal: (ns: string, local: string) => boolean): XmlElement[] {
  const out: XmlElement[] = [];
  let last: XmlElement | undefined;
  for (const el of namespaceChanges(root)) {
    // Document order: an element inside an accepted root is inside the last one accepted.
    if (last && el.start < last.end) continue;
    const ns = el.ns ?? '';
    if (schemaNamespaces.has(ns) && isGlobal(ns, el.local)) out.push((last = el));
  }
  return out;
}

/** Every namespace of the document bound to a schema file (or not), in document order. */
export async function bindDocument(doc: AnalyzedDocument, root: XmlElement, index: SchemaIndex): Promise<Binding[]> {
  const hints = new Map([...locationHints(root)]);
  const out: Binding[] = [];
  for (const [ns, el] of namespaceRoots(root)) {
    for (const [k, v] of locationHints(el)) if (!hints.has(k)) hints.set(k, v);
    out.push(await bind(ns, el, doc.uri, hints, index));
  }
  return out;
}

/** The schema set a document is validated against (for tools and the parity test with native xmllint). */
export async function documentSchemaSet(doc: AnalyzedDocument, ctx: AnalysisContext): Promise<BuiltSet | undefined> {
  const root = xmlOf(doc).root;
  if (!root) return undefined;
  const index = await ensureIndex(ctx);
  const bound = (await bindDocument(doc, root, index)).filter((b) => b.path);
  return bound.length
    ? buildSchemaSet(
        bound.map((b) => ({ namespace: b.namespace, path: b.path! })),
        index,
      )
    : undefined;
}

/** libxml2's positional XPath for an element: `/*[1]/*[3]` (positions among element siblings). */
function xpathOf(el: XmlElement): string {
  const steps: string[] = [];
  for (let e: XmlElement | undefined = el; e; e = e.parent) {
    const siblings = e.parent ? childElements(e.parent) : [e];
    steps.unshift(`*[${siblings.indexOf(e) + 1}]`);
  }
  return `/${steps.join('/')}`;
}

function nameRange(doc: AnalyzedDocument, el: XmlElement) {
  return doc.rangeOf(el.nameStart, el.nameEnd);
}

function noSchemaFinding(doc: AnalyzedDocument, b: Binding, ctx: AnalysisContext): Finding {
  if (b.download) {
    const why = xsdMessage(ctx.language, `download-${b.download.kind}`, b.download.detail);
    return {
      ruleId: 'xsd/download-failed',
      severity: 'warning',
      message: xsdMessage(ctx.language, 'download-failed', namespaceLabel(b.namespace), b.download.url, why),
      range: nameRange(doc, b.element),
      data: { namespace: b.namespace },
    };
  }
  const title = xsdMessage(ctx.language, 'fix-choose-folder');
  const fixes: Finding['fixes'] = [{ title, command: { command: CHOOSE_SCHEMA_FOLDER, title, arguments: [b.namespace] } }];
  // A pinned public copy exists: say that allowing downloads would find it (never done without asking).
  const pinned = !!pinOf(b.namespace) && !downloadsAllowed(ctx);
  if (pinned) {
    const allow = xsdMessage(ctx.language, 'fix-allow-downloads');
    fixes.push({ title: allow, command: { command: OPEN_SETTINGS, title: allow, arguments: ['nhn.allowDownloads'] } });
  }
  return {
    ruleId: 'xsd/no-schema',
    severity: 'info',
    message: xsdMessage(ctx.language, pinned ? 'no-schema-pinned' : 'no-schema', namespaceLabel(b.namespace)),
    range: nameRange(doc, b.element),
    fixes,
    data: { namespace: b.namespace },
  };
}

/** The navigable model of a cached set, parsed once (wrapped messages need it on every keystroke). */
function modelOf(set: BuiltSet): SchemaModel {
  return (set.model ??= new SchemaModel(Object.values(set.schema.files)));
}

/** Schema sets by key (index generation + bindings): built once, not per keystroke. */
async function cachedSet(
  key: string,
  roots: Array<{ namespace: string; path: string }>,
  index: SchemaIndex,
  ctx: AnalysisContext,
): Promise<BuiltSet | undefined> {
  const sets = ctx.caches.xsd.sets;
  let set = sets.get(key);
  if (!set) {
    set = await buildSchemaSet(roots, index);
    if (!set) return undefined;
    sets.set(key, set);
  }
  return set;
}

async function validateInstance(doc: AnalyzedDocument, ctx: AnalysisContext, service: XsdService): Promise<Finding[]> {
  const xml = xmlOf(doc);
  const root = xml.root;
  if (!root) return [];
  const index = await ensureIndex(ctx);
  const bindings = await bindDocument(doc, root, index);
  const findings: Finding[] = [];
  const bound = bindings.filter((b) => b.path);
  const roots = bound.map((b) => ({ namespace: b.namespace, path: b.path! }));
  const key = `${index.generation}|${roots.map((r) => `${r.namespace}=${r.path}`).join('|')}`;
  // A message inside a wrapper without a schema (EI_fellesformat, a SOAP envelope): validate the
  // outermost subtrees whose namespace has a schema, each as its own validation root.
  const wrapped = !bindings[0]?.path;
  let set = roots.length ? await cachedSet(key, roots, index, ctx) : undefined;
  let subtrees: string[] | undefined;
  let wrappedEls: XmlElement[] = [];
  if (set && wrapped) {
    // Only elements the schemas declare globally can be validation roots (felleskomponent1's local `Id` cannot).
    const model = modelOf(set);
    const namespaces = new Set(bound.map((b) => b.namespace));
    wrappedEls = wrappedRoots(root, namespaces, (ns, local) => !!model.rootDecl(ns, local));
    subtrees = wrappedEls.map(xpathOf);
    if (!subtrees.length) set = undefined;
  }
  // Namespaces the bound schemas import (felleskomponent1 under a Dialogmelding) need no binding of their own.
  const covered = new Set(set?.namespaces ?? []);
  const unbound = new Set(bindings.filter((b) => !b.path && !covered.has(b.namespace)).map((b) => b.namespace));
  const byNs = new Map(bindings.map((b) => [b.namespace, b]));
  for (const b of bindings) {
    // A namespace nested in one that has no schema either (Forskrivning inside an unresolved M1) would
    // come through that schema's imports: one notice, on the outer one, is enough.
    const outer = b.element.parent && byNs.get(b.element.parent.ns ?? '');
    const outerMissing = outer && !outer.path && !covered.has(outer.namespace) && namespaceInfo(outer.namespace);
    // A wrapper's own missing schema is told by the wrapped notice below (with the same fixes).
    const wrapper = !!subtrees && b.element === root;
    if (unbound.has(b.namespace) && namespaceInfo(b.namespace) && !outerMissing && !wrapper) findings.push(noSchemaFinding(doc, b, ctx));
    if (b.path && b.others.length && b.element === root) {
      findings.push({
        ruleId: 'xsd/schema-choice',
        severity: 'hint',
        message: xsdMessage(ctx.language, 'schema-choice', b.others.length + 1, namespaceLabel(b.namespace), b.path, b.others.join(', ')),
        range: nameRange(doc, b.element),
      });
    }
  }
  // Only documents with a schema for their root or a wrapped message are validated (pom.xml is not ours).
  ctx.caches.xsd.usage.record(doc.uri, set ? Object.values(set.realPath) : []);
  if (!set) return findings;
  if (subtrees)
    findings.push(
      wrappedNotice(
        doc,
        root,
        wrappedEls,
        unbound,
        ctx,
        bindings.find((b) => b.element === root),
      ),
    );
  const result = await service.validate(key, () => set.schema, doc.text, pathOfUri(doc.uri) ?? doc.uri, { signal: ctx.signal, roots: subtrees });
  if (!result.compile.ok) {
    const first = result.compile.issues.find((i) => i.level >= 2) ?? result.compile.issues[0];
    findings.push({
      ruleId: 'xsd/schema-broken',
      severity: 'warning',
      message: xsdMessage(
        ctx.language,
        'schema-broken',
        namespaceLabel(bound[0].namespace),
        basename(bound[0].path!),
        first ? `${basename(first.file ?? '')}:${first.line}: ${classify(first.message).detail}` : '',
      ),
      range: nameRange(doc, bound[0].element),
    });
    return findings;
  }
  if (!result.parsed) {
    // Not well-formed: the xml/* check explains it. When our tolerant parser saw nothing wrong, say why
    // libxml2 could not validate, so the silence is never mistaken for "valid".
    const fatal = result.issues.find((i) => i.level >= 2);
    if (fatal && !xml.errors.length) {
      const line = Math.max(0, fatal.line - 1);
      const character = Math.max(0, fatal.col - 1);
      findings.push({
        ruleId: 'xsd/not-validated',
        severity: 'warning',
        message: xsdMessage(ctx.language, 'not-validated', fatal.message),
        range: { start: { line, character }, end: { line, character } },
      });
    }
    return findings;
  }
  let model: SchemaModel | undefined;
  const requiredOf: RequiredChildren = (el, expected) => {
    model ??= modelOf(set);
    const decl = declOf(model, el);
    if (!decl) return [];
    const required = model.children(decl).filter((d) => model!.required(d));
    return expected.filter((x) => required.some((d) => d.name === x.local && d.ns === (x.ns ?? '')));
  };
  for (const issue of result.issues) {
    if (issue.level < 2) continue;
    const c = classify(issue.message);
    // Payloads whose namespace has no schema: their one "no declaration" error is the no-schema notice.
    if (c.kind === 'unknown-element' && unbound.has(c.element?.ns ?? '')) continue;
    findings.push(toFinding(issue, doc, root, ctx.language, requiredOf));
  }
  return findings;
}

/**
 * A message inside an envelope with no schema (a SOAP envelope, a vendor's or NAV's wrapper): say, on the
 * envelope, which parts were validated (each message, by name and line) and which were not (the envelope
 * itself and namespaces outside the messages that have no schema), so silence is never read as "valid".
 */
function wrappedNotice(doc: AnalyzedDocument, root: XmlElement, validated: XmlElement[], unbound: Set<string>, ctx: AnalysisContext, own?: Binding): Finding {
  const lang = ctx.language;
  const line = (el: XmlElement) => doc.rangeOf(el.start, el.start).start.line + 1;
  const parts = validated.map((el) => xsdMessage(lang, 'at-line', `${namespaceLabel(el.ns ?? '')} <${el.name}>`, line(el)));
  const outside = [...unbound].filter((ns) => ns !== (root.ns ?? '') && !validated.some((v) => namespaceChanges(v).some((e) => (e.ns ?? '') === ns)));
  const not = [xsdMessage(lang, 'wrapped-envelope', root.name), ...outside.map((ns) => xsdMessage(lang, 'wrapped-also', namespaceLabel(ns) || '""'))];
  const message = xsdMessage(lang, 'wrapped', root.name, namespaceLabel(root.ns ?? '') || '""', parts.join(', '), not.join('; '));
  // A catalogued envelope (NAV's EI_fellesformat) has a schema somewhere: say so, with the same fixes as "no XSD found".
  const known = own && !own.path && namespaceInfo(own.namespace) ? noSchemaFinding(doc, own, ctx) : undefined;
  return {
    ruleId: 'xsd/wrapped',
    severity: 'info',
    message: known ? `${message} ${known.message}` : message,
    range: nameRange(doc, root),
    ...(known?.fixes ? { fixes: known.fixes } : {}),
    ...(known?.data ? { data: known.data } : {}),
  };
}

async function validateSchemaFile(doc: AnalyzedDocument, ctx: AnalysisContext, service: XsdService): Promise<Finding[]> {
  const path = pathOfUri(doc.uri);
  if (!path) return [];
  const index = await ensureIndex(ctx);
  const ns = scanSchema(doc.text).targetNamespace ?? '';
  const built = await buildSchemaSet([{ namespace: ns, path }], index, new Map([[path, doc.text]]));
  if (!built) return [];
  const key = `schema|${index.generation}|${path}|${hash(doc.text)}`;
  ctx.caches.xsd.usage.record(doc.uri, Object.values(built.realPath));
  const result = await service.compile(key, () => built.schema);
  const root = xmlOf(doc).root;
  const findings: Finding[] = [];
  for (const p of built.problems.filter((x) => x.file === path)) {
    findings.push({
      ruleId: `xsd/${p.kind}`,
      severity: p.kind === 'remote-not-fetched' ? 'info' : 'warning',
      message: xsdMessage(ctx.language, p.kind, p.namespace ?? '', p.location ?? '', p.detail ?? ''),
      range: doc.rangeOf(p.start, p.end),
    });
  }
  for (const c of built.choices.filter((x) => x.file === path)) {
    findings.push({
      ruleId: 'xsd/schema-choice',
      severity: 'hint',
      message: xsdMessage(ctx.language, 'schema-choice', c.others.length + 1, namespaceLabel(c.namespace), c.used, c.others.join(', ')),
      range: doc.rangeOf(c.start, c.end),
    });
  }
  for (const issue of result.issues.filter((i) => i.level >= 2)) {
    const file = issue.file ? (built.realPath[issue.file] ?? issue.file) : path;
    findings.push(
      file === path
        ? schemaIssueHere(doc, root, issue, ctx)
        : {
            ruleId: 'xsd/schema-error',
            severity: 'error',
            message: xsdMessage(ctx.language, 'schema-error-in', basename(file), issue.line, classify(issue.message).detail),
            range: root ? nameRange(doc, root) : doc.rangeOf(0, 0),
          },
    );
  }
  return findings;
}

function schemaIssueHere(doc: AnalyzedDocument, root: XmlElement | undefined, issue: RawIssue, ctx: AnalysisContext): Finding {
  const message = xsdMessage(ctx.language, 'schema-error', classify(issue.message).detail);
  let el = locate(root, issue.xpath);
  if (!el && root && issue.line > 0) {
    for (const e of elements(root)) {
      if (doc.positionAt(e.start).line === issue.line - 1) {
        el = e;
        break;
      }
    }
  }
  const range = el
    ? nameRange(doc, el)
    : { start: { line: Math.max(0, issue.line - 1), character: 0 }, end: { line: Math.max(0, issue.line - 1), character: 0 } };
  return { ruleId: 'xsd/schema-error', severity: 'error', message, range };
}

export const xsdCheck: Check = {
  name: 'xsd',
  family: 'xsd',
  appliesTo: (doc) => isXmlDocument(doc),
  async run(doc, ctx) {
    const service = ctx.host.xsd;
    if (!service) return [];
    if (/\.xsd$/i.test(doc.uri) && scanSchema(doc.text).isSchema) {
      return validateSchemaFile(doc, ctx, service);
    }
    try {
      return await validateInstance(doc, ctx, service);
    } catch (err) {
      if (ctx.signal?.aborted) return [];
      throw err;
    }
  },
};
