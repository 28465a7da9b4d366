// libxml2 issue → finding with an exact range. libxml2 names the node by an XPath such as
// `/*/*[2]/*` (element positions among siblings); we walk our own position-aware parse with it and
// pick the span each kind of error is about: the element name, the attribute name or value, or the
// trimmed text. Certain fixes ride along (missing child, enumeration value, fixed value).

import type { AnalyzedDocument, Fix, Finding, Language, Severity } from '../core/types';
import { childElements, type XmlElement } from '../xml/parse';
import { classify, type ClassifiedIssue } from './classify';
import { xsdMessage } from './messages';
import type { RawIssue } from './service';

/** The element libxml2's XPath points at, or undefined when the path does not fit our parse. */
export function locate(root: XmlElement | undefined, xpath: string | undefined): XmlElement | undefined {
  if (!root || !xpath || !xpath.startsWith('/')) return undefined;
  const steps = xpath.slice(1).split('/');
  let current: XmlElement | undefined;
  for (const step of steps) {
    const m = /^([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) return undefined;
    const [, name, index] = m;
    const pool = current ? childElements(current) : [root];
    const matching = name === '*' ? pool : pool.filter((e) => e.name === name);
    current = matching[index ? Number(index) - 1 : 0];
    if (!current) return undefined;
  }
  return current;
}

/** Trimmed span of the element's own text (its first non-blank text node), if any. */
export function textSpan(doc: AnalyzedDocument, el: XmlElement): { start: number; end: number } | undefined {
  for (const c of el.children) {
    if (c.kind !== 'text' && c.kind !== 'cdata') continue;
    const raw = doc.text.slice(c.start, c.end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (lead === raw.length) continue;
    return { start: c.start + lead, end: c.end - trail };
  }
  return undefined;
}

/** The span a value lives in: the attribute value, the text, or (empty element) where text would go. */
function valueSpan(doc: AnalyzedDocument, el: XmlElement, attribute?: string): { start: number; end: number; empty: boolean } {
  if (attribute) {
    const a = el.attributes.find((x) => x.local === attribute);
    if (a) return { start: a.valueStart, end: a.valueEnd, empty: false };
  }
  const t = textSpan(doc, el);
  if (t) return { ...t, empty: false };
  if (!el.selfClosing) return { start: el.startTagEnd, end: el.endTagStart, empty: true };
  return { start: el.nameStart, end: el.nameEnd, empty: true };
}

function escapeText(v: string): string {
  return v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function lineIndent(doc: AnalyzedDocument, offset: number): string {
  const lineStart = doc.text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(doc.text.slice(lineStart, offset))![0];
}

function insertChildFix(doc: AnalyzedDocument, el: XmlElement, expected: { local: string; ns?: string }, lang: Language): Fix | undefined {
  if ((expected.ns ?? '') !== (el.ns ?? '')) return undefined; // only where the prefix is certain
  const name = el.prefix ? `${el.prefix}:${expected.local}` : expected.local;
  const tag = `<${name}></${name}>`;
  const title = xsdMessage(lang, 'fix-insert', expected.local);
  if (el.selfClosing) {
    const close = doc.text.lastIndexOf('/>', el.startTagEnd);
    return { title, preferred: true, edits: [{ range: doc.rangeOf(close, el.startTagEnd), newText: `>${tag}</${el.name}>` }] };
  }
  const kids = childElements(el);
  const last = kids[kids.length - 1];
  if (last) return { title, preferred: true, edits: [{ range: doc.rangeOf(last.end, last.end), newText: `\n${lineIndent(doc, last.start)}${tag}` }] };
  return { title, preferred: true, edits: [{ range: doc.rangeOf(el.endTagStart, el.endTagStart), newText: tag }] };
}

function message(c: ClassifiedIssue, lang: Language): string {
  const el = c.element?.local ?? '';
  const where = c.attribute ? `${el}/@${c.attribute}` : el;
  // libxml2 writes wildcards as `##other{ns}*` / `{ns}*`; people read "an element of another namespace".
  const wildcard = (x: string) =>
    x.startsWith('##other') ? xsdMessage(lang, 'wildcard-other') : /^(##any|\*)$/.test(x) || x.endsWith('*') ? xsdMessage(lang, 'wildcard-any') : x;
  const names = (xs: string[] | undefined) => [...new Set((xs ?? []).map(wildcard))].join(', ');
  switch (c.kind) {
    case 'unexpected-element':
      return c.expected?.length ? xsdMessage(lang, 'unexpected-element-expected', el, names(c.expected)) : xsdMessage(lang, 'unexpected-element', el);
    case 'missing-element':
      return c.expected?.length ? xsdMessage(lang, 'missing-element-expected', el, names(c.expected)) : xsdMessage(lang, 'missing-element', el);
    case 'unexpected-attribute':
      return xsdMessage(lang, 'unexpected-attribute', el, c.attribute);
    case 'missing-attribute':
      return xsdMessage(lang, 'missing-attribute', el, c.attribute);
    case 'fixed-value':
      return xsdMessage(lang, 'fixed-value', where, c.value, c.constraint);
    case 'unknown-element':
      return xsdMessage(lang, 'unknown-element', el, c.element?.ns ?? '');
    case 'text-not-allowed':
      return xsdMessage(lang, 'text-not-allowed', el);
    case 'element-content-not-allowed':
      return xsdMessage(lang, 'element-content-not-allowed', el);
    case 'invalid-value': {
      const f = c.facet ?? '';
      if (f === 'enumeration') return xsdMessage(lang, 'value-enumeration', where, f, c.value, (c.expected ?? []).map((v) => `'${v}'`).join(', '));
      if (f === 'pattern') return xsdMessage(lang, 'value-pattern', where, f, c.value, c.constraint);
      if (/length/i.test(f)) return xsdMessage(lang, 'value-length', where, f, c.value, c.constraint);
      if (/^(min|max)(In|Ex)clusive$|Digits$/.test(f)) return xsdMessage(lang, 'value-range', where, f, c.value, c.constraint);
      if (f === 'type') return xsdMessage(lang, 'value-type', where, f, c.value, c.constraint ?? 'value');
      return xsdMessage(lang, 'value-other', where, f, c.value);
    }
    default:
      return c.detail;
  }
}

/** Which of the expected children of `el` are required (from the schema model), for the insert fix. */
export type RequiredChildren = (el: XmlElement, expected: Array<{ local: string; ns?: string }>) => Array<{ local: string; ns?: string }>;

export function toFinding(issue: RawIssue, doc: AnalyzedDocument, root: XmlElement | undefined, lang: Language, requiredOf?: RequiredChildren): Finding {
  const c = classify(issue.message);
  const severity: Severity = issue.level === 1 ? 'warning' : 'error';
  const el = locate(root, issue.xpath) ?? byLine(doc, root, issue.line, c.element?.local);
  const ruleId = `xsd/${c.kind}`;
  const data: Record<string, unknown> = { libxml2: issue.message, facet: c.facet };
  if (!el) {
    const line = Math.max(0, issue.line - 1);
    return { ruleId, severity, message: message(c, lang), range: { start: { line, character: 0 }, end: { line, character: 0 } }, data };
  }
  let start = el.nameStart;
  let end = el.nameEnd;
  const fixes: Fix[] = [];
  switch (c.kind) {
    case 'unexpected-attribute': {
      const a = el.attributes.find((x) => x.local === c.attribute);
      if (a) [start, end] = [a.nameStart, a.nameEnd];
      break;
    }
    case 'invalid-value':
    case 'fixed-value': {
      const span = valueSpan(doc, el, c.attribute);
      [start, end] = [span.start, span.end];
      const options = c.kind === 'fixed-value' ? [c.constraint ?? ''] : c.facet === 'enumeration' ? (c.expected ?? []) : [];
      const lower = (c.value ?? '').trim().toLowerCase();
      for (const v of options.slice(0, 12)) {
        fixes.push({
          title: xsdMessage(lang, 'fix-replace', v),
          preferred: options.length === 1 || v.toLowerCase() === lower,
          // The one fixed value, or the one allowed code that differs only in case: nothing to choose.
          certain: options.length === 1 || (options.filter((o) => o.toLowerCase() === lower).length === 1 && v.toLowerCase() === lower),
          edits: [{ range: doc.rangeOf(span.start, span.end), newText: escapeText(v) }],
        });
      }
      break;
    }
    case 'text-not-allowed': {
      const t = textSpan(doc, el);
      if (t) [start, end] = [t.start, t.end];
      break;
    }
    case 'missing-element': {
      // libxml2 lists every element that may come next; the fix is certain when exactly one of them must.
      const expected = c.expectedElements ?? [];
      const candidates = expected.length === 1 ? expected : (requiredOf?.(el, expected) ?? []);
      if (candidates.length === 1) {
        const fix = insertChildFix(doc, el, candidates[0], lang);
        if (fix) fixes.push(fix);
      }
      break;
    }
    case 'missing-attribute': {
      const name = c.attribute ?? '';
      fixes.push({
        title: xsdMessage(lang, 'fix-add-attribute', name),
        preferred: true,
        edits: [{ range: doc.rangeOf(el.nameEnd, el.nameEnd), newText: ` ${name}=""` }],
      });
      break;
    }
  }
  return { ruleId, severity, message: message(c, lang), range: doc.rangeOf(start, end), fixes: fixes.length ? fixes : undefined, data };
}

/** Fallback when libxml2 gave no usable XPath: the first element named `local` starting on `line`. */
function byLine(doc: AnalyzedDocument, root: XmlElement | undefined, line: number, local: string | undefined): XmlElement | undefined {
  if (!root || line <= 0) return undefined;
  const stack = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (doc.positionAt(el.start).line === line - 1 && (!local || el.local === local)) return el;
    for (const c of childElements(el)) stack.push(c);
  }
  return undefined;
}
