import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attribute, childElements, elementAt, elements, parseXml, textOf } from '../../server/src/engine/xml/parse';
import { findingsFor, rangeOf } from '../helpers/engine';

const span = (text: string, needle: string, occurrence = 0) => {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  return [at, at + needle.length];
};

describe('XML parser: tree and positions', () => {
  const text = `<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <MsgInfo><Type V="DIALOG_INNBYGGER_OPPGAVE" DN="Oppgave &amp; svar"/><MIGversion>v1.2 2006-05-24</MIGversion></MsgInfo>
  <!-- a comment -->
  <Document><RefDoc><Content><![CDATA[<x/>]]></Content></RefDoc></Document>
</MsgHead>`;
  const doc = parseXml(text);

  it('builds the tree with namespaces', () => {
    expect(doc.errors).toEqual([]);
    expect(doc.declaration).toMatchObject({ version: '1.0', encoding: 'UTF-8' });
    expect(doc.root?.local).toBe('MsgHead');
    expect(doc.root?.ns).toBe('http://www.kith.no/xmlstds/msghead/2006-05-24');
    const type = childElements(childElements(doc.root!, 'MsgInfo')[0], 'Type')[0];
    expect(type.ns).toBe(doc.root!.ns);
    expect(attribute(type, 'DN')?.value).toBe('Oppgave & svar');
    expect(attribute(type, 'V')?.ns).toBeUndefined();
    expect(textOf(childElements(childElements(doc.root!, 'MsgInfo')[0], 'MIGversion')[0])).toBe('v1.2 2006-05-24');
    expect([...elements(doc.root)].map((e) => e.local)).toEqual(['MsgHead', 'MsgInfo', 'Type', 'MIGversion', 'Document', 'RefDoc', 'Content']);
  });

  it('gives exact spans for names, attribute values and elements', () => {
    const type = [...elements(doc.root)].find((e) => e.local === 'Type')!;
    const v = attribute(type, 'V')!;
    expect([v.valueStart, v.valueEnd]).toEqual(span(text, 'DIALOG_INNBYGGER_OPPGAVE'));
    expect([v.nameStart, v.nameEnd]).toEqual(span(text, 'V="')?.map((n, i) => (i ? n - 2 : n)));
    expect([type.nameStart, type.nameEnd]).toEqual(span(text, 'Type'));
    const info = [...elements(doc.root)].find((e) => e.local === 'MsgInfo')!;
    expect(text.slice(info.start, info.end)).toMatch(/^<MsgInfo>.*<\/MsgInfo>$/);
    expect(elementAt(doc.root, span(text, 'v1.2')[0])?.local).toBe('MIGversion');
    const content = [...elements(doc.root)].find((e) => e.local === 'Content')!;
    expect(content.children[0]).toMatchObject({ kind: 'cdata', value: '<x/>' });
  });

  it('survives 100 000 nested levels without recursion', () => {
    const deep = '<a>'.repeat(100_000) + '</a>'.repeat(100_000);
    const d = parseXml(deep);
    expect(d.errors).toEqual([]);
    expect([...elements(d.root)].length).toBe(100_000);
  });
});

describe('XML parser: errors at exact spans, and recovery', () => {
  const cases: Array<[string, string, string, string]> = [
    ['mismatched end tag', '<a><b></c></a>', 'unexpected-end-tag', 'c'],
    ['unclosed element', '<a><b></a>', 'unclosed-element', 'b'],
    ['unclosed root', '<root><x/>', 'unclosed-element', 'root'],
    ['duplicate attribute', '<a x="1" x="2"/>', 'duplicate-attribute', 'x'],
    ['unquoted value', '<a x=1/>', 'unquoted-attribute-value', '1'],
    ['bare ampersand', '<a>fish & chips</a>', 'unescaped-ampersand', '&'],
    ['undefined entity', '<a>&nbsp;</a>', 'undefined-entity', '&nbsp;'],
    ['undeclared prefix', '<k:a/>', 'undeclared-prefix', 'k'],
    ['two roots', '<a/><b/>', 'multiple-roots', 'b'],
    ['text after root', '<a/>trailing', 'text-outside-root', 'trailing'],
    ['control char', '<a>x\u0001y</a>', 'invalid-character', '\u0001'],
    ['late declaration', ' <?xml version="1.0"?><a/>', 'misplaced-declaration', '<?xml'],
    ['stray <', '<a>1 < 2</a>', 'unescaped-lt', '<'],
    ['double hyphen in comment', '<a><!-- x -- y --></a>', 'double-hyphen-in-comment', '--'],
  ];
  for (const [title, text, code, needle] of cases) {
    it(title, () => {
      const d = parseXml(text);
      const e = d.errors.find((x) => x.code === code);
      expect(e, JSON.stringify(d.errors)).toBeDefined();
      const occurrence = needle === '<' || needle === '--' ? 1 : needle === 'x' && code === 'duplicate-attribute' ? 1 : 0;
      expect([e!.start, e!.end]).toEqual(span(text, needle, occurrence));
    });
  }

  it('keeps the rest of the tree after an error', () => {
    const d = parseXml('<a><b attr="x></b><c V="ok"/></a>');
    expect(d.errors.map((e) => e.code)).toContain('unterminated-attribute-value');
    expect([...elements(d.root)].some((e) => e.local === 'c')).toBe(true);
  });

  it('never expands DTD entities (XXE, billion laughs)', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    const d = parseXml(lol);
    expect(d.doctype?.hasInternalSubset).toBe(true);
    expect(d.errors.map((e) => e.code)).toEqual(['entity-not-expanded']);
    expect(textOf(d.root!)).toBe('');
    const xxe = parseXml('<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>');
    expect(textOf(xxe.root!)).not.toContain('root:');
    expect(parseXml('<!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a/>').doctype?.external).toBe('http://example.invalid/a.dtd');
  });

  it('never throws on truncations of a real message', () => {
    const text = '<?xml version="1.0"?><m:MsgHead xmlns:m="urn:x"><m:Type V="A &amp; B"/><!-- c --><![CDATA[x]]></m:MsgHead>';
    for (let i = 0; i <= text.length; i++) expect(() => parseXml(text.slice(0, i))).not.toThrow();
  });
});

