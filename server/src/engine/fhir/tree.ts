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
  /** JSON: the property names written as arrays, with the spans of their names (the array-form check). */
  arrays?: Map<string, Span>;
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
}

/** `FhirDocument.arrays` of every document: each node carries its own. */
export const NODE_ARRAYS: FhirDocument['arrays'] = Object.freeze({ get: (node: FhirNode) => node.arrays });

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
