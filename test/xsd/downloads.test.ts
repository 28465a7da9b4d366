// Step 4 of schema resolution through the real engine and real libxml2: NHN's published schemas,
// pinned by sha256 in schemas/namespaces.yaml, fetched from a local mirror into a temporary cache.
// Proves: nothing is asked unless downloads are allowed in a trusted workspace; a downloaded set
// validates exactly like the same files on disk; a wrong byte is refused with a clear warning; local
// schemas always win; and XML that is not NHN's never reaches the network.

import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { analyze, createChecks, NAMESPACES, type Finding } from '../../server/src/engine';
import { fileNameOf } from '../../server/src/engine/xsd/downloads';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { createHost } from '../../server/src/host/resolvers';
import { SchemaCache } from '../../server/src/host/schema-cache';
import { context, engineFor } from '../helpers/engine';
import { fixturesByHash, NAV_SCHEMA_FIXTURES, provenanceRows, startFixtureMirror, startSchemaServer, type SchemaServer } from '../helpers/schema-server';
import { FIXTURES, instance, nameAfter, summary, xsdFindings } from './helpers';

const PINNED = NAMESPACES.filter((e) => e.schema);

let server: SchemaServer;
let cacheDir: string;
const service = new LibxmlXsdService();

beforeAll(async () => {
  server = await startFixtureMirror();
});
afterAll(() => server.close());
beforeEach(() => {
  cacheDir = mkdtempSync(path.join(tmpdir(), 'nhn-dl-'));
  server.requests.length = 0;
});
afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

function setup(over: { allow?: boolean; trusted?: boolean; schemaPaths?: string[]; mirror?: string } = {}) {
  const resolvers = { ...createHost(), xsd: service, downloads: new SchemaCache(cacheDir), trusted: () => over.trusted ?? true };
  return context({
    host: resolvers,
    settings: { schemaPaths: over.schemaPaths ?? [], allowDownloads: over.allow ?? true, schemaMirror: over.mirror ?? server.base },
  });
}

async function findings(text: string, file: string, ctx: ReturnType<typeof setup>): Promise<Finding[]> {
  return (await analyze({ uri: file, languageId: 'xml', text }, ctx, createChecks())).findings.filter((f) => f.ruleId.startsWith('xsd/'));
}

describe('the catalog pins', () => {
  it('pin the core KITH namespaces, each to the bytes of the real published file', () => {
    const pinned = PINNED.map((e) => e.uri);
    for (const ns of [
      'http://www.kith.no/xmlstds/msghead/2006-05-24',
      'http://www.kith.no/xmlstds/dialog/2013-01-23',
      'http://www.kith.no/xmlstds',
      'http://www.kith.no/xmlstds/felleskomponent1',
    ]) {
      expect(pinned).toContain(ns);
    }
  });

  it('every catalog namespace with a public XSD has a pin: each fixture targetNamespace and each provenance row', () => {
    const pinned = new Set(PINNED.map((e) => e.uri));
    for (const file of [...fixturesByHash().values(), ...fixturesByHash(NAV_SCHEMA_FIXTURES).values()]) {
      // The FM→SFM export schema has no public source (PROVENANCE-README.md): nothing to pin.
      if (file.includes(`${path.sep}sfm${path.sep}`)) continue;
      const ns = /targetNamespace="([^"]+)"/.exec(readFileSync(file, 'latin1'))?.[1];
      if (ns && NAMESPACES.some((e) => e.uri === ns)) expect(pinned.has(ns), `${ns} (${path.basename(file)}) has no pin`).toBe(true);
    }
    for (const row of provenanceRows()) expect(pinned.has(row.targetNamespace), `${row.targetNamespace} (${row.source}) has no pin`).toBe(true);
    expect(PINNED.length).toBeGreaterThanOrEqual(114);
  });

  it('every pin is byte-identical to a fixture file, or (nothing copied) to a recorded provenance row', () => {
    const byHash = new Map([...fixturesByHash(), ...fixturesByHash(NAV_SCHEMA_FIXTURES)]);
    const rows = provenanceRows();
    let byFile = 0;
    for (const e of PINNED) {
      const pin = e.schema!;
      // The URL names the file at a fixed commit.
      expect(pin.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/[\w.-]+\/[\w.-]+\/[0-9a-f]{40}\//);
      const file = byHash.get(pin.sha256);
      if (file) {
        // The pinned file is the namespace's schema.
        expect(readFileSync(file, 'latin1'), e.uri).toContain(`targetNamespace="${e.uri}"`);
        byFile++;
        continue;
      }
      // No copy may exist (a repository without a licence) or none was kept: the pin must be exactly
      // a row recorded when the file was inspected, URL and sha256 both, for this namespace.
      const row = rows.find((r) => r.rawUrl === pin.url);
      expect(row, `${e.uri}: no fixture file has the pinned sha256 and no provenance row has its URL`).toBeDefined();
      expect(row!.sha256, e.uri).toBe(pin.sha256);
      expect(row!.targetNamespace, pin.url).toBe(e.uri);
    }
    expect(byFile).toBeGreaterThanOrEqual(110);
  });
});

