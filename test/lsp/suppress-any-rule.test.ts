// "Ignore … on this line / in this file" for every rule family, not only the rule base: an identity
// number a team has checked, a schema error in a deliberately broken test message. Never for a
// well-formedness error, and never in JSON (no comment syntax).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionsFor, applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { makeNin } from '../helpers/nin';
import { instance, SCHEMA_PATHS } from '../xsd/helpers';

describe('suppression actions for any rule', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26', xml: { schemaPaths: SCHEMA_PATHS } } });
  });
  afterAll(async () => lsp?.close());

  it('nin: ignoring a possibly-real number on its line silences it, and only it', async () => {
    const uri = 'file:///work/FixtureTest.java';
    const text = `class FixtureTest {\n  String a = "${makeNin(23, 4, 85, 207)}";\n  String b = "${makeNin(2, 12, 1, 533)}";\n}\n`;
    const pending = lsp.diagnostics(uri, (d) => d.length === 2);
    lsp.open(uri, 'java', text);
    const [first] = await pending;
    expect(first.code).toBe('nin/possibly-real-person');
    const ignore = (await actionsFor(lsp, uri, first)).find((a) => a.title === 'Ignore nin/possibly-real-person on this line')!;
    const fixed = applyEdits(text, ignore.edit!.changes![uri]);
    expect(fixed).toContain('  // nhn-ignore-next-line nin/possibly-real-person\n  String a = ');
    const sUri = 'file:///work/FixtureTest.suppressed.java';
    const after = lsp.diagnostics(sUri);
    lsp.open(sUri, 'java', fixed);
    expect((await after).map((d) => [d.code, d.range.start.line])).toEqual([['nin/possibly-real-person', 3]]);
  });

  it('xsd: a schema error in a message can be ignored on its line; the rest still stands', async () => {
    const { file, text } = instance('dialog-1.1-invalid.xml');
    const uri = `file://${file}`;
    const pending = lsp.diagnostics(uri, (d) => d.some((x) => x.code === 'xsd/fixed-value'));
    lsp.open(uri, 'xml', text);
    const diags = await pending;
    const fixedValue = diags.find((d) => d.code === 'xsd/fixed-value')!;
    const ignore = (await actionsFor(lsp, uri, fixedValue)).find((a) => a.title === 'Ignore xsd/fixed-value on this line')!;
    const fixed = applyEdits(text, ignore.edit!.changes![uri]);
    expect(fixed).toContain('    <!-- nhn-ignore-next-line xsd/fixed-value -->\n    <MIGversion>');
    const sUri = `file://${file.replace(/\.xml$/, '.suppressed.xml')}`;
    const after = lsp.diagnostics(sUri, (d) => d.some((x) => String(x.code).startsWith('xsd/')));
    lsp.open(sUri, 'xml', fixed);
    const left = (await after).map((d) => d.code).filter((c) => String(c).startsWith('xsd/'));
    expect(left).not.toContain('xsd/fixed-value');
    expect(left).toContain('xsd/unexpected-element');
  });

  it('xml well-formedness errors are not offered for suppression', async () => {
    const uri = 'file:///work/broken.xml';
    const text = '<a>\n  <b>\n</a>\n';
    const pending = lsp.diagnostics(uri, (d) => d.some((x) => String(x.code).startsWith('xml/')));
    lsp.open(uri, 'xml', text);
    const d = (await pending).find((x) => String(x.code).startsWith('xml/'))!;
    expect((await actionsFor(lsp, uri, d)).filter((a) => a.title.startsWith('Ignore'))).toEqual([]);
  });
});
