// Resolution, the XSD 1.1 relaxation, missing schemas, schema files' own errors, and hostile input.

import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tempDir } from '../helpers/cli';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';
import { relaxXsd11 } from '../../server/src/engine/xsd/schema-set';
import { FIXTURES, inside, instance, nameAfter, SCHEMA_PATHS, span, summary, xsdFindings } from './helpers';

const EXTENSION = path.join(FIXTURES, 'eresept/ER-M1-2013-10-08-extension-1.xsd');

describe('the XSD 1.1 relaxation of the e-resept extension schemas', () => {
  it('is needed: libxml2 rejects the original as non-deterministic, accepts the relaxed one', async () => {
    const kith = readFileSync(path.join(FIXTURES, 'felleskomponenter/kith.xsd'), 'utf8');
    const original = readFileSync(EXTENSION, 'utf8').replace('../felleskomponenter/kith.xsd', '/k/kith.xsd');
    const service = new LibxmlXsdService();
    const before = await service.compile('orig', () => ({ entry: '/k/ext.xsd', files: { '/k/ext.xsd': original, '/k/kith.xsd': kith } }));
    expect(before.ok).toBe(false);
    expect(before.issues.map((i) => i.message).join('\n')).toMatch(/content model is not determinist/);
    const after = await service.compile('relaxed', () => ({ entry: '/k/ext2.xsd', files: { '/k/ext2.xsd': relaxXsd11(original), '/k/kith.xsd': kith } }));
    expect(after).toMatchObject({ ok: true, issues: [] });
  });

  it('stated effect: foreign elements pass where xs:any stands, an unknown element of the extension namespace is reported', async () => {
    const { file, text } = instance('m1-2013-10-08-valid.xml');
    expect(await xsdFindings(text, file)).toEqual([]);
    const own = text.replace('<Framtidig xmlns="urn:example:future-extension">', '<Framtidig>');
    const findings = await xsdFindings(own, file);
    expect(summary(findings)).toEqual(summary([{ ruleId: 'xsd/unexpected-element', range: nameAfter(own, '<Framtidig') }] as never));
    expect(findings[0].message).toBe("'Framtidig' is not allowed here. Expected: Tilleggstekst, an element of another namespace.");
  });
});

describe('no schema found', () => {
  it('Dialogmelding 1.1 without schemas: one information on the root with "Choose schema folder…"', async () => {
    const text = '<Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23"><Notat/></Dialogmelding>';
    const findings = await xsdFindings(text, '/tmp/none/d.xml', []);
    expect(summary(findings)).toEqual(summary([{ ruleId: 'xsd/no-schema', range: nameAfter(text, '<Dialogmelding') }] as never));
    expect(findings[0]).toMatchObject({ severity: 'info', message: expect.stringMatching(/^Dialogmelding 1\.1 — no XSD found/) });
    expect(findings[0].fixes).toEqual([
      {
        title: 'Choose schema folder…',
        command: { command: 'nhn.chooseSchemaFolder', title: 'Choose schema folder…', arguments: ['http://www.kith.no/xmlstds/dialog/2013-01-23'] },
      },
      // The catalog pins a published copy of Dialogmelding 1.1: downloads would find it, if the user allows them.
      {
        title: 'Allow schema downloads…',
        command: { command: 'workbench.action.openSettings', title: 'Allow schema downloads…', arguments: ['nhn.allowDownloads'] },
      },
    ]);
  });

  it('a MsgHead whose payload has no schema: the envelope is still validated, the payload gets the notice', async () => {
    const { file, text } = instance('m911-2021-10-01-valid.xml');
    const broken = text.replace('<MIGversion>v1.2 2006-05-24<', '<MIGversion>v1.1<');
    const findings = await xsdFindings(broken, file, [path.join(FIXTURES, 'kith-core')]);
    expect(summary(findings)).toEqual(
      summary([
        { ruleId: 'xsd/fixed-value', range: inside(broken, '<MIGversion>v1.1<', 'v1.1') },
        { ruleId: 'xsd/no-schema', range: nameAfter(broken, '<M911') },
      ] as never),
    );
  });

  it("says nothing about XML that is not NHN's (a pom.xml)", async () => {
    expect(await xsdFindings('<project xmlns="http://maven.apache.org/POM/4.0.0"><x/></project>', '/tmp/pom.xml')).toEqual([]);
  });
});

