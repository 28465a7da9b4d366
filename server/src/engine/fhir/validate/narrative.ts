// The narrative's XHTML (txt-1, txt-2 and the XHTML rules of FHIR): only the basic HTML elements, no
// active content (script, event attributes, javascript: links), some visible content, and in JSON the
// XHTML namespace on the div and no entities but XML's own five (`&nbsp;` is not XML). Each finding
// points at the offending tag or entity itself.

import { nameSpanOf, type FhirDocument, type FhirNode, type Span } from '../tree';
import type { Report } from './issue';

/** HTML 4 chapters 7–11 and 15 (and a, img, map/area), as FHIR allows in a narrative. */
const ALLOWED = new Set(
  'a abbr acronym address area b bdo big blockquote br caption cite code col colgroup dd del dfn div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li map ol p pre q s samp small span strike strong sub sup table tbody td tfoot th thead tr tt u ul var'.split(
    ' ',
  ),
);
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Offsets in the decoded value → offsets in the document (JSON strings have escapes; XML values are the text itself). */
function offsetMap(node: FhirNode, doc: FhirDocument, _text: string): (i: number) => number {
  if (doc.format === 'xml' || doc.text === undefined) return (i) => node.valueStart + (doc.format === 'json' ? 1 : 0) + i;
  const raw = (doc.text ?? '').slice(node.valueStart + 1, node.valueEnd - 1);
  const at: number[] = [];
  for (let r = 0; r < raw.length; ) {
    at.push(r);
    if (raw[r] !== '\\') r++;
    else r += raw[r + 1] === 'u' ? 6 : 2;
  }
  at.push(raw.length);
  return (i) => node.valueStart + 1 + (at[Math.min(i, at.length - 1)] ?? raw.length);
}

export function checkNarrative(node: FhirNode, doc: FhirDocument, path: string, report: Report): void {
  const text = typeof node.value === 'string' ? node.value : undefined;
  if (!text) return;
  const map = offsetMap(node, doc, text);
  const span = (from: number, to: number): Span => ({ start: map(from), end: map(to) });
  const say = (s: Span, message: Parameters<Report>[0]['message'], args: (string | number)[]) =>
    report({ rule: 'fhir/narrative', severity: 'error', span: s, message, args: [path, ...args] });
  // Comments and CDATA hold no markup.
  const markup = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
  let first = true;
  for (const m of markup.matchAll(/<([A-Za-z][\w.:-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const at = m.index!;
    const name = m[1].includes(':') ? m[1].slice(m[1].indexOf(':') + 1) : m[1];
    const attributes = [...m[2].matchAll(/([^\s=/>]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => ({
      name: a[1],
      value: (a[2] ?? '').replace(/^["']|["']$/g, ''),
      at: at + 1 + m[1].length + a.index!,
    }));
    if (first && doc.format === 'json' && !attributes.some((a) => a.name === 'xmlns' && a.value === XHTML_NS))
      say(span(at, at + 1 + m[1].length), 'narrative-namespace', []);
    first = false;
    if (!ALLOWED.has(name.toLowerCase())) {
      say(span(at, at + 1 + m[1].length), 'narrative-element', [m[1]]);
      continue;
    }
    for (const a of attributes) {
      if (/^on/i.test(a.name) || (/^(href|src)$/i.test(a.name) && /^\s*(javascript|vbscript):/i.test(a.value)))
        say(span(a.at, a.at + a.name.length), 'narrative-active', [a.name, m[1]]);
    }
  }
  if (doc.format === 'json') {
    for (const m of text.matchAll(/&([A-Za-z][A-Za-z0-9]*);/g))
      if (!XML_ENTITIES.has(m[1])) say(span(m.index!, m.index! + m[0].length), 'narrative-entity', [m[0]]);
  }
  const visible = markup.replace(/<[^<>]*>/g, '').replace(/&[A-Za-z0-9#]+;/g, 'x');
  if (!/\S/.test(visible) && !/<img[\s>]/i.test(markup)) say(doc.format === 'json' ? span(0, text.length) : nameSpanOf(node), 'narrative-empty', []);
}
