// The fuzz corpus: seeded mutations of real payloads (../shared/fixtures, examples/) plus generated
// extremes. Deterministic for a seed, so a failing case is named by (seed, index) and reproduced exactly.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { random, type Random } from '../helpers/random';

export const DEFAULT_SEED = 20261126;

export interface Seed {
  name: string;
  bytes: Buffer;
}

export interface FuzzCase {
  index: number;
  kind: string;
  /** A file name whose extension picks the language (as the CLI does). */
  name: string;
  /** `big` cases (50 MB, 100 000 levels) get a longer time bound and a raised size limit. */
  big: boolean;
  bytes(): Buffer;
}

const EXTS = new Set(['.xml', '.xsd', '.json', '.cs', '.java', '.kt', '.properties', '.md', '.yaml', '.ts']);

function collect(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) collect(full, out);
    else if (EXTS.has(path.extname(e.name)) && statSync(full).size <= 64 * 1024) out.push(full);
  }
}

/** Inline seeds so the corpus never depends on the fixtures alone. */
const INLINE: Seed[] = [
  {
    name: 'msghead.xml',
    bytes: Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?>\n<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n' +
        '  <MsgInfo><Type V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/><MIGversion>v1.2 2006-05-24</MIGversion><GenDate>2026-11-26T10:00:00</GenDate>\n' +
        '    <Sender><Organisation><OrganisationName>Legekontoret</OrganisationName><Ident><Id>123456</Id><TypeId V="HER" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Sender>\n' +
        '  </MsgInfo>\n  <!-- endpoint: https://test.nilar.nhn.no/svar -->\n  <Document><RefDoc><MsgType V="XML"/><Content><![CDATA[ <a> & ]]></Content></RefDoc></Document>\n</MsgHead>\n',
    ),
  },
  {
    name: 'patient.json',
    bytes: Buffer.from(
      JSON.stringify(
        {
          resourceType: 'Patient',
          id: 'p1',
          identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '13116900216' }],
          name: [{ family: 'Nordmann', given: ['Kari'] }],
          telecom: [{ value: 'https://rf.test2-int.reseptformidleren.net' }],
        },
        null,
        2,
      ),
    ),
  },
  { name: 'app.properties', bytes: Buffer.from('lab.url=https://prod.nilar.nhn.no/api\nrf=http://m2.reseptformidleren.net/\n# fnr 010170 12345\n') },
  {
    name: 'Client.cs',
    bytes: Buffer.from('class C {\n  const string Url = "https://test.nilar.nhn.no/x";\n  // "unterminated\n  var s = @"multi\nline";\n}\n'),
  },
];

export function loadSeeds(root: string): { seeds: Seed[]; fixtures: boolean } {
  const files: string[] = [];
  const fixtures = path.resolve(root, '../shared/fixtures');
  collect(path.join(fixtures, 'real-world'), files);
  collect(path.join(fixtures, 'nhn-schemas'), files);
  collect(path.join(root, 'examples'), files);
  const seeds = [...INLINE, ...files.map((f) => ({ name: path.relative(root, f), bytes: readFileSync(f) }))];
  return { seeds, fixtures: existsSync(fixtures) };
}

const SPLICES = [
  '<',
  '>',
  '&',
  '&amp',
  '&#x0;',
  '&#xD800;',
  '&foo;',
  ']]>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<!DOCTYPE x [<!ENTITY a "b">]>',
  '<?xml version="1.0"?>',
  '"',
  "'",
  '=',
  '</',
  '/>',
  'xmlns:p="',
  'p:',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '\\',
  '\\u',
  '\u0000',
  '\r',
  '\r\n',
  '\n',
  '\uFEFF',
  '\uD800',
  '\uDC00',
  '\u2028',
  'https://',
  'reseptformidleren.net',
  'nilar.nhn.no',
  '13116900216',
  '0101701234',
];

function flip(bytes: Buffer, r: Random): Buffer {
  const b = Buffer.from(bytes);
  const n = 1 + r.int(8);
  for (let i = 0; i < n && b.length; i++) b[r.int(b.length)] = r.int(256);
  return b;
}

function splice(bytes: Buffer, r: Random): Buffer {
  const s = bytes.toString('utf8');
  let out = s;
  for (let i = 1 + r.int(4); i > 0; i--) {
    const at = r.int(out.length + 1);
    const del = r.int(3) === 0 ? r.int(20) : 0;
    out = out.slice(0, at) + r.pick(SPLICES).repeat(1 + (r.int(10) === 0 ? r.int(1000) : 0)) + out.slice(at + del);
  }
  return Buffer.from(out, 'utf8');
}

