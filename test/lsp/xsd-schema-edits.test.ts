// Unsaved schema edits apply as you type: through the built server, an instance in a temp workspace is
// re-validated against the editor's text of its schema (never saved), and goes back when the edit is undone.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DidCloseTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { tempDir } from '../helpers/cli';
import { startServer, type LspSession } from '../helpers/lsp';
import { nameAfter } from '../xsd/helpers';

const xsdOnly = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('xsd/'));
const summary = (d: Diagnostic[]) => xsdOnly(d).map((x) => [x.code, x.range]);

const schema = (opts: { ns?: string; note?: string; id?: boolean } = {}) => `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${opts.ns ?? 'urn:nhn-integrator:test:order'}" elementFormDefault="qualified">
  <xs:element name="Order">
    <xs:complexType>
      <xs:sequence>
${opts.id === false ? '' : '        <xs:element name="Id" type="xs:string"/>\n'}        <xs:element name="Note" type="xs:string"${opts.note ?? ' minOccurs="0"'}/>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;
const INSTANCE = '<?xml version="1.0" encoding="UTF-8"?>\n<Order xmlns="urn:nhn-integrator:test:order">\n  <Id>A-1</Id>\n</Order>\n';

describe('editing a schema without saving it', () => {
  const tmp = tempDir();
  const xsdPath = path.join(tmp.dir, 'schemas', 'order.xsd');
  const xsdUri = pathToFileURL(xsdPath).href;
  const xmlUri = pathToFileURL(path.join(tmp.dir, 'order.xml')).href;
  let lsp: LspSession;
  let version = 1;
  const edit = (text: string) => lsp.change(xsdUri, ++version, [{ text }]);
  const next = (until: (d: Diagnostic[]) => boolean) => lsp.diagnostics(xmlUri, until, 20000);

  beforeAll(async () => {
    mkdirSync(path.dirname(xsdPath), { recursive: true });
    writeFileSync(xsdPath, schema());
    writeFileSync(path.join(tmp.dir, 'order.xml'), INSTANCE);
    lsp = await startServer({ settings: { today: '2026-11-26' }, workspaceFolders: [tmp.dir] });
    const valid = lsp.diagnostics(xmlUri);
    lsp.open(xsdUri, 'xml', schema());
    lsp.open(xmlUri, 'xml', INSTANCE);
    expect(xsdOnly(await valid)).toEqual([]);
  });
  afterAll(async () => {
    await lsp?.close();
    tmp.cleanup();
  });

  it('an element made required is reported missing, and not once the edit is undone', async () => {
    const missing = next((d) => xsdOnly(d).length > 0);
    edit(schema({ note: '' }));
    expect(summary(await missing)).toEqual([['xsd/missing-element', nameAfter(INSTANCE, '<Order')]]);
    const back = next((d) => xsdOnly(d).length === 0);
    edit(schema());
    expect(summary(await back)).toEqual([]);
  });

  it('an element removed from the schema is reported unexpected, and accepted again after undo', async () => {
    const unexpected = next((d) => xsdOnly(d).length > 0);
    edit(schema({ id: false }));
    expect(summary(await unexpected)).toEqual([['xsd/unexpected-element', nameAfter(INSTANCE, '<Id')]]);
    const back = next((d) => xsdOnly(d).length === 0);
    edit(schema());
    expect(summary(await back)).toEqual([]);
  });

  it('a changed targetNamespace rebinds the instance (index rebuilt), and binds it again after undo', async () => {
    // Note required under the old namespace: the error proves the schema applies.
    const missing = next((d) => xsdOnly(d).length > 0);
    edit(schema({ note: '' }));
    await missing;
    const unbound = next((d) => xsdOnly(d).length === 0);
    edit(schema({ note: '', ns: 'urn:nhn-integrator:test:other' }));
    expect(summary(await unbound)).toEqual([]);
    const again = next((d) => xsdOnly(d).length > 0);
    edit(schema({ note: '' }));
    expect(summary(await again)).toEqual([['xsd/missing-element', nameAfter(INSTANCE, '<Order')]]);
  });

  it('closing the schema without saving brings back the version on disk', async () => {
    const missing = next((d) => xsdOnly(d).length > 0);
    edit(schema({ note: '' }));
    await missing;
    const back = next((d) => xsdOnly(d).length === 0);
    await lsp.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: xsdUri } });
    expect(summary(await back)).toEqual([]);
  });

  it('never wrote the schema to disk', () => {
    expect(readFileSync(xsdPath, 'utf8')).toBe(schema());
  });
});
