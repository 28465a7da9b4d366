// The verified schema download cache (step 4 of XSD resolution; policy in engine/xsd/downloads.ts).
//
// Layout: <dir>/sha256/<hex>/<name> holds a file whose bytes hash to <hex> (content-addressed: two
// URLs serving the same bytes share one copy, and a copy can be checked at any time by hashing it);
// <dir>/locations.json maps unpinned URLs to the hash first seen (trust on first use).
// Files are written to a temporary name and renamed, so a crash never leaves half a schema. A pinned
// file whose bytes do not hash to the pin is refused and never written; a cached copy that no longer
// matches (edited on disk) is fetched again.
//
// Only https is fetched, and plain http to this machine (127.0.0.1, ::1, localhost) for a local mirror.
// Responses are capped in size and time; failures are remembered for a minute so typing in a document
// does not fetch on every keystroke.

import { createHash } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { bytesOf, readRegularFile } from '../../../shared/read-file';
import { homedir } from 'node:os';
import path from 'node:path';
import type { DownloadResult, SchemaDownloader } from '../engine/xsd/downloads';
import { fileNameOf } from '../engine/xsd/downloads';

export const MAX_SCHEMA_BYTES = 8 * 1024 * 1024;
const TIMEOUT_MS = 20_000;
const RETRY_AFTER_MS = 60_000;

/** The cache folder: $NHN_CACHE_DIR, else the platform's cache folder. */
export function defaultCacheDir(): string {
  if (process.env.NHN_CACHE_DIR) return process.env.NHN_CACHE_DIR;
  const base =
    process.platform === 'win32'
      ? (process.env.LOCALAPPDATA ?? path.join(homedir(), 'AppData', 'Local'))
      : process.platform === 'darwin'
        ? path.join(homedir(), 'Library', 'Caches')
        : (process.env.XDG_CACHE_HOME ?? path.join(homedir(), '.cache'));
  return path.join(base, 'nhn-integrator');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

type Fetcher = (url: string) => Promise<Uint8Array>;

export class SchemaCache implements SchemaDownloader {
  private readonly root: string;
  private readonly inFlight = new Map<string, Promise<DownloadResult>>();
  private readonly failedAt = new Map<string, { at: number; result: DownloadResult }>();

  constructor(
    dir: string = defaultCacheDir(),
    private readonly fetchBytes: Fetcher = fetchSchemaBytes,
  ) {
    this.root = path.join(dir, 'schemas');
  }

  pinned(request: { sha256: string; name: string; urls: string[] }): Promise<DownloadResult> {
    return this.once(`pin:${request.sha256}:${request.urls.join(' ')}`, async () => {
      const file = this.pathFor(request.sha256, request.name);
      if (await this.holds(file, request.sha256)) return { ok: true, path: file, sha256: request.sha256, fetched: false };
      let last: DownloadResult = { ok: false, kind: 'network', detail: 'no URL' };
      for (const url of request.urls) {
        last = await this.fetchInto(url, request.name, request.sha256);
        if (last.ok) return last;
      }
      return last;
    });
  }

  location(url: string): Promise<DownloadResult> {
    return this.once(`url:${url}`, async () => {
      const known = (await this.locations())[url];
      if (known) {
        const file = this.pathFor(known, fileNameOf(url));
        if (await this.holds(file, known)) return { ok: true, path: file, sha256: known, fetched: false };
      }
      // Trust on first use, then stick to it: a later, different answer from the same URL is refused.
      const result = await this.fetchInto(url, fileNameOf(url), known);
      if (result.ok && !known) await this.remember(url, result.sha256);
      return result;
    });
  }

  /** The folder the cache keeps its files in (`<dir>/schemas`). */
  get folder(): string {
    return this.root;
  }

  /** The cached copy of a pinned file, when the cache holds one whose bytes still hash to the pin. */
  async cached(hex: string, name: string): Promise<string | undefined> {
    const file = this.pathFor(hex, name);
    return (await this.holds(file, hex)) ? file : undefined;
  }

  /** Unpinned locations fetched once and kept (trust on first use): URL → sha256 of the copy. */
  trustedLocations(): Promise<Record<string, string>> {
    return this.locations();
  }

  private pathFor(hex: string, name: string): string {
    return path.join(this.root, 'sha256', hex, fileNameOf(name));
  }

  private async holds(file: string, hex: string): Promise<boolean> {
    try {
      if (sha256(bytesOf(await readRegularFile(file))) === hex) return true;
      await rm(file, { force: true }); // edited or damaged: fetched again below
    } catch {
      /* not cached */
    }
    return false;
  }

  private async fetchInto(url: string, name: string, expected: string | undefined): Promise<DownloadResult> {
    let bytes: Uint8Array;
    try {
      bytes = await this.fetchBytes(url);
    } catch (err) {
      const e = err as { kind?: 'too-large' | 'refused' };
      return { ok: false, kind: e.kind ?? 'network', detail: reason(err) };
    }
    const hex = sha256(bytes);
    if (expected && hex !== expected) return { ok: false, kind: 'mismatch', detail: `expected ${expected.slice(0, 16)}…, got ${hex.slice(0, 16)}…` };
    const file = this.pathFor(hex, name);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, file);
    return { ok: true, path: file, sha256: hex, fetched: true };
  }

  private async locations(): Promise<Record<string, string>> {
    try {
      return JSON.parse(bytesOf(await readRegularFile(path.join(this.root, 'locations.json'))).toString('utf8')) as Record<string, string>;
    } catch {
      return {};
    }
  }

  private async remember(url: string, hex: string): Promise<void> {
    const all = { ...(await this.locations()), [url]: hex };
    await mkdir(this.root, { recursive: true });
    const file = path.join(this.root, 'locations.json');
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(all, null, 2));
    await rename(tmp, file);
  }

  /** One fetch per key at a time; a failure is not retried for a minute. */
  private once(key: string, run: () => Promise<DownloadResult>): Promise<DownloadResult> {
    const failed = this.failedAt.get(key);
    if (failed && Date.now() - failed.at < RETRY_AFTER_MS) return Promise.resolve(failed.result);
    let p = this.inFlight.get(key);
    if (!p) {
      p = run()
        .catch((err: unknown): DownloadResult => ({ ok: false, kind: 'network', detail: String(err) }))
        .then((r) => {
          if (!r.ok) this.failedAt.set(key, { at: Date.now(), result: r });
          else this.failedAt.delete(key);
          return r;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, p);
    }
    return p;
  }
}

