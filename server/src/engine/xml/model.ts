// The XML tree every XML-aware check shares: positions are UTF-16 offsets into the document text,
// so any node, attribute name, attribute value or text span maps to an exact range.

import type { XmlMessage } from './messages';

export interface XmlAttribute {
  /** Qualified name as written (`xsi:schemaLocation`). */
  name: string;
  prefix: string;
  local: string;
  /** Namespace URI: none for unprefixed attributes (XML Namespaces §6.2). */
  ns?: string;
  /** Value with entity and character references decoded. */
  value: string;
  nameStart: number;
  nameEnd: number;
  /** Span of the value between the quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlText {
  kind: 'text' | 'cdata';
  start: number;
  end: number;
  /** Decoded text (for CDATA, the raw content). */
  value: string;
}

export interface XmlComment {
  kind: 'comment' | 'pi';
  start: number;
  end: number;
  value: string;
}

export interface XmlElement {
  kind: 'element';
  name: string;
  prefix: string;
  local: string;
  ns?: string;
  /** Offset of `<`. */
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Offset just after the start tag's `>` (or where the tag was cut off). */
  startTagEnd: number;
  /** Offset of the end tag's `<` (equals startTagEnd when self-closing). */
  endTagStart: number;
  /** Offset just after the element (after `</name>` or `/>`). */
  end: number;
  selfClosing: boolean;
  /** False when the document ended (or a mismatched end tag came) before this element was closed. */
  closed: boolean;
  attributes: XmlAttribute[];
  /** Namespace declarations made on this element: prefix ('' for default) → URI. Frozen and empty when none. */
  nsDecls: Record<string, string>;
  children: XmlNode[];
  parent?: XmlElement;
  /** On a document root only, once asked: every element in document order (see `elements`). */
  subtree?: XmlElement[];
  /** On a document root only, once asked: the elements where the namespace changes (see xsd/check.ts). */
  namespaceChanges?: XmlElement[];
}

export type XmlNode = XmlElement | XmlText | XmlComment;

export interface XmlError {
  /** Stable code; the well-formedness check reports it as `xml/<code>`. It is the key of its sentence. */
  code: XmlMessage;
  /** Values for the message's placeholders (see xml/messages.ts). */
  args: string[];
  /** English message, for logs. */
  message: string;
  start: number;
  end: number;
}

export interface XmlDocument {
  root?: XmlElement;
  /** Top-level nodes (root, comments, PIs). Whitespace-only text between tags is not kept as nodes. */
  children: XmlNode[];
  errors: XmlError[];
  declaration?: { version?: string; encoding?: string; start: number; end: number };
  doctype?: { start: number; end: number; hasInternalSubset: boolean; external?: string };
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

export function attribute(el: XmlElement, local: string, ns?: string): XmlAttribute | undefined {
  return el.attributes.find((a) => a.local === local && a.ns === ns);
}

export function childElements(el: XmlElement, local?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element' && (local === undefined || c.local === local));
}

/** The concatenated decoded text directly inside an element. */
export function textOf(el: XmlElement): string {
  return el.children
    .filter((c): c is XmlText => c.kind === 'text' || c.kind === 'cdata')
    .map((c) => c.value)
    .join('');
}

/**
 * Every element under `root` (itself included), depth-first in document order, without recursion
 * (documents may nest 100 000 levels deep). For a document root the list is built once per parse and
 * shared by every check that walks it.
 */
export function elements(root: XmlElement | undefined): readonly XmlElement[] {
  if (!root) return [];
  const cached = root.parent ? undefined : root.subtree;
  if (cached) return cached;
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    out.push(el);
    const children = el.children;
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (c.kind === 'element') stack.push(c);
    }
  }
  if (!root.parent) root.subtree = out;
  return out;
}

/** The innermost element whose span contains `offset`. */
export function elementAt(root: XmlElement | undefined, offset: number): XmlElement | undefined {
  let found: XmlElement | undefined;
  let el = root;
  while (el && offset >= el.start && offset <= el.end) {
    found = el;
    el = el.children.find((c): c is XmlElement => c.kind === 'element' && offset >= c.start && offset <= c.end);
  }
  return found;
}
