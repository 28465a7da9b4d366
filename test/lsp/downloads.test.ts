// Schema downloads through the built server: the client's word on workspace trust is obeyed (VS Code
// applies the machine-scoped nhn.allowDownloads even in restricted mode), and once the user trusts the
// workspace the pinned schemas come from the mirror into the cache the client named.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp';
import { startFixtureMirror, type SchemaServer } from '../helpers/schema-server';
import { instance, nameAfter } from '../xsd/helpers';

const xsdOnly = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('xsd/'));

describe('schema downloads through the language server', () => {
  let mirror: SchemaServer;
  let lsp: LspSession;
  let cacheDir: string;
  beforeAll(async () => {
    mirror = await startFixtureMirror();
    cacheDir = mkdtempSync(path.join(tmpdir(), 'nhn-lsp-dl-'));
    lsp = await startServer({
      settings: { today: '2026-11-26', allowDownloads: true, xml: { downloadMirror: mirror.base } },
      init: { workspaceTrusted: false, cacheDir },
    });
  });
  afterAll(async () => {
    await lsp?.close();
    await mirror?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  const { file, text } = instance('dialog-1.1-invalid.xml');
  const uri = pathToFileURL(file).href;

  it('untrusted workspace: no request, the message is named, not validated', async () => {
    const pending = lsp.diagnostics(uri, (d) => xsdOnly(d).length > 0);
    lsp.open(uri, 'xml', text);
    expect(xsdOnly(await pending).map((d) => [d.code, d.range])).toEqual([['xsd/no-schema', nameAfter(text, '<MsgHead')]]);
    expect(mirror.requests).toEqual([]);
  });

  it("after the user trusts the workspace: fetched into the client's cache, validated, shown as the download cache", async () => {
    const pending = lsp.diagnostics(uri, (d) => xsdOnly(d).some((x) => x.code === 'xsd/fixed-value'));
    await lsp.connection.sendNotification('nhn/workspaceTrusted');
    const diags = xsdOnly(await pending);
    expect(diags.map((d) => d.code)).toEqual([
      'xsd/unexpected-attribute',
      'xsd/fixed-value',
      'xsd/invalid-value',
      'xsd/invalid-value',
      'xsd/unexpected-element',
    ]);
    expect(mirror.requests.length).toBeGreaterThanOrEqual(2);
    const cached = readdirSync(path.join(cacheDir, 'schemas', 'sha256'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.xsd'));
    expect(cached.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['MsgHead-v1_2.xsd']));
    const status = (await lsp.connection.sendRequest('nhn/schemaStatus', { uri })) as { detail: string };
    expect(status.detail).toMatch(/^MsgHead-v1_2\.xsd — download cache; [\w.-]+\.xsd — download cache$/);
  });
});

describe('"NHN: Download all NHN schemas" through the language server (nhn/downloadAllSchemas)', () => {
  interface Result {
    total: number;
    fetched: number;
    cached: number;
    failed: { name: string; reason: string }[];
    folder?: string;
    refused?: string;
  }
  let mirror: SchemaServer;
  let cacheDir: string;
  beforeAll(async () => {
    mirror = await startFixtureMirror();
    cacheDir = mkdtempSync(path.join(tmpdir(), 'nhn-lsp-all-'));
  });
  afterAll(async () => {
    await mirror?.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it("untrusted workspace: refused in the user's language, nothing asked", async () => {
    const lsp = await startServer({ settings: { language: 'nb', xml: { downloadMirror: mirror.base } }, init: { workspaceTrusted: false, cacheDir } });
    try {
      const r = (await lsp.connection.sendRequest('nhn/downloadAllSchemas')) as Result;
      expect(r).toMatchObject({ total: 0, refused: 'Arbeidsområdet er ikke klarert: ingen skjemaer lastes ned.' });
      expect(mirror.requests).toEqual([]);
    } finally {
      await lsp.close();
    }
  });

  it('trusted: every pinned schema the mirror has lands in the cache (downloads need not be allowed); the rest are named', async () => {
    const lsp = await startServer({ settings: { allowDownloads: false, xml: { downloadMirror: mirror.base } }, init: { cacheDir } });
    try {
      const r = (await lsp.connection.sendRequest('nhn/downloadAllSchemas')) as Result;
      expect(r.total).toBeGreaterThanOrEqual(110);
      expect(r.failed.map((f) => f.name).sort()).toEqual(['Fellesformat2_any.xsd', 'svar-v1.4.xsd', 'svar-v13.xsd']);
      expect(r.fetched).toBe(r.total - 3);
      expect(r.folder).toBe(path.join(cacheDir, 'schemas'));
      const cached = readdirSync(path.join(cacheDir, 'schemas', 'sha256'), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.xsd'));
      expect(cached).toHaveLength(r.total - 3);
      // Asked again: everything it holds is answered from the cache.
      const again = (await lsp.connection.sendRequest('nhn/downloadAllSchemas')) as Result;
      expect(again).toMatchObject({ fetched: 0, cached: r.total - 3 });
    } finally {
      await lsp.close();
    }
  });
});