/** Encoding and line-ending variants of one seed. */
function variants(seed: Seed): Array<[string, () => Buffer]> {
  const b = seed.bytes;
  const s = b.toString('utf8');
  const utf16 = (le: boolean) => {
    const u = Buffer.from(s, 'utf16le');
    if (!le) u.swap16();
    return Buffer.concat([Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]), u]);
  };
  return [
    ['bom-utf8', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), b])],
    ['bom-twice', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf]), b])],
    ['utf16le', () => utf16(true)],
    ['utf16be', () => utf16(false)],
    ['utf16-odd-length', () => utf16(true).subarray(0, -1)],
    ['crlf', () => Buffer.from(s.replace(/\r?\n/g, '\r\n'))],
    ['cr-only', () => Buffer.from(s.replace(/\r?\n/g, '\r'))],
    ['mixed-eol', () => Buffer.from(s.replace(/\n/g, (_, i: number) => (i % 3 ? '\r\n' : '\r')))],
    [
      'invalid-utf8',
      () =>
        Buffer.concat([
          b.subarray(0, b.length >> 1),
          Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xf8, 0xa1, 0xa1, 0xa1, 0xa1, 0xc0, 0xaf, 0xed, 0xa0, 0x80]),
          b.subarray(b.length >> 1),
        ]),
    ],
    [
      'latin1-declared',
      () => Buffer.from(s.replace(/encoding="[^"]*"/, 'encoding="ISO-8859-1"').replace(/^(?!<\?xml)/, '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1'),
    ],
    ['nul-start', () => Buffer.concat([Buffer.from([0]), b])],
    ['nul-middle', () => Buffer.concat([b.subarray(0, b.length >> 1), Buffer.from([0, 0, 0]), b.subarray(b.length >> 1)])],
    ['nul-after-8k', () => Buffer.concat([Buffer.alloc(9000, 0x20), b, Buffer.from([0])])],
    ['empty', () => Buffer.alloc(0)],
  ];
}

const MB50 = 50 * 1024 * 1024;
function fill(unit: string, bytes = MB50): Buffer {
  return Buffer.from(unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))));
}

/** Extremes: 100 000-level nesting, 50 MB files of several shapes, pathological lines. */
const BIG: Array<[string, string, () => Buffer]> = [
  ['nesting-100k', 'deep.xml', () => Buffer.from('<a>'.repeat(100_000) + '</a>'.repeat(100_000))],
  ['nesting-100k-unclosed', 'deep-open.xml', () => Buffer.from('<?xml version="1.0"?>' + '<a x="1">'.repeat(100_000))],
  ['nesting-100k-prefixed', 'deep-ns.xml', () => Buffer.from('<p:a xmlns:p="urn:x">' + '<p:a>'.repeat(100_000) + '</p:a>'.repeat(100_001))],
  ['nesting-100k-json-array', 'deep.json', () => Buffer.from('['.repeat(100_000) + ']'.repeat(100_000))],
  ['nesting-100k-json-object', 'deep-object.json', () => Buffer.from('{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))],
  [
    '50mb-xml-records',
    'big.xml',
    () =>
      Buffer.concat([
        Buffer.from('<?xml version="1.0"?><Msg>'),
        fill('<Result id="r"><Code V="12345" S="2.16.578.1.12.4.1.1.7280"/><Url>https://prod.nilar.nhn.no/x</Url></Result>\n'),
        Buffer.from('</Msg>'),
      ]),
  ],
  ['50mb-one-line', 'line.txt', () => fill('abcdefghij.')],
  ['50mb-hosts', 'hosts.properties', () => fill('u=https://rf.test2-int.reseptformidleren.net/x\n')],
  ['50mb-lt', 'lt.xml', () => fill('<')],
  ['50mb-amp', 'amp.xml', () => Buffer.concat([Buffer.from('<a>'), fill('&'), Buffer.from('</a>')])],
  ['50mb-unterminated-attribute', 'attr.xml', () => Buffer.concat([Buffer.from('<a b="'), fill('x')])],
  ['50mb-comment-open', 'comment.xml', () => Buffer.concat([Buffer.from('<a><!--'), fill('-')])],
  ['50mb-digits', 'digits.txt', () => fill('0123456789')],
  ['50mb-json-numbers', 'numbers.json', () => Buffer.concat([Buffer.from('['), fill('13116900216,'), Buffer.from('0]')])],
  ['5mb-dotted-labels', 'dots.txt', () => fill('a-b.', 5 * 1024 * 1024)],
  ['5mb-entities', 'entities.xml', () => Buffer.concat([Buffer.from('<!DOCTYPE a [<!ENTITY e "x">]><a>'), fill('&e;', 5 * 1024 * 1024), Buffer.from('</a>')])],
];

/** Every case for `seed`, in a fixed order: truncations, encoding variants, extremes, splices, byte flips. */
export function* fuzzCases(seed: number, seeds: Seed[], minimum = 10_000): Generator<FuzzCase> {
  const r = random(seed);
  let index = 0;
  const small = seeds.filter((s) => s.bytes.length <= 16 * 1024);
  for (const s of INLINE.slice(0, 2)) {
    for (let cut = 0; cut <= s.bytes.length; cut++) yield { index: index++, kind: 'truncate', name: s.name, big: false, bytes: () => s.bytes.subarray(0, cut) };
  }
  for (const s of seeds) for (const [kind, make] of variants(s)) yield { index: index++, kind, name: path.basename(s.name), big: false, bytes: make };
  for (const [kind, name, make] of BIG) yield { index: index++, kind, name, big: true, bytes: make };
  const rest = Math.max(0, minimum - index);
  for (let i = 0; i < rest; i++) {
    const s = r.pick(small);
    const caseSeed = r.int(2 ** 31);
    const kind = i % 2 ? 'splice' : 'flip';
    yield {
      index: index++,
      kind,
      name: path.basename(s.name),
      big: false,
      bytes: () => (kind === 'flip' ? flip(s.bytes, random(caseSeed)) : splice(s.bytes, random(caseSeed))),
    };
  }
}
