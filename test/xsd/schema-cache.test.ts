// The verified schema download cache (server/src/host/schema-cache.ts) against a local HTTP server:
// a pinned file is stored only when its bytes hash to the pin, a cached copy is used offline and
// checked again, an unpinned location sticks to the bytes first seen, and only https or this
// machine is ever asked.

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSchemaBytes, MAX_SCHEMA_BYTES, SchemaCache, sha256 } from '../../server/src/host/schema-cache';
import { startSchemaServer, type SchemaServer } from '../helpers/schema-server';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas');
const MSGHEAD = readFileSync(path.join(FIXTURES, 'kith-core/MsgHead-v1_2.xsd'));
const MSGHEAD_SHA = sha256(MSGHEAD);

let server: SchemaServer;
let dir: string;

beforeAll(async () => {
  server = await startSchemaServer();
});
afterAll(() => server.close());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nhn-cache-'));
  server.requests.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function cachedFiles(): string[] {
  const root = path.join(dir, 'schemas', 'sha256');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

describe('schema cache: pinned files', () => {
  it('fetches a pinned file once, stores it by its hash, then serves it without the network', async () => {
    server.set('/kith/MsgHead-v1_2.xsd', MSGHEAD);
    const request = { sha256: MSGHEAD_SHA, name: 'MsgHead-v1_2.xsd', urls: [`${server.base}/kith/MsgHead-v1_2.xsd`] };
    const first = await new SchemaCache(dir).pinned(request);
    expect(first).toMatchObject({ ok: true, sha256: MSGHEAD_SHA, fetched: true });
    expect(cachedFiles()).toEqual([path.join(MSGHEAD_SHA, 'MsgHead-v1_2.xsd')]);
    expect(readFileSync((first as { path: string }).path)).toEqual(MSGHEAD);
    await server.close();
    // A new process (a new cache object) with the server gone: the cached copy is used.
    const offline = await new SchemaCache(dir).pinned(request);
    expect(offline).toMatchObject({ ok: true, fetched: false, path: (first as { path: string }).path });
    server = await startSchemaServer();
  });

  it('refuses bytes that do not hash to the pin and writes nothing', async () => {
    const tampered = Buffer.from(MSGHEAD.toString('latin1').replace('minOccurs="0"', 'minOccurs="1"'), 'latin1');
    server.set('/MsgHead-v1_2.xsd', tampered);
    const r = await new SchemaCache(dir).pinned({ sha256: MSGHEAD_SHA, name: 'MsgHead-v1_2.xsd', urls: [`${server.base}/MsgHead-v1_2.xsd`] });
    expect(r).toMatchObject({ ok: false, kind: 'mismatch' });
    expect((r as { detail: string }).detail).toContain(`expected ${MSGHEAD_SHA.slice(0, 16)}`);
    expect(cachedFiles()).toEqual([]);
  });

  it('a cached copy edited on disk is not trusted: it is fetched again', async () => {
    server.set('/MsgHead-v1_2.xsd', MSGHEAD);
    const request = { sha256: MSGHEAD_SHA, name: 'MsgHead-v1_2.xsd', urls: [`${server.base}/MsgHead-v1_2.xsd`] };
    const first = (await new SchemaCache(dir).pinned(request)) as { path: string };
    writeFileSync(first.path, '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>');
    const again = await new SchemaCache(dir).pinned(request);
    expect(again).toMatchObject({ ok: true, fetched: true });
    expect(readFileSync(first.path)).toEqual(MSGHEAD);
    expect(server.requests).toEqual(['/MsgHead-v1_2.xsd', '/MsgHead-v1_2.xsd']);
  });

  it('a failure is remembered: asking again at once does not fetch again', async () => {
    const cache = new SchemaCache(dir);
    const request = { sha256: MSGHEAD_SHA, name: 'x.xsd', urls: [`${server.base}/missing.xsd`] };
    const a = await cache.pinned(request);
    const b = await cache.pinned(request);
    expect(a).toMatchObject({ ok: false, kind: 'network' });
    expect((a as { detail: string }).detail).toContain('HTTP 404');
    expect(b).toEqual(a);
    expect(server.requests).toEqual(['/missing.xsd']);
  });

  it('concurrent requests for one pin share one fetch', async () => {
    server.set('/MsgHead-v1_2.xsd', MSGHEAD);
    const cache = new SchemaCache(dir);
    const request = { sha256: MSGHEAD_SHA, name: 'MsgHead-v1_2.xsd', urls: [`${server.base}/MsgHead-v1_2.xsd`] };
    const results = await Promise.all([cache.pinned(request), cache.pinned(request), cache.pinned(request)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.requests).toEqual(['/MsgHead-v1_2.xsd']);
  });
});

describe('schema cache: unpinned locations (trust on first use)', () => {
  it('keeps the bytes first seen and refuses a different answer later', async () => {
    const url = `${server.base}/xhtml1-strict.xsd`;
    const v1 = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x"/>';
    server.set('/xhtml1-strict.xsd', v1);
    const first = await new SchemaCache(dir).location(url);
    expect(first).toMatchObject({ ok: true, fetched: true, sha256: sha256(Buffer.from(v1)) });
    // Same answer from cache, no request.
    const second = await new SchemaCache(dir).location(url);
    expect(second).toMatchObject({ ok: true, fetched: false });
    expect(server.requests).toEqual(['/xhtml1-strict.xsd']);
    // The cached copy vanishes and the server now answers differently: refused.
    rmSync((first as { path: string }).path);
    server.set('/xhtml1-strict.xsd', v1.replace('urn:x', 'urn:y'));
    const third = await new SchemaCache(dir).location(url);
    expect(third).toMatchObject({ ok: false, kind: 'mismatch' });
  });
});

describe('fetchSchemaBytes: what is asked, and how much is taken', () => {
  it('only https, or http to this machine', async () => {
    await expect(fetchSchemaBytes('http://example.invalid/kith.xsd')).rejects.toMatchObject({ kind: 'refused' });
    await expect(fetchSchemaBytes('ftp://example.invalid/kith.xsd')).rejects.toMatchObject({ kind: 'refused' });
    await expect(fetchSchemaBytes('file:///etc/passwd')).rejects.toMatchObject({ kind: 'refused' });
    server.set('/ok.xsd', 'x');
    expect(Buffer.from(await fetchSchemaBytes(`${server.base}/ok.xsd`)).toString()).toBe('x');
  });

  it('a redirect off this machine to plain http is refused', async () => {
    server.redirect('/moved.xsd', 'http://example.invalid/kith.xsd');
    await expect(fetchSchemaBytes(`${server.base}/moved.xsd`)).rejects.toMatchObject({ kind: 'refused', message: expect.stringContaining('example.invalid') });
    server.redirect('/here.xsd', '/ok2.xsd');
    server.set('/ok2.xsd', 'y');
    expect(Buffer.from(await fetchSchemaBytes(`${server.base}/here.xsd`)).toString()).toBe('y');
  });

  it('an answer above the size cap is refused, declared or not', async () => {
    server.set('/declared.xsd', 'x', { 'content-length': String(MAX_SCHEMA_BYTES + 1) });
    await expect(fetchSchemaBytes(`${server.base}/declared.xsd`)).rejects.toMatchObject({ kind: 'too-large' });
    server.set('/big.xsd', Buffer.alloc(MAX_SCHEMA_BYTES + 10, 0x20));
    await expect(fetchSchemaBytes(`${server.base}/big.xsd`)).rejects.toMatchObject({ kind: 'too-large' });
  });
});
