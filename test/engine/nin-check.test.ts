// The `nin` check through the real engine: where numbers are found, what story each gets, which
// fixes it offers, and that no message carries a full number.

import { describe, expect, it } from 'vitest';
import { context, findingsFor, rangeOf } from '../helpers/engine';
import { makeNin, withBadCheckDigits } from '../helpers/nin';
import { analyze, classifyNin, createChecks } from '../../server/src/engine';

const PLAIN = makeNin(14, 7, 77, 311); // a made-up fødselsnummer, valid check digits, no offset
const DNR = makeNin(45, 6, 98, 5);
const TENOR = makeNin(4, 88, 68, 978);
const SYNTPOP = makeNin(15, 72, 2, 551);
const HNR = makeNin(5, 48, 86, 490);
const PREG = '13116900216'; // "Line Danser", in the published PREG-era list (data)

const ninIn = async (uri: string, text: string) =>
  (await analyze({ uri, languageId: 'json', text }, context(), createChecks())).findings.filter((f) => f.ruleId.startsWith('nin/'));

/** A quoted value's range without its quotes. */
const inside = (r: ReturnType<typeof rangeOf>) => ({
  start: { ...r.start, character: r.start.character + 1 },
  end: { ...r.end, character: r.end.character - 1 },
});

const nin = async (text: string, languageId = 'plaintext', over = {}) => (await findingsFor(text, languageId, over)).filter((f) => f.ruleId.startsWith('nin/'));

describe('nin check: where numbers are found', () => {
  const places: [string, string, string][] = [
    ['bare in prose', `Pasienten ${PLAIN} ble innlagt.`, 'plaintext'],
    ['a quoted string in C#', `var fnr = "${PLAIN}";`, 'csharp'],
    ['a Java long literal', `long fnr = ${PLAIN}L;`, 'java'],
    ['an XML element', `<Fnr>${PLAIN}</Fnr>`, 'xml'],
    ['an XML attribute', `<Patient fnr="${PLAIN}"/>`, 'xml'],
    ['a CSV row (comma)', `navn,fnr\nOla,${PLAIN},x`, 'plaintext'],
    ['a CSV row (semicolon)', `Ola;${PLAIN};Oslo`, 'plaintext'],
    ['a URL path', `GET /api/patients/${PLAIN}/records`, 'plaintext'],
    ['a YAML value', `patient:\n  nin: ${PLAIN}\n`, 'yaml'],
  ];
  for (const [what, text, lang] of places) {
    it(what, async () => {
      const [f, ...rest] = await nin(text, lang);
      expect(rest).toEqual([]);
      expect(f.ruleId).toBe('nin/possibly-real-person');
      expect(f.range).toEqual(rangeOf(text, PLAIN));
    });
  }

  it('the spaced form DDMMYY IIIKK', async () => {
    const spaced = `${PLAIN.slice(0, 6)} ${PLAIN.slice(6)}`;
    const text = `fnr: ${spaced}\n`;
    const [f] = await nin(text);
    expect(f.range).toEqual(rangeOf(text, spaced));
    expect(f.fixes?.[0].edits?.[0].newText).toMatch(/^\d{6} \d{5}$/);
  });

  it('a FHIR JSON identifier with the fnr system, invalid or not', async () => {
    const bad = withBadCheckDigits(PLAIN);
    const text = `{"identifier":[{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"${bad}"},{"system":"http://hl7.no/fhir/NamingSystem/FNR","value":"${PLAIN}"},{"value":"1234","system":"urn:oid:2.16.578.1.12.4.1.4.2"}]}`;
    const found = await nin(text, 'json');
    expect(found.map((f) => [f.ruleId, f.range])).toEqual([
      ['nin/invalid-check-digits', rangeOf(text, bad)],
      ['nin/possibly-real-person', rangeOf(text, PLAIN)],
      ['nin/not-an-identity-number', inside(rangeOf(text, '"1234"'))],
    ]);
  });

  it('a FHIR XML identifier', async () => {
    const bad = withBadCheckDigits(DNR);
    const text = `<Patient xmlns="http://hl7.org/fhir"><identifier><system value="urn:oid:2.16.578.1.12.4.1.4.2"/><value value="${bad}"/></identifier></Patient>`;
    const [f] = await nin(text, 'xml');
    expect(f.ruleId).toBe('nin/invalid-check-digits');
    expect(f.range).toEqual(rangeOf(text, bad));
    expect(f.message).toContain(`${bad.slice(0, 6)}*****`);
  });

  it('a KITH Ident (Id then TypeId) and a sykmelding pair (TypeId then Id), with a prefix', async () => {
    const text = [
      '<MsgHead xmlns:ns2="urn:x">',
      '<Ident><Id>12345678910</Id><TypeId V="FNR" S="2.16.578.1.12.4.1.1.8116" DN="Fødselsnummer"/></Ident>',
      `<Ident><Id>${HNR}</Id><TypeId V="HNR" DN="H-nummer"/></Ident>`,
      '<Ident><Id>12345678910</Id><TypeId V="HPR" DN="HPR-nummer"/></Ident>',
      `<ns2:Fnr><ns2:TypeId V="DNR"/> <ns2:Id> ${withBadCheckDigits(DNR)} </ns2:Id></ns2:Fnr>`,
      '</MsgHead>',
    ].join('\n');
    const found = await nin(text, 'xml');
    expect(found.map((f) => [f.ruleId, f.range.start.line])).toEqual([
      ['nin/not-an-identity-number', 1],
      ['nin/h-number', 2],
      ['nin/invalid-check-digits', 4],
    ]);
    expect(found[2].range).toEqual(rangeOf(text, withBadCheckDigits(DNR)));
    expect(found[1].severity).toBe('hint');
  });
});

