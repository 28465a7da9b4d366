// The privacy sweep's inputs: a folder of files with a generated identity number in every place a
// value can sit (element text, attribute value, element and attribute names, each XSD facet and type,
// FHIR primitives of each type in JSON and XML, base64 payloads, a URL query, names in code, file and
// folder names, the team file of test persons), plus settings and CLI arguments that hold numbers.
// Every number is generated from the check-digit definition (test/helpers/nin.ts); none is a person.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { completions, makeNin, pad } from '../helpers/nin';

const KITH = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas/kith-core');

export interface Place {
  /** The file it is in (absolute path), when it is in one. */
  file?: string;
  /** Which file and where in it (for the report). */
  what: string;
  number: string;
  /** Offset of the number in the file's text (hovers and completions are asked there), when it is in the text. */
  offset?: number;
}

export interface CorpusFile {
  path: string;
  uri: string;
  languageId: string;
  text: string;
}

export interface Corpus {
  dir: string;
  files: CorpusFile[];
  places: Place[];
  /** Every number planted anywhere (files, names, settings, arguments). */
  planted: string[];
  /** Numbers for settings and arguments, by what they are. */
  settingNumbers: Record<string, string>;
}

/** Fresh numbers of each class in turn: fødselsnummer, D-, H-, Tenor (+80), SyntPop (+65) and a 2032-rule number. */
export function numberSource(): (kind?: 'plain') => string {
  let i = 0;
  const seen = new Set<string>();
  return (kind) => {
    for (;;) {
      const k = kind === 'plain' ? 0 : i % 6;
      const day = 1 + ((i * 7) % 28);
      const month = 1 + ((i * 5) % 12);
      const year = 50 + (i % 40);
      const individual = (100 + i * 37) % 500;
      i++;
      let n: string | undefined;
      if (k === 0) n = makeNin(day, month, year, individual);
      else if (k === 1) n = makeNin(day + 40, month, year, individual);
      else if (k === 2) n = makeNin(day, month + 40, year, individual);
      else if (k === 3) n = makeNin(day, month + 80, year, individual);
      else if (k === 4) n = makeNin(day, month + 65, year, individual);
      else n = [1, 2, 3].map((r) => completions(`${pad(day)}${pad(month)}${pad(year)}${pad(individual, 3)}`, r)[0]).find(Boolean);
      if (n && !seen.has(n)) {
        seen.add(n);
        return n;
      }
    }
  };
}

/** Builds a text from parts; `N()` parts are numbers, remembered with their offset. */
class Doc {
  private text = '';
  readonly places: Place[] = [];
  constructor(
    private readonly file: string,
    private readonly next: () => string,
  ) {}
  add(s: string): this {
    this.text += s;
    return this;
  }
  /** A fresh number at this point of the text; `form` spaced writes `DDMMYY IIIKK`. */
  num(what: string, form: 'plain' | 'spaced' = 'plain'): string {
    const n = this.next();
    this.places.push({ what: `${this.file}: ${what}`, number: n, offset: this.text.length });
    const written = form === 'spaced' ? `${n.slice(0, 6)} ${n.slice(6)}` : n;
    this.text += written;
    return written;
  }
  toString(): string {
    return this.text;
  }
}

const SWEEP_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:nhn-sweep" xmlns="urn:nhn-sweep" elementFormDefault="qualified">
  <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:enumeration value="A"/><xs:enumeration value="B"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Pattern"><xs:restriction base="xs:string"><xs:pattern value="[A-Z]{3}"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Len3"><xs:restriction base="xs:string"><xs:length value="3"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Max4"><xs:restriction base="xs:string"><xs:maxLength value="4"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Small"><xs:restriction base="xs:integer"><xs:maxInclusive value="5"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Digits"><xs:restriction base="xs:decimal"><xs:totalDigits value="3"/></xs:restriction></xs:simpleType>
  <xs:simpleType name="Either"><xs:union memberTypes="xs:date xs:boolean"/></xs:simpleType>
  <xs:element name="Root">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="Enum" type="Code"/>
        <xs:element name="Pat" type="Pattern"/>
        <xs:element name="Len" type="Len3"/>
        <xs:element name="Max" type="Max4"/>
        <xs:element name="Int" type="xs:int"/>
        <xs:element name="Small" type="Small"/>
        <xs:element name="Dig" type="Digits"/>
        <xs:element name="Date" type="xs:date"/>
        <xs:element name="When" type="xs:dateTime"/>
        <xs:element name="Bool" type="xs:boolean"/>
        <xs:element name="Dec" type="xs:decimal"/>
        <xs:element name="Uri" type="xs:anyURI"/>
        <xs:element name="Bin" type="xs:base64Binary"/>
        <xs:element name="Union" type="Either"/>
        <xs:element name="Fixed" type="xs:string" fixed="v1"/>
        <xs:element name="Empty"><xs:complexType><xs:sequence/></xs:complexType></xs:element>
        <xs:element name="Item" minOccurs="0" maxOccurs="unbounded">
          <xs:complexType>
            <xs:attribute name="code" type="Code"/>
            <xs:attribute name="pat" type="Pattern"/>
            <xs:attribute name="len" type="Len3"/>
            <xs:attribute name="int" type="xs:int"/>
            <xs:attribute name="date" type="xs:date"/>
            <xs:attribute name="fixed" type="xs:string" fixed="v1"/>
            <xs:attribute name="required" type="xs:string" use="required"/>
          </xs:complexType>
        </xs:element>
      </xs:sequence>
    </xs:complexType>
  </xs:element>
