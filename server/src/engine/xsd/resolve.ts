// Which schema each namespace of a document uses, in the documented order:
// 1. xsi:schemaLocation / xsi:noNamespaceSchemaLocation relative to the document,
// 2. the workspace's XSDs by targetNamespace, 3. nhn.xml.schemaPaths / --schemas and XML catalogs,
// 4. only when the user allows downloads (trusted workspace): the catalog's sha256-pinned public copy
//    from the verified cache (./downloads.ts), or a catalogued namespace's remote xsi:schemaLocation.

import { namespaceInfo } from '../namespaces/catalog';
import type { AnalysisContext } from '../core/types';
import { downloadsAllowed } from './downloads';
import { attribute, XSI_NS, type XmlElement } from '../xml/parse';
import { isRemote, pathOfUri, resolvePath } from './paths';
import type { DownloadProblem, SchemaIndex, SchemaSource } from './schema-index';
import { scanSchema } from './scan';

export interface Binding {
  namespace: string;
  /** The element this namespace roots (the document root or a MsgHead payload). */
  element: XmlElement;
  path?: string;
  source?: SchemaSource;
  /** Other files that declare the same namespace (shown, never silently ignored). */
  others: string[];
  /** Step 4 was tried and gave nothing: why (a hash mismatch, no network…). */
  download?: DownloadProblem;
}

/** The engine's schema index, built (or reused) for this context's folders, catalogs and download policy. */
export async function ensureIndex(ctx: AnalysisContext): Promise<SchemaIndex> {
  const index = ctx.caches.xsd.schemaIndex();
  const trusted = ctx.host.trusted?.() ?? true;
  await index.ensure({
    workspace: ctx.host.workspaceFolders?.() ?? [],
    user: trusted ? ctx.settings.schemaPaths : [],
    catalogs: trusted ? ctx.settings.catalogs : [],
    downloads: downloadsAllowed(ctx) ? { mirror: ctx.settings.schemaMirror } : undefined,
  });
  return index;
}

/** `xsi:schemaLocation` pairs (namespace → location) on an element, and its noNamespaceSchemaLocation. */
export function locationHints(el: XmlElement): Map<string, string> {
  const hints = new Map<string, string>();
  const pairs = attribute(el, 'schemaLocation', XSI_NS)?.value.trim().split(/\s+/) ?? [];
  for (let i = 0; i + 1 < pairs.length; i += 2) hints.set(pairs[i], pairs[i + 1]);
  const noNs = attribute(el, 'noNamespaceSchemaLocation', XSI_NS)?.value.trim();
  if (noNs) hints.set('', noNs);
  return hints;
}

export async function bind(namespace: string, element: XmlElement, docUri: string, hints: Map<string, string>, index: SchemaIndex): Promise<Binding> {
  const docPath = pathOfUri(docUri);
  const hint = hints.get(namespace);
  const candidates = await index.resolve(namespace);
  if (hint && docPath && !isRemote(hint)) {
    const path = resolvePath(docPath, hint);
    const text = await index.text(path);
    if (text !== undefined && (scanSchema(text).targetNamespace ?? '') === namespace) {
      return { namespace, element, path, source: 'document', others: candidates.map((c) => c.path).filter((p) => p !== path) };
    }
  }
  const [best, ...rest] = candidates;
  if (best) return { namespace, element, path: best.path, source: best.source, others: rest.map((c) => c.path) };
  // A remote hint is fetched only for a namespace the catalog knows: turning downloads on for NHN's
  // schemas must not make every pom.xml reach out to maven.apache.org.
  const fetched = hint && isRemote(hint) && namespaceInfo(namespace) ? await index.fetchLocation(hint, namespace) : undefined;
  if (typeof fetched === 'string') return { namespace, element, path: fetched, source: 'download', others: [] };
  return { namespace, element, others: [], download: fetched ?? (await index.downloadProblem(namespace)) };
}
