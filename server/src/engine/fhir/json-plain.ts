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

/**
 * `previous`: the parse of the document's previous version. A Bundle entry whose text lies wholly before
 * or after what changed is taken from its tree (a moved copy, when the edit moved it) instead of parsed
 * again: the parse of a JSON value depends on its text alone, and a position at an entry's `{` maps to the
 * same place in both texts. An edit in a 2 000-entry Bundle parses one entry.
 */
export function parsePlainFhirJson(text: string, previous?: FhirDocument): FhirDocument | undefined {
  if (!previous?.entriesReusable || previous.text === undefined) return new PlainJsonParser(text).parse();
  try {
    return new PlainJsonParser(text, previous).parse();
  } catch (err) {
    if (err !== NOT_REUSABLE) throw err;
  }
  return new PlainJsonParser(text).parse();
}

/** Thrown when a taken-over entry would be changed by the rest of the parse (a root `_entry`): parse it all. */
const NOT_REUSABLE = new Error('previous tree not reusable');

/** Characters compared at once when looking for what changed between two versions. */
const BLOCK = 4096;

/** Strings of this length and more are V8 slices of the text they came from (shorter ones are copies). */
const SLICED_FROM = 13;

/**
 * One parse. Its steps are methods, not closures made per call: V8 optimises a method once for the
 * process, while closures made anew for each document started cold every time (interpreted, with
 * `charCodeAt` as a call per character) and were optimised again per document. Loops over characters
 * run on a local copy of the position and store it once.
 */
class PlainJsonParser {
  private readonly n: number;
  /** The position. */
  private i = 0;
  /** The last string token's decoded value (readString). */
  private str = '';
  private depth = 0;
  private root: FhirNode | undefined;
  private readonly frames: Frame[] = [];
  /** The nodes given a resource type, for the document's set of types (no walk over the tree for it). */
  private readonly resources: FhirNode[] = [];
  /**
   * Property names, and short values (codes, systems, units), repeat all through a document: the tree
   * shares one string for each instead of a copy per occurrence. A slot per (length, first and last
   * character); a miss replaces the slot.
   */
  private readonly seen: string[] = new Array(SEEN_SLOTS);
  // Per parse, not at module level: sticky expressions carry lastIndex.
  private readonly escapedString = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
  private readonly number = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
  /** Entries of the previous tree to take over, by the offset of their `{` in this text, with the shift to apply. */
  private readonly reusable = new Map<number, { node: FhirNode; by: number }>();
  /** Entries taken over so far. */
  private taken = 0;
  /** The root had an `_entry`, merged into its entries: they cannot pass to a later version's tree. */
  private rootEntryExtras = false;
  /** The previous tree's resource nodes (by the offset of their type), and how far the parse has passed them. */
  private previousResources: FhirNode[] = [];
  private previousAt = 0;

  constructor(
    private readonly text: string,
    previous?: FhirDocument,
  ) {
    this.n = text.length;
    if (previous?.text !== undefined) this.reuseFrom(previous.text, previous.root, previous.resourceNodes ?? []);
  }

  /** The previous tree's entries outside what changed between the two texts (one common prefix, one common suffix). */
  private reuseFrom(old: string, previousRoot: FhirNode, previousResources: FhirNode[]): void {
    this.previousResources = previousResources;
    const text = this.text;
    const max = Math.min(old.length, text.length);
    // Compared a block at a time (string equality is a memory compare), then character by character.
    let p = 0;
    while (p + BLOCK <= max && old.slice(p, p + BLOCK) === text.slice(p, p + BLOCK)) p += BLOCK;
    while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
    let s = 0;
    const oldLength = old.length;
    const newLength = text.length;
    while (s + BLOCK <= max - p && old.slice(oldLength - s - BLOCK, oldLength - s) === text.slice(newLength - s - BLOCK, newLength - s)) s += BLOCK;
    while (s < max - p && old.charCodeAt(oldLength - 1 - s) === text.charCodeAt(newLength - 1 - s)) s++;
    const tail = oldLength - s;
    const by = newLength - oldLength;
    for (const e of previousRoot.children) {
      if (e.name !== 'entry' || e.kind !== 'object' || e.index === undefined) continue;
      if (e.end <= p) this.reusable.set(e.start, { node: e, by: 0 });
      else if (e.start >= tail) this.reusable.set(e.start + by, { node: e, by });
    }
  }

