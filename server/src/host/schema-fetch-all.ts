// Every pinned schema of the catalog into the download cache at once ("NHN: Download all NHN schemas",
// `nhn-lint schemas fetch`), and what the cache holds (`nhn-lint schemas list`). For workshops and
// offline CI: fetch once with network, then validate with the cache alone.
//
// Each file goes through the same verified path as an on-demand download (SchemaCache.pinned): fetched
// from the pinned URL or the user's mirror, refused unless its bytes hash to the pin, written under a
// temporary name and renamed. A failure leaves every file fetched before it in place (a partial cache
// is still a useful cache), and the caller learns which pins failed and why.

import { NAMESPACES, namespaceLabel } from '../engine';
import { fileNameOf, urlsFor, type DownloadFailure, type SchemaPin } from '../engine/xsd/downloads';
import type { SchemaCache } from './schema-cache';

export interface PinnedSchema {
  /** The namespaces this file is the schema of (one file may be pinned for several). */
  namespaces: string[];
  /** How people name it: `MsgHead 1.2`. */
  label: string;
  pin: SchemaPin;
  /** The file name it is cached under. */
  name: string;
}

export type FetchOutcome =
  | { schema: PinnedSchema; ok: true; fetched: boolean; path: string }
  | { schema: PinnedSchema; ok: false; kind: DownloadFailure; detail: string };

/** The catalog's pinned schemas, one per file (by sha256), in catalog order. */
export function pinnedSchemas(): PinnedSchema[] {
  const byHash = new Map<string, PinnedSchema>();
  for (const e of NAMESPACES) {
    if (!e.schema) continue;
    const known = byHash.get(e.schema.sha256);
    if (known) known.namespaces.push(e.uri);
    else byHash.set(e.schema.sha256, { namespaces: [e.uri], label: namespaceLabel(e.uri), pin: e.schema, name: fileNameOf(e.schema.url) });
  }
  return [...byHash.values()];
}

/**
 * Fetches every pinned schema into the cache, a few at a time, reporting each outcome as it lands.
 * Never throws for one file: a refused or failed file is an outcome, and the others go on.
 */
export async function fetchAllSchemas(
  cache: SchemaCache,
  options: { mirror?: string; concurrency?: number; signal?: AbortSignal; onOutcome?: (outcome: FetchOutcome, done: number, total: number) => void } = {},
): Promise<FetchOutcome[]> {
  const schemas = pinnedSchemas();
  const outcomes: FetchOutcome[] = new Array(schemas.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < schemas.length && !options.signal?.aborted) {
      const i = next++;
      const schema = schemas[i];
      const r = await cache.pinned({ sha256: schema.pin.sha256, name: schema.name, urls: urlsFor(schema.pin, options.mirror) });
      const outcome: FetchOutcome = r.ok ? { schema, ok: true, fetched: r.fetched, path: r.path } : { schema, ok: false, kind: r.kind, detail: r.detail };
      outcomes[i] = outcome;
      options.onOutcome?.(outcome, ++done, schemas.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return outcomes.filter(Boolean);
}

export interface CacheListing {
  folder: string;
  pinned: { schema: PinnedSchema; path?: string }[];
  /** Unpinned http(s) imports kept on first use. */
  locations: { url: string; sha256: string }[];
}

/** What the cache holds: each pinned schema with its verified copy (or none), and the kept unpinned locations. */
export async function listCache(cache: SchemaCache): Promise<CacheListing> {
  const pinned = await Promise.all(pinnedSchemas().map(async (schema) => ({ schema, path: await cache.cached(schema.pin.sha256, schema.name) })));
  const locations = Object.entries(await cache.trustedLocations()).map(([url, sha256]) => ({ url, sha256 }));
  return { folder: cache.folder, pinned, locations };
}