/** Why a fetch failed, in a few words: Node's fetch says "fetch failed" and keeps the reason in `cause`. */
function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.message) return cause.code && !cause.message.includes(cause.code) ? `${cause.code}: ${cause.message}` : cause.message;
  if (cause?.code) return cause.code;
  return err instanceof Error ? err.message : String(err);
}

function refused(message: string, kind: 'too-large' | 'refused'): Error {
  return Object.assign(new Error(message), { kind });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** GET over https (or http to this machine), at most MAX_SCHEMA_BYTES, within TIMEOUT_MS, at most 3 redirects. */
export async function fetchSchemaBytes(url: string): Promise<Uint8Array> {
  const signal = AbortSignal.timeout(TIMEOUT_MS);
  let u = new URL(url);
  for (let hops = 0; ; hops++) {
    // Every hop is checked before it is asked, so a redirect cannot lead to plain http elsewhere.
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.hostname))) throw refused(`only https is fetched (${u.href})`, 'refused');
    const response = await fetch(u, { signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      if (hops >= 3) throw refused('too many redirects', 'refused');
      u = new URL(location, u);
      continue;
    }
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_SCHEMA_BYTES) throw refused(`${declared} bytes`, 'too-large');
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      size += (chunk as Uint8Array).byteLength;
      if (size > MAX_SCHEMA_BYTES) throw refused(`over ${MAX_SCHEMA_BYTES} bytes`, 'too-large');
      chunks.push(chunk as Uint8Array);
    }
    return Buffer.concat(chunks);
  }
}
