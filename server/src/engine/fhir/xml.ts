// FHIR XML → FhirNode tree, over the shared position-aware XML parser. `value` attributes become
// primitive values, `id`/`url` attributes child properties, a wrapped resource (`<contained><Patient>`)
// the resource node itself, and a narrative `<div>` opaque XHTML: the same tree JSON gives.

import type { XmlDocument, XmlElement } from '../xml/parse';
import { NODE_ARRAYS, type FhirDocument, type FhirNode, type Span } from './tree';

export const FHIR_NS = 'http://hl7.org/fhir';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** Cheap test before parsing: the FHIR namespace near the start. */
export function looksLikeFhirXml(text: string): boolean {
  return text.slice(0, 2000).includes(FHIR_NS);
}

/** A FHIR resource from a parsed XML document (`text` is what it was parsed from). */
export function parseFhirXml(text: string, xml: XmlDocument): FhirDocument | undefined {
  const root = xml.root;
  if (!root || root.ns !== FHIR_NS) return undefined;
  const nameSpan = { start: root.nameStart, end: root.nameEnd };
  const node: FhirNode = {
    name: '',
    nameSpan,
    valueSpan: nameSpan,
    span: { start: root.start, end: root.end },
    kind: 'object',
    children: [],
    resourceType: root.local,
    resourceTypeSpan: nameSpan,
  };
  fill(node, root, text);
  return { format: 'xml', root: node, arrays: NODE_ARRAYS, syntaxErrors: [] };
}

function elementsOf(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

function fill(node: FhirNode, el: XmlElement, text: string): void {
  for (const a of el.attributes) {
    if (a.prefix === 'xmlns' || a.name === 'xmlns' || a.ns) continue;
    if (a.local === 'value' && node.kind !== 'object') continue;
    const span: Span = { start: a.valueStart, end: a.valueEnd };
    node.children.push({
      name: a.local,
      nameSpan: { start: a.nameStart, end: a.nameEnd },
      valueSpan: span,
      span: { start: a.nameStart, end: a.valueEnd + 1 },
      value: a.value,
      kind: 'string',
      children: [],
      attribute: true,
    });
  }
  for (const child of elementsOf(el)) node.children.push(toNode(child, text));
}

function toNode(el: XmlElement, text: string): FhirNode {
  const nameSpan = { start: el.nameStart, end: el.nameEnd };
  const span = { start: el.start, end: el.end };
  if (el.local === 'div' && el.ns === XHTML_NS) {
    return { name: 'div', nameSpan, valueSpan: span, span, value: text.slice(el.start, el.end), kind: 'string', children: [], xhtml: true };
  }
  const inner = elementsOf(el);
  // A resource inside an element (contained, Bundle.entry.resource, Parameters.parameter.resource):
  // element names start in lower case, resource types in upper case.
  if (inner.length === 1 && /^[A-Z]/.test(inner[0].local) && el.attributes.every((a) => a.local !== 'value')) {
    const r = inner[0];
    const rSpan = { start: r.nameStart, end: r.nameEnd };
    const node: FhirNode = { name: el.local, nameSpan, valueSpan: span, span, kind: 'object', children: [], resourceType: r.local, resourceTypeSpan: rSpan };
    fill(node, r, text);
    return node;
  }
  const value = el.attributes.find((a) => a.local === 'value' && !a.ns);
  const node: FhirNode = value
    ? { name: el.local, nameSpan, valueSpan: { start: value.valueStart, end: value.valueEnd }, span, value: value.value, kind: 'string', children: [] }
    : { name: el.local, nameSpan, valueSpan: nameSpan, span, kind: 'object', children: [] };
  fill(node, el, text);
  return node;
}