  parse(): FhirDocument | undefined {
    const text = this.text;
    const frames = this.frames;
    this.skipWs();
    if (text.charCodeAt(this.i) !== 123 /* { */) throw NOT_PLAIN_JSON;
    for (;;) {
      // At a value.
      this.skipWs();
      const i = this.i;
      const c = text.charCodeAt(i);
      const depth = this.depth;
      if (c === 123 /* { */ && depth === 2 && this.reusable.size && this.takeEntry(i)) {
        // An unchanged entry of the previous tree: taken over, the parse goes on after it.
      } else if (c === 123 /* { */) {
        let node: FhirNode | null = null;
        // Spans filled in at its `}`.
        if (depth === 0) node = this.root = fhirNode('', 0, 0, 0, 0, 0, 0, 'object', undefined, undefined);
        else if (frames[depth - 1].node) node = fhirNode('', 0, 0, 0, 0, 0, 0, 'object', undefined, undefined);
        this.i = i + 1;
        this.skipWs();
        if (text.charCodeAt(this.i) === 125 /* } */) {
          this.i++;
          this.closeObject(node, i, this.i, undefined);
        } else {
          this.readKey(this.open(false, node, i, '', 0, 0));
          continue;
        }
      } else if (c === 91 /* [ */) {
        const top = frames[depth - 1];
        let frame: Frame;
        if (top.array || !top.node || !top.keyPending) {
          // An array in an array (not FHIR): a placeholder node, content ignored.
          if (top.array && top.node) this.add(frames[depth - 2], fhirNode(top.keyName, i, i, i, i, i, i, 'array', undefined, top.index++));
          frame = this.open(true, null, i, '', 0, 0);
        } else {
          top.keyPending = false;
          markArray(top.node, top.keyName, top.keyNameStart, top.keyNameEnd);
          frame = this.open(true, top.node, i, top.keyName, top.keyNameStart, top.keyNameEnd);
        }
        this.i = i + 1;
        this.skipWs();
        if (text.charCodeAt(this.i) !== 93 /* ] */) continue;
        this.i++;
        this.depth--;
        this.closeArray(frame, this.i);
      } else if (c === 34 /* " */) {
        this.readString();
        this.literal(this.str, 'string', i, this.i);
      } else if (c === 116 /* t */) this.word('true', true, 'boolean');
      else if (c === 102 /* f */) this.word('false', false, 'boolean');
      else if (c === 110 /* n */) this.word('null', null, 'null');
      else {
        const number = this.number;
        number.lastIndex = i;
        if (!number.test(text)) throw NOT_PLAIN_JSON;
        const end = number.lastIndex;
        this.literal(Number(text.slice(i, end)), 'number', i, end);
        this.i = end;
      }
      // After a value: a comma, or the end of one or more containers.
      for (;;) {
        this.skipWs();
        if (this.depth === 0) {
          if (this.i !== this.n) throw NOT_PLAIN_JSON;
          const root = this.root;
          if (!root?.resourceType) return undefined;
          return {
            format: 'json',
            text,
            root,
            arrays: NODE_ARRAYS,
            syntaxErrors: [],
            resourceTypes: typesOf(this.resources),
            resourceNodes: byTypeOffset(this.resources),
            entriesReusable: root.resourceType === 'Bundle' && !this.rootEntryExtras,
          };
        }
        const top = frames[this.depth - 1];
        const d = text.charCodeAt(this.i);
        if (d === 44 /* , */) {
          this.i++;
          if (!top.array) this.readKey(top);
          break;
        }
        if (d === (top.array ? 93 : 125)) {
          this.i++;
          this.depth--;
          if (top.array) this.closeArray(top, this.i);
          else this.closeObject(top.node, top.start, this.i, top);
          continue;
        }
        throw NOT_PLAIN_JSON;
      }
    }
  }

