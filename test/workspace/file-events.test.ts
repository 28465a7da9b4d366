// The workspace indexes through the real server (dist/server.js over LSP) on a real folder: a storm of
// 1 000 one-file `didChangeWatchedFiles` notifications ends in one revalidation with the schema written
// last; a gitignored build/ copy of a schema never wins, not even when an event names it; a new,
// changed or removed XSD updates the index file by file; one walk feeds the XSD and FHIR indexes.
// Counters come from the server (`nhn/workspaceIndex`): no timing is asserted beyond a generous bound.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DidChangeWatchedFilesNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { tempDir } from '../helpers/cli';
import { startServer, type LspSession } from '../helpers/lsp';

const NS = 'urn:t:order';
const schema = (noteRequired: boolean) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${NS}" elementFormDefault="qualified">
  <xs:element name="Order"><xs:complexType><xs:sequence>
    <xs:element name="Id" type="xs:string"/><xs:element name="Note" type="xs:string"${noteRequired ? '' : ' minOccurs="0"'}/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const other = (i: number, ns = `urn:t:other:${i}`) =>
  `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${ns}"><xs:element name="E${i}" type="xs:string"/></xs:schema>`;
const MESSAGE = `<Order xmlns="${NS}">\n  <Id>A-1</Id>\n</Order>`;

interface Stats {
  walks: number;
  events: number;
  batches: number;
  schemas: { builds: number; updates: number; reads: number };
  profiles?: { builds: number; updates: number; reads: number };
}

const xsdCodes = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('xsd/')).map((x) => x.code);
const missingNote = (d: Diagnostic[]) => xsdCodes(d).includes('xsd/missing-element');

function workspace(dir: string) {
  const put = (rel: string, text: string) => {
    const f = path.join(dir, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, text);
    return f;
  };
  put('.gitignore', 'build/\n');
  const order = put('schemas/order.xsd', schema(false));
  // A generated copy that requires Note: its path sorts first, so it would win the tie if it were indexed.
  const copy = put('build/schemas/order.xsd', schema(true));
  const others = Array.from({ length: 50 }, (_, i) => put(`contracts/c${i}.xsd`, other(i)));
  const message = put('messages/order.xml', MESSAGE);
  return { put, order, copy, others, message };
}

function notify(lsp: LspSession, file: string, type: FileChangeType): void {
  void lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).href, type }] });
}

const stats = (lsp: LspSession) => lsp.connection.sendRequest('nhn/workspaceIndex') as Promise<Stats>;

