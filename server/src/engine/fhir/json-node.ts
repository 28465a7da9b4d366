// What both FHIR JSON tree builders share (the plain-JSON builder in json-plain.ts and the jsonc-parser
// route in json.ts): the node class, and the merge of `_name` siblings into their primitives.

import type { FhirNode, JsonKind, Span } from './tree';

/** A FHIR JSON node: its three spans kept as six numbers (the `…Span` properties come from its prototype). */
export interface JsonNode extends FhirNode {
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  start: number;
  end: number;
}

/**
 * The spans of a JSON node, made on read: the walk reads them only to report. Span objects for every
 * node were ~86 000 allocations per analysis of a 2 000-entry Bundle, all kept alive by the tree.
 */
const spans: ThisType<JsonNode> & Pick<FhirNode, 'nameSpan' | 'valueSpan' | 'span'> = {
  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameEnd };
  },
  set nameSpan(s: Span) {
    this.nameStart = s.start;
    this.nameEnd = s.end;
  },
  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  },
  set valueSpan(s: Span) {
    this.valueStart = s.start;
    this.valueEnd = s.end;
  },
  get span(): Span {
    return { start: this.start, end: this.end };
  },
  set span(s: Span) {
    this.start = s.start;
    this.end = s.end;
  },
};
const SPANS = Object.freeze(spans);

/**
 * A node with every JSON property in one fixed order, so all JSON nodes share one hidden class and the
 * walker's property reads stay monomorphic. An object literal, not a class: V8 allocates a literal that
 * outlives young collections (the tree does) straight in the old generation; class instances were copied
 * by every scavenge instead (2.6x the bytes, measured with --trace-gc-nvp).
 */
export function newJsonNode(
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
): JsonNode {
  // A list of its own for every node, empty ones too: a shared frozen list would save 20 000 small arrays
  // on a 2 000-entry Bundle, but its elements kind makes every loop over children slower (measured).
  return {
    __proto__: SPANS,
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
  } as unknown as JsonNode;
}

/** A node from span objects (the jsonc-parser route and the merge below). */
export function jsonNode(
  name: string,
  nameSpan: Span,
  valueSpan: Span,
  span: Span,
  kind: JsonKind,
  value: FhirNode['value'],
  index: number | undefined,
): JsonNode {
  return newJsonNode(name, nameSpan.start, nameSpan.end, valueSpan.start, valueSpan.end, span.start, span.end, kind, value, index);
}

/** The property names of `node` that were written as arrays, with their spans: made on first use. */
export function writtenArrays(node: FhirNode): Map<string, Span> {
  return (node.arrays ??= new Map<string, Span>());
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
      target = jsonNode(name, extra.nameSpan, extra.valueSpan, extra.span, 'null', undefined, extra.index);
      node.children.push(target);
    }
    target.children.push(...extra.children);
    // `_given: { "extension": [...] }`: the array form of the extension list belongs to the merged node.
    const written = extra.arrays;
    if (written) {
      const m = writtenArrays(target);
      for (const [k, v] of written) m.set(k, v);
    }
  }
}