describe('resolution', () => {
  it('xsi:schemaLocation relative to the document wins over the folders', async () => {
    const { text } = instance('apprec-1.1-invalid.xml');
    const withHint = text.replace(
      '<AppRec xmlns="http://www.kith.no/xmlstds/apprec/2012-02-15">',
      '<AppRec xmlns="http://www.kith.no/xmlstds/apprec/2012-02-15" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.kith.no/xmlstds/apprec/2012-02-15 ../duplicate-copies/AppRec-v1.1.xsd">',
    );
    const findings = await xsdFindings(withHint, path.join(FIXTURES, 'kith-core/message.xml'), []);
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['xsd/invalid-value', 'xsd/unexpected-element']);
  });

  it('two files claiming the root namespace: a deterministic pick, and the user is told', async () => {
    const { file, text } = instance('apprec-1.1-valid.xml');
    const findings = await xsdFindings(text, file, [path.join(FIXTURES, 'kith-core'), path.join(FIXTURES, 'duplicate-copies')]);
    expect(summary(findings)).toEqual(summary([{ ruleId: 'xsd/schema-choice', range: nameAfter(text, '<AppRec') }] as never));
    expect(findings[0].message).toContain(`using ${path.join(FIXTURES, 'duplicate-copies/AppRec-v1.1.xsd')}`);
  });
});

describe('a message inside a wrapper that has no schema (EI_fellesformat, SOAP)', () => {
  it('validates the MsgHead subtree, payload included, with the same findings at their real positions', async () => {
    const { file, text } = instance('dialog-1.1-invalid.xml');
    const body = text.replace(/^<\?xml[^>]*>\n/, '');
    const wrapped = `<?xml version="1.0" encoding="UTF-8"?>\n<EI_fellesformat xmlns="http://www.trygdeetaten.no/xml/eiff/1/">\n${body}<MottakenhetBlokk ediLoggId="1"/>\n</EI_fellesformat>\n`;
    const findings = await xsdFindings(wrapped, file);
    expect(summary(findings)).toEqual(
      summary([
        { ruleId: 'xsd/unexpected-attribute', range: nameAfter(wrapped, ' Prioritet') },
        { ruleId: 'xsd/fixed-value', range: inside(wrapped, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25') },
        { ruleId: 'xsd/invalid-value', range: inside(wrapped, '<GenDate>2026-11-31T10:00:00<', '2026-11-31T10:00:00') },
        { ruleId: 'xsd/invalid-value', range: inside(wrapped, 'S="2.16.578.x"', '2.16.578.x') },
        { ruleId: 'xsd/unexpected-element', range: nameAfter(wrapped, '<Tema') },
        // On the wrapper: what was validated (the MsgHead) and what was not (EI_fellesformat, no XSD here).
        { ruleId: 'xsd/wrapped', range: nameAfter(wrapped, '<EI_fellesformat') },
      ] as never),
    );
  });
});

describe('OASIS XML catalogs (nhn.xml.catalogs)', () => {
  it('a catalog uri entry maps the namespace to a local XSD', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const catalog = path.join(dir, 'catalog.xml');
      writeFileSync(
        catalog,
        `<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n  <!-- AppRec 1.1 -->\n  <uri name="http://www.kith.no/xmlstds/apprec/2012-02-15" uri="${pathToFileURL(path.join(FIXTURES, 'kith-core/apprec-v1.1.xsd')).href}"/>\n</catalog>\n`,
      );
      const { file, text } = instance('apprec-1.1-invalid.xml');
      const findings = await xsdFindings(text, file, [], 'en', [catalog]);
      expect(findings.map((f) => f.ruleId).sort()).toEqual(['xsd/invalid-value', 'xsd/unexpected-element']);
    } finally {
      cleanup();
    }
  });
});