</xs:schema>
`;

function b64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** 64 KB of base64 (after a number and a `!` that breaks it: the value that once became a 64 KB message). */
const FILLER_64K = Buffer.from(Buffer.alloc(48_000).map((_, i) => (i * 131 + 7) % 256)).toString('base64');

const FHIR_PRIMITIVES = [
  'valueString',
  'valueCode',
  'valueId',
  'valueUri',
  'valueUrl',
  'valueCanonical',
  'valueOid',
  'valueUuid',
  'valueDate',
  'valueDateTime',
  'valueInstant',
  'valueTime',
  'valueDecimal',
  'valueInteger',
  'valuePositiveInt',
  'valueUnsignedInt',
  'valueBoolean',
  'valueBase64Binary',
  'valueMarkdown',
];

export function buildCorpus(dir: string): Corpus {
  const next = numberSource();
  const files: CorpusFile[] = [];
  const places: Place[] = [];
  const write = (rel: string, text: string, languageId: string, docPlaces: Place[] = []) => {
    const full = path.join(dir, rel);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
    files.push({ path: full, uri: pathToFileURL(full).href, languageId, text });
    places.push(...docPlaces.map((p) => ({ ...p, file: full })));
  };
  const named = (what: string) => {
    const n = next();
    places.push({ what, number: n });
    return n;
  };

  // The sweep's own schema, and a copy in a folder named by a number: two files declare the namespace,
  // so the schema-choice notice names both paths.
  write('schemas/sweep.xsd', SWEEP_XSD, 'xml');
  const copyDir = `schemas/copy-${named('folder name (schema copy)')}`;
  write(`${copyDir}/sweep.xsd`, SWEEP_XSD, 'xml');

  // Element text and attribute values against every facet and type, element and attribute names.
  {
    const d = new Doc('values.xml', next);
    d.add(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Root xmlns="urn:nhn-sweep" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:nhn-sweep schemas/sweep.xsd">\n`,
    );
    for (const el of ['Enum', 'Pat', 'Len', 'Max', 'Int', 'Small', 'Dig', 'Date', 'When', 'Bool', 'Dec', 'Uri']) {
      d.add(`  <${el}>`).num(`<${el}> text`);
      d.add(`</${el}>\n`);
    }
    d.add('  <Bin>!').num('in a 64 KB bad base64 body');
    d.add(FILLER_64K).add('</Bin>\n');
    d.add('  <Union>').num('<Union> text', 'spaced');
    d.add('</Union>\n  <Fixed>').num('<Fixed> text');
    d.add('</Fixed>\n  <Empty>text ').num('text in an element-only element');
    d.add('</Empty>\n');
    d.add('  <Item code="').num('@code (enumeration)');
    d.add('" pat="').num('@pat (pattern)');
    d.add('" len="').num('@len (length)');
    d.add('" int="').num('@int (xs:int)');
    d.add('" date="').num('@date (xs:date)');
    d.add('" fixed="').num('@fixed (fixed)');
    d.add('" x').num('unexpected attribute name');
    d.add('="1"/>\n  <Item required="r"><E').num('unexpected element name');
    d.add('/></Item>\n  <Pat>')
      .add(`${'word '.repeat(4000)}`)
      .num('in a long text with spaces');
    d.add(' end</Pat>\n</Root>\n');
    write('values.xml', String(d), 'xml', d.places);
  }

  // Well-formedness errors that echo names and stray characters.
  // Each: the text before the number, how the number is written, the text after it (`$N` repeats it).
  const broken: Array<[string, string, 'plain' | 'spaced' | 'each', string]> = [
    ['stray-run.xml', '<a b="1" ', 'plain', ' c="2"/>'],
    ['stray-spaced.xml', '<a b="1" ', 'spaced', ' c="2"/>'],
    ['stray-each.xml', '<a ', 'each', '/>'],
    ['second-root.xml', '<a/>\n<r', 'plain', '/>'],
    ['orphan-end.xml', '<a></e', 'plain', '></a>'],
    ['unclosed.xml', '<a><u', 'plain', '>'],
    ['entity.xml', '<a>&e', 'plain', ';</a>'],
    ['prefix.xml', '<p', 'plain', ':a/>'],
    ['duplicate.xml', '<a d', 'plain', '="1" d$N="2"/>'],
    ['unquoted.xml', '<a v=', 'plain', '/>'],
    ['no-value.xml', '<a v', 'plain', '/>'],
    ['end-mismatch.xml', '<a><b', 'plain', '></c></a>'],
  ];
  for (const [name, before, form, after] of broken) {
    const n = next();
    const head = `<?xml version="1.0"?>\n${before}`;
    // `each`: one stray digit after another, `<a 0 1 0 1 8 0 …/>` (once one error per character).
    const written = form === 'each' ? [...n].join(' ') : form === 'spaced' ? `${n.slice(0, 6)} ${n.slice(6)}` : n;
    write(`broken/${name}`, `${head}${written}${after.replace('$N', n)}\n`, 'xml', [{ what: `broken/${name}`, number: n, offset: head.length }]);
  }

  // A KITH MsgHead: values against the real schema, and base64 payloads (a message with numbers in its names and values; a broken 64 KB body).
  {
    const d = new Doc('msghead.xml', next);
    const [text, name] = [next(), next()];
    const innerText = `<Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23"><Notat><Tema>${text}</Tema><X${name}>1</X${name}></Notat></Dialogmelding>`;
    places.push({ what: 'msghead.xml: base64 payload element text', number: text }, { what: 'msghead.xml: base64 payload element name', number: name });
    d.add(`<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://www.kith.no/xmlstds/msghead/2006-05-24 ${KITH}/MsgHead-v1_2.xsd">
  <MsgInfo>
    <Type V="DIALOG_HELSEFAGLIG" DN="`).num('attribute DN');
    d.add('"/>\n    <MIGversion>').num('MIGversion (fixed)');
    d.add('</MIGversion>\n    <GenDate>').num('GenDate (dateTime)');
    d.add(`</GenDate>
    <MsgId>1</MsgId>
    <Sender><Organisation><OrganisationName>A</OrganisationName><Ident><Id>90001</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Sender>
    <Receiver><Organisation><OrganisationName>B</OrganisationName><Ident><Id>90002</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Receiver>
    <Patient><FamilyName>P</FamilyName><GivenName>Q</GivenName><Ident><Id>`);
    d.num('Patient/Ident/Id');
    d.add(`</Id><TypeId V="FNR" DN="Fødselsnummer" S="2.16.578.1.12.4.1.1.8116"/></Ident></Patient>
  </MsgInfo>
  <Document><RefDoc><MsgType V="XML" DN="XML-instans"/><Content><Base64Container xmlns="http://www.kith.no/xmlstds/base64container">${b64(innerText)}</Base64Container></Content></RefDoc></Document>
  <Document><RefDoc><MsgType V="XML" DN="XML-instans"/><Content><Base64Container xmlns="http://www.kith.no/xmlstds/base64container">`);
    d.add('!').num('broken 64 KB base64 body');
    d.add(FILLER_64K).add('</Base64Container></Content></RefDoc></Document>\n</MsgHead>\n');
    write('msghead.xml', String(d), 'xml', d.places);
  }

  // FHIR JSON: Patient fields and an extension value of every primitive type, an unknown element, a binding, a URL query.
  {
    const d = new Doc('patient.json', next);
    d.add('{\n  "resourceType": "Patient",\n  "id": "').num('id');
    d.add('",\n  "birthDate": "').num('birthDate (date)');
    d.add('",\n  "deceasedDateTime": "').num('deceasedDateTime');
    d.add('",\n  "gender": "').num('gender (required binding)');
    d.add('",\n  "active": "').num('active (boolean)');
    d.add('",\n  "multipleBirthInteger": "').num('multipleBirthInteger (string)');
    d.add('",\n  "x').num('unknown element name');
    d.add('": 1,\n  "identifier": [{ "system": "urn:oid:2.16.578.1.12.4.1.4.1", "value": "').num('identifier.value');
    d.add('" }],\n  "telecom": [{ "system": "url", "value": "https://example.invalid/p?fnr=').num('URL query');
    d.add('" }],\n  "maritalStatus": { "coding": [{ "system": "http://terminology.hl7.org/CodeSystem/v3-MaritalStatus", "code": "').num('maritalStatus code');
    d.add('" }] },\n  "extension": [\n');
    FHIR_PRIMITIVES.forEach((type, i) => {
      d.add(`    { "url": "http://example.invalid/ext/${type}", "${type}": ${/Integer|Int$|Decimal|Boolean/.test(type) ? '' : '"'}`).num(`extension ${type}`);
      d.add(`${/Integer|Int$|Decimal|Boolean/.test(type) ? '' : '"'} }${i === FHIR_PRIMITIVES.length - 1 ? '' : ','}\n`);
    });
    d.add('  ]\n}\n');
    write('fhir/patient.json', String(d), 'json', d.places);
  }

  // FHIR XML, the same kinds of values as attributes.
  {
    const d = new Doc('patient.xml', next);
    d.add('<Patient xmlns="http://hl7.org/fhir">\n  <id value="').num('id');
    d.add('"/>\n  <active value="').num('active');
    d.add('"/>\n  <gender value="').num('gender');
    d.add('"/>\n  <birthDate value="').num('birthDate');
    d.add('"/>\n  <x').num('unknown element name');
    d.add(' value="1"/>\n');
    for (const type of ['valueDateTime', 'valueInteger', 'valueUri', 'valueBase64Binary', 'valueDecimal', 'valueTime']) {
      d.add(`  <extension url="http://example.invalid/ext/${type}"><${type} value="`).num(`extension ${type}`);
      d.add('"/></extension>\n');
    }
    d.add('</Patient>\n');
    write('fhir/patient.xml', String(d), 'xml', d.places);
  }

  // Code: a URL query, a name a rule's fix quotes (HelseID aud), a retired host.
  {
    const d = new Doc('Client.cs', next);
    d.add('// HelseID client_assertion\nclass C {\n  string u = "https://test.nilar.nhn.no/api?fnr=').num('URL query on a retired host');
    d.add('";\n  void A() { var claim = new Claim(JwtClaimTypes.Audience, disco').num('identifier a fix title quotes');
    d.add('.TokenEndpoint); }\n}\n');
    write('code/Client.cs', String(d), 'csharp', d.places);
  }

  // File names: an XML file, a FHIR file and a folder named by numbers (each with findings of its own).
  write(`names/${named('XML file name')}.xml`, '<a><b></a>\n', 'xml');
  write(`names/p${named('FHIR file name')}.json`, '{ "resourceType": "Patient", "birthDate": "tomorrow" }\n', 'json');
  write(`names/d${named('folder name')}/x.xml`, '<a b=1/>\n', 'xml');

  // The team file of test persons: a key that is a number, an alias without its anchor.
  {
    const d = new Doc('.nhn/testpersons.yaml', next);
    d.add('persons:\n  - nin: "').num('team file nin (valid, not synthetic)');
    d.add('"\n    name: A\n    "').num('team file: extra key');
    d.add('": 1\n  - nin: "').num('team file nin (duplicate source)');
    d.add('"\n    name: B\n  - *a').num('team file: alias without anchor');
    d.add('\n');
    write('.nhn/testpersons.yaml', String(d), 'yaml', d.places);
  }

  const settingNumbers: Record<string, string> = {};
  for (const key of [
    'today',
    'rule',
    'schemaPath',
    'catalog',
    'profileGlob',
    'profileUrl',
    'rulesFile',
    'missingPath',
    'format',
    'lang',
    'maxFileSize',
    'request',
    'position',
  ]) {
    settingNumbers[key] = named(`setting/argument: ${key}`);
  }
  return { dir, files, places, planted: [...new Set(places.map((p) => p.number))], settingNumbers };
}
