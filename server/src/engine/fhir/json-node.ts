// What both FHIR JSON tree builders share (the plain-JSON builder in json-plain.ts and the jsonc-parser
// route in json.ts): the node factory, and the merge of `_name` siblings into their primitives.

import type { FhirNode, JsonKind, Span } from './tree';

/**
 * A node with every JSON property in one fixed order, so all JSON nodes share one hidden class and the
 * walker's property reads stay monomorphic. Spans are never mutated, so one span object may serve as
 * name, value and whole span of an array item.
 */
export function jsonNode(
  name: string,
  nameSpan: Span,
  valueSpan: Span,
  span: Span,
  kind: JsonKind,
  value: FhirNode['value'],
  index: number | undefined,
): FhirNode {
  // A list of its own for every node, empty ones too: a shared frozen list would save 20 000 small arrays
  // on a 2 000-entry Bundle, but its elements kind makes every loop over children slower (measured).
  return { name, nameSpan, valueSpan, span, value, kind, children: [], index, resourceType: undefined, resourceTypeSpan: undefined };
}

const isExtra = (c: FhirNode) => c.name.length > 1 && c.name.charCodeAt(0) === 95; /* _ */

/** `_given: [null, {extension}]` → the ids and extensions of `given[1]`; removes the `_` properties. */
export function mergeUnderscores(node: FhirNode, arrays: WeakMap<FhirNode, Map<string, Span>>): void {
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
      target = jsonNode(name, extra.nameSpan, extra.valueSpan, extra.span, 'null', undefined, extra.index);
      node.children.push(target);
    }
    target.children.push(...extra.children);
    // `_given: { "extension": [...] }`: the array form of the extension list belongs to the merged node.
    const written = arrays.get(extra);
    if (written) {
      const m = arrays.get(target) ?? new Map<string, Span>();
      for (const [k, v] of written) m.set(k, v);
      arrays.set(target, m);
    }
  }
}
