// The objects the parser builds for elements and attributes. A large message has tens of thousands of
// each and its whole tree stays alive until the next edit, so each field is memory and time in the
// garbage collector (the young-generation collector copies every live object, twice before it is
// promoted). What follows from another field is computed on the prototype instead of stored per
// object: `kind`, where a name starts and ends, a name's prefix, the two flags of an element. Readers see
// the XmlElement and XmlAttribute of model.ts; only the parser constructs these.

import type { XmlAttribute, XmlElement, XmlNode } from './model';

const SELF_CLOSING = 1;
const CLOSED = 2;

/** The prefix of a qualified name whose local part is `local` ('' when unprefixed: the local part is the name). */
function prefixOf(name: string, local: string): string {
  return local === name ? '' : name.slice(0, name.length - local.length - 1);
}

export class ElementNode implements XmlElement {
  declare readonly kind: 'element';
  /** Set on a document root only (see `elements` and xsd/check.ts). */
  declare subtree?: XmlElement[];
  declare namespaceChanges?: XmlElement[];

  constructor(
    public name: string,
    public local: string,
    public ns: string | undefined,
    public start: number,
    public startTagEnd: number,
    public endTagStart: number,
    public end: number,
    private flags: number,
    public attributes: XmlAttribute[],
    public nsDecls: Record<string, string>,
    public children: XmlNode[],
    public parent: XmlElement | undefined,
  ) {}

  /** Flags for the constructor. */
  static flags(selfClosing: boolean): number {
    return selfClosing ? SELF_CLOSING | CLOSED : 0;
  }

  get prefix(): string {
    return prefixOf(this.name, this.local);
  }

  /** The name follows the `<` at once. */
  get nameStart(): number {
    return this.start + 1;
  }

  get nameEnd(): number {
    return this.start + 1 + this.name.length;
  }

  get selfClosing(): boolean {
    return (this.flags & SELF_CLOSING) !== 0;
  }

  get closed(): boolean {
    return (this.flags & CLOSED) !== 0;
  }

  set closed(closed: boolean) {
    this.flags = closed ? this.flags | CLOSED : this.flags & ~CLOSED;
  }
}
// A constant of the class, not a field of each element.
Object.defineProperty(ElementNode.prototype, 'kind', { value: 'element', enumerable: true });

export class AttributeNode implements XmlAttribute {
  constructor(
    public name: string,
    public local: string,
    public ns: string | undefined,
    /**
     * The document's text, from which the value is sliced when read (no string per attribute kept
     * alive with the tree), or the value itself when decoding or normalization changed it. Told apart
     * by length: a value is never longer than its source span, and the text always is.
     */
    private readonly source: string,
    public nameStart: number,
    public valueStart: number,
    public valueEnd: number,
  ) {}

  get value(): string {
    const s = this.source;
    return s.length > this.valueEnd - this.valueStart ? s.slice(this.valueStart, this.valueEnd) : s;
  }

  get prefix(): string {
    return prefixOf(this.name, this.local);
  }

  get nameEnd(): number {
    return this.nameStart + this.name.length;
  }
}
