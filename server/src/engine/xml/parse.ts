// A tolerant, position-aware, non-validating XML parser. It never loads anything: no external
// entities, no DTDs, no custom entity expansion (so billion laughs and XXE cannot happen here), and it
// never recurses (100 000 nested levels are fine). Errors carry exact spans and parsing goes on after
// them, so one typo does not hide the rest of the document from the other checks.

import type { AnalyzedDocument, DocumentForm } from '../core/types';
import { xmlMessage, type XmlMessage } from './messages';
import { XML_NS, XMLNS_NS, type XmlAttribute, type XmlDocument, type XmlElement, type XmlError, type XmlNode } from './model';
import { AttributeNode, ElementNode } from './nodes';

export * from './model';

const NAME =
  /[A-Za-z_:\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDBFF][-.0-9:A-Z_a-z\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C-\u200D\u203F-\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\uD800-\uDFFF]*/y;
const INVALID_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
/** Hoisted: a regex literal in a function is a new object per call (one per attribute, on a large message). */
const LINE_BREAK_OR_TAB = /[\t\n\r]/;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/g;
/** The children of an element still open; replaced by the real list at its end (see takeChildren). */
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_ERRORS = 200;
/** Longest entity or character reference taken as one (`&name;`); longer runs are a bare '&'. */
const MAX_REFERENCE = 256;
/** No prototype: a prefix named `constructor` or `__proto__` is a name like any other. */
const NO_DECLS: Record<string, string> = Object.freeze(Object.create(null)) as Record<string, string>;
/** Up to this many attributes the duplicate check scans the list; beyond it a Set keeps it linear. */
const SCAN_ATTRIBUTES = 16;
/** Names up to this length are shared between tags (see Parser.name); a longer one is sliced each time. */
const MAX_SHARED_NAME = 64;
/** What an attribute value holds that needs more than a slice (see `attribute`). */
const HOLDS_REFERENCE = 1;
const HOLDS_BREAK_OR_TAB = 2;
const HOLDS_INVALID = 4;
const ONLY_WHITESPACE = 8;

class Parser {
  private pos = 0;
  private readonly stack: XmlElement[] = [];
  /**
   * The children of the open elements, innermost last, and where each open element's run starts: an
   * element's `children` is sliced off at its end tag at its exact length (an array grown by push keeps
   * room for 16, which was most of a large tree's memory).
   */
  private readonly openChildren: XmlNode[] = [];
  /** The entries of openChildren in use: the buffer keeps its length, as tagAttributes does (no truncation per end tag). */
  private openCount = 0;
  private readonly childrenFrom: number[] = [];
  /** The attributes of the tag being read; copied out at their exact length, as children are. */
  private readonly tagAttributes: XmlAttribute[] = [];
  /**
   * No attributes, no children: one empty list for the whole tree, not one per element (most leaves
   * have one or the other). Not frozen: a frozen array is another kind of array, and `for…of` over a mix
   * of both in the checks allocated an iterator per loop.
   */
  private readonly none: never[] = [];
  /** ASCII names read so far (see `name`). */
  private readonly names = new Map<number, string>();
  private readonly doc: XmlDocument = { children: [], errors: [] };
  private declaredEntities = new Set<string>();
  /**
   * In-scope namespace bindings: prefix → URIs declared by the open elements, innermost last ('' for an
   * undeclaration). A lookup is one Map access, however deep the nesting or many the declarations.
   */
  private readonly bindings = new Map<string, string[]>();
  /**
   * How many open elements have each name: an end tag nothing matches is known without a stack scan.
   * Counted from the first end tag that does not close the innermost element (well-formed documents
   * never need it), then kept up to date.
   */
  private openNames: Map<string, number> | undefined;
  constructor(private readonly text: string) {}