describe('XML parser on every real fixture', () => {
  const roots = ['../shared/fixtures/nhn-schemas', '../shared/fixtures/real-world', '../shared/fixtures/fhir/no-basis-r4'];
  const files: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const f = path.join(d, n);
      if (statSync(f).isDirectory()) walk(f);
      else if (/\.(xml|xsd)$/i.test(n)) files.push(f);
    }
  };
  roots.forEach(walk);

  it(`parses all ${files.length} of them as well-formed`, () => {
    expect(files.length).toBeGreaterThan(150);
    const bad = files.flatMap((f) => {
      const text = readFileSync(f, 'latin1').replace(/^\u00ef\u00bb\u00bf/, '');
      return parseXml(text).errors.map((e) => `${f}: ${e.code} ${e.message}`);
    });
    expect(bad).toEqual([]);
  });
});

describe('XML parser: names beyond ASCII (the fast path falls back to the full XML name rule)', () => {
  it('Norwegian element and attribute names, a name starting with a letter outside ASCII, a middle dot', () => {
    const text = '<rot xmlns:ø="urn:x"><DigitaltAktivOmråde kommune·nr="0301" ø:Sted="Bø"/><Ærend/><a.b-c_d/></rot>';
    const doc = parseXml(text);
    expect(doc.errors).toEqual([]);
    const [område, ærend, plain] = childElements(doc.root!);
    expect(område.name).toBe('DigitaltAktivOmråde');
    expect([område.nameStart, område.nameEnd]).toEqual(span(text, 'DigitaltAktivOmråde'));
    expect(område.attributes.map((a) => [a.name, a.prefix, a.local, a.ns, a.value])).toEqual([
      ['kommune·nr', '', 'kommune·nr', undefined, '0301'],
      ['ø:Sted', 'ø', 'Sted', 'urn:x', 'Bø'],
    ]);
    expect(ærend.name).toBe('Ærend');
    expect(plain.name).toBe('a.b-c_d');
  });

  it('a name cut by a character that is no name character ends there', () => {
    const doc = parseXml('<a\u00A0b="1"/>');
    expect(doc.root!.name).toBe('a');
    expect(doc.errors.map((e) => e.code)).toContain('malformed-attribute');
  });
});

describe('xml well-formedness check', () => {
  it('reports parser errors as xml/<code> at the exact range, in Norwegian too', async () => {
    const text = '<a>\n  <b>\n</a>\n';
    const [f] = await findingsFor(text, 'xml');
    expect(f.ruleId).toBe('xml/unclosed-element');
    expect(f.severity).toBe('error');
    expect(f.range).toEqual(rangeOf(text, 'b'));
    const [nb] = await findingsFor(text, 'xml', { language: 'nb' });
    expect(nb.message).toBe("Elementet 'b' er ikke lukket: forventet </b>");
  });

  it('says a DOCTYPE is not loaded, and leaves non-XML files alone', async () => {
    const f = await findingsFor('<!DOCTYPE a SYSTEM "x.dtd"><a/>', 'xml');
    expect(f.map((x) => x.ruleId)).toEqual(['xml/dtd-not-loaded']);
    expect(await findingsFor('<a><b></a>', 'csharp')).toEqual([]);
  });
});
