// Base64 payloads (KITH Base64Container) are decoded and checked like any document; each finding is
// reported on the outer file at the base64 characters that encode it. Proven by decoding the flagged
// span back: it must contain what the inner finding was about.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingsFor } from '../helpers/engine';
import type { Finding } from '../../server/src/engine';
import { embeddedParticipant } from '../../server/src/engine/embedded/participant';
import { analyzed } from '../../server/src/engine/core/document';
import { context } from '../helpers/engine';

const M1_24 = 'http://www.kith.no/xmlstds/eresept/m1/2010-05-01';
const PREG = '13116900216';

/** Base64 of `text` in the given encoding, wrapped at 76 characters with the indentation real messages use. */
function wrapped(text: string, encoding: BufferEncoding = 'utf8'): string {
  const b64 = Buffer.from(text, encoding).toString('base64');
  return b64.replace(/.{1,76}/g, (line) => `\n          ${line}`) + '\n        ';
}

function outer(payload: string, prefix = 'bas:', extra = ''): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">',
    '  <Document>',
    '    <RefDoc>',
    '      <MsgType V="XML" DN="XML-instans"/>',
    '      <Content>',
    `        <${prefix}Base64Container xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://www.kith.no/xmlstds/base64container">${extra}${payload}</${prefix}Base64Container>`,
    '      </Content>',
    '    </RefDoc>',
    '  </Document>',
    '</MsgHead>',
  ].join('\n');
}

/** The text a finding's range covers, with whitespace and comments removed and the base64 decoded. */
function decodedAt(text: string, f: Finding, encoding: BufferEncoding = 'utf8'): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const chars = text
    .slice(offset(f.range.start), offset(f.range.end))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s/g, '');
  expect(chars.length % 4, 'a whole number of base64 groups').toBe(0);
  return Buffer.from(chars, 'base64').toString(encoding);
}

