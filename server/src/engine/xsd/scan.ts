// A cheap look at a schema file's skeleton: its targetNamespace, XSD version attributes and the
// xs:import / xs:include / xs:redefine statements, with the exact span of each schemaLocation value
// so the schema-set builder can point it at the file the namespace index resolved.

export interface SchemaReference {
  kind: 'import' | 'include' | 'redefine';
  namespace?: string;
  location?: string;
  /** Span of the schemaLocation value (between the quotes), when present. */
  locationStart?: number;
  locationEnd?: number;
  /** Span of the whole `schemaLocation="…"` attribute. */
  attrStart?: number;
  attrEnd?: number;
  /** Offset just after the tag's name (where an attribute can be inserted). */
  tagNameEnd: number;
}

export interface SchemaSkeleton {
  /** False when the text has no xs:schema root (not a schema at all). */
  isSchema: boolean;
  targetNamespace?: string;
  /** `vc:minVersion` on the schema element (XSD 1.1 versioning), e.g. "1.1". */
  minVersion?: string;
  references: SchemaReference[];
}

const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const TAG = /<([A-Za-z_][\w.-]*:)?(schema|import|include|redefine)\b([^<>]*)>/g;
const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Comments and CDATA blanked out with spaces so offsets stay the same. */
function masked(text: string): string {
  return text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length));
}

interface Attr {
  value: string;
  start: number;
  end: number;
  attrStart: number;
  attrEnd: number;
}

function attributes(tag: string, tagOffset: number): Map<string, Attr> {
  const out = new Map<string, Attr>();
  ATTR.lastIndex = 0;
  for (let m; (m = ATTR.exec(tag)); ) {
    const value = m[2] ?? m[3] ?? '';
    const start = tagOffset + m.index + m[0].length - value.length - 1;
    out.set(m[1], {
      value: decodeEntities(value),
      start,
      end: start + value.length,
      attrStart: tagOffset + m.index,
      attrEnd: tagOffset + m.index + m[0].length,
    });
  }
  return out;
}

function decodeEntities(v: string): string {
  return v.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}

export function scanSchema(text: string): SchemaSkeleton {
  const body = masked(text);
  const out: SchemaSkeleton = { isSchema: false, references: [] };
  let schemaPrefix: string | undefined;
  TAG.lastIndex = 0;
  for (let m; (m = TAG.exec(body)); ) {
    const prefix = m[1] ?? '';
    const local = m[2];
    const attrOffset = m.index + 1 + prefix.length + local.length;
    const attrs = attributes(m[3], attrOffset);
    if (local === 'schema') {
      if (schemaPrefix !== undefined) continue;
      const nsAttr = prefix ? `xmlns:${prefix.slice(0, -1)}` : 'xmlns';
      if (attrs.get(nsAttr)?.value !== XSD_NS) continue;
      schemaPrefix = prefix;
      out.isSchema = true;
      out.targetNamespace = attrs.get('targetNamespace')?.value;
      for (const [name, a] of attrs) if (/(^|:)minVersion$/.test(name)) out.minVersion = a.value;
      continue;
    }
    if (schemaPrefix === undefined || prefix !== schemaPrefix) continue;
    const loc = attrs.get('schemaLocation');
    out.references.push({
      kind: local as SchemaReference['kind'],
      namespace: attrs.get('namespace')?.value,
      location: loc?.value,
      locationStart: loc?.start,
      locationEnd: loc?.end,
      attrStart: loc?.attrStart,
      attrEnd: loc?.attrEnd,
      tagNameEnd: attrOffset,
    });
  }
  return out;
}