// Each test starts a server and indexes a folder: generous on a busy 2-core machine (no timing is asserted).
describe('workspace indexes over LSP', { timeout: 180_000 }, () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('a storm of 1 000 one-file events: one rebuild-free update, the document revalidated with the last schema', async () => {
    const dir = path.join(tmp.dir, 'storm');
    const ws = workspace(dir);
    const lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [dir] });
    try {
      const uri = pathToFileURL(ws.message).href;
      const first = lsp.diagnostics(uri);
      lsp.open(uri, 'xml', MESSAGE);
      // The build/ copy (Note required) is not indexed: the message is valid against schemas/order.xsd.
      expect(xsdCodes(await first)).toEqual([]);
      const before = await stats(lsp);
      expect(before).toMatchObject({ walks: 1, schemas: { builds: 1 } });

      let published = 0;
      const settled = lsp.diagnostics(uri, (d) => (published++, missingNote(d)), 60_000);
      for (let i = 0; i < 999; i++) {
        const f = ws.others[i % ws.others.length];
        writeFileSync(f, other(i % ws.others.length));
        notify(lsp, f, FileChangeType.Changed);
      }
      notify(lsp, ws.copy, FileChangeType.Changed); // ignored: never indexed, never wins
      writeFileSync(ws.order, schema(true));
      notify(lsp, ws.order, FileChangeType.Changed);
      expect(xsdCodes(await settled)).toEqual(['xsd/missing-element']);
      const after = await stats(lsp);
      expect(after.events - before.events).toBe(1001);
      // Coalesced: a handful of batches (the storm may straddle the 1 s max wait), one revalidation each at most.
      expect(after.batches - before.batches).toBeLessThanOrEqual(4);
      expect(published).toBeLessThanOrEqual(after.batches - before.batches);
      // No rebuild, no walk: the 51 files of the batches were read again, one by one.
      expect(after.walks).toBe(1);
      expect(after.schemas.builds).toBe(1);
      expect(after.schemas.updates - before.schemas.updates).toBeGreaterThanOrEqual(51);
      expect(after.schemas.updates - before.schemas.updates).toBeLessThanOrEqual(51 * (after.batches - before.batches));
    } finally {
      await lsp.close();
    }
  });

  it('a new, changed and removed XSD update the index file by file; a gitignored copy stays out', async () => {
    const dir = path.join(tmp.dir, 'incremental');
    const ws = workspace(dir);
    const lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [dir] });
    try {
      const file = path.join(dir, 'messages', 'note.xml');
      const uri = pathToFileURL(file).href;
      const text = '<Note xmlns="urn:t:note"><Text>x</Text></Note>';
      const first = lsp.diagnostics(uri);
      lsp.open(uri, 'xml', text);
      expect(xsdCodes(await first)).toEqual([]);
      const base = await stats(lsp);

      // A schema appears in build/ first: ignored.
      ws.put(
        'build/note.xsd',
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t:note" elementFormDefault="qualified"><xs:element name="Note"/></xs:schema>`,
      );
      notify(lsp, path.join(dir, 'build/note.xsd'), FileChangeType.Created);
      expect(await stats(lsp)).toMatchObject({ schemas: { builds: 1, updates: base.schemas.updates } });

      const xsd = ws.put(
        'schemas/note.xsd',
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t:note" elementFormDefault="qualified">
  <xs:element name="Note"><xs:complexType><xs:sequence><xs:element name="Text" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
      );
      let next = lsp.diagnostics(uri, (d) => xsdCodes(d).length > 0);
      notify(lsp, xsd, FileChangeType.Created);
      expect(xsdCodes(await next)).toEqual(['xsd/invalid-value']);
      expect(await stats(lsp)).toMatchObject({ walks: 1, schemas: { builds: 1, updates: base.schemas.updates + 1 } });

      writeFileSync(
        xsd,
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t:note" elementFormDefault="qualified">
  <xs:element name="Note"><xs:complexType><xs:sequence><xs:element name="Text" type="xs:string"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
      );
      next = lsp.diagnostics(uri, (d) => xsdCodes(d).length === 0);
      notify(lsp, xsd, FileChangeType.Changed);
      await next;
      expect(await stats(lsp)).toMatchObject({ walks: 1, schemas: { builds: 1, updates: base.schemas.updates + 2 } });

      writeFileSync(
        xsd,
        `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t:note" elementFormDefault="qualified">
  <xs:element name="Note"><xs:complexType><xs:sequence><xs:element name="Text" type="xs:int"/></xs:sequence></xs:complexType></xs:element>
</xs:schema>`,
      );
      next = lsp.diagnostics(uri, (d) => xsdCodes(d).length > 0);
      notify(lsp, xsd, FileChangeType.Changed);
      expect(xsdCodes(await next)).toEqual(['xsd/invalid-value']);

      // Removed: the namespace has no schema again (the build/ copy still does not count).
      rmSync(xsd);
      next = lsp.diagnostics(uri, (d) => xsdCodes(d).length === 0);
      notify(lsp, xsd, FileChangeType.Deleted);
      await next;
      const end = await stats(lsp);
      expect(end).toMatchObject({ walks: 1, schemas: { builds: 1 } });
      expect(end.schemas.updates).toBe(base.schemas.updates + 3);
    } finally {
      await lsp.close();
    }
  });

  it('one walk feeds the XSD and the FHIR profile index; FHIR checks do not walk again', async () => {
    const dir = path.join(tmp.dir, 'fhir');
    const ws = workspace(dir);
    const profileUrl = 'http://example.test/StructureDefinition/order-patient';
    const profile = (status: string) =>
      JSON.stringify({
        resourceType: 'StructureDefinition',
        url: profileUrl,
        name: 'OrderPatient',
        status,
        kind: 'resource',
        abstract: false,
        type: 'Patient',
        baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Patient',
        derivation: 'constraint',
        differential: {
          element: [
            { id: 'Patient', path: 'Patient' },
            { id: 'Patient.gender', path: 'Patient.gender', min: 1 },
          ],
        },
      });
    const sd = ws.put('fhir/StructureDefinition-order-patient.json', profile('draft'));
    const lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [dir] });
    try {
      const xml = pathToFileURL(ws.message).href;
      const first = lsp.diagnostics(xml);
      lsp.open(xml, 'xml', MESSAGE);
      await first;
      const patient = pathToFileURL(path.join(dir, 'data', 'patient.json')).href;
      const text = (v: number) => JSON.stringify({ resourceType: 'Patient', id: `p${v}`, meta: { profile: [profileUrl] } }, null, 2);
      const fhirCodes = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('fhir/')).map((x) => x.code);
      let pub = lsp.diagnostics(patient);
      lsp.open(patient, 'json', text(1));
      const withProfile = fhirCodes(await pub);
      expect(withProfile.length).toBeGreaterThan(0); // gender is required by the workspace profile
      expect(withProfile).not.toContain('fhir/unknown-profile');
      for (let v = 2; v <= 4; v++) {
        pub = lsp.diagnostics(patient);
        lsp.change(patient, v, [{ text: text(v) }]);
        await pub;
      }
      const s = await stats(lsp);
      expect(s.walks).toBe(1);
      expect(s.profiles).toMatchObject({ builds: 1 });
      // The profile is removed: one update, no walk, and the profile is unknown now.
      rmSync(sd);
      pub = lsp.diagnostics(patient, (d) => fhirCodes(d).includes('fhir/unknown-profile'));
      notify(lsp, sd, FileChangeType.Deleted);
      await pub;
      expect(await stats(lsp)).toMatchObject({ walks: 1, profiles: { builds: 1 } });
    } finally {
      await lsp.close();
    }
  });
});