  /** At `i`, the `{` of an item of the root's `entry` array: takes the previous tree's entry there, if any. */
  private takeEntry(i: number): boolean {
    const list = this.frames[1];
    if (!list.array || list.node !== this.root || list.keyName !== 'entry') return false;
    const hit = this.reusable.get(i);
    if (!hit) return false;
    const index = list.index++;
    // The previous tree stays as it was (its document may still be read): a moved entry is a copy.
    const node = hit.by === 0 && hit.node.index === index ? hit.node : movedCopy(hit.node, hit.by, index, this.resources);
    if (node === hit.node) {
      // Its resources, from the previous tree's list (in the order of their types in the text).
      const previous = this.previousResources;
      let k = this.previousAt;
      while (k < previous.length && previous[k].resourceTypeSpan!.start < node.start) k++;
      while (k < previous.length && previous[k].resourceTypeSpan!.start < node.end) this.resources.push(previous[k++]);
      this.previousAt = k;
    }
    this.add(this.frames[0], node);
    this.taken++;
    this.i = node.end;
    return true;
  }

  private skipWs(): void {
    const text = this.text;
    let i = this.i;
    for (let c = text.charCodeAt(i); c === 32 || c === 10 || c === 13 || c === 9; c = text.charCodeAt(++i));
    this.i = i;
  }

  private shared(start: number, end: number): string {
    const len = end - start;
    if (len === 0) return '';
    const text = this.text;
    const slot = (len * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(end - 1)) & (SEEN_SLOTS - 1);
    const known = this.seen[slot];
    if (known !== undefined && known.length === len && text.startsWith(known, start)) return known;
    return (this.seen[slot] = this.own(text.slice(start, end)));
  }

  /** The string token at `i` (a quote): its decoded value in `str`, `i` after it. */
  private readString(): void {
    const text = this.text;
    const i = this.i;
    // Up to the closing quote, a backslash or a control character (NaN past the end stops it too).
    let end = i + 1;
    let c = text.charCodeAt(end);
    while (c !== 34 && c !== 92 && c >= 32) c = text.charCodeAt(++end);
    if (c === 34 /* " */) {
      this.str = end - i - 1 <= SHARED_MAX ? this.shared(i + 1, end) : this.own(text.slice(i + 1, end));
      this.i = end + 1;
      return;
    }
    if (c !== 92 /* \ */) throw NOT_PLAIN_JSON;
    const escapedString = this.escapedString;
    escapedString.lastIndex = i;
    if (!escapedString.test(text)) throw NOT_PLAIN_JSON;
    this.str = JSON.parse(text.slice(i, escapedString.lastIndex)) as string;
    this.i = escapedString.lastIndex;
  }

  /**
   * A string the tree may keep longer than this text: when entries pass from version to version, a slice
   * would keep each version's whole text alive for as long as the entry it was parsed in stays unchanged.
   * (Concatenation, then a slice of the flattened result: a copy the size of the string.)
   */
  private own(s: string): string {
    return this.reusable.size && s.length >= SLICED_FROM ? ` ${s}`.slice(1) : s;
  }

