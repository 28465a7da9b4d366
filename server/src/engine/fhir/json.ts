// FHIR JSON → FhirNode tree, with exact spans: plain JSON through the direct builder (json-plain.ts),
// anything else in one pass over jsonc-parser's event stream (no intermediate syntax tree). `_name`
// siblings (primitive ids and extensions) are merged into their primitive, index by index, as the JSON
// format defines (json-node.ts).

import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { jsonNodeOfSpans, mergeUnderscores } from './json-node';
import { NOT_PLAIN_JSON, parsePlainFhirJson } from './json-plain';
import { fhirNode, markArray, NODE_ARRAYS, type FhirDocument, type FhirNode, type JsonKind, type Span } from './tree';

/** Cheap test: does this JSON text look like a FHIR resource (a top-level `resourceType`)? */
export function looksLikeFhirJson(text: string): boolean {
  return /^\s*\{[\s\S]{0,4000}?"resourceType"\s*:\s*"[A-Z][A-Za-z]+"/.test(text.slice(0, 4200));
}

interface Frame {
  /** The object being filled, or null for a container whose content is ignored (arrays in arrays). */
  node: FhirNode | null;
  array: boolean;
  /** Object frames: the property whose value comes next. */
  key?: { name: string; span: Span; start: number };
  /** Array frames: the property the array belongs to, and the next index. */
  arrayKey?: { name: string; span: Span; start: number };
  index: number;
  parent?: FhirNode | null;
  /** Array frames: offset of `[`. */
  start?: number;
}

/**
 * Plain JSON (the common case) through the strict builder (json-plain.ts); anything else (a syntax error,
 * a comment) again through jsonc-parser, whose recovery and messages the syntax findings keep. `scanner`
 * forces one (tests); `previous`: the previous version's plain parse, whose unchanged Bundle entries are reused.
 */
export function parseFhirJson(text: string, scanner?: 'plain' | 'jsonc', previous?: FhirDocument): FhirDocument | undefined {
  if (scanner === 'jsonc') return parseWithJsonc(text);
  try {
    return parsePlainFhirJson(text, previous);
  } catch (err) {
    if (err !== NOT_PLAIN_JSON || scanner === 'plain') throw err;
  }
  return parseWithJsonc(text);
}

/** The tree from jsonc-parser's event stream (its error recovery for broken text). */
function parseWithJsonc(text: string): FhirDocument | undefined {
  const errors: ParseError[] = [];
  const stack: Frame[] = [];
  let root: FhirNode | undefined;
  let rootIsObject = false;

  /** Name, spans and index of the value about to be added to the top frame. */
  const slot = (start: number, end: number): { name: string; nameSpan: Span; span: Span; index?: number; parent: FhirNode | null } | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return undefined;
    if (top.array) {
      const k = top.arrayKey;
      if (!k || !top.parent) return { name: '', nameSpan: { start, end }, span: { start, end }, parent: null };
      return { name: k.name, nameSpan: { start, end }, span: { start, end }, index: top.index++, parent: top.parent };
    }
    const k = top.key;
    top.key = undefined;
    if (!k || !top.node) return { name: '', nameSpan: { start, end }, span: { start, end }, parent: null };
    return { name: k.name, nameSpan: k.span, span: { start: k.start, end }, parent: top.node };
  };

  visit(
    text,
    {
      onObjectBegin(offset) {
        const node = fhirNode('', offset, offset, offset, offset, offset, offset, 'object', undefined, undefined);
        if (!stack.length) {
          if (!root) {
            root = node;
            rootIsObject = true;
          }
          stack.push({ node: root === node ? node : null, array: false, index: 0 });
          return;
        }
        const top = stack[stack.length - 1];
        stack.push({ node: top.node || (top.array && top.parent) ? node : null, array: false, index: 0 });
      },
      onObjectProperty(property, offset, length) {
        const top = stack[stack.length - 1];
        top.key = { name: property, span: { start: offset + 1, end: offset + Math.max(1, length - 1) }, start: offset };
      },
      onObjectEnd(offset, length) {
        const frame = stack.pop()!;
        const node = frame.node;
        if (!node) return;
        const end = offset + length;
        const start = node.valueStart;
        node.valueEnd = end;
        mergeUnderscores(node);
        if (node === root) {
          node.nameStart = node.start = start;
          node.nameEnd = node.end = end;
          return;
        }
        const s = slot(start, end);
        if (!s?.parent) return;
        node.name = s.name;
        const keyed = s.index === undefined;
        node.nameStart = keyed ? s.nameSpan.start : start;
        node.nameEnd = keyed ? s.nameSpan.end : end;
        node.start = keyed ? s.span.start : start;
        node.end = keyed ? s.span.end : end;
        node.index = s.index;
        s.parent.children.push(node);
      },
      onArrayBegin(offset) {
        const top = stack[stack.length - 1];
        if (!top) {
          stack.push({ node: null, array: true, index: 0 });
          return;
        }
        if (top.array || !top.node || !top.key) {
          // An array in an array (not FHIR): keep a placeholder, ignore the content.
          const s = top.array ? slot(offset, offset) : undefined;
          if (s?.parent) s.parent.children.push(jsonNodeOfSpans(s.name, s.nameSpan, s.span, s.span, 'array', undefined, s.index));
          stack.push({ node: null, array: true, index: 0 });
          return;
        }
        const key = top.key;
        top.key = undefined;
        markArray(top.node, key.name, key.span.start, key.span.end);
        stack.push({ node: null, array: true, arrayKey: key, index: 0, parent: top.node, start: offset });
      },
      onArrayEnd(offset, length) {
        const frame = stack.pop()!;
        if (frame.arrayKey && frame.parent && frame.index === 0) {
          const span = { start: frame.start ?? offset, end: offset + length };
          frame.parent.children.push(jsonNodeOfSpans(frame.arrayKey.name, frame.arrayKey.span, span, span, 'array', undefined, undefined));
        }
      },
      onLiteralValue(value: unknown, offset, length) {
        const top = stack[stack.length - 1];
        if (!top) return;
        const end = offset + length;
        if (!top.array && top.node && top.key?.name === 'resourceType' && typeof value === 'string') {
          top.node.resourceType = value;
          top.node.resourceTypeSpan = { start: offset, end };
          top.key = undefined;
          return;
        }
        const s = slot(offset, end);
        if (!s?.parent) return;
        const kind: JsonKind = value === null ? 'null' : (typeof value as JsonKind);
        s.parent.children.push(jsonNodeOfSpans(s.name, s.nameSpan, { start: offset, end }, s.span, kind, value as FhirNode['value'], s.index));
      },
      onError(error, offset, length) {
        errors.push({ error, offset, length });
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  if (!root || !rootIsObject || !root.resourceType) return undefined;
  return {
    format: 'json',
    text,
    root,
    arrays: NODE_ARRAYS,
    // One error per spot: the parser often reports a second, consequential one at the same offset.
    syntaxErrors: errors
      .filter((e, i) => i === 0 || errors[i - 1].offset !== e.offset)
      .map((e) => ({ span: { start: e.offset, end: e.offset + Math.max(1, e.length) }, message: printParseErrorCode(e.error) })),
  };
}
