// What both FHIR JSON tree builders share (the plain-JSON builder in json-plain.ts and the jsonc-parser
// route in json.ts): the node factory, and the merge of `_name` siblings into their primitives.

import { markArray, type FhirNode, type JsonKind, type Span } from './tree';

/**
 * A node with every JSON property in one fixed order, so all JSON nodes share one hidden class and the
 * walker's property reads stay monomorphic. An object literal, not a class: V8 allocates a literal that
 * outlives young collections (the tree does) straight in the old generation; class instances were copied
 * by every scavenge instead (2.6x the bytes, measured with --trace-gc-nvp). No prototype of its own either
 * (`__proto__` in the literal doubled the cost of making a node).
 */
export function jsonNode(
  name: string,
  nameStart: number,
  nameEnd: number,
  valueStart: number,
  valueEnd: number,
  start: number,
  end: number,
  kind: JsonKind,
  value: FhirNode['value'],
  index: number | undefined,
): FhirNode {
  // A list of its own for every node, empty ones too: a shared frozen list would save 20 000 small arrays
  // on a 2 000-entry Bundle, but its elements kind makes every loop over children slower (measured).
  return {
    name,
    nameStart,
    nameEnd,
    valueStart,
    valueEnd,
    start,
    end,
    value,
    kind,
    children: [],
    index,
    resourceType: undefined,
    resourceTypeSpan: undefined,
    arrays: undefined,
  };
}

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
  return jsonNode(name, nameSpan.start, nameSpan.end, valueSpan.start, valueSpan.end, span.start, span.end, kind, value, index);
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
      target = jsonNode(name, extra.nameStart, extra.nameEnd, extra.valueStart, extra.valueEnd, extra.start, extra.end, 'null', undefined, extra.index);
      node.children.push(target);
    }
    target.children.push(...extra.children);
    // `_given: { "extension": [...] }`: the array form of the extension list belongs to the merged node.
    const written = extra.arrays;
    if (written) for (let k = 0; k < written.length; k += 3) markArray(target, written[k] as string, written[k + 1] as number, written[k + 2] as number);
  }
}
