// The completion/hover model beyond plain content models: substitution groups (an abstract head offers
// its members, a member has its own declaration) and xsi:type (the derived type's content, its bases'
// included; derived types offered as values). Over the real kith.xsd (kith:base → kith:ED → kith:TN) and a
// real NAV Dialogmelding that sets xsi:type; validity checked by libxml2 and native xmllint.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzed } from '../../server/src/engine/core/document';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { xsdParticipant } from '../../server/src/engine/xsd/participant';
import { createHost } from '../../server/src/host/resolvers';
import { tempDir } from '../helpers/cli';
import { context } from '../helpers/engine';
import { FIXTURES, nameAfter, summary, xmllintValid, xsdFindings } from './helpers';

const PATHS = [path.join(__dirname, 'schemas/model'), path.join(FIXTURES, 'felleskomponenter')];
const ctx = context({ host: { ...createHost(), xsd: new LibxmlXsdService() }, settings: { schemaPaths: PATHS } });
const FILE = path.join(__dirname, 'schemas/model/forsendelse.xml');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const FORSENDELSE = `<?xml version="1.0" encoding="UTF-8"?>
<Forsendelse xmlns="urn:nhn-integrator:test:forsendelse" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <Henvisning>
    <Id>1</Id>
    <Arsak>Brystsmerter</Arsak>
  </Henvisning>
  <Poliklinisk>
    <Id>2</Id>
    <Utskrevet>2026-11-26</Utskrevet>
  </Poliklinisk>
  <Vedlegg xmlns:kith="http://www.kith.no/xmlstds" xsi:type="kith:TN" kith:COMPN="GZ">Tekst<kith:REF V="http://example.org/v"/></Vedlegg>
  <Innhold xmlns:kith="http://www.kith.no/xmlstds" xsi:type="kith:ED" kith:MT="text/plain">Hei</Innhold>
</Forsendelse>
`;

