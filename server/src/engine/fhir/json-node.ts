// What both FHIR JSON tree builders share (the plain-JSON builder in json-plain.ts and the jsonc-parser
// route in json.ts): a node from span objects, and the merge of `_name` siblings into their primitives.

import { fhirNode, markArray, type FhirNode, type JsonKind, type Span } from './tree';

/** A node from span objects (the jsonc-parser route and the merge below). */
export function jsonNodeOfSpans(
  name: string,
  nameSpan: Span,
  valueSpan: Span,
  span: Span,
  kind: JsonKind,
  value: FhirNode['value'],
  index: number | undefined,
): FhirNode {
  return fhirNode(name, nameSpan.start, nameSpan.end, valueSpan.start, valueSpan.end, span.start, span.end, kind, value, index);
}

const isExtra = (c: FhirNode) => c.name.length > 1 && c.name.charCodeAt(0) === 95; /* _ */

/** `_given: [null, {extension}]` → the ids and extensions of `given[1]`; removes the `_` properties. */
export function mergeUnderscores(node: FhirNode): void {
  let any = false;
  for (const c of node.children) {
    if (isExtra(c)) {
      any = true;
      break;
    }
  }
  if (!any) return;
  const extras = node.children.filter(isExtra);
  node.children = node.children.filter((c) => !isExtra(c));
  for (const extra of extras) {
    if (extra.kind !== 'object') continue;
    const name = extra.name.slice(1);
    const targets = node.children.filter((c) => c.name === name);
    let target = targets[extra.index ?? 0];
    if (!target) {
      target = fhirNode(name, extra.nameStart, extra.nameEnd, extra.valueStart, extra.valueEnd, extra.start, extra.end, 'null', undefined, extra.index);
      node.children.push(target);
    }
    target.children.push(...extra.children);
    // `_given: { "extension": [...] }`: the array form of the extension list belongs to the merged node.
    const written = extra.arrays;
    if (written) for (let k = 0; k < written.length; k += 3) markArray(target, written[k] as string, written[k + 1] as number, written[k + 2] as number);
  }
}
