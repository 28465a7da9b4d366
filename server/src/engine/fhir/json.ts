// FHIR JSON → FhirNode tree, with exact spans from jsonc-parser. `_name` siblings (primitive ids and
// extensions) are merged into their primitive, index by index, as the JSON format defines.

import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { FhirDocument, FhirNode, JsonKind, Span } from './tree';

const spanOf = (n: JsonNode): Span => ({ start: n.offset, end: n.offset + n.length });
const keySpan = (k: JsonNode): Span => ({ start: k.offset + 1, end: k.offset + Math.max(1, k.length - 1) });

/** Cheap test: does this JSON text look like a FHIR resource (a top-level `resourceType`)? */
export function looksLikeFhirJson(text: string): boolean {
  return /^\s*\{[\s\S]{0,4000}?"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/.test(text.slice(0, 4200));
}

export function parseFhirJson(text: string): FhirDocument | undefined {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!tree || tree.type !== 'object') return undefined;
  const arrays = new WeakMap<FhirNode, Map<string, Span>>();
  const root = objectNode('', tree, tree, arrays);
  if (!root.resourceType) return undefined;
  return {
    format: 'json',
    root,
    arrays,
    // One error per spot: the parser often reports a second, consequential one at the same offset.
    syntaxErrors: errors.filter((e, i) => i === 0 || errors[i - 1].offset !== e.offset).map((e) => ({ span: { start: e.offset, end: e.offset + Math.max(1, e.length) }, message: printParseErrorCode(e.error) })),
  };
}

function kindOf(n: JsonNode): JsonKind {
  return n.type as JsonKind;
}

function objectNode(name: string, keyNode: JsonNode, value: JsonNode, arrays: FhirDocument['arrays'], index?: number): FhirNode {
  const node: FhirNode = {
    name,
    nameSpan: keyNode === value ? spanOf(value) : keySpan(keyNode),
    valueSpan: spanOf(value),
    span: keyNode === value ? spanOf(value) : { start: keyNode.offset, end: value.offset + value.length },
    kind: 'object',
    children: [],
    index,
  };
  const props = (value.children ?? []).filter((p) => p.type === 'property' && p.children?.length === 2);
  const underscored = new Map<string, JsonNode[]>();
  for (const p of props) {
    const [k, v] = p.children!;
    const key = String(k.value);
    if (key === 'resourceType' && v.type === 'string') {
      node.resourceType = String(v.value);
      node.resourceTypeSpan = spanOf(v);
      continue;
    }
    if (key.startsWith('_') && key.length > 1) {
      underscored.set(key.slice(1), p.children!);
      continue;
    }
    addProperty(node, key, k, v, arrays);
  }
  for (const [key, [k, v]] of underscored) mergeUnderscore(node, key, k, v, arrays);
  return node;
}

function addProperty(parent: FhirNode, key: string, k: JsonNode, v: JsonNode, arrays: FhirDocument['arrays']): void {
  if (v.type === 'array') {
    let m = arrays.get(parent);
    if (!m) arrays.set(parent, (m = new Map()));
    m.set(key, keySpan(k));
    (v.children ?? []).forEach((item, i) => parent.children.push(valueNode(key, k, item, arrays, i)));
    if (!v.children?.length) parent.children.push({ name: key, nameSpan: keySpan(k), valueSpan: spanOf(v), span: spanOf(v), kind: 'array', children: [] });
  } else {
    parent.children.push(valueNode(key, k, v, arrays));
  }
}

function valueNode(key: string, k: JsonNode, v: JsonNode, arrays: FhirDocument['arrays'], index?: number): FhirNode {
  if (v.type === 'object') {
    const n = objectNode(key, k, v, arrays, index);
    // In an array the item itself is what a diagnostic points at; the key is shared.
    if (index !== undefined) n.nameSpan = spanOf(v);
    return n;
  }
  return {
    name: key,
    nameSpan: index === undefined ? keySpan(k) : spanOf(v),
    valueSpan: spanOf(v),
    span: index === undefined ? { start: k.offset, end: v.offset + v.length } : spanOf(v),
    value: v.type === 'array' ? undefined : (v.value as FhirNode['value']),
    kind: kindOf(v),
    children: [],
    index,
  };
}

/** `_given: [null, {extension}]` → the ids and extensions of `given[1]`. */
function mergeUnderscore(parent: FhirNode, key: string, k: JsonNode, v: JsonNode, arrays: FhirDocument['arrays']): void {
  const items = v.type === 'array' ? (v.children ?? []) : [v];
  const targets = parent.children.filter((c) => c.name === key);
  items.forEach((item, i) => {
    if (item.type !== 'object') return;
    const extra = objectNode(key, k, item, arrays);
    let target = targets[i];
    if (!target) {
      target = { name: key, nameSpan: keySpan(k), valueSpan: spanOf(item), span: spanOf(item), kind: 'null', children: [], index: v.type === 'array' ? i : undefined };
      parent.children.push(target);
    }
    target.children.push(...extra.children);
  });
}