function offsetOf(text: string, needle: string, delta = needle.length) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not found`);
  return i + delta;
}

const complete = (text: string, offset: number) => xsdParticipant.complete!(analyzed({ uri: FILE, languageId: 'xml', text }), offset, ctx);
const hover = (text: string, offset: number) => xsdParticipant.hover!(analyzed({ uri: FILE, languageId: 'xml', text }), offset, ctx);

describe('the instance is what libxml2 and xmllint accept', () => {
  it('valid as written; a member missing its own child is reported on the member', async () => {
    expect(await xsdFindings(FORSENDELSE, FILE, PATHS)).toEqual([]);
    const broken = FORSENDELSE.replace('<Arsak>Brystsmerter</Arsak>', '');
    expect(summary(await xsdFindings(broken, FILE, PATHS))).toEqual(
      summary([{ ruleId: 'xsd/missing-element', range: nameAfter(broken, '<Henvisning') }] as never),
    );
    const native = await xmllintValid(FORSENDELSE, FILE, path.join(tmp.dir, 'valid'), PATHS);
    if (native === undefined && !process.env.CI) return;
    expect(native).toBe(true);
    expect(await xmllintValid(broken, FILE, path.join(tmp.dir, 'broken'), PATHS)).toBe(false);
  });
});

describe('substitution groups', () => {
  it('where the abstract head is referenced, its members are offered (a member of a member too), never the head', async () => {
    const text = FORSENDELSE.replace('  <Vedlegg', '  <\n  <Vedlegg');
    const items = await complete(text, offsetOf(text, '</Poliklinisk>\n  <'));
    expect(items.map((i) => i.label)).toEqual(['Henvisning', 'Epikrise', 'Poliklinisk', 'Vedlegg', 'Innhold']);
    expect(items.find((i) => i.label === 'Henvisning')).toMatchObject({
      documentation: 'Henvisning til spesialisthelsetjenesten.',
      detail: 'complex (anonymous)',
    });
  });

  it('a member completes and hovers by its own declaration', async () => {
    const text = FORSENDELSE.replace('<Utskrevet>2026-11-26</Utskrevet>', '<Utskrevet>2026-11-26</Utskrevet>\n    <');
    const inPoliklinisk = await complete(text, offsetOf(text, '</Utskrevet>\n    <'));
    expect(inPoliklinisk.map((i) => i.label)).toEqual(['Id', 'Utskrevet']);
    const onMember = await hover(FORSENDELSE, offsetOf(FORSENDELSE, '<Poliklinisk', 2));
    expect(onMember).toBe('**Poliklinisk** — Type: `f:Epikrise`\n\nPoliklinisk notat: en epikrise uten innleggelse.');
    // A member's own children are found through it (a member is global, its children are not).
    expect(await hover(FORSENDELSE, offsetOf(FORSENDELSE, '<Utskrevet', 2))).toBe('**Utskrevet** — Type: `xs:date`');
    const inHenvisning = FORSENDELSE.replace('<Arsak>', '<\n<Arsak>');
    expect((await complete(inHenvisning, offsetOf(inHenvisning, '<\n<Arsak>', 1))).map((i) => i.label)).toEqual(['Id', 'Arsak']);
  });
});

describe('xsi:type', () => {
  it("an element with xsi:type completes by the derived type: kith:TN's REF child and its bases' attributes", async () => {
    const children = FORSENDELSE.replace('Tekst<kith:REF', 'Tekst<');
    expect((await complete(children, offsetOf(children, 'Tekst<'))).map((i) => [i.label, i.insertText])).toEqual([['kith:REF', '<kith:REF>$1</kith:REF>']]);
    const attrs = FORSENDELSE.replace(' kith:COMPN="GZ"', ' ');
    const at = offsetOf(attrs, 'xsi:type="kith:TN" ');
    expect((await complete(attrs, at)).map((i) => i.label)).toEqual(['kith:MT', 'kith:COMPN', 'kith:IC', 'kith:ICA', 'kith:NULL']);
    // Without xsi:type the declared kith:ED has only MT, and the derived types can be chosen.
    const declared = attrs.replace(' xsi:type="kith:TN"', '');
    const plain = await complete(declared, offsetOf(declared, 'xmlns:kith="http://www.kith.no/xmlstds" ', undefined));
    expect(plain.map((i) => i.label)).toEqual(['kith:MT', 'xsi:type']);
  });

  it('hover names the xsi:type; the value completes to the declared type and its derivations (abstract ones left out)', async () => {
    expect(await hover(FORSENDELSE, offsetOf(FORSENDELSE, '<Vedlegg', 2))).toBe('**Vedlegg** — Type: `kith:TN (xsi:type)`');
    const text = FORSENDELSE.replace('xsi:type="kith:ED"', 'xsi:type=""');
    const at = offsetOf(text, '<Innhold xmlns:kith="http://www.kith.no/xmlstds" xsi:type="');
    expect((await complete(text, at)).map((i) => [i.label, i.replace])).toEqual([
      ['kith:ED', { start: at, end: at }],
      ['kith:TN', { start: at, end: at }],
    ]);
  });

  it('a derived type whose namespace has no prefix in scope brings its xmlns declaration along', async () => {
    const text = FORSENDELSE.replace('<Innhold xmlns:kith="http://www.kith.no/xmlstds" xsi:type="kith:ED" kith:MT="text/plain">', '<Innhold xsi:type="">');
    const at = offsetOf(text, '<Innhold xsi:type="');
    const nameEnd = offsetOf(text, '<Innhold');
    expect(await complete(text, at)).toEqual([
      {
        label: 'kith:ED',
        kind: 'value',
        detail: 'xsi:type',
        documentation: undefined,
        replace: { start: at, end: at },
        additionalEdits: [{ start: nameEnd, end: nameEnd, newText: ' xmlns:kith="http://www.kith.no/xmlstds"' }],
      },
      {
        label: 'kith:TN',
        kind: 'value',
        detail: 'xsi:type',
        documentation: undefined,
        replace: { start: at, end: at },
        additionalEdits: [{ start: nameEnd, end: nameEnd, newText: ' xmlns:kith="http://www.kith.no/xmlstds"' }],
      },
    ]);
  });

  it('xsi:type itself is offered with its namespace declaration when xsi is not declared', async () => {
    const text = FORSENDELSE.replace(' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"', '').replace(
      '<Innhold xmlns:kith="http://www.kith.no/xmlstds" xsi:type="kith:ED" kith:MT="text/plain">',
      '<Innhold >',
    );
    const at = offsetOf(text, '<Innhold ');
    const nameEnd = offsetOf(text, '<Innhold');
    const items = await complete(text, at);
    expect(items.find((i) => i.detail === 'xsi:type')).toEqual({
      label: 'xsi:type',
      kind: 'attribute',
      insertText: 'xsi:type="$1"',
      snippet: true,
      detail: 'xsi:type',
      replace: { start: at, end: at },
      additionalEdits: [{ start: nameEnd, end: nameEnd, newText: ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' }],
    });
  });

  it('a real NAV Dialogmelding 1.0 (xsi:type="xsd:string" on anyType TekstNotatInnhold): hover names the chosen type', async () => {
    const file = path.join(FIXTURES, '../real-world/navikt/padm2/src/test/resources/dialogmelding_dialog_notat_dnr.xml');
    const text = new TextDecoder('windows-1252').decode(readFileSync(file));
    const real = context({
      host: { ...createHost(), xsd: new LibxmlXsdService() },
      settings: { schemaPaths: ['kith-core', 'felleskomponenter'].map((d) => path.join(FIXTURES, d)) },
    });
    const doc = analyzed({ uri: file, languageId: 'xml', text });
    const onName = await xsdParticipant.hover!(doc, offsetOf(text, '<TekstNotatInnhold', 3), real);
    expect(onName).toMatch(/^\*\*TekstNotatInnhold\*\* — Type: `xsd:string \(xsi:type\)`/);
  });
});