  parse(): XmlDocument {
    const t = this.text;
    if (t.charCodeAt(0) === 0xfeff) this.pos = 1;
    const bodyStart = this.pos;
    while (this.pos < t.length) {
      const lt = t.indexOf('<', this.pos);
      if (lt < 0) {
        this.addText(this.pos, t.length);
        break;
      }
      if (lt > this.pos) this.addText(this.pos, lt);
      this.pos = lt;
      // By the character after '<': a start tag, almost always, without trying the four markup prefixes first.
      const c = t.charCodeAt(lt + 1);
      if (isAsciiNameStart(c)) this.startTag();
      else if (c === 47 /* / */) this.endTag();
      else if (c === 33 /* ! */ && t.startsWith('<!--', lt)) this.comment();
      else if (c === 33 && t.startsWith('<![CDATA[', lt)) this.cdata();
      else if (c === 33 && t.startsWith('<!DOCTYPE', lt)) this.doctype();
      else if (c === 63 /* ? */) this.processingInstruction(bodyStart);
      else if (c >= 0x80 && this.nameAt(lt + 1)) this.startTag();
      else {
        this.error('unescaped-lt', [], lt, lt + 1);
        this.addText(lt, lt + 1);
        this.pos = lt + 1;
      }
    }
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const el = this.stack[i];
      this.error('unclosed-element', [el.name], el.nameStart, el.nameEnd);
      el.end = el.endTagStart = t.length;
      this.takeChildren(el);
    }
    if (!this.doc.root) this.error('no-root-element', [], bodyStart, Math.min(t.length, bodyStart + 1));
    return this.doc;
  }

  private error(code: XmlMessage, args: string[], start: number, end: number): void {
    if (this.doc.errors.length < MAX_ERRORS) this.doc.errors.push({ code, args, message: xmlMessage('en', code, ...args), start, end: Math.max(end, start) });
  }

  private nameAt(at: number): string | undefined {
    // Fast path: almost every name in an NHN message is ASCII; the full Unicode class only when needed.
    const t = this.text;
    let i = at;
    let c = t.charCodeAt(i);
    if (isAsciiNameStart(c)) {
      do c = t.charCodeAt(++i);
      while (isAsciiNameChar(c));
      if (!(c >= 0x80)) return this.name(at, i);
    }
    NAME.lastIndex = at;
    return NAME.exec(t)?.[0];
  }

  /**
   * text[at, end) as a string: names repeat (a message has a few hundred distinct ones), so one already
   * read is reused, found by its length and first and last characters, not sliced again for each tag.
   */
  private name(at: number, end: number): string {
    const t = this.text;
    const length = end - at;
    if (length > MAX_SHARED_NAME) return t.slice(at, end);
    const key = (length << 14) | (t.charCodeAt(at) << 7) | t.charCodeAt(end - 1);
    const known = this.names.get(key);
    if (known !== undefined && t.startsWith(known, at)) return known;
    const name = t.slice(at, end);
    this.names.set(key, name);
    return name;
  }

  private skipWs(): void {
    const t = this.text;
    let i = this.pos;
    for (let c = t.charCodeAt(i); c === 32 || c === 10 || c === 9 || c === 13; c = t.charCodeAt(++i));
    this.pos = i;
  }

  /** A node inside the innermost open element (its `parent` is set by the caller), or at the top level. */
  private add(node: XmlNode): void {
    if (this.stack.length > 0) this.openChildren[this.openCount++] = node;
    else this.doc.children.push(node);
  }

  /** At an element's end: its children leave the open runs as an array of their own, exactly sized. */
  private takeChildren(el: XmlElement): void {
    const from = this.childrenFrom.pop()!;
    el.children = from < this.openCount ? this.openChildren.slice(from, this.openCount) : this.none;
    this.openCount = from;
  }

  private addText(start: number, end: number): void {
    const holds = this.stack.length > 0 ? textHolds(this.text, start, end) : HOLDS_INVALID | HOLDS_REFERENCE;
    if (holds === ONLY_WHITESPACE) return;
    const raw = this.text.slice(start, end);
    if (this.stack.length === 0) {
      const lead = raw.length - raw.trimStart().length;
      if (lead < raw.length) {
        const s = start + lead;
        const e = start + raw.trimEnd().length;
        this.error('text-outside-root', [], s, Math.min(e, s + 200));
      }
      return;
    }
    if (holds & HOLDS_INVALID) this.checkChars(raw, start);
    this.add({ kind: 'text', start, end, value: holds & HOLDS_REFERENCE ? this.decode(raw, start) : raw });
  }

  private checkChars(raw: string, start: number): void {
    const m = INVALID_CHAR.exec(raw);
    if (m) {
      const code = m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      this.error('invalid-character', [code], start + m.index, start + m.index + 1);
    }
  }

  /** Decodes references; custom entities are never expanded (that is how XXE and billion laughs work). */
  private decode(raw: string, start: number): string {
    if (!raw.includes('&')) return raw;
    const out: string[] = [];
    let i = 0; // raw[..i) is in `out`
    let from = 0; // where the next '&' is searched; a bare '&' stays in the pending run
    // The next ';' is looked up once and reused until passed, and a reference longer than
    // MAX_REFERENCE is taken as a bare '&': a text of many '&' and no ';' stays linear.
    let nextSemi = -2;
    while (from < raw.length) {
      const amp = raw.indexOf('&', from);
      if (amp < 0) break;
      if (nextSemi !== -1 && nextSemi < amp) nextSemi = raw.indexOf(';', amp);
      const semi = nextSemi >= 0 && nextSemi - amp <= MAX_REFERENCE ? nextSemi : -1;
      const body = semi > amp ? raw.slice(amp + 1, semi) : '';
      if (semi < 0 || !/^(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z_:][-\w.:]*)$/.test(body)) {
        this.error('unescaped-ampersand', [], start + amp, start + amp + 1);
        from = amp + 1;
        continue;
      }
      out.push(raw.slice(i, amp));
      const where = [start + amp, start + semi + 1] as const;
      if (body.startsWith('#')) {
        const cp = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        if (cp > 0x10ffff || (cp < 0x20 && cp !== 9 && cp !== 10 && cp !== 13) || (cp >= 0xd800 && cp <= 0xdfff)) {
          this.error('invalid-character-reference', [body], ...where);
        } else out.push(String.fromCodePoint(cp));
      } else if (body in PREDEFINED) out.push(PREDEFINED[body]);
      else if (this.declaredEntities.has(body)) {
        this.error('entity-not-expanded', [body], ...where);
      } else this.error('undefined-entity', [body], ...where);
      i = from = semi + 1;
    }
    out.push(raw.slice(i));
    return out.join('');
  }

  private comment(): void {
    const start = this.pos;
    const end = this.text.indexOf('-->', start + 4);
    if (end < 0) {
      this.error('unterminated-comment', [], start, start + 4);
      this.pos = this.text.length;
      return;
    }
    const value = this.text.slice(start + 4, end);
    const dashes = value.indexOf('--');
    if (dashes >= 0) this.error('double-hyphen-in-comment', [], start + 4 + dashes, start + 6 + dashes);
    else if (value.endsWith('-')) this.error('double-hyphen-in-comment', [], end - 1, end + 1);
    this.add({ kind: 'comment', start, end: end + 3, value });
    this.pos = end + 3;
  }

  private cdata(): void {
    const start = this.pos;
    const end = this.text.indexOf(']]>', start + 9);
    const stop = end < 0 ? this.text.length : end;
    if (end < 0) this.error('unterminated-cdata', [], start, start + 9);
    if (this.stack.length === 0) this.error('text-outside-root', [], start, start + 9);
    else this.add({ kind: 'cdata', start, end: end < 0 ? stop : end + 3, value: this.text.slice(start + 9, stop) });
    this.pos = end < 0 ? stop : end + 3;
  }

  private doctype(): void {
    const t = this.text;
    const start = this.pos;
    let i = start + 9;
    let inSubset = false;
    let quote = '';
    for (; i < t.length; i++) {
      const c = t[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '[') inSubset = true;
      else if (c === ']') inSubset = false;
      else if (c === '>' && !inSubset) break;
    }
    const end = Math.min(i + 1, t.length);
    const body = t.slice(start, end);
    for (const m of body.matchAll(/<!ENTITY\s+(%\s+)?([^\s%]+)/g)) if (!m[1]) this.declaredEntities.add(m[2]);
    const external = /^<!DOCTYPE\s+\S+\s+(?:SYSTEM\s+(["'])(.*?)\1|PUBLIC\s+(["']).*?\3\s+(["'])(.*?)\4)/.exec(body);
    this.doc.doctype = { start, end, hasInternalSubset: body.includes('['), external: external?.[2] ?? external?.[5] };
    if (i >= t.length) this.error('unterminated-doctype', [], start, start + 9);
    if (this.doc.root) this.error('misplaced-doctype', [], start, start + 9);
    this.pos = end;
  }

  private processingInstruction(bodyStart: number): void {
    const t = this.text;
    const start = this.pos;
    const end = t.indexOf('?>', start + 2);
    const stop = end < 0 ? t.length : end + 2;
    const target = this.nameAt(start + 2) ?? '';
    if (end < 0) this.error('unterminated-pi', [], start, start + 2);
    if (target.toLowerCase() === 'xml') {
      if (start !== bodyStart) this.error('misplaced-declaration', [], start, start + 5);
      else {
        const decl = t.slice(start, stop);
        this.doc.declaration = {
          version: /version\s*=\s*["']([^"']*)["']/.exec(decl)?.[1],
          encoding: /encoding\s*=\s*["']([^"']*)["']/.exec(decl)?.[1],
          start,
          end: stop,
        };
      }
    } else this.add({ kind: 'pi', start, end: stop, value: t.slice(start + 2, end < 0 ? t.length : end) });
    this.pos = stop;
  }

  private startTag(): void {
    const t = this.text;
    const start = this.pos;
    const name = this.nameAt(start + 1)!;
    const nameStart = start + 1;
    const nameEnd = nameStart + name.length;
    this.pos = nameEnd;
    // The buffer keeps its length (setting it to 0 would drop its store, and each tag would grow a new one).
    const attributes = this.tagAttributes;
    let count = 0;
    let selfClosing = false;
    let closedTag = false;
    let seen: Set<string> | undefined; // attribute names, once there are more than SCAN_ATTRIBUTES
    for (;;) {
      this.skipWs();
      const c = t.charCodeAt(this.pos);
      if (c === 60 /* < */ || this.pos >= t.length) {
        this.error('unclosed-start-tag', [name], nameStart, nameEnd);
        break;
      }
      if (c === 62 /* > */) {
        this.pos++;
        closedTag = true;
        break;
      }
      if (c === 47 /* / */ && t.charCodeAt(this.pos + 1) === 62) {
        this.pos += 2;
        selfClosing = closedTag = true;
        break;
      }
      const attr = this.attribute(name);
      if (!attr) continue;
      if (seen) {
        if (seen.has(attr.name)) this.error('duplicate-attribute', [attr.name, name], attr.nameStart, attr.nameEnd);
        else seen.add(attr.name);
      } else {
        for (let i = 0; i < count; i++)
          if (attributes[i].name === attr.name) this.error('duplicate-attribute', [attr.name, name], attr.nameStart, attr.nameEnd);
        if (count === SCAN_ATTRIBUTES) seen = new Set(attributes.slice(0, count).map((a) => a.name)).add(attr.name);
      }
      attributes[count++] = attr;
    }
    const own = count ? attributes.slice(0, count) : this.none;
    let nsDecls = NO_DECLS;
    for (let i = 0; i < count; i++) {
      const a = own[i];
      if (a.name !== 'xmlns' && (a.local === a.name || a.prefix !== 'xmlns')) continue;
      if (nsDecls === NO_DECLS) nsDecls = Object.create(null) as Record<string, string>;
      nsDecls[a.name === 'xmlns' ? '' : a.local] = a.value;
    }
    const isRoot = this.stack.length === 0 && !this.doc.root;
    if (this.stack.length === 0 && !isRoot) this.error('multiple-roots', [name], nameStart, nameEnd);
    if (nsDecls !== NO_DECLS) this.enterScope(nsDecls);
    const colon = name.indexOf(':');
    const prefix = prefixOf(name, colon);
    const ns = this.resolveNamespaces(prefix, nameStart, own);
    // Every field in the constructor, in one order (parent and ns too): every element has one shape and
    // no out-of-object property store. An element that stays open gets its children at its end.
    const el = new ElementNode(
      name,
      localOf(name, colon),
      ns,
      start,
      this.pos,
      this.pos,
      this.pos,
      ElementNode.flags(selfClosing),
      own,
      nsDecls,
      selfClosing || !closedTag ? this.none : NO_CHILDREN,
      this.stack[this.stack.length - 1],
    );
    if (isRoot) this.doc.root = el;
    this.add(el);
    if (!selfClosing && closedTag) {
      this.stack.push(el);
      this.childrenFrom.push(this.openCount);
      this.openNames?.set(name, (this.openNames.get(name) ?? 0) + 1);
    } else {
      // Self-closing, or a cut-off tag: keep it in the tree, but nothing nests under it.
      this.leaveScope(el);
    }
  }

  /** The end of a run of characters in a start tag that start no name (spaces inside it included), from `at`. */
  private strayRunEnd(at: number): number {
    const t = this.text;
    const endsTag = (i: number) => i >= t.length || t[i] === '>' || t[i] === '<' || (t[i] === '/' && t[i + 1] === '>');
    const isWs = (i: number) => t[i] === ' ' || t[i] === '\n' || t[i] === '\t' || t[i] === '\r';
    let end = at + 1;
    for (let i = end; ; ) {
      while (isWs(i)) i++;
      if (endsTag(i) || this.nameAt(i)) return end;
      end = i = i + 1;
    }
  }

  private attribute(owner: string): XmlAttribute | undefined {
    const t = this.text;
    const nameStart = this.pos;
    const name = this.nameAt(nameStart);
    if (!name) {
      // One error for the whole run of stray characters, up to the next name or the tag's end: one
      // error per character would spell a value (an identity number) out across diagnostics.
      const end = this.strayRunEnd(nameStart);
      this.error('malformed-attribute', [t.slice(nameStart, end), owner], nameStart, end);
      this.pos = end;
      return undefined;
    }
    const nameEnd = nameStart + name.length;
    this.pos = nameEnd;
    this.skipWs();
    if (t.charCodeAt(this.pos) !== 61 /* = */) {
      this.error('attribute-without-value', [name], nameStart, nameEnd);
      return undefined;
    }
    this.pos++;
    this.skipWs();
    const q = t.charCodeAt(this.pos);
    let valueStart: number;
    let valueEnd: number;
    // What the value holds beyond plain characters; unknown (all set) for an unquoted value.
    let holds = HOLDS_REFERENCE | HOLDS_BREAK_OR_TAB | HOLDS_INVALID;
    if (q === 34 /* " */ || q === 39 /* ' */) {
      valueStart = this.pos + 1;
      // One pass to the closing quote that stops at a '<' (the value was cut off by the next tag), so
      // unterminated values scan each character once; it notes what the value needs done, which for
      // almost every value is nothing but the slice.
      holds = 0;
      let i = valueStart;
      let c = t.charCodeAt(i);
      while (c !== q && c !== 60 /* < */ && i < t.length) {
        if (c < 0x27) holds |= c === 38 /* & */ ? HOLDS_REFERENCE : c === 9 || c === 10 || c === 13 ? HOLDS_BREAK_OR_TAB : c < 0x20 ? HOLDS_INVALID : 0;
        else if (c >= 0xfffe) holds |= HOLDS_INVALID;
        c = t.charCodeAt(++i);
      }
      valueEnd = i;
      if (c === q) this.pos = i + 1;
      else {
        this.error('unterminated-attribute-value', [name], valueStart - 1, valueEnd);
        this.pos = valueEnd;
      }
    } else {
      valueStart = this.pos;
      const m = /[^\s>/<]*/y;
      m.lastIndex = valueStart;
      m.exec(t);
      valueEnd = m.lastIndex;
      this.pos = valueEnd;
      this.error('unquoted-attribute-value', [name], valueStart, Math.max(valueEnd, valueStart + 1));
    }
    // A plain value (almost every one) is not copied out: the attribute slices it from the text when read.
    let value = t;
    if (holds !== 0) {
      const raw = t.slice(valueStart, valueEnd);
      if (holds & HOLDS_INVALID) this.checkChars(raw, valueStart);
      value = raw;
      // Attribute-value normalization (XML 1.0 §3.3.3), only when there is something to normalize (a
      // character reference may decode to a line break, so decoded text is looked at again).
      if (holds & HOLDS_REFERENCE) {
        const decoded = this.decode(raw, valueStart);
        value = LINE_BREAK_OR_TAB.test(decoded) ? decoded.replace(LINE_BREAKS_AND_TABS, ' ') : decoded;
      } else if (holds & HOLDS_BREAK_OR_TAB) value = raw.replace(LINE_BREAKS_AND_TABS, ' ');
    }
    const colon = name.indexOf(':');
    // `ns` is set by resolveNamespaces, in a field the constructor made: one shape, no property added later.
    return new AttributeNode(name, localOf(name, colon), undefined, value, nameStart, valueStart, valueEnd);
  }

  /** The element's namespace (errors for undeclared prefixes, the element's first); sets each attribute's. */
  private resolveNamespaces(prefix: string, nameStart: number, attributes: XmlAttribute[]): string | undefined {
    const ns = this.lookup(prefix);
    if (prefix && ns === undefined) {
      this.error('undeclared-prefix', [prefix], nameStart, nameStart + prefix.length);
    }
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i];
      if (a.local === a.name) {
        if (a.name === 'xmlns') a.ns = XMLNS_NS;
        continue; // unprefixed: no namespace (and no prefix to slice)
      }
      const prefix = a.prefix;
      if (prefix === 'xmlns') a.ns = XMLNS_NS;
      else if (prefix) {
        a.ns = this.lookup(prefix);
        if (a.ns === undefined) this.error('undeclared-prefix', [prefix], a.nameStart, a.nameStart + prefix.length);
      }
    }
    return ns;
  }

  private lookup(prefix: string): string | undefined {
    if (prefix === 'xml') return XML_NS;
    const uris = this.bindings.get(prefix);
    return uris?.length ? uris[uris.length - 1] || undefined : undefined;
  }

  private enterScope(decls: Record<string, string>): void {
    for (const prefix in decls) {
      const uris = this.bindings.get(prefix);
      if (uris) uris.push(decls[prefix]);
      else this.bindings.set(prefix, [decls[prefix]]);
    }
  }

  private leaveScope(el: XmlElement): void {
    if (el.nsDecls === NO_DECLS) return;
    for (const prefix in el.nsDecls) this.bindings.get(prefix)!.pop();
  }

  private countOpenNames(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const el of this.stack) counts.set(el.name, (counts.get(el.name) ?? 0) + 1);
    return counts;
  }

  private pop(): XmlElement {
    const el = this.stack.pop()!;
    this.openNames?.set(el.name, this.openNames.get(el.name)! - 1);
    this.takeChildren(el);
    this.leaveScope(el);
    return el;
  }

  private endTag(): void {
    const t = this.text;
    const start = this.pos;
    const nameStart = start + 2;
    const top = this.stack[this.stack.length - 1];
    // The usual end tag closes the innermost element: its name is compared in place, not read again.
    const name =
      top !== undefined && t.startsWith(top.name, nameStart) && !mayContinueName(t.charCodeAt(nameStart + top.name.length))
        ? top.name
        : (this.nameAt(nameStart) ?? '');
    const nameEnd = nameStart + name.length;
    this.pos = nameEnd;
    this.skipWs();
    if (t.charCodeAt(this.pos) === 62 /* > */) this.pos++;
    else this.error('unclosed-end-tag', [name], start, nameEnd);
    const end = this.pos;
    if (!name) {
      this.error('malformed-end-tag', [], start, start + 2);
      return;
    }
    // Scanned only when an open element has this name, so the scan never passes more than it then closes.
    let idx = this.stack.length - 1;
    if (top?.name !== name) {
      this.openNames ??= this.countOpenNames();
      if (!this.openNames.get(name)) idx = -1;
      while (idx >= 0 && this.stack[idx].name !== name) idx--;
    }
    if (idx < 0) {
      const open = this.stack[this.stack.length - 1];
      if (open) this.error('unexpected-end-tag', [name, open.name], nameStart, nameEnd);
      else this.error('orphan-end-tag', [name], nameStart, nameEnd);
      return;
    }
    while (this.stack.length > idx + 1) {
      const el = this.pop();
      this.error('unclosed-element', [el.name], el.nameStart, el.nameEnd);
      el.end = el.endTagStart = start;
    }
    const el = this.pop();
    el.endTagStart = start;
    el.end = end;
    el.closed = true;
  }
}

function isAsciiNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}

/** True when `c` could continue a name (a non-ASCII character might: the full class decides). */
function mayContinueName(c: number): boolean {
  return isAsciiNameChar(c) || c >= 0x80;
}

function isAsciiNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 58 || c === 45 || c === 46;
}

/**
 * What text[start, end) holds, in one pass in place (no substring): references, invalid characters, and
 * ONLY_WHITESPACE when it is nothing but XML whitespace (the indentation between tags, kept as no node).
 */
function textHolds(text: string, start: number, end: number): number {
  let holds = ONLY_WHITESPACE;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c > 32) {
      holds &= ~ONLY_WHITESPACE;
      if (c === 38 /* & */) holds |= HOLDS_REFERENCE;
      else if (c >= 0xfffe) holds |= HOLDS_INVALID;
    } else if (c !== 32 && c !== 10 && c !== 9 && c !== 13) holds = (holds & ~ONLY_WHITESPACE) | HOLDS_INVALID;
  }
  return holds;
}

/** `xsi` of `xsi:type` (`colon` = name.indexOf(':')); '' when unprefixed. No tuple: this runs per name. */
function prefixOf(name: string, colon: number): string {
  return colon > 0 ? name.slice(0, colon) : '';
}

function localOf(name: string, colon: number): string {
  return colon > 0 ? name.slice(colon + 1) : name;
}

export function parseXml(text: string): XmlDocument {
  return new Parser(text).parse();
}

/** The XML form of a document: parsed once per analyzed document, shared by every check and participant. */
export const XML_FORM: DocumentForm<XmlDocument> = { name: 'xml', parse: (doc) => parseXml(doc.text) };

export function xmlOf(doc: AnalyzedDocument): XmlDocument {
  return doc.parsed(XML_FORM);
}

/** XML by language id, or by file name where the editor calls it something else. */
export function isXmlDocument(doc: { languageId: string; uri: string }): boolean {
  return doc.languageId === 'xml' || doc.languageId === 'xsl' || /\.(xml|xsd|wsdl|cpa|cpp\.xml|xsl|xslt)$/i.test(doc.uri);
}

export type { XmlError };
