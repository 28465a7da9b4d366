// What both FHIR JSON tree builders share (the plain-JSON builder in json-plain.ts and the jsonc-parser
// route in json.ts): the node class, and the merge of `_name` siblings into their primitives.

import type { FhirNode, JsonKind, Span } from './tree';

/**
 * A JSON node keeps its three spans as six numbers: a 2 000-entry Bundle has ~30 000 nodes, and span
 * objects for each were ~86 000 allocations per analysis, all kept alive by the tree (GC was a sixth of
 * the time). `nameSpan`, `valueSpan` and `span` are made on read: the walk reads them only to report.
 * Every field is set in the constructor, in one order, so all JSON nodes share one hidden class and the
 * walker's property reads stay monomorphic.
 */
export class JsonNode implements FhirNode {
  name: string;
  nameStart: number;
  nameEnd: number;
  valueStart: number;
  valueEnd: number;
  start: number;
  end: number;
  value: FhirNode['value'];
  kind: JsonKind;
  // A list of its own for every node, empty ones too: a shared frozen list would save 20 000 small arrays
  // on a 2 000-entry Bundle, but its elements kind makes every loop over children slower (measured).
  children: FhirNode[] = [];
  index: number | undefined;
  resourceType: string | undefined = undefined;
  resourceTypeSpan: Span | undefined = undefined;
  arrays: Map<string, Span> | undefined = undefined;

  constructor(
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
  ) {
    this.name = name;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.start = start;
    this.end = end;
    this.value = value;
    this.kind = kind;
    this.index = index;
  }

  get nameSpan(): Span {
    return { start: this.nameStart, end: this.nameEnd };
  }
  set nameSpan(s: Span) {
    this.nameStart = s.start;
    this.nameEnd = s.end;
  }
  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }
  set valueSpan(s: Span) {
    this.valueStart = s.start;
    this.valueEnd = s.end;
  }
  get span(): Span {
    return { start: this.start, end: this.end };
  }
  set span(s: Span) {
    this.start = s.start;
    this.end = s.end;
  }
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
  return new JsonNode(name, nameSpan.start, nameSpan.end, valueSpan.start, valueSpan.end, span.start, span.end, kind, value, index);
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