  private open(array: boolean, node: FhirNode | null, start: number, keyName: string, keyNameStart: number, keyNameEnd: number): Frame {
    let f = this.frames[this.depth];
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
    } else
      this.frames[this.depth] = f = { array, node, start, keyName, keyNameStart, keyNameEnd, keyPending: false, keyStart: 0, index: 0, kids: [], count: 0 };
    this.depth++;
    return f;
  }

  /** A property name and its colon into the top (object) frame; `i` then at the value. */
  private readKey(top: Frame): void {
    this.skipWs();
    const start = this.i;
    if (this.text.charCodeAt(start) !== 34) throw NOT_PLAIN_JSON;
    this.readString();
    top.keyName = this.str;
    top.keyNameStart = start + 1;
    top.keyNameEnd = this.i - 1;
    top.keyPending = true;
    top.keyStart = start;
    this.skipWs();
    if (this.text.charCodeAt(this.i) !== 58 /* : */) throw NOT_PLAIN_JSON;
    this.i++;
  }

  /** A child into the object frame `owner`. */
  private add(owner: Frame, node: FhirNode): void {
    owner.kids[owner.count++] = node;
  }

  /** An object node complete (`end` after its `}`; `own`: its frame, none when empty): its children and spans, then into its parent (the top frame). */
  private closeObject(node: FhirNode | null, start: number, end: number, own: Frame | undefined): void {
    if (!node) return;
    node.children = own?.count ? own.kids.slice(0, own.count) : [];
    if (node === this.root && node.children.some((c) => c.name === '_entry')) {
      // A root `_entry` is merged into the entries below, taken-over ones too.
      if (this.taken) throw NOT_REUSABLE;
      this.rootEntryExtras = true;
    }
    node.valueStart = start;
    node.valueEnd = end;
    mergeUnderscores(node);
    const depth = this.depth;
    if (depth === 0) {
      node.nameStart = node.start = start;
      node.nameEnd = node.end = end;
      return;
    }
    const top = this.frames[depth - 1];
    if (top.array) {
      if (!top.node) return;
      node.name = top.keyName;
      node.nameStart = node.start = start;
      node.nameEnd = node.end = end;
      node.index = top.index++;
      this.add(this.frames[depth - 2], node);
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
    this.add(top, node);
  }

  /** An array complete (its frame popped): an empty one is a node of its own (the items are the nodes otherwise). */
  private closeArray(frame: Frame, end: number): void {
    if (!frame.node || frame.index !== 0) return;
    const start = frame.start;
    this.add(this.frames[this.depth - 1], fhirNode(frame.keyName, frame.keyNameStart, frame.keyNameEnd, start, end, start, end, 'array', undefined, undefined));
  }

  private literal(value: FhirNode['value'], kind: JsonKind, start: number, end: number): void {
    const depth = this.depth;
    const top = this.frames[depth - 1];
    if (top.array) {
      if (!top.node) return;
      this.add(this.frames[depth - 2], fhirNode(top.keyName, start, end, start, end, start, end, kind, value, top.index++));
      return;
    }
    const pending = top.keyPending;
    top.keyPending = false;
    if (!pending || !top.node) return;
    if (kind === 'string' && top.keyName === 'resourceType') {
      top.node.resourceType = value as string;
      top.node.resourceTypeSpan = { start, end };
      this.resources.push(top.node);
      return;
    }
    this.add(top, fhirNode(top.keyName, top.keyNameStart, top.keyNameEnd, start, end, top.keyStart, end, kind, value, undefined));
  }

  private word(w: string, value: boolean | null, kind: JsonKind): void {
    const i = this.i;
    if (!this.text.startsWith(w, i)) throw NOT_PLAIN_JSON;
    this.literal(value, kind, i, i + w.length);
    this.i = i + w.length;
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

/** `node` and everything under it moved by `by`, as the item `index` of its array; resource nodes into `resources`. */
function movedCopy(node: FhirNode, by: number, index: number | undefined, resources: FhirNode[]): FhirNode {
  const copy = fhirNode(
    node.name,
    node.nameStart + by,
    node.nameEnd + by,
    node.valueStart + by,
    node.valueEnd + by,
    node.start + by,
    node.end + by,
    node.kind,
    node.value,
    index,
  );
  const children = node.children;
  const kids = new Array<FhirNode>(children.length);
  for (let k = 0; k < children.length; k++) kids[k] = movedCopy(children[k], by, children[k].index, resources);
  copy.children = kids;
  if (node.resourceType !== undefined) {
    copy.resourceType = node.resourceType;
    const span = node.resourceTypeSpan;
    if (span) copy.resourceTypeSpan = { start: span.start + by, end: span.end + by };
    resources.push(copy);
  }
  const arrays = node.arrays;
  if (arrays) {
    const moved = arrays.slice();
    for (let k = 1; k < moved.length; k += 3) {
      moved[k] = (moved[k] as number) + by;
      moved[k + 1] = (moved[k + 1] as number) + by;
    }
    copy.arrays = moved;
  }
  if (node.xhtml) copy.xhtml = true;
  return copy;
}

/** Resource nodes in the order of their `resourceType` in the text (moved copies come in tree order). */
function byTypeOffset(resources: FhirNode[]): FhirNode[] {
  for (let k = 1; k < resources.length; k++)
    if (resources[k].resourceTypeSpan!.start < resources[k - 1].resourceTypeSpan!.start)
      return resources.sort((a, b) => a.resourceTypeSpan!.start - b.resourceTypeSpan!.start);
  return resources;
}
