// The FHIR tree of plain JSON (RFC 8259: no comments, no trailing commas), built directly while scanning:
// the same tree, span for span, as the jsonc-parser route in json.ts, without per-token callbacks, path
// copies or line tracking, and with one frame object per nesting depth reused for the whole document.
// It gives up (throws NOT_PLAIN_JSON) at the first thing that is not plain JSON; the caller then runs
// jsonc-parser, so broken text keeps one behaviour: jsonc-parser's recovery and messages. No recursion
// (any depth).

import { mergeUnderscores } from './json-node';
import { fhirNode, markArray, NODE_ARRAYS, type FhirDocument, type FhirNode, type JsonKind } from './tree';

/** Thrown when the text is not plain JSON: parse it again with jsonc-parser. */
export const NOT_PLAIN_JSON = new Error('not plain JSON');

/** Strings up to this length are shared (json-plain.ts `shared`); longer ones are mostly unique. */
const SHARED_MAX = 32;
const SEEN_SLOTS = 2048;

/** One open object or array. Reused for every container at its depth. */
interface Frame {
  array: boolean;
  /** Object frames: the node being filled. Array frames: the node the array's items belong to. Null: content ignored. */
  node: FhirNode | null;
  /** Offset of `{` or `[`. */
  start: number;
  /** Object frames: the property whose value comes next. Array frames: the array's property. */
  keyName: string;
  /** Its span (without quotes). */
  keyNameStart: number;
  keyNameEnd: number;
  /** Object frames: the key's value is still to come (false once taken). */
  keyPending: boolean;
  /** Offset of the property's opening quote. */
  keyStart: number;
  /** Array frames: the next item's index. */
  index: number;
  /** Object frames: the children so far (the first `count`), copied into a list of their exact length at `}`. */
  kids: FhirNode[];
  count: number;
}