describe('nin check: XML read from the shared parse', () => {
  it('a commented-out Ident claims nothing; the same pair embedded in C# is still read by pattern', async () => {
    const xml = '<MsgHead><!-- <Ident><Id>12345678910</Id><TypeId V="FNR"/></Ident> --></MsgHead>';
    expect(await nin(xml, 'xml')).toEqual([]);
    const cs = 'var xml = "<Ident><Id>12345678910</Id><TypeId V=\\"FNR\\"/></Ident>";';
    expect((await nin(cs, 'csharp')).map((f) => f.ruleId)).toEqual(['nin/not-an-identity-number']);
  });

  it('a FHIR XML identifier inside a broken document is still read', async () => {
    const bad = withBadCheckDigits(PLAIN);
    const text = `<Patient><identifier><system value="http://hl7.no/fhir/NamingSystem/FNR"/><value value="${bad}"/></identifier><name>`;
    const [f] = await nin(text, 'xml');
    expect([f.ruleId, f.range]).toEqual(['nin/invalid-check-digits', rangeOf(text, bad)]);
  });
});

describe('nin check: FHIR JSON inside code string literals still claims a number', () => {
  const bad = withBadCheckDigits(PLAIN);
  it('escaped quotes (C#, Java, Kotlin, JS): the bad number is reported at its exact place', async () => {
    const java = `String body = "{\\"resourceType\\":\\"Patient\\",\\"identifier\\":[{\\"system\\":\\"urn:oid:2.16.578.1.12.4.1.4.1\\",\\"value\\":\\"${bad}\\"}]}";`;
    const found = await nin(java, 'java');
    expect(found.map((f) => [f.ruleId, f.range])).toEqual([['nin/invalid-check-digits', rangeOf(java, bad)]]);
  });

  it('doubled quotes (C# verbatim strings), system after value', async () => {
    const cs = `var body = @"{ ""value"": ""${bad}"", ""system"": ""http://hl7.no/fhir/NamingSystem/FNR"" }";`;
    const found = await nin(cs, 'csharp');
    expect(found.map((f) => [f.ruleId, f.range])).toEqual([['nin/invalid-check-digits', rangeOf(cs, bad)]]);
  });

  it('near misses: another system, a valid synthetic number, a template placeholder', async () => {
    const other = `var a = "{\\"system\\":\\"urn:oid:2.16.578.1.12.4.1.4.101\\",\\"value\\":\\"${bad}\\"}";`;
    const synthetic = `var b = "{\\"system\\":\\"urn:oid:2.16.578.1.12.4.1.4.1\\",\\"value\\":\\"${TENOR}\\"}";`;
    const template = `var c = $"{{\\"system\\":\\"urn:oid:2.16.578.1.12.4.1.4.1\\",\\"value\\":\\"{fnr}\\"}}";`;
    for (const text of [other, synthetic, template]) expect(await nin(text, 'csharp'), text).toEqual([]);
  });
});