describe('an instance whose schema cannot compile', () => {
  it("one warning on the root naming the schema and libxml2's first error", async () => {
    const text = '<Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2008-10-09"><Forskrivningsdato>2008-10-09</Forskrivningsdato></Resept>';
    const findings = await xsdFindings(text, '/tmp/m1-2008.xml', SCHEMA_PATHS);
    expect(summary(findings)).toEqual(summary([{ ruleId: 'xsd/schema-broken', range: nameAfter(text, '<Resept') }] as never));
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      message: expect.stringMatching(
        /^The schema for e-resept M1 .* \(ER-M1-2008-10-09\.xsd\) cannot be compiled: ER-M1-2008-10-09\.xsd:\d+: .*'Forskrivning' does not resolve/,
      ),
    });
  });
});

describe('schema files', () => {
  it('a schema whose import cannot be resolved is reported on the schema file itself', async () => {
    const file = path.join(FIXTURES, 'eresept/ER-M1-2008-10-09.xsd');
    const text = readFileSync(file, 'utf8');
    const findings = await xsdFindings(text, file, SCHEMA_PATHS);
    const unresolved = findings.filter((f) => f.ruleId === 'xsd/unresolved-import');
    expect(unresolved.map((f) => f.range)).toEqual([inside(text, 'schemaLocation="Forskrivning-2008-10-09.xsd"', 'Forskrivning-2008-10-09.xsd')]);
    const errors = findings.filter((f) => f.ruleId === 'xsd/schema-error');
    expect(errors.length).toBe(4);
    expect(errors[0]).toMatchObject({ severity: 'error', message: expect.stringContaining("'Forskrivning' does not resolve") });
    const at = text.indexOf('<element ref="fs:Forskrivning"');
    expect(errors[0].range).toEqual(span(text, at + 1, at + '<element'.length));
  });

  it('a schema that compiles has no findings, and the broken relative import is resolved by namespace', async () => {
    const file = path.join(FIXTURES, 'eresept/ER-M911-2021-10-01.xsd');
    // No error; the one finding is the hint that two different kith.xsd copies were on offer for the import.
    expect((await xsdFindings(readFileSync(file, 'utf8'), file, SCHEMA_PATHS)).map((f) => [f.ruleId, f.severity])).toEqual([['xsd/schema-choice', 'hint']]);
  });
});

describe('hostile input', () => {
  it('billion laughs returns fast with no expansion', async () => {
    const { file, text } = instance('apprec-1.1-valid.xml');
    const lol = `<?xml version="1.0"?>\n<!DOCTYPE AppRec [\n<!ENTITY a "lollollollollollollollollollol">\n${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('\n')}\n]>\n`;
    const hostile = text.replace(/^<\?xml[^>]*>\n/, lol).replace('<Name>Testsykehuset</Name>', '<Name>&j;</Name>');
    const started = Date.now();
    await xsdFindings(hostile, file);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('external entities are never read', async () => {
    const { file, text } = instance('apprec-1.1-valid.xml');
    const xxe = text
      .replace(/^<\?xml[^>]*>\n/, '<?xml version="1.0"?>\n<!DOCTYPE AppRec [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n')
      .replace('<Name>Testsykehuset</Name>', '<Name>&x;</Name>');
    const findings = await xsdFindings(xxe, file);
    expect(JSON.stringify(findings)).not.toContain('root:');
  });
});

describe('bad input never crashes the XSD check', () => {
  const { file, text } = instance('apprec-1.1-valid.xml');
  it('a document that is not well-formed: no XSD findings (the xml/* check speaks), no failure', async () => {
    const broken = text.replace('</Sender>', '</Sendr>');
    const findings = await xsdFindings(broken, file);
    expect(findings.filter((f) => f.ruleId === 'xsd/check-failed')).toEqual([]);
    expect(findings).toEqual([]);
  });

  it('100 000 nested elements: libxml2 refuses the depth, and says so instead of passing it', async () => {
    const deep = text.replace('<Name>Testsykehuset</Name>', `<Name>${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</Name>`);
    const findings = await xsdFindings(deep, file);
    expect(findings.map((f) => f.ruleId)).toEqual(['xsd/not-validated']);
    expect(findings[0].message).toMatch(/depth|nested/i);
  });

  it('a schema file that is not a schema, and garbage in an .xsd, are left alone', async () => {
    expect(await xsdFindings('<notes><n/></notes>', '/tmp/notes.xsd')).toEqual([]);
    expect(await xsdFindings('\u0001\u0002 not xml at all <<<', '/tmp/junk.xsd')).toEqual([]);
  });
});
