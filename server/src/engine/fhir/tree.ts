// A FHIR instance as the validator walks it, the same for JSON and XML: named properties in document
// order, primitive values, and the spans the diagnostics point at. JSON's `_name` siblings and XML's
// `value` attributes both end up as one primitive node with children (id, extension).
// Spans are six numbers on the node, not span objects: a 2 000-entry Bundle has ~30 000 nodes, and three
// span objects each were ~86 000 allocations per analysis, all kept alive by the tree. `nameSpanOf` and
// the like make one when a finding needs it.

export interface Span {
  start: number;
  end: number;
}

export type JsonKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export interface FhirNode {
  /** Property name (JSON key, XML local name). */
  name: string;
  /** The property name (JSON: without quotes; XML: the element's tag name). */
  nameStart: number;
  nameEnd: number;
  /** The value (JSON: the value token or object; XML: the `value` attribute's text, else the element). */
  valueStart: number;
  valueEnd: number;
  /** The whole property or element. */
  start: number;
  end: number;
  /** Primitive value, when there is one. */
  value?: string | number | boolean | null;
  /** How the value was written. JSON: the token kind; XML: `string` for a value attribute, `object` for content. */
  kind: JsonKind;
  /** Children (properties) in document order. */
  children: FhirNode[];
  /** JSON: the value came from an array (position in it). */
  index?: number;
  /** This node holds a resource (root, contained, entry.resource, …). */
  resourceType?: string;
  resourceTypeSpan?: Span;
  /** The value is the raw XHTML of a narrative div. */
  xhtml?: boolean;
  /** XML: the property came from an attribute (`id`, `url`), not an element. */
  attribute?: boolean;
  /**
   * JSON: the property names written as arrays, with the spans of their names (the array-form check), as
   * flat triples `name, start, end` (`markArray`, `arrayAt`): a Map and a span per node were 8 000 of each
   * per analysis of a 2 000-entry Bundle.
   */
  arrays?: (string | number)[];
}

/** A parsed FHIR document: its root resource, and how the syntax carries arrays. */
export interface FhirDocument {
  format: 'json' | 'xml';
  /** The document's text (to map a JSON string's decoded offsets back to the source). */
  text?: string;
  root: FhirNode;
  /** Syntax errors (JSON) with their spans. */
  syntaxErrors: { span: Span; message: string }[];
  /** JSON: the property names that were written as arrays, per node (its `arrays`). */
  arrays: { get(node: FhirNode): Map<string, Span> | undefined };
  /** The resource types in the tree, when the parser collected them (else `resourceTypesIn`). */
  resourceTypes?: Set<string>;
  /** A JSON Bundle whose entries the parse of the document's next version may take over (json-plain.ts). */
  entriesReusable?: boolean;
  /** JSON: the nodes given a resource type, in the order of their types in the text (json-plain.ts). */
  resourceNodes?: FhirNode[];
}

/**
 * A node with every property in one fixed order, so all nodes (JSON and XML) share one hidden class and
 * the walker's property reads stay monomorphic. An object literal, not a class: V8 allocates a literal that
 * outlives young collections (the tree does) straight in the old generation; class instances were copied
 * by every scavenge instead (2.6x the bytes, measured with --trace-gc-nvp). No prototype of its own either
 * (`__proto__` in the literal doubled the cost of making a node).
 */
export function fhirNode(
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

/** Records that `node` had property `name` written as an array, its name at start…end (a later one replaces it). */
export function markArray(node: FhirNode, name: string, start: number, end: number): void {
  const list = (node.arrays ??= []);
  const at = arrayAt(node, name);
  if (at < 0) list.push(name, start, end);
  else {
    list[at + 1] = start;
    list[at + 2] = end;
  }
}

/** Where property `name` is in `node.arrays` (its triple), or -1 when it was not written as an array. */
export function arrayAt(node: FhirNode, name: string): number {
  const list = node.arrays;
  if (list) for (let k = 0; k < list.length; k += 3) if (list[k] === name) return k;
  return -1;
}

/** `FhirDocument.arrays` of every document, from each node's own list (hovers and tests, not the walk). */
export const NODE_ARRAYS: FhirDocument['arrays'] = Object.freeze({
  get(node: FhirNode): Map<string, Span> | undefined {
    const list = node.arrays;
    if (!list) return undefined;
    const out = new Map<string, Span>();
    for (let k = 0; k < list.length; k += 3) out.set(list[k] as string, { start: list[k + 1] as number, end: list[k + 2] as number });
    return out;
  },
});

export const nameSpanOf = (node: FhirNode): Span => ({ start: node.nameStart, end: node.nameEnd });
export const valueSpanOf = (node: FhirNode): Span => ({ start: node.valueStart, end: node.valueEnd });
export const spanOf = (node: FhirNode): Span => ({ start: node.start, end: node.end });

/** Children grouped by name, in document order of first appearance. */
export function grouped(node: FhirNode): Map<string, FhirNode[]> {
  const out = new Map<string, FhirNode[]>();
  for (const c of node.children) {
    const list = out.get(c.name);
    if (list) list.push(c);
    else out.set(c.name, [c]);
  }
  return out;
}

/** The node as FHIR JSON (for FHIRPath and fixed/pattern comparison); `memo` records each object node's JSON. */
export function toJson(node: FhirNode, memo?: WeakMap<FhirNode, unknown>): unknown {
  if (node.kind !== 'object') return node.value ?? null;
  const out: Record<string, unknown> = {};
  if (node.resourceType) out.resourceType = node.resourceType;
  for (const [name, list] of grouped(node)) {
    const primitive = list.some((n) => n.kind !== 'object' && n.kind !== 'array');
    const many = list.length > 1 || list[0].index !== undefined;
    if (primitive) {
      const values = list.map((n) => (n.kind === 'object' ? null : n.value));
      const extras = list.map((n) => (n.children.length ? toJson({ ...n, kind: 'object', resourceType: undefined }) : null));
      if (!many && values[0] === null) {
        // An XML primitive with only extensions: in JSON it is `_name` alone.
        out[`_${name}`] = extras[0];
        continue;
      }
      out[name] = many ? values : values[0];
      if (extras.some((e) => e !== null)) out[`_${name}`] = many ? extras : extras[0];
    } else {
      const values = list.map((n) => toJson(n, memo));
      out[name] = many ? values : values[0];
    }
  }
  memo?.set(node, out);
  return out;
}

/** The span of a primitive's text: without the quotes of a JSON string (XML attribute spans have none). */
export function textSpan(node: FhirNode, format: 'json' | 'xml'): Span {
  return format === 'json' && node.kind === 'string'
    ? { start: node.valueStart + 1, end: Math.max(node.valueStart + 1, node.valueEnd - 1) }
    : valueSpanOf(node);
}
