// OASIS XML catalogs (nhn.xml.catalogs): the `uri`, `system` and `public` entries that map a
// namespace or a schema location to a local file. Nothing else of the catalog spec is needed here.

import { resolvePath } from './paths';

export interface CatalogEntry {
  /** The namespace or location the entry maps (uri@name, system@systemId, public@publicId). */
  namespace?: string;
  path: string;
}

const ENTRY = /<(?:[\w.-]+:)?(uri|system|public)\b([^<>]*)>/g;
const ATTR = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseCatalog(text: string, catalogPath: string): CatalogEntry[] {
  const out: CatalogEntry[] = [];
  const body = text.replace(/<!--[\s\S]*?-->/g, '');
  const base = /<(?:[\w.-]+:)?catalog\b[^<>]*\bxml:base\s*=\s*"([^"]*)"/.exec(body)?.[1];
  for (let m; (m = ENTRY.exec(body)); ) {
    const attrs = new Map<string, string>();
    ATTR.lastIndex = 0;
    for (let a; (a = ATTR.exec(m[2])); ) attrs.set(a[1], a[2] ?? a[3] ?? '');
    const target = attrs.get('uri');
    if (!target || (/^[a-z][a-z0-9+.-]*:\/\//i.test(target) && !target.startsWith('file://'))) continue;
    const key = attrs.get('name') ?? attrs.get('systemId') ?? attrs.get('publicId');
    const from = base ? resolvePath(catalogPath, base.endsWith('/') ? `${base}x` : `${base}/x`) : catalogPath;
    out.push({ namespace: key, path: resolvePath(from, target) });
  }
  return out;
}
