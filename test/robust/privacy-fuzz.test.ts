// The privacy sweep, fuzzed (issue 18): seeded documents of every kind the engine reads (KITH XML with
// a schema, schemaless XML, FHIR JSON and XML, code, a MsgHead with a base64 payload) with generated
// identity numbers in random forms (plain, spaced, dashed, inside names and longer digit runs, one
// digit at a time) and random markup noise around them, so every check's messages, names and
// well-formedness errors meet numbers. The real CLI in its formats and the real server (diagnostics,
// hovers, completions, code actions) must not let one through. Seed: NHN_FUZZ_SEED or the default.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli';
import { startServer } from '../helpers/lsp';
import { random, type Random } from '../helpers/random';
import { numberSource } from '../privacy/corpus';
import { capture, cliMessages, exercise, LeakLog, scanSession, type OpenDocument } from '../privacy/channels';

const SEED = Number(process.env.NHN_FUZZ_SEED ?? 18_2026);
const CASES = 240;
const NS = 'urn:nhn-fuzz';
const XSD = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="${NS}" xmlns="${NS}" elementFormDefault="qualified">
  <xs:element name="R"><xs:complexType><xs:sequence>
    <xs:element name="D" type="xs:date" minOccurs="0"/><xs:element name="I" type="xs:int" minOccurs="0"/>
    <xs:element name="E" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="A"/></xs:restriction></xs:simpleType></xs:element>
    <xs:element name="P" minOccurs="0"><xs:simpleType><xs:restriction base="xs:string"><xs:pattern value="[a-z]+"/></xs:restriction></xs:simpleType></xs:element>
  </xs:sequence><xs:attribute name="a" type="xs:boolean"/></xs:complexType></xs:element>
</xs:schema>`;

const log = new LeakLog();
const dir = mkdtempSync(path.join(tmpdir(), 'nhn-privacy-fuzz-'));
afterAll(() => {
  // NHN_KEEP=1 keeps the generated folder (its path is printed) to look at a leak.
  if (!process.env.NHN_KEEP) rmSync(dir, { recursive: true, force: true });
  else console.log(dir);
  console.log(log.table(`privacy fuzz (seed ${SEED}, ${CASES} documents)`));
});

/** A number as someone might write it, or as a broken document might hold it. */
function written(r: Random, n: string): string {
  switch (r.int(8)) {
    case 0:
      return `${n.slice(0, 6)} ${n.slice(6)}`;
    case 1:
      return `${n.slice(0, 6)}-${n.slice(6)}`;
    case 2:
      return [...n].join(' ');
    case 3:
      return `9${n}7`;
    case 4:
      return `x${n}`;
    case 5:
      return `${n}${n}`;
    default:
      return n;
  }
}

const NOISE = ['<', '>', '&', '"', "'", '/', '=', ' ', '\n', '</', '<!', '&#', 'x', ':', '{', '}', ',', '[', ']'];
const noise = (r: Random) => Array.from({ length: r.int(3) }, () => r.pick(NOISE)).join('');

function documentFor(r: Random, i: number, next: () => string, planted: string[]): { name: string; languageId: string; text: string } {
  const num = () => {
    const n = next();
    planted.push(n);
    return `${noise(r)}${written(r, n)}${noise(r)}`;
  };
  switch (i % 6) {
    case 0:
      return {
        name: `kith-${i}.xml`,
        languageId: 'xml',
        text: `<R xmlns="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${NS} fuzz.xsd" a="${num()}">\n  <D>${num()}</D>\n  <I>${num()}</I>\n  <E>${num()}</E>\n  <P>${num()}</P>\n  <Q${num().replace(/[^0-9]/g, '')}/>\n</R>\n`,
      };
    case 1:
      return {
        name: `free-${i}.xml`,
        languageId: 'xml',
        text: `<?xml version="1.0"?>\n<a${num().replace(/\W/g, '')} v=${num()}>\n  <b ${num()}/>${num()}\n</a>\n`,
      };
    case 2:
      return {
        name: `fhir-${i}.json`,
        languageId: 'json',
        text: `{ "resourceType": "Patient", "id": "${num()}", "birthDate": "${num()}", "gender": "${num()}", "x${num().replace(/\W/g, '')}": 1, "extension": [{ "url": "http://x.invalid/e", "valueDateTime": "${num()}" }] }\n`,
      };
    case 3:
      return {
        name: `fhir-${i}.xml`,
        languageId: 'xml',
        text: `<Patient xmlns="http://hl7.org/fhir">\n  <id value="${num()}"/>\n  <birthDate value="${num()}"/>\n  <x${num().replace(/\W/g, '')} value="1"/>\n</Patient>\n`,
      };
    case 4:
      return {
        name: `Code${i}.cs`,
        languageId: 'csharp',
        text: `// helseid client_assertion\nvar u = "https://test.nilar.nhn.no/p?fnr=${num()}";\nvar c = new Claim(JwtClaimTypes.Audience, d${num().replace(/\W/g, '')}.TokenEndpoint);\n`,
      };
    default: {
      const inner = `<Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23"><Notat><Tema>${num()}</Tema></Notat></Dialogmelding>`;
      return {
        name: `msghead-${i}.xml`,
        languageId: 'xml',
        text: `<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24"><Document><RefDoc><Content><Base64Container xmlns="http://www.kith.no/xmlstds/base64container">${Buffer.from(inner).toString('base64')}</Base64Container></Content></RefDoc></Document><Document><RefDoc><Content><Base64Container xmlns="http://www.kith.no/xmlstds/base64container">!${num()}${'QUJD'.repeat(r.int(4000))}</Base64Container></Content></RefDoc></Document></MsgHead>\n`,
      };
    }
  }
}

describe('privacy fuzz: numbers in random places and forms, every channel clean', () => {
  const r = random(SEED);
  const next = numberSource();
  const planted: string[] = [];
  writeFileSync(path.join(dir, 'fuzz.xsd'), XSD);
  const docs: OpenDocument[] = [];
  for (let i = 0; i < CASES; i++) {
    const d = documentFor(r, i, next, planted);
    const file = path.join(dir, d.name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, d.text);
    docs.push({ uri: pathToFileURL(file).href, languageId: d.languageId, text: d.text });
  }

  it('the CLI in text, json and sarif', async () => {
    for (const format of ['text', 'json', 'sarif']) {
      const out = await runCliAsync(['--format', format, dir], { timeoutMs: 600_000 });
      expect(out.stdout.length).toBeGreaterThan(0);
      log.scan(`cli ${format} stdout`, [out.stdout]);
      log.spelt(`cli ${format} stdout`, cliMessages(format, out.stdout), planted);
      log.scan(`cli ${format} stderr`, [out.stderr], planted);
    }
  }, 1_800_000);

  it('the language server: diagnostics, hovers, completions, code actions', async () => {
    const lsp = await startServer({ workspaceFolders: [dir] });
    const streams = capture(lsp);
    try {
      expect(await exercise(lsp, docs, 600_000)).toBeGreaterThan(CASES);
      await new Promise((resolve) => setTimeout(resolve, 500));
      scanSession(log, streams, new Map(docs.map((d) => [d.uri, d.text])), planted);
      log.scan('lsp stderr', [lsp.stderr()], planted);
    } finally {
      await lsp.close();
    }
  }, 1_800_000);

  it('leaks nowhere', () => {
    expect(
      log.leaks.slice(0, 40).map((l) => `${l.channel} [${l.kind}] ${l.sample}`),
      `${log.leaks.length} leak(s)`,
    ).toEqual([]);
  });
});
