// Namespace rules driven by the namespace catalog (schemas/namespaces.yaml): a rule names the
// statuses and standards it cares about, the catalog says which URIs those are. A URI is matched
// whole (not as the prefix of a longer URI, not inside a longer host) in any file type.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import type { Rule } from '../rules/model';
import { NAMESPACES, namespaceInfo, namespaceLabel, type NamespaceEntry } from './catalog';
import { ruleFinding } from '../rules/finding';
import { appliesToLanguage, contextHolds, type LiteralStrategy } from '../text-rules/check';
import { requiredLiteral } from '../text-rules/literal-prefilter';
import { elements, isXmlDocument, XSI_NS, xmlOf, type XmlElement } from '../xml/parse';

/** Spans of the comments of an XML document: a namespace named in a comment is not in use. */
function commentSpans(doc: AnalyzedDocument): [number, number][] {
  const xml = xmlOf(doc);
  const spans: [number, number][] = [];
  for (const n of xml.children) if (n.kind === 'comment') spans.push([n.start, n.end]);
  for (const el of elements(xml.root)) for (const n of el.children) if (n.kind === 'comment') spans.push([n.start, n.end]);
  return spans.sort((a, b) => a[0] - b[0]);
}

/** Whether `at` falls in one of the sorted, non-overlapping spans (binary search). */
function within(spans: [number, number][], at: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < spans[mid][0]) hi = mid - 1;
    else if (at >= spans[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Where each namespace is declared (xmlns attribute values) and where xsi:schemaLocation repeats it.
 * A retired namespace is one problem at its declaration, not a second one in the schema location.
 */
interface Declarations {
  /** Start offset of each declaring attribute value → its element. */
  declaredAt: Map<number, XmlElement>;
  /** URIs declared anywhere in the document. */
  declared: Set<string>;
  /** Value spans of xsi:schemaLocation attributes, with their element. */
  locations: Array<{ start: number; end: number; owner: XmlElement }>;
}

function declarationsOf(doc: AnalyzedDocument): Declarations {
  const out: Declarations = { declaredAt: new Map(), declared: new Set(), locations: [] };
  for (const el of elements(xmlOf(doc).root)) {
    for (const a of el.attributes) {
      if (a.name === 'xmlns' || a.prefix === 'xmlns') {
        out.declared.add(a.value.trim());
        out.declaredAt.set(a.valueStart + (a.value.length - a.value.trimStart().length), el);
      } else if (a.local === 'schemaLocation' && a.ns === XSI_NS) out.locations.push({ start: a.valueStart, end: a.valueEnd, owner: el });
    }
  }
  return out;
}

/**
 * A few strings that together occur in every one of `literals` (URIs, mostly): path segments chosen by
 * how many literals each covers ("xmlstds" covers nearly all of KITH's), the literal itself when none of
 * its segments is long enough. Searching the text for these few replaces a regular-expression pass per rule.
 */
export function coverOf(literals: readonly string[]): string[] {
  const segments = literals.map((l) => {
    const path = l.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
    const parts = path.split(/[/#?:]/).filter((p) => p.length >= 4);
    return parts.length ? parts : [l];
  });
  const cover: string[] = [];
  let left = segments.map((_, i) => i);
  while (left.length) {
    const count = new Map<string, number>();
    for (const i of left) for (const p of new Set(segments[i])) count.set(p, (count.get(p) ?? 0) + 1);
    let best = '';
    for (const [p, n] of count) if (n > (count.get(best) ?? 0) || (n === count.get(best) && p.length > best.length)) best = p;
    cover.push(best);
    left = left.filter((i) => !literals[i].includes(best));
  }
  return cover;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface CompiledRule {
  rule: Rule;
  re: RegExp;
  context?: RegExp;
  lacks?: RegExp;
  /** Strings one of which every match holds: the rule runs its pattern only on a text that has one. */
  gate: string[];
}

export function catalogEntriesFor(rule: Rule, catalog: readonly NamespaceEntry[] = NAMESPACES): NamespaceEntry[] {
  const m = rule.match.catalog;
  if (!m) return [];
  return catalog.filter((e) => (m.status as string[]).includes(e.status) && (!m.standard || m.standard.includes(e.standard)));
}

/** Placeholder values for a rule's texts: `{label}`, `{release}`, `{successor}`, … */
export function namespaceVars(entry: NamespaceEntry): Record<string, string> {
  const successor = entry.successor ? namespaceInfo(entry.successor) : undefined;
  return {
    uri: entry.uri,
    label: namespaceLabel(entry.uri),
    message: entry.message,
    version: entry.version,
    release: entry.release ?? (entry.status === 'outdated' ? '2.4-era' : entry.version),
    successor: entry.successor ?? '',
    successorLabel: successor ? namespaceLabel(successor.uri) : '',
  };
}

/** `strategy`: `per-rule` runs every rule's pattern over the text (the former way, for the bench and tests). */
export function namespaceRulesCheck(rules: readonly Rule[], catalog: readonly NamespaceEntry[] = NAMESPACES, strategy: LiteralStrategy = 'one-pass'): Check {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    const uris = catalogEntriesFor(rule, catalog)
      .map((e) => e.uri)
      .sort((a, b) => b.length - a.length);
    if (uris.length === 0) continue;
    // Catalogued URIs, plus any e-resept namespace (older versions the catalog derives, see namespaces.ts).
    const eresept =
      !rule.match.catalog?.standard || rule.match.catalog.standard.includes('e-resept')
        ? ['https?://(?:www\\.)?(?:kith|ehelse)\\.no/xmlstds/eresept/[a-z0-9]+/\\d{4}-\\d{2}-\\d{2}(?:/extension/\\d+)?']
        : [];
    // Every match is one of the URIs or an e-resept namespace (whose pattern requires its own literal).
    const gate = coverOf([...uris, ...eresept.map((e) => requiredLiteral(e)!)]);
    compiled.push({
      rule,
      re: new RegExp(`(?<![\\w/.:-])(?:${[...uris.map(escapeRegExp), ...eresept].join('|')})(?![\\w/.-])`, 'g'),
      context: rule.match.fileContains ? new RegExp(rule.match.fileContains, 'i') : undefined,
      lacks: rule.match.fileLacks ? new RegExp(rule.match.fileLacks, 'i') : undefined,
      gate,
    });
  }
  const byUri = new Map(catalog.map((e) => [e.uri, e]));
  const wanted = (rule: Rule, e: NamespaceEntry) =>
    (rule.match.catalog!.status as string[]).includes(e.status) && (!rule.match.catalog!.standard || rule.match.catalog!.standard.includes(e.standard));
  return {
    name: 'namespace-rules',
    family: 'namespace',
    appliesTo: (doc) => compiled.length > 0 && doc.text.includes('://'),
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const findings: Finding[] = [];
      let comments: [number, number][] | undefined;
      const inComment = (at: number) => within((comments ??= isXmlDocument(doc) ? commentSpans(doc) : []), at);
      const decls = isXmlDocument(doc) && doc.text.includes('schemaLocation') ? declarationsOf(doc) : undefined;
      // Whether the text holds each gate string, looked for once per analysis (a search for one string).
      const holds = new Map<string, boolean>();
      const has = (s: string) => {
        let found = holds.get(s);
        if (found === undefined) {
          ctx.caches.textPasses.add();
          holds.set(s, (found = doc.text.includes(s)));
        }
        return found;
      };
      for (const { rule, re, context, lacks, gate } of compiled) {
        if (!appliesToLanguage(rule, doc.languageId, doc.uri)) continue;
        if (strategy === 'one-pass' && !gate.some(has)) continue;
        ctx.caches.textPasses.add((context ? 1 : 0) + (lacks ? 1 : 0));
        if (!contextHolds(context, doc.text, lacks)) continue;
        ctx.caches.textPasses.add();
        re.lastIndex = 0;
        // Declarations of this rule by element and URI; schema-location repeats wait for them.
        const atDeclaration = new Map<string, Finding>();
        const repeats: Array<{ owner: XmlElement; uri: string; start: number; end: number; newText?: string; finding: Finding }> = [];
        for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
          if (inComment(m.index)) continue;
          const entry = byUri.get(m[0]) ?? namespaceInfo(m[0]);
          if (!entry || !wanted(rule, entry)) continue;
          const vars = namespaceVars(entry);
          const value = rule.replacement?.value;
          const newText = value === undefined ? undefined : value.replace(/\{(\w+)\}/g, (all, k: string) => vars[k] ?? all);
          const end = m.index + m[0].length;
          const finding = ruleFinding(rule, doc, { start: m.index, end, newText: newText || undefined, vars }, ctx);
          const declaring = decls?.declaredAt.get(m.index);
          if (declaring) atDeclaration.set(`${m[0]}\u0000${declaring.start}`, finding);
          const location = decls?.declared.has(m[0]) ? decls.locations.find((l) => l.start <= m!.index && end <= l.end) : undefined;
          if (location) repeats.push({ owner: location.owner, uri: m[0], start: m.index, end, newText: newText || undefined, finding });
          else findings.push(finding);
        }
        for (const r of repeats) {
          // The declaration on the same element, else the nearest ancestor's: its fix rewrites the location too.
          let declaration: Finding | undefined;
          for (let el: XmlElement | undefined = r.owner; el && !declaration; el = el.parent) declaration = atDeclaration.get(`${r.uri}\u0000${el.start}`);
          if (!declaration) {
            findings.push(r.finding);
            continue;
          }
          const rewrite = declaration.fixes?.find((f) => f.edits?.length);
          if (rewrite && r.newText !== undefined) rewrite.edits!.push({ range: doc.rangeOf(r.start, r.end), newText: r.newText });
        }
      }
      return findings;
    },
  };
}