describe('nin check: the story each number gets', () => {
  it('a known PREG test person: an error since 09.11.2024, with the dates', async () => {
    const text = `patient.fnr=${PREG}`;
    const [f] = await nin(text, 'properties');
    expect(f.ruleId).toBe('nin/preg-test-person');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('131169***** (fødselsnummer, born 1969-11-13, female)');
    expect(f.message).toContain('09.11.2024');
    const before = await nin(text, 'properties', { today: '2024-10-01' });
    expect(before[0].severity).toBe('warning');
    const [nb] = await nin(text, 'properties', { language: 'nb' });
    expect(nb.message).toContain('født 1969-11-13, kvinne');
    expect(nb.message).toContain('Utgått siden 09.11.2024');
  });

  it('a plain valid D-number is possibly a real person', async () => {
    const [f] = await nin(`dnr=${DNR}`);
    expect(f.ruleId).toBe('nin/possibly-real-person');
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/^450698\*{5} \(D-number, born 1998-06-05, male\): /);
  });

  it('synthetic numbers (Tenor, SyntPop) and bare H-numbers pass', async () => {
    expect(await nin(`a=${TENOR} b=${SYNTPOP} c=${HNR} d=${makeNin(44, 88, 68, 977)}`)).toEqual([]);
  });

  it('a synthetic person in a file named for production gets a hint; elsewhere nothing', async () => {
    const text = `{"Patient": "${TENOR}", "Reserved": "${SYNTPOP}"}`;
    for (const name of ['appsettings.Production.json', 'application-prod.json', 'prod.json', 'settings.prd.json']) {
      const found = await ninIn(`file:///app/${name}`, text);
      expect(found.map((f) => [f.ruleId, f.severity])).toEqual([
        ['nin/synthetic-in-production', 'hint'],
        ['nin/synthetic-in-production', 'hint'],
      ]);
    }
    for (const name of ['appsettings.Development.json', 'product.json', 'reproduce.json']) {
      expect(await ninIn(`file:///app/${name}`, text)).toEqual([]);
    }
  });

  it('bare invalid numbers are not reported (only where an identity number is claimed)', async () => {
    expect(await nin(`x=${withBadCheckDigits(PLAIN)}`)).toEqual([]);
  });

  it('bare numbers valid only under the 2032 rules are not reported; claimed ones are accepted', async () => {
    const { completions } = await import('../helpers/nin');
    const n2032 = completions('150690457', 2)[0] ?? completions('150690457', 1)[0];
    expect(classifyNin(n2032).checkRule).toBe('2032');
    expect(await nin(`x=${n2032}`)).toEqual([]);
    const claimed = await nin(`{"system":"urn:oid:2.16.578.1.12.4.1.4.1","value":"${n2032}"}`, 'json');
    expect(claimed.map((f) => f.ruleId)).toEqual(['nin/possibly-real-person']);
  });

  it('can be turned off by family or rule', async () => {
    expect(await nin(`fnr ${PLAIN}`, 'plaintext', { settings: { rules: { nin: 'off' } } })).toEqual([]);
    expect(await nin(`fnr ${PREG}`, 'plaintext', { settings: { rules: { 'nin/preg-test-person': 'off' } } })).toEqual([]);
  });
});

describe('nin check: fixes and privacy', () => {
  it('offers a synthetic stand-in of the same birth date and sex, and the picker command with a masked number', async () => {
    const text = `var fnr = "${PLAIN}";`;
    const [f] = await nin(text, 'csharp');
    const [synthetic, picker] = f.fixes!;
    const newText = synthetic.edits![0].newText;
    expect(synthetic.edits![0].range).toEqual(rangeOf(text, PLAIN));
    const info = classifyNin(newText);
    expect(info).toMatchObject({ valid: true, kind: 'tenor', birthDate: '1977-07-14', sex: 'male' });
    expect(synthetic.title).toContain('may not exist in SyntPop');
    expect(picker.command?.command).toBe('nhn.insertTestPerson');
    expect(picker.command?.arguments).toEqual([
      { uri: 'file:///test/doc.csharp', range: rangeOf(text, PLAIN), masked: '140777*****', scopes: ['occurrence', 'file', 'workspace'] },
    ]);
  });

  it('never carries a full number in a message, a title, a command or data', async () => {
    const text = [PLAIN, DNR, PREG, `<Ident><Id>${withBadCheckDigits(PLAIN)}</Id><TypeId V="FNR"/></Ident>`].join('\n');
    const found = await nin(text, 'xml');
    expect(found).toHaveLength(4);
    const visible = JSON.stringify(found.map((f) => ({ m: f.message, d: f.data, t: f.fixes?.map((x) => [x.title, x.command]) })));
    expect(visible).not.toMatch(/\d{11}/);
    expect(visible).not.toMatch(/\d{7}/);
  });
});