describe('downloads off, or not trusted: nothing is asked', () => {
  it('off: the notice names the pinned copy and offers to allow downloads; no request', async () => {
    const { file, text } = instance('dialog-1.1-invalid.xml');
    const found = await findings(text, file, setup({ allow: false }));
    expect(found.map((f) => f.ruleId)).toEqual(['xsd/no-schema']);
    expect(found[0].message).toMatch(/^MsgHead 1\.2 — no XSD found\. .*allow downloads \(nhn\.allowDownloads, --allow-downloads\)/);
    expect(found[0].fixes?.map((f) => f.command?.command)).toEqual(['nhn.chooseSchemaFolder', 'workbench.action.openSettings']);
    expect(server.requests).toEqual([]);
  });

  it('allowed by the user but the workspace is not trusted: no request', async () => {
    const { file, text } = instance('dialog-1.1-invalid.xml');
    const found = await findings(text, file, setup({ trusted: false }));
    expect(found.map((f) => f.ruleId)).toEqual(['xsd/no-schema']);
    expect(server.requests).toEqual([]);
  });
});

describe('downloads allowed', () => {
  it('validates a MsgHead + Dialogmelding exactly as against the same schemas on disk, from the cache', async () => {
    const { file, text } = instance('dialog-1.1-invalid.xml');
    const local = await xsdFindings(text, file, [path.join(FIXTURES, 'kith-core')]);
    expect(local.length).toBeGreaterThan(1);
    const ctx = setup();
    const downloaded = await findings(text, file, ctx);
    expect(summary(downloaded)).toEqual(summary(local));
    expect(downloaded.map((f) => f.message)).toEqual(local.map((f) => f.message));
    // Only pinned files were asked for, each once, by its hash.
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(new Set(server.requests).size).toBe(server.requests.length);
    for (const r of server.requests) expect(r).toMatch(/^\/[0-9a-f]{64}\/[\w.-]+\.xsd$/);
    const status = await engineFor(ctx.host).schemaStatus({ uri: file, languageId: 'xml', text }, ctx);
    expect(status?.detail).toMatch(/MsgHead-v1_2\.xsd — download cache/);
    // A new host with the mirror gone: the verified cache answers, the verdict is the same.
    const offline = await findings(text, file, setup({ mirror: 'http://127.0.0.1:9/' }));
    expect(summary(offline)).toEqual(summary(local));
  });

  it('a tampered file is refused: a warning on the root says why, nothing is validated or cached', async () => {
    const msghead = PINNED.find((e) => e.uri === 'http://www.kith.no/xmlstds/msghead/2006-05-24')!.schema!;
    const evil = await startSchemaServer();
    const original = readFileSync(path.join(FIXTURES, 'kith-core/MsgHead-v1_2.xsd'), 'latin1');
    // One changed fixed value: a file that would validate every message against the wrong MIGversion.
    const tampered = original.replace('fixed="v1.2 2006-05-24"', 'fixed="v1.3 2026-11-26"');
    expect(tampered).not.toBe(original);
    evil.set(`/${msghead.sha256}/${fileNameOf(msghead.url)}`, Buffer.from(tampered, 'latin1'));
    try {
      const text = '<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24"><MsgInfo/></MsgHead>';
      const found = await findings(text, '/tmp/x/msg.xml', setup({ mirror: evil.base }));
      expect(summary(found)).toEqual(summary([{ ruleId: 'xsd/download-failed', range: nameAfter(text, '<MsgHead') }] as never));
      expect(found[0]).toMatchObject({
        severity: 'warning',
        message: expect.stringMatching(
          /^No XSD for MsgHead 1\.2: the download of '.*MsgHead-v1_2\.xsd' was refused or failed \(its sha256 is not the pinned one: expected [0-9a-f]{16}…, got [0-9a-f]{16}…\)\.$/,
        ),
      });
      expect(readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.xsd'))).toEqual([]);
    } finally {
      await evil.close();
    }
  });

  it('a schema on disk wins: nothing is downloaded when the workspace has it', async () => {
    const { file, text } = instance('dialog-1.1-valid.xml');
    expect(await findings(text, file, setup({ schemaPaths: [path.join(FIXTURES, 'kith-core')] }))).toEqual([]);
    expect(server.requests).toEqual([]);
  });

  it("XML that is not NHN's never reaches the network, even with a remote schemaLocation", async () => {
    const pom = `<project xmlns="http://maven.apache.org/POM/4.0.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 ${server.base}/maven-4.0.0.xsd"><x/></project>`;
    expect(await findings(pom, '/tmp/pom.xml', setup())).toEqual([]);
    expect(server.requests).toEqual([]);
  });
});

describe('an http(s) xs:import with no pin (trust on first use)', () => {
  const importing = (url: string) =>
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:x="urn:example:remote" targetNamespace="urn:example:local" elementFormDefault="qualified">\n  <xs:import namespace="urn:example:remote" schemaLocation="${url}"/>\n  <xs:element name="Root"><xs:complexType><xs:sequence><xs:element ref="x:Remote"/></xs:sequence></xs:complexType></xs:element>\n</xs:schema>\n`;
  const remote =
    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:remote"><xs:element name="Remote" type="xs:string"/></xs:schema>';

  it('downloads off: the import is named as not fetched; on: fetched once, kept, and the schema compiles', async () => {
    server.set('/remote.xsd', remote);
    const url = `${server.base}/remote.xsd`;
    const text = importing(url);
    const file = path.join(cacheDir, 'local.xsd');
    const off = await findings(text, file, setup({ allow: false }));
    expect(off.map((f) => [f.ruleId, f.severity])).toContainEqual(['xsd/remote-not-fetched', 'info']);
    expect(server.requests).toEqual([]);
    const on = await findings(text, file, setup());
    expect(on.filter((f) => f.severity === 'error' || f.ruleId.startsWith('xsd/remote') || f.ruleId === 'xsd/download-failed')).toEqual([]);
    expect(server.requests).toEqual(['/remote.xsd']);
    // The server now answers with other bytes: the copy first seen is used, nothing is fetched again.
    server.set('/remote.xsd', remote.replace('xs:string', 'xs:int'));
    const again = await findings(text, file, setup());
    expect(again.filter((f) => f.severity === 'error')).toEqual([]);
    expect(server.requests).toEqual(['/remote.xsd']);
  });
});

describe('imports the labsvar schemas write badly resolve by namespace (svar-v1.4: file:kith.xsd, svar-v13: an http URL)', () => {
  const schema = (location: string) =>
    `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:kith="http://www.kith.no/xmlstds" targetNamespace="urn:example:labsvar-like" elementFormDefault="qualified">\n  <xs:import namespace="http://www.kith.no/xmlstds" schemaLocation="${location}"/>\n  <xs:element name="Svar"><xs:complexType><xs:sequence><xs:element name="Status" type="kith:CS"/></xs:sequence></xs:complexType></xs:element>\n</xs:schema>\n`;

  for (const location of ['file:kith.xsd', 'http://www.kith.no/xmlstds/kith.xsd']) {
    it(`schemaLocation="${location}": kith.xsd comes from its pin (downloads allowed), and kith:CS is enforced`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'nhn-svar-'));
      try {
        writeFileSync(path.join(dir, 'svar-like.xsd'), schema(location));
        const text = '<Svar xmlns="urn:example:labsvar-like"><Status V="1" DN="Endelig" Ekstra="x"/></Svar>';
        const found = await findings(text, path.join(dir, 'svar.xml'), setup({ schemaPaths: [dir] }));
        // The schema compiled (kith:CS resolved): the only finding is the attribute CS does not allow.
        expect(found.map((f) => f.ruleId)).toEqual(['xsd/unexpected-attribute']);
        const kith = PINNED.find((e) => e.uri === 'http://www.kith.no/xmlstds')!.schema!;
        expect(server.requests).toEqual([`/${kith.sha256}/${fileNameOf(kith.url)}`]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
