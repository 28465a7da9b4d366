// Structural rules on parsed XML (`match.xml` in the rule data): an element path such as
// `MsgInfo/Type` or `ProcessSpecification`, optionally an attribute, a value pattern, a namespace
// declaration pattern, and a context (`has`) that must exist beside the element. The flagged range
// is the attribute value, the element's text, or the namespace URI: never the whole line.

import type { AnalysisContext, AnalyzedDocument, Check, Finding } from '../core/types';
import type { Rule, XmlMatch } from '../rules/model';
import { ruleFinding } from '../rules/finding';
import { elements, isXmlDocument, xmlOf, type XmlElement, type XmlText } from './parse';
import { appliesToLanguage } from '../text-rules/check';

interface CompiledMatch {
  path: string[];
  attribute?: string;
  value?: RegExp;
  namespace?: RegExp;
  has?: string[][];
}

interface CompiledRule {
  rule: Rule;
  matches: CompiledMatch[];
}

const splitPath = (p: string) => p.split('/').filter(Boolean);

function compile(x: XmlMatch): CompiledMatch {
  return {
    path: splitPath(x.path),
    attribute: x.attribute,
    value: x.value !== undefined ? new RegExp(x.value) : undefined,
    namespace: x.namespace !== undefined ? new RegExp(x.namespace) : undefined,
    has: x.has?.map(splitPath),
  };
}

/** The element's local name and its ancestors' end with `path` (`MsgInfo/Type`). */
export function pathMatches(el: XmlElement, path: string[]): boolean {
  let node: XmlElement | undefined = el;
  for (let i = path.length - 1; i >= 0; i--) {
    if (!node || node.local !== path[i]) return false;
    node = node.parent;
  }
  return true;
}

function hasBelow(scope: XmlElement, path: string[]): boolean {
  for (const el of elements(scope)) if (el !== scope && pathMatches(el, path)) return true;
  return false;
}

/** The trimmed span of an element's direct text. */
function textSpan(el: XmlElement): { start: number; end: number; value: string } | undefined {
  const texts = el.children.filter((c): c is XmlText => c.kind === 'text' || c.kind === 'cdata');
  if (texts.length === 0) return undefined;
  const value = texts.map((t) => t.value).join('');
  const first = texts[0];
  const last = texts[texts.length - 1];
  const lead = first.value.length - first.value.trimStart().length;
  const trail = last.value.length - last.value.trimEnd().length;
  // Decoded text may be shorter than the source (entities); the span stays within the source nodes.
  return { start: first.start + lead, end: Math.max(first.start + lead, last.end - trail), value: value.trim() };
}

interface Hit {
  start: number;
  end: number;
  value: string;
}

/** What most elements yield (read-only; callers loop over it by index). */
const NO_HITS: readonly Hit[] = Object.freeze([]);

function hitsOf(el: XmlElement, m: CompiledMatch): readonly Hit[] {
  if (!pathMatches(el, m.path)) return NO_HITS;
  if (m.has && !(el.parent && m.has.some((p) => hasBelow(el.parent!, p)))) return NO_HITS;
  if (m.namespace) {
    // A namespace match runs on every element: a list only when a declaration matches.
    let hits: Hit[] | undefined;
    for (let i = 0; i < el.attributes.length; i++) {
      const a = el.attributes[i];
      if ((a.prefix === 'xmlns' || a.name === 'xmlns') && m.namespace.test(a.value))
        (hits ??= []).push({ start: a.valueStart, end: a.valueEnd, value: a.value });
    }
    return hits ?? NO_HITS;
  }
  if (m.attribute) {
    const a = el.attributes.find((x) => x.local === m.attribute && !(x.prefix === 'xmlns' || x.name === 'xmlns'));
    if (!a || (m.value && !m.value.test(a.value))) return NO_HITS;
    return [{ start: a.valueStart, end: a.valueEnd, value: a.value }];
  }
  const text = textSpan(el);
  if (m.value) return text && m.value.test(text.value) ? [text] : NO_HITS;
  return [{ start: el.nameStart, end: el.nameEnd, value: el.local }];
}

export function xmlRulesCheck(rules: readonly Rule[]): Check {
  const compiled: CompiledRule[] = rules
    .filter((r) => r.match.xml)
    .map((rule) => ({ rule, matches: (Array.isArray(rule.match.xml) ? rule.match.xml : [rule.match.xml!]).map(compile) }));
  return {
    name: 'xml-rules',
    family: 'message-type',
    appliesTo: (doc) => compiled.length > 0 && isXmlDocument(doc),
    run(doc: AnalyzedDocument, ctx: AnalysisContext): Finding[] {
      const active = compiled.filter((c) => appliesToLanguage(c.rule, doc.languageId, doc.uri));
      if (active.length === 0) return [];
      const findings: Finding[] = [];
      // Matches by the local name their path ends in: each element meets only the few that can match it.
      const byLocal = new Map<string, Array<{ rule: Rule; m: CompiledMatch }>>();
      const anyElement: Array<{ rule: Rule; m: CompiledMatch }> = [];
      for (const { rule, matches } of active) {
        for (const m of matches) {
          const last = m.path[m.path.length - 1];
          if (last === undefined) anyElement.push({ rule, m });
          else byLocal.set(last, [...(byLocal.get(last) ?? []), { rule, m }]);
        }
      }
      // An index loop: `for…of` over every element, run once per analysis, allocated an iterator result per element.
      const all = elements(xmlOf(doc).root);
      for (let i = 0; i < all.length; i++) {
        const el = all[i];
        if (ctx.signal?.aborted) break;
        const named = byLocal.get(el.local);
        if (!named && anyElement.length === 0) continue;
        // The named matches, then those for any element: one index over both, no list joined per element.
        for (let k = 0, n = named?.length ?? 0; k < n + anyElement.length; k++) {
          const { rule, m } = k < n ? named![k] : anyElement[k - n];
          const hits = hitsOf(el, m);
          for (let h = 0; h < hits.length; h++) {
            const hit = hits[h];
            const value = rule.replacement?.value;
            const newText = value === undefined ? undefined : hit.value.replace(m.value ?? /^[\s\S]*$/, value);
            findings.push(ruleFinding(rule, doc, { start: hit.start, end: hit.end, newText }, ctx));
          }
        }
      }
      return findings;
    },
  };
}
