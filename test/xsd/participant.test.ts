// Completion and hover from the compiled schema set, on the engine (the LSP test drives the same
// through the real server).

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzed } from '../../server/src/engine/core/document';
import { xsdParticipant } from '../../server/src/engine/xsd/participant';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { createHost } from '../../server/src/host/resolvers';
import { context } from '../helpers/engine';
import { instance, SCHEMA_PATHS } from './helpers';

const ctx = context({ host: { ...createHost(), xsd: new LibxmlXsdService() }, settings: { schemaPaths: SCHEMA_PATHS } });

function at(text: string, needle: string, delta = 0) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return i + delta;
}

describe('completion', () => {
  it('child elements of a Dialogmelding Notat inside a MsgHead, in schema order, as snippets', async () => {
    const { file, text } = instance('dialog-1.1-valid.xml');
    const edited = text.replace('<Tema>Ettersending</Tema>', '<Tema>Ettersending</Tema>\n            <');
    const offset = at(edited, '<Tema>Ettersending</Tema>\n            <', '<Tema>Ettersending</Tema>\n            <'.length);
    const items = await xsdParticipant.complete!(analyzed({ uri: file, languageId: 'xml', text: edited }), offset, ctx);
    expect(items.map((i) => i.label).slice(0, 3)).toEqual(['TemaKodet', 'Tema', 'TekstNotatInnhold']);
    expect(items[0]).toMatchObject({
      kind: 'element',
      insertText: '<TemaKodet>$1</TemaKodet>',
      snippet: true,
      detail: 'kith:CV',
      replace: { start: offset - 1, end: offset },
    });
  });

  it('attributes of an element, leaving out those already there', async () => {
    const { file, text } = instance('dialog-1.1-valid.xml');
    const edited = text.replace('<Type V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/>', '<Type V="DIALOG_HELSEFAGLIG" />');
    const offset = at(edited, '<Type V="DIALOG_HELSEFAGLIG" ', '<Type V="DIALOG_HELSEFAGLIG" '.length);
    const items = await xsdParticipant.complete!(analyzed({ uri: file, languageId: 'xml', text: edited }), offset, ctx);
    expect(items.map((i) => i.label)).toEqual(['DN']); // mh:CS has V and DN
  });

  it('enumerated values of an attribute and of an element', async () => {
    const file = path.join(__dirname, 'schemas/priority.xml');
    const text = '<Priority xmlns="urn:nhn-integrator:test:priority" scale="">\n  <Level></Level>\n</Priority>';
    const doc = analyzed({ uri: file, languageId: 'xml', text });
    const ctx = context({ host: { ...createHost(), xsd: new LibxmlXsdService() }, settings: { schemaPaths: [path.join(__dirname, 'schemas')] } });
    const inAttr = at(text, 'scale="', 'scale="'.length);
    expect(await xsdParticipant.complete!(doc, inAttr, ctx)).toEqual([
      { label: 'hours', kind: 'value', replace: { start: inAttr, end: inAttr } },
      { label: 'days', kind: 'value', replace: { start: inAttr, end: inAttr } },
    ]);
    const inText = at(text, '<Level>', '<Level>'.length);
    expect((await xsdParticipant.complete!(doc, inText, ctx)).map((i) => i.label)).toEqual(['Normal', 'Haster', 'Akutt']);
  });
});

describe('hover', () => {
  it('an element: its type and Norwegian documentation; the root: the schema that won', async () => {
    const { file, text } = instance('dialog-1.1-valid.xml');
    const doc = analyzed({ uri: file, languageId: 'xml', text });
    const onDialog = await xsdParticipant.hover!(doc, at(text, '<Dialogmelding', 3), ctx);
    expect(onDialog).toContain('**Dialogmelding**');
    expect(onDialog).toContain('En instans kan inneholde en eller flere forespørsler');
    expect(onDialog).toContain('kith-core/dialogmelding-v1.1.xsd');
    const onRoot = await xsdParticipant.hover!(doc, at(text, '<MsgHead', 2), ctx);
    expect(onRoot).toMatch(/Schema \(MsgHead 1\.2\): `.*kith-core\/MsgHead-v1_2\.xsd` — nhn\.xml\.schemaPaths/);
    const onAttr = await xsdParticipant.hover!(doc, at(text, 'DN="Helsefaglig dialog"', 1), ctx);
    expect(onAttr).toMatch(/^\*\*DN\*\* \(attribute\) — Type: `string`/);
  });
});

describe('completion in an empty document', () => {
  it('offers the root elements of the current NHN messages that have schemas, with their namespace', async () => {
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n<';
    const items = await xsdParticipant.complete!(analyzed({ uri: '/tmp/new.xml', languageId: 'xml', text }), text.length, ctx);
    const msgHead = items.find((i) => i.label === 'MsgHead')!;
    expect(msgHead).toMatchObject({
      detail: 'MsgHead 1.2',
      insertText: '<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">$1</MsgHead>',
      replace: { start: text.length - 1, end: text.length },
    });
    expect(items.map((i) => i.label)).toEqual(expect.arrayContaining(['AppRec', 'Dialogmelding']));
    // Superseded versions are not offered for new documents.
    expect(items.filter((i) => i.label === 'Dialogmelding').map((i) => i.detail)).toEqual(['Dialogmelding 1.1']);
  });
});
