// Messages a person can read (issue 18): a huge bad value is quoted as a short head … tail and the
// message says what is wrong with it; binary files in a folder are skipped without noise; a retired
// namespace is one finding at its declaration, whose fix also rewrites xsi:schemaLocation.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli';
import { findingsFor } from '../helpers/engine';

const KITH = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas/kith-core');
const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('messages a person can read', () => {
  it('a 64 KB broken base64 body: one short message that names the element and says the value is not valid', () => {
    // libxml2 skips characters outside the alphabet and counts the rest: 64 003 of them is not base64.
    const body = `!abc${Buffer.from(Buffer.alloc(48_000).map((_, i) => (i * 131 + 7) % 256)).toString('base64')}`;
    const file = path.join(tmp.dir, 'big-base64.xml');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.kith.no/xmlstds/msghead/2006-05-24 ${KITH}/MsgHead-v1_2.xsd">
  <MsgInfo>
    <Type V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/>
    <MIGversion>v1.2 2006-05-24</MIGversion>
    <GenDate>2026-01-01T10:00:00</GenDate>
    <MsgId>1</MsgId>
    <Sender><Organisation><OrganisationName>A</OrganisationName><Ident><Id>90001</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Sender>
    <Receiver><Organisation><OrganisationName>B</OrganisationName><Ident><Id>90002</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident></Organisation></Receiver>
  </MsgInfo>
  <Document><RefDoc><MsgType V="XML" DN="XML-instans"/><Content><Base64Container xmlns="http://www.kith.no/xmlstds/base64container">${body}</Base64Container></Content></RefDoc></Document>
</MsgHead>
`,
    );
    const r = runCli(['--format', 'json', file]);
    const findings = (JSON.parse(r.stdout).findings as Array<{ rule: string; message: string }>).filter((f) => f.rule.startsWith('xsd/'));
    expect(findings.map((f) => f.rule)).toEqual(['xsd/invalid-value']);
    const { message } = findings[0];
    expect(message.length).toBeLessThan(300);
    expect(message).toMatch(/^'!.{20,}….{8,}' is not a valid value in Base64Container\.$/);
  });

  it('binary files with no NUL byte early (a PDF, a Java keystore) are skipped quietly; Latin-1 text is still checked', () => {
    const dir = path.join(tmp.dir, 'binaries');
    const bad = 'url=https://rf.test2-int.reseptformidleren.net\n';
    mkdirSync(dir);
    writeFileSync(
      path.join(dir, 'report.pdf'),
      Buffer.concat([
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
        Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + (i % 120))),
        Buffer.from(bad),
      ]),
    );
    writeFileSync(path.join(dir, 'keystore.jks'), Buffer.concat([Buffer.from([0xfe, 0xed, 0xfe, 0xed, 0x01, 0x02, 0x9f, 0xc3]), Buffer.from(bad)]));
    writeFileSync(path.join(dir, 'blob.bin'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37 + 1) % 255 || 1)));
    writeFileSync(path.join(dir, 'latin1.properties'), Buffer.concat([Buffer.from('# bl\xe5b\xe6r\n', 'latin1'), Buffer.from(bad)]));
    const r = runCli(['--format', 'json', dir]);
    expect(r.stderr).not.toMatch(/report\.pdf|keystore\.jks|blob\.bin/);
    expect(r.stderr).toMatch(/latin1\.properties: invalid UTF-8/);
    const files = (JSON.parse(r.stdout).findings as Array<{ file: string }>).map((f) => path.basename(f.file));
    expect([...new Set(files)]).toEqual(['latin1.properties']);
  });

  it('a retired namespace is reported once, at its declaration, and its fix rewrites xsi:schemaLocation too', async () => {
    const uri = 'http://www.kith.no/xmlstds/eresept/forskrivning/2009-02-20';
    const text = `<?xml version="1.0" encoding="UTF-8"?>
<Resept xmlns="${uri}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="${uri} ER-Forskrivning-2009-02-20.xsd">
  <x/>
</Resept>
`;
    const findings = (await findingsFor(text, 'xml')).filter((f) => f.ruleId.startsWith('namespace/'));
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(1);
    const rewrite = findings[0].fixes!.find((f) => f.edits?.length)!;
    expect(rewrite.edits!.map((e) => [e.range.start.line, e.newText])).toEqual([
      [1, 'http://www.kith.no/xmlstds/eresept/forskrivning/2014-12-01'],
      [2, 'http://www.kith.no/xmlstds/eresept/forskrivning/2014-12-01'],
    ]);
    // Without a declaration (a schema location alone), the location is reported.
    const alone = (await findingsFor(text.replace(`xmlns="${uri}" `, ''), 'xml')).filter((f) => f.ruleId.startsWith('namespace/'));
    expect(alone.map((f) => f.range.start.line)).toEqual([2]);
  });
});
