// Step 4 of schema resolution: NHN's published XSDs fetched on demand into a verified cache.
// The engine decides *whether* and *what* to fetch; the host (server, CLI) does the fetching and keeps
// the cache (server/src/host/schema-cache.ts). Nothing is fetched unless the user turned on
// nhn.allowDownloads / --allow-downloads, and never in an untrusted workspace.
//
// - A namespace whose built-in catalog entry carries a `schema` pin (url + sha256) is fetched from that
//   URL (or the user's mirror) and used only when its bytes hash to the pin: a changed or tampered file
//   is refused, never validated against.
// - An http(s) schemaLocation with no pin (xhtml1-strict.xsd imported by an old M30) is fetched once and
//   kept by its own hash (trust on first use): later runs read the same bytes, offline.

import { namespaceInfo } from '../namespaces/catalog';
import type { AnalysisContext } from '../core/types';

export interface SchemaPin {
  /** Where NHN (or a public mirror of its files) publishes the schema, immutable (a commit, not a branch). */
  url: string;
  /** Hex sha256 of the file's bytes. */
  sha256: string;
}

export type DownloadFailure = 'mismatch' | 'network' | 'too-large' | 'refused';

export type DownloadResult = { ok: true; path: string; sha256: string; fetched: boolean } | { ok: false; kind: DownloadFailure; detail: string };

/** What a host lends the engine for step 4 (see server/src/host/schema-cache.ts). */
export interface SchemaDownloader {
  /** A cached file whose bytes hash to `sha256`, fetched from the first of `urls` that answers when missing. */
  pinned(request: { sha256: string; name: string; urls: string[] }): Promise<DownloadResult>;
  /** An unpinned http(s) location: the cached copy when there is one, else fetched once and kept. */
  location(url: string): Promise<DownloadResult>;
}

/** True when this run may use the network for schemas: the user said yes, in a trusted workspace, and the host can. */
export function downloadsAllowed(ctx: AnalysisContext): boolean {
  return ctx.settings.allowDownloads && (ctx.host.trusted?.() ?? true) && !!ctx.host.downloads;
}

/** The catalog's pin for a namespace, if NHN's file for it has a known public copy. */
export function pinOf(namespace: string): SchemaPin | undefined {
  return namespaceInfo(namespace)?.schema;
}

/** The file name a pinned URL ends in (`MsgHead-v1_2.xsd`), used for the cached copy and in messages. */
export function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0].split('/').pop() ?? '';
  const name = decodeURIComponent(last).replace(/[^\w.-]/g, '_');
  return name && name !== '.' && name !== '..' ? name : 'schema.xsd';
}

/**
 * The URLs to try for a pin: only the mirror when the user set one (a company mirror is used because
 * the origin is not reachable or not wanted), else the pinned URL. A mirror is a template with
 * `{sha256}` and `{name}`, or a base URL that gets `/{sha256}/{name}` appended.
 */
export function urlsFor(pin: SchemaPin, mirror: string | undefined): string[] {
  const m = mirror?.trim();
  if (!m) return [pin.url];
  const name = fileNameOf(pin.url);
  if (m.includes('{sha256}')) return [m.replace(/\{sha256\}/g, pin.sha256).replace(/\{name\}/g, encodeURIComponent(name))];
  return [`${m.replace(/\/+$/, '')}/${pin.sha256}/${encodeURIComponent(name)}`];
}
