// Small reads on the shared XML parse that the KITH modules share.

import { childElements, type XmlElement, type XmlText } from '../xml/parse';

/** The first child element with this local name (in the parent's namespace when `ns` is given). */
export function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.kind === 'element' && c.local === local) return c;
  return undefined;
}

export function children(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? childElements(el, local) : [];
}

/** The trimmed direct text of an element and its span in the source (undefined when it has none). */
export function textSpan(el: XmlElement | undefined): { start: number; end: number; value: string } | undefined {
  if (!el) return undefined;
  const texts = el.children.filter((c): c is XmlText => c.kind === 'text' || c.kind === 'cdata');
  if (texts.length === 0) return undefined;
  const value = texts.map((t) => t.value).join('');
  const first = texts[0];
  const last = texts[texts.length - 1];
  const lead = first.value.length - first.value.trimStart().length;
  const trail = last.value.length - last.value.trimEnd().length;
  return { start: first.start + lead, end: Math.max(first.start + lead, last.end - trail), value: value.trim() };
}

/** An unprefixed attribute's value. */
export function attr(el: XmlElement | undefined, local: string): string | undefined {
  return el?.attributes.find((a) => a.local === local && !a.prefix)?.value;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The span of an element's start-tag name, for findings about the element as a whole. */
export const nameSpan = (el: XmlElement) => ({ start: el.nameStart, end: el.nameEnd });

/** KITH message namespaces (e-resept moved from www.kith.no to (www.)ehelse.no: never hard-code the prefix). */
export const KITH_NS = /(?:kith|ehelse)\.no\/xmlstds/;