const inner = (body: string, decl = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${decl}\n<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">\n  <Document><RefDoc><Content>\n    <Resept xmlns="${M1_24}">\n${body}\n    </Resept>\n  </Content></RefDoc></Document>\n</MsgHead>\n`;

describe('base64 payloads', () => {
  it('an e-resept 2.4 namespace and a PREG person inside: found, and the span decodes to them', async () => {
    const text = outer(wrapped(inner(`      <Pasient>Blåbær Ærlig, fnr ${PREG}</Pasient>`)));
    const found = (await findingsFor(text, 'xml')).filter((f) => f.message.startsWith('In the base64 payload') && !f.ruleId.startsWith('kith/'));
    const ns = found.find((f) => f.ruleId === 'namespace/eresept-outdated')!;
    const nin = found.find((f) => f.ruleId === 'nin/preg-test-person')!;
    expect(ns.severity).toBe('error');
    expect(decodedAt(text, ns)).toContain(M1_24);
    expect(nin.message).toMatch(/^In the base64 payload: 131169\*{5} /);
    expect(decodedAt(text, nin)).toContain(PREG);
    // No edit can be applied to base64 text; the PREG replacement fixes are not offered there.
    for (const f of found) expect(f.fixes?.some((x) => x.edits?.length)).not.toBe(true);
  });

  it('multi-byte UTF-8 before the finding, and a comment inside the container, still map exactly', async () => {
    const body = `      <Merknad>${'æøå€'.repeat(40)}</Merknad>\n      <Pasient>${PREG}</Pasient>`;
    const text = outer(wrapped(inner(body)), 'bas:', '<!-- Inkludert vedlegg -->');
    const nin = (await findingsFor(text, 'xml')).find((f) => f.ruleId === 'nin/preg-test-person')!;
    expect(decodedAt(text, nin)).toContain(PREG);
  });

  it('an ISO-8859-1 payload (as its XML declaration says)', async () => {
    const body = `      <Merknad>Tromsø og Ålesund</Merknad>\n      <Pasient>${PREG}</Pasient>`;
    const text = outer(wrapped(inner(body, '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1'), '');
    const nin = (await findingsFor(text, 'xml')).find((f) => f.ruleId === 'nin/preg-test-person')!;
    expect(decodedAt(text, nin, 'latin1')).toContain(PREG);
  });

  it('leaves binary payloads, broken base64 and other namespaces alone; opens a payload only once', async () => {
    const pdf = outer(wrapped(`%PDF-1.4\n${PREG} ${M1_24}`));
    const garbage = outer('not base64 at all!');
    const otherNs = outer(wrapped(inner(`<x>${PREG}</x>`))).replace(/http:\/\/www\.kith\.no\/xmlstds\/base64container/, 'urn:other');
    for (const text of [pdf, garbage, otherNs]) {
      expect((await findingsFor(text, 'xml')).filter((f) => f.message.startsWith('In the base64 payload'))).toEqual([]);
    }
    // A payload inside a payload: the outer one is opened, the inner one is not decoded again.
    const nested = outer(wrapped(outer(wrapped(inner(`<x>${PREG}</x>`)))));
    const found = await findingsFor(nested, 'xml');
    expect(found.filter((f) => f.ruleId === 'nin/preg-test-person')).toEqual([]);
  });

  it('a real M96 forwarding its M1 base64-encoded (eresept-java): the 2.3 namespaces and the claimed number inside', async () => {
    const file = path.resolve(
      __dirname,
      '../../../shared/fixtures/real-world/mjhaugsdal/eresept-java/messages/src/main/resources/Diverse eksempler/M96-b64.xml',
    );
    const text = readFileSync(file, 'utf8');
    const found = (await findingsFor(text, 'xml')).filter((f) => f.message.startsWith('In the base64 payload') && !f.ruleId.startsWith('kith/'));
    // m1 and forskrivning, each once at its declaration (m1's xsi:schemaLocation is part of its fix, not a second finding).
    expect(found.map((f) => f.ruleId).sort()).toEqual(['namespace/eresept-outdated', 'namespace/eresept-outdated', 'nin/invalid-check-digits'].sort());
    for (const f of found.filter((x) => x.ruleId === 'namespace/eresept-outdated'))
      expect(decodedAt(text, f)).toMatch(/eresept\/(m1|forskrivning)\/2009-02-20/);
  });
});

describe('hover on a base64 payload', () => {
  it('tells what is inside: kind, size, root and namespaces with their status, in English and Norwegian', async () => {
    const text = outer(wrapped(inner(`      <Pasient>${PREG}</Pasient>`)));
    const doc = analyzed({ uri: 'file:///m.xml', languageId: 'xml', text });
    const inside = text.indexOf('Base64Container') + 200;
    const en = await embeddedParticipant.hover!(doc, inside, context());
    expect(en).toMatch(/^\*\*Base64 payload\*\*: an XML document, \d+ bytes \(UTF-8\)/);
    expect(en).toContain('- Root element: `MsgHead` (MsgHead 1.2)');
    expect(en).toContain('- Namespaces: MsgHead 1.2; e-resept M1 Resept 2010-05-01 — outdated');
    const nb = await embeddedParticipant.hover!(doc, inside, context({ language: 'nb' }));
    expect(nb).toContain('e-resept M1 Resept 2010-05-01 — utdatert');
    expect(nb).toContain('**Base64-innhold**: et XML-dokument');
    // On the tag name, or a PDF payload: nothing to say.
    expect(await embeddedParticipant.hover!(doc, text.indexOf('Base64Container') + 2, context())).toBeUndefined();
    const pdf = outer(wrapped('%PDF-1.4 binary'));
    expect(
      await embeddedParticipant.hover!(analyzed({ uri: 'file:///p.xml', languageId: 'xml', text: pdf }), pdf.indexOf('Base64Container') + 120, context()),
    ).toBeUndefined();
  });
});
