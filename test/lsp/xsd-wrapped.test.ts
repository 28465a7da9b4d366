// Several messages in one EI_fellesformat through the built server (libxml2 in its worker): the second
// MsgHead's errors are published at their real positions.

import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp';
import { FIXTURES, inside, instance, nameAfter, SCHEMA_PATHS } from '../xsd/helpers';

const xsdOnly = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('xsd/'));
const body = (name: string) => instance(name).text.replace(/^<\?xml[^>]*>\n<!--[^>]*-->\n/, '');

describe('a wrapper with two MsgHeads through the language server', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26', xml: { schemaPaths: SCHEMA_PATHS } } });
  });
  afterAll(async () => lsp?.close());

  it("publishes the second message's errors, and a third message's after an edit", async () => {
    const uri = pathToFileURL(path.join(FIXTURES, '../fellesformat-two.xml')).href;
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n<EI_fellesformat xmlns="http://www.trygdeetaten.no/xml/eiff/1/">\n';
    const text = `${head}${body('apprec-1.1-valid.xml')}${body('dialog-1.1-invalid.xml')}</EI_fellesformat>\n`;
    const pending = lsp.diagnostics(uri, (d) => xsdOnly(d).length > 0);
    lsp.open(uri, 'xml', text);
    expect(xsdOnly(await pending).map((d) => [d.code, d.range])).toEqual([
      // On the wrapper: which messages were validated, and that EI_fellesformat itself was not.
      ['xsd/wrapped', nameAfter(text, '<EI_fellesformat')],
      ['xsd/unexpected-attribute', nameAfter(text, ' Prioritet')],
      ['xsd/fixed-value', inside(text, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25')],
      ['xsd/invalid-value', inside(text, '<GenDate>2026-11-31T10:00:00<', '2026-11-31T10:00:00')],
      ['xsd/invalid-value', inside(text, 'S="2.16.578.x"', '2.16.578.x')],
      ['xsd/unexpected-element', nameAfter(text, '<Tema')],
    ]);
    const third = body('apprec-1.1-invalid.xml');
    const edited = text.replace('</EI_fellesformat>', `${third}</EI_fellesformat>`);
    const next = lsp.diagnostics(uri, (d) => xsdOnly(d).length > 6);
    lsp.change(uri, 2, [{ text: edited }]);
    expect(
      xsdOnly(await next)
        .map((d) => [d.code, d.range])
        .slice(6),
    ).toEqual([
      ['xsd/invalid-value', inside(edited, '<GenDate>i dag<', 'i dag')],
      ['xsd/unexpected-element', nameAfter(edited, '<Error')],
    ]);
  });
});
