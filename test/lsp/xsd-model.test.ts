// Substitution groups and xsi:type through the built server: completion items (with the xmlns
// declaration a derived type's QName needs as an additional edit) and hover.

import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, HoverRequest, type CompletionItem, type Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { positionOf } from '../helpers/engine';
import { FIXTURES } from '../xsd/helpers';

const PATHS = [path.join(__dirname, '../xsd/schemas/model'), path.join(FIXTURES, 'felleskomponenter')];
const TEXT = `<?xml version="1.0" encoding="UTF-8"?>
<Forsendelse xmlns="urn:nhn-integrator:test:forsendelse">
  <Epikrise>
    <Id>1</Id>
    <Utskrevet>2026-11-26</Utskrevet>
  </Epikrise>
  
  <Innhold xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="">Hei</Innhold>
</Forsendelse>
`;

describe('substitution groups and xsi:type through the language server', () => {
  let lsp: LspSession;
  let initial: Diagnostic[] = [];
  const uri = pathToFileURL(path.join(__dirname, '../xsd/schemas/model/lsp.xml')).href;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26', xml: { schemaPaths: PATHS } } });
    const first = lsp.diagnostics(uri);
    lsp.open(uri, 'xml', TEXT);
    initial = await first;
  });
  afterAll(async () => lsp?.close());

  it('offers the members of the abstract head, not the head', async () => {
    const position = { line: 6, character: 2 };
    const items = (await lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['Henvisning', 'Epikrise', 'Poliklinisk', 'Vedlegg', 'Innhold']);
  });

  it("completes xsi:type with KITH's derived types, adding xmlns:kith, and the result validates", async () => {
    const position = { ...positionOf(TEXT, 'xsi:type=""'), character: positionOf(TEXT, 'xsi:type=""').character + 'xsi:type="'.length };
    const items = (await lsp.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionItem[];
    expect(items.map((i) => i.label)).toEqual(['kith:ED', 'kith:TN']);
    const tn = items[1];
    const edited = applyEdits(TEXT, [tn.textEdit as never, ...(tn.additionalTextEdits ?? [])]);
    expect(edited).toContain(
      '<Innhold xmlns:kith="http://www.kith.no/xmlstds" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="kith:TN">Hei</Innhold>',
    );
    // The empty xsi:type is libxml2's error; the completed one validates.
    expect(initial.filter((d) => String(d.code).startsWith('xsd/')).map((d) => [d.code, d.range.start.line])).toEqual([
      ['xsd/invalid', 7],
      ['xsd/invalid-value', 7],
    ]);
    const next = lsp.diagnostics(uri, () => lsp.version(uri) === 2);
    lsp.change(uri, 2, [{ text: edited }]);
    expect((await next).filter((d) => String(d.code).startsWith('xsd/'))).toEqual([]);
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(edited, 'Innhold xmlns:kith') });
    expect((hover!.contents as { value: string }).value).toContain('**Innhold** — Type: `kith:TN (xsi:type)`');
  });
});
