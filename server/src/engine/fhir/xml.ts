// FHIR XML → FhirNode tree, over the shared position-aware XML parser. `value` attributes become
// primitive values, `id`/`url` attributes child properties, a wrapped resource (`<contained><Patient>`)
// the resource node itself, and a narrative `<div>` opaque XHTML: the same tree JSON gives.

import type { XmlDocument, XmlElement } from '../xml/parse';
import { fhirNode, NODE_ARRAYS, type FhirDocument, type FhirNode } from './tree';

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
  const node = fhirNode('', root.nameStart, root.nameEnd, root.nameStart, root.nameEnd, root.start, root.end, 'object', undefined, undefined);
  node.resourceType = root.local;
  node.resourceTypeSpan = { start: root.nameStart, end: root.nameEnd };
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
    const attribute = fhirNode(a.local, a.nameStart, a.nameEnd, a.valueStart, a.valueEnd, a.nameStart, a.valueEnd + 1, 'string', a.value, undefined);
    attribute.attribute = true;
    node.children.push(attribute);
  }
  for (const child of elementsOf(el)) node.children.push(toNode(child, text));
}

function toNode(el: XmlElement, text: string): FhirNode {
  if (el.local === 'div' && el.ns === XHTML_NS) {
    const div = fhirNode('div', el.nameStart, el.nameEnd, el.start, el.end, el.start, el.end, 'string', text.slice(el.start, el.end), undefined);
    div.xhtml = true;
    return div;
  }
  const inner = elementsOf(el);
  // A resource inside an element (contained, Bundle.entry.resource, Parameters.parameter.resource):
  // element names start in lower case, resource types in upper case.
  if (inner.length === 1 && /^[A-Z]/.test(inner[0].local) && el.attributes.every((a) => a.local !== 'value')) {
    const r = inner[0];
    const node = fhirNode(el.local, el.nameStart, el.nameEnd, el.start, el.end, el.start, el.end, 'object', undefined, undefined);
    node.resourceType = r.local;
    node.resourceTypeSpan = { start: r.nameStart, end: r.nameEnd };
    fill(node, r, text);
    return node;
  }
  const value = el.attributes.find((a) => a.local === 'value' && !a.ns);
  let node: FhirNode;
  if (value) {
    node = fhirNode(el.local, el.nameStart, el.nameEnd, value.valueStart, value.valueEnd, el.start, el.end, 'string', value.value, undefined);
  } else node = fhirNode(el.local, el.nameStart, el.nameEnd, el.nameStart, el.nameEnd, el.start, el.end, 'object', undefined, undefined);
  fill(node, el, text);
  return node;
}
