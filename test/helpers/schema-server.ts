// A local HTTP server standing in for a schema host or a company mirror: serves given bytes by path
// and counts requests, so tests can prove what was (and was not) fetched. Nothing leaves the machine.

import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { NAMESPACES } from '../../server/src/engine';
import { fileNameOf } from '../../server/src/engine/xsd/downloads';
import { sha256 } from '../../server/src/host/schema-cache';

export const NHN_SCHEMA_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas');
export const NAV_SCHEMA_FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nav-schemas');

export interface ProvenanceRow {
  targetNamespace: string;
  sha256: string;
  rawUrl: string;
  /** The TSV the row comes from. */
  source: string;
}

/** The rows of the fixtures' provenance tables that name a targetNamespace (NAV's, and public XSDs that must not be copied). */
export function provenanceRows(): ProvenanceRow[] {
  const out: ProvenanceRow[] = [];
  for (const file of [path.join(NAV_SCHEMA_FIXTURES, 'PROVENANCE.tsv'), path.join(NHN_SCHEMA_FIXTURES, 'UNLICENSED-SOURCES.tsv')]) {
    const [head, ...lines] = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split('\t'));
    const col = (name: string) => head.indexOf(name);
    for (const cells of lines) {
      const targetNamespace = cells[col('targetNamespace')];
      // Only rows whose namespace the catalog names (the ebXML CPA rows are GPL copies of an OASIS schema NHN does not publish).
      if (!NAMESPACES.some((e) => e.uri === targetNamespace)) continue;
      // kith.xsd and felleskomponent1 recur in every set: the catalog pins one copy of each, checked byte for byte.
      if (NAMESPACES.find((e) => e.uri === targetNamespace)?.schema?.url.includes('/ks-no/')) continue;
      out.push({ targetNamespace, sha256: cells[col('sha256')], rawUrl: cells[col('raw-url')], source: path.basename(file) });
    }
  }
  return out;
}

export interface SchemaServer {
  base: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Serve these bytes at this path (replacing what was there). */
  set(path: string, body: Uint8Array | string, headers?: Record<string, string>): void;
  /** Answer this path with a redirect. */
  redirect(path: string, location: string): void;
  close(): Promise<void>;
}

export async function startSchemaServer(): Promise<SchemaServer> {
  const routes = new Map<string, { status: number; body: Uint8Array | string; headers: Record<string, string> }>();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    requests.push(path);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(route.status, route.headers).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    requests,
    set: (path, body, headers = {}) => routes.set(path, { status: 200, body, headers: { 'content-type': 'application/xml', ...headers } }),
    redirect: (path, location) => routes.set(path, { status: 302, body: '', headers: { location } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Every fixture XSD by the sha256 of its bytes. */
export function fixturesByHash(dir = NHN_SCHEMA_FIXTURES): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile() && e.name.endsWith('.xsd')) {
      const file = path.join(e.parentPath, e.name);
      out.set(sha256(readFileSync(file)), file);
    }
  }
  return out;
}

/** A mirror (`{base}/{sha256}/{name}`) serving every pinned catalog schema from the real published files in the fixtures. */
export async function startFixtureMirror(): Promise<SchemaServer> {
  const mirror = await startSchemaServer();
  const byHash = new Map([...fixturesByHash(), ...fixturesByHash(NAV_SCHEMA_FIXTURES)]);
  for (const e of NAMESPACES) {
    const file = e.schema && byHash.get(e.schema.sha256);
    if (file) mirror.set(`/${e.schema!.sha256}/${fileNameOf(e.schema!.url)}`, readFileSync(file));
  }
  return mirror;
}
