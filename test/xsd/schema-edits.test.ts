// The engine side of unsaved schema edits: the index reads open schemas from `openText`, an edit drops
// only what was built from that file (no index rebuild, no folder listing) unless its targetNamespace
// changed, and names the documents that used it. Real libxml2 (in-process), real files in a temp folder.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze, createChecks, type EngineHost } from '../../server/src/engine';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { createHost } from '../../server/src/host/resolvers';
import { tempDir } from '../helpers/cli';
import { context, engineFor } from '../helpers/engine';
import { nameAfter } from './helpers';

const SCHEMA = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t:order" elementFormDefault="qualified">
  <xs:element name="Order"><xs:complexType><xs:sequence>
    <xs:element name="Id" type="xs:string"/><xs:element name="Note" type="xs:string" minOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const INSTANCE = '<Order xmlns="urn:t:order">\n  <Id>A-1</Id>\n</Order>';

describe('schema edits in the engine', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const xsd = path.join(tmp.dir, 'xsd', 'order.xsd');
  const xml = path.join(tmp.dir, 'order.xml');
  mkdirSync(path.dirname(xsd), { recursive: true });
  writeFileSync(xsd, SCHEMA);
  const open = new Map<string, string>();
  const base = createHost();
  let listings = 0;
  const host: EngineHost = {
    ...base,
    xsd: new LibxmlXsdService(),
    workspaceFolders: () => [tmp.dir],
    listFiles: (dir: string, ext: string[]) => (listings++, base.listFiles(dir, ext)),
    openText: (p: string) => open.get(p),
  };
  const check = async () =>
    (await analyze({ uri: xml, languageId: 'xml', text: INSTANCE }, context({ host }), createChecks())).findings
      .filter((f) => f.ruleId.startsWith('xsd/'))
      .map((f) => [f.ruleId, f.range]);

  it('validates against the editor text after an edit, without listing folders again', async () => {
    expect(await check()).toEqual([]);
    const listed = listings;
    open.set(xsd, SCHEMA.replace(' minOccurs="0"', ''));
    expect(await engineFor(host).schemaTextChanged(xsd)).toEqual({ rebuilt: false, dependents: [xml] });
    expect(await check()).toEqual([['xsd/missing-element', nameAfter(INSTANCE, '<Order')]]);
    open.delete(xsd);
    await engineFor(host).schemaTextChanged(xsd);
    expect(await check()).toEqual([]);
    expect(listings).toBe(listed);
  });

  it('rebuilds the index when the edit changes the targetNamespace', async () => {
    const listed = listings;
    open.set(xsd, SCHEMA.replace('urn:t:order', 'urn:t:other'));
    expect(await engineFor(host).schemaTextChanged(xsd)).toMatchObject({ rebuilt: true });
    expect(await check()).toEqual([]);
    expect(listings).toBe(listed + 1);
    open.set(xsd, SCHEMA.replace(' minOccurs="0"', ''));
    expect(await engineFor(host).schemaTextChanged(xsd)).toMatchObject({ rebuilt: true });
    expect(await check()).toEqual([['xsd/missing-element', nameAfter(INSTANCE, '<Order')]]);
  });
});