export function parsePlainFhirJson(text: string): FhirDocument | undefined {
  // Made per call, not at module level: sticky expressions carry lastIndex.
  const plainRun = /[^"\\\u0000-\u001f]*/y;
  const escapedString = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  const number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  // The nodes given a resource type, for the document's set of types (no walk over the tree for it).
  const resources: FhirNode[] = [];
  const frames: Frame[] = [];
  const n = text.length;
  let depth = 0;
  let root: FhirNode | undefined;
  let i = 0;
  let str = '';

  const skipWs = () => {
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
  };
  // Property names, and short values (codes, systems, units), repeat all through a document: the tree
  // shares one string for each instead of a copy per occurrence. A slot per (length, first and last
  // character); a miss replaces the slot.
  const seen: string[] = new Array(SEEN_SLOTS);
  const shared = (start: number, end: number): string => {
    const len = end - start;
    if (len === 0) return '';
    const slot = (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & (SEEN_SLOTS - 1);
    const known = seen[slot];
    if (known !== undefined && known.length === len && text.startsWith(known, start)) return known;
    return (seen[slot] = text.slice(start, end));
  };
  /** The string token at `i` (a quote): its decoded value in `str`, `i` after it. */
  const readString = () => {
    plainRun.lastIndex = i + 1;
    plainRun.test(text);
    const end = plainRun.lastIndex;
    const c = text.charCodeAt(end);
    if (c === 34 /* " */) {
      str = end - i - 1 <= SHARED_MAX ? shared(i + 1, end) : text.slice(i + 1, end);
      i = end + 1;
      return;
    }
    if (c !== 92 /* \ */) throw NOT_PLAIN_JSON;
    escapedString.lastIndex = i;
    if (!escapedString.test(text)) throw NOT_PLAIN_JSON;
    str = JSON.parse(text.slice(i, escapedString.lastIndex)) as string;
    i = escapedString.lastIndex;
  };
  const open = (array: boolean, node: FhirNode | null, start: number, keyName: string, keyNameStart: number, keyNameEnd: number): Frame => {
    let f = frames[depth];
    if (f) {
      f.array = array;
      f.node = node;
      f.start = start;
      f.keyName = keyName;
      f.keyNameStart = keyNameStart;
      f.keyNameEnd = keyNameEnd;
      f.keyPending = false;
      f.keyStart = 0;
      f.index = 0;
      f.count = 0;
    } else frames[depth] = f = { array, node, start, keyName, keyNameStart, keyNameEnd, keyPending: false, keyStart: 0, index: 0, kids: [], count: 0 };
    depth++;
    return f;
  };
  /** A property name and its colon into the top (object) frame; `i` then at the value. */
  const readKey = (top: Frame) => {
    skipWs();
    if (text.charCodeAt(i) !== 34) throw NOT_PLAIN_JSON;
    const start = i;
    readString();
    top.keyName = str;
    top.keyNameStart = start + 1;
    top.keyNameEnd = i - 1;
    top.keyPending = true;
    top.keyStart = start;
    skipWs();
    if (text.charCodeAt(i) !== 58 /* : */) throw NOT_PLAIN_JSON;
    i++;
  };
  /** A child into the object frame `owner`. */
  const add = (owner: Frame, node: FhirNode) => {
    owner.kids[owner.count++] = node;
  };
  /** An object node complete (`end` after its `}`; `own`: its frame, none when empty): its children and spans, then into its parent (the top frame). */
  const closeObject = (node: FhirNode | null, start: number, end: number, own: Frame | undefined) => {
    if (!node) return;
    node.children = own?.count ? own.kids.slice(0, own.count) : [];
    node.valueStart = start;
    node.valueEnd = end;
    mergeUnderscores(node);
    if (depth === 0) {
      node.nameStart = node.start = start;
      node.nameEnd = node.end = end;
      return;
    }
    const top = frames[depth - 1];
    if (top.array) {
      if (!top.node) return;
      node.name = top.keyName;
      node.nameStart = node.start = start;
      node.nameEnd = node.end = end;
      node.index = top.index++;
      add(frames[depth - 2], node);
      return;
    }
    const pending = top.keyPending;
    top.keyPending = false;
    if (!pending || !top.node) return;
    node.name = top.keyName;
    node.nameStart = top.keyNameStart;
    node.nameEnd = top.keyNameEnd;
    node.start = top.keyStart;
    node.end = end;
    add(top, node);
  };
  /** An array complete (its frame popped): an empty one is a node of its own (the items are the nodes otherwise). */
  const closeArray = (frame: Frame, end: number) => {
    if (!frame.node || frame.index !== 0) return;
    const start = frame.start;
    add(frames[depth - 1], fhirNode(frame.keyName, frame.keyNameStart, frame.keyNameEnd, start, end, start, end, 'array', undefined, undefined));
  };
  const literal = (value: FhirNode['value'], kind: JsonKind, start: number, end: number) => {
    const top = frames[depth - 1];
    if (top.array) {
      if (!top.node) return;
      add(frames[depth - 2], fhirNode(top.keyName, start, end, start, end, start, end, kind, value, top.index++));
      return;
    }
    const pending = top.keyPending;
    top.keyPending = false;
    if (!pending || !top.node) return;
    if (kind === 'string' && top.keyName === 'resourceType') {
      top.node.resourceType = value as string;
      top.node.resourceTypeSpan = { start, end };
      resources.push(top.node);
      return;
    }
    add(top, fhirNode(top.keyName, top.keyNameStart, top.keyNameEnd, start, end, top.keyStart, end, kind, value, undefined));
  };
  const word = (w: string, value: boolean | null, kind: JsonKind) => {
    if (!text.startsWith(w, i)) throw NOT_PLAIN_JSON;
    literal(value, kind, i, i + w.length);
    i += w.length;
  };

  skipWs();
  if (text.charCodeAt(i) !== 123 /* { */) throw NOT_PLAIN_JSON;
  for (;;) {
    // At a value.
    skipWs();
    const c = text.charCodeAt(i);
    if (c === 123 /* { */) {
      const start = i;
      let node: FhirNode | null = null;
      // Spans filled in at its `}`.
      if (depth === 0) node = root = fhirNode('', 0, 0, 0, 0, 0, 0, 'object', undefined, undefined);
      else if (frames[depth - 1].node) node = fhirNode('', 0, 0, 0, 0, 0, 0, 'object', undefined, undefined);
      i++;
      skipWs();
      if (text.charCodeAt(i) === 125 /* } */) {
        i++;
        closeObject(node, start, i, undefined);
      } else {
        readKey(open(false, node, start, '', 0, 0));
        continue;
      }
    } else if (c === 91 /* [ */) {
      const start = i;
      const top = frames[depth - 1];
      let frame: Frame;
      if (top.array || !top.node || !top.keyPending) {
        // An array in an array (not FHIR): a placeholder node, content ignored.
        if (top.array && top.node) add(frames[depth - 2], fhirNode(top.keyName, start, start, start, start, start, start, 'array', undefined, top.index++));
        frame = open(true, null, start, '', 0, 0);
      } else {
        top.keyPending = false;
        markArray(top.node, top.keyName, top.keyNameStart, top.keyNameEnd);
        frame = open(true, top.node, start, top.keyName, top.keyNameStart, top.keyNameEnd);
      }
      i++;
      skipWs();
      if (text.charCodeAt(i) !== 93 /* ] */) continue;
      i++;
      depth--;
      closeArray(frame, i);
    } else if (c === 34 /* " */) {
      const start = i;
      readString();
      literal(str, 'string', start, i);
    } else if (c === 116 /* t */) word('true', true, 'boolean');
    else if (c === 102 /* f */) word('false', false, 'boolean');
    else if (c === 110 /* n */) word('null', null, 'null');
    else {
      number.lastIndex = i;
      if (!number.test(text)) throw NOT_PLAIN_JSON;
      const end = number.lastIndex;
      literal(Number(text.slice(i, end)), 'number', i, end);
      i = end;
    }
    // After a value: a comma, or the end of one or more containers.
    for (;;) {
      skipWs();
      if (depth === 0) {
        if (i !== n) throw NOT_PLAIN_JSON;
        if (!root?.resourceType) return undefined;
        return { format: 'json', text, root, arrays: NODE_ARRAYS, syntaxErrors: [], resourceTypes: typesOf(resources) };
      }
      const top = frames[depth - 1];
      const d = text.charCodeAt(i);
      if (d === 44 /* , */) {
        i++;
        if (!top.array) readKey(top);
        break;
      }
      if (d === (top.array ? 93 : 125)) {
        i++;
        depth--;
        if (top.array) closeArray(top, i);
        else closeObject(top.node, top.start, i, top);
        continue;
      }
      throw NOT_PLAIN_JSON;
    }
  }
}

/**
 * The types of the resources in the tree. A `_name` object merged into its primitive (json-node.ts) is not
 * in the tree itself (its children are), so a resource type written on one is not counted, as in a walk.
 */
function typesOf(resources: FhirNode[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    const name = r.name;
    if (!(name.length > 1 && name.charCodeAt(0) === 95) /* _ */) out.add(r.resourceType!);
  }
  return out;
}
