import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// The rule base through the built server over a real LSP connection: quick fixes applied to the
// text (hit-only rewrites, a link where the new value is not verified), the localized "fix all",
// the hover with the rule's story and the namespace successor, and suppression comments.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, HoverRequest } from 'vscode-languageserver-protocol';
import { actionsFor, applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { positionOf, rangeOf } from '../helpers/engine';

describe('rule base over LSP (English)', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26' } });
  });
  afterAll(async () => lsp?.close());

  const uri = 'file:///work/HelseIdClient.cs';
  const text = [
    '// HelseID client assertion; maternity record API headers',
    'var header = new Dictionary<string, object> { { "typ", "JWT" } };',
    'var aud = new Claim(JwtRegisteredClaimNames.Aud, "https://helseid-sts.test.nhn.no/connect/token");',
    'request.Headers.Add("hit-user-role", "LE");',
    'request.Headers.Add("hit-event-id", "1");',
    'var rf = "https://rf.test2-int.reseptformidleren.net/RF";',
    '',
  ].join('\n');

  it('publishes each rule at the exact token with its code, link and tags', async () => {
    const pending = lsp.diagnostics(uri, (d) => d.length >= 5);
    lsp.open(uri, 'csharp', text);
    const diags = await pending;
    expect(diags.map((d) => [d.code, d.range])).toEqual([
      ['api/helseid-assertion-typ', rangeOf(text, 'JWT')],
      ['api/helseid-assertion-aud', rangeOf(text, 'https://helseid-sts.test.nhn.no/connect/token')],
      ['api/maternity-hit-headers', rangeOf(text, 'hit-user-role')],
      ['api/maternity-hit-headers', rangeOf(text, 'hit-event-id')],
      ['host/reseptformidleren-net', rangeOf(text, 'rf.test2-int.reseptformidleren.net')],
    ]);
    const typ = diags[0];
    expect(typ.severity).toBe(DiagnosticSeverity.Error);
    expect(typ.tags).toContain(DiagnosticTag.Deprecated);
    // The code links to the rule's page shipped with the server, and that page names the NHN source.
    const page = typ.codeDescription!.href;
    expect(page).toMatch(/^file:\/\/.*\/docs\/rules\/api\/helseid-assertion-typ\.md$/);
    expect(readFileSync(fileURLToPath(page), 'utf8')).toMatch(/\(https:\/\/utviklerportal\.nhn\.no\//);
  });

  it('rewrites only the typ value and the aud value, preferred', async () => {
    const diags = lsp.current(uri);
    let fixed = text;
    for (const code of ['api/helseid-assertion-typ', 'api/helseid-assertion-aud']) {
      const actions = await actionsFor(lsp, uri, diags.find((d) => d.code === code)!);
      const fix = actions.find((a) => a.edit && a.isPreferred)!;
      expect(fix, code).toBeDefined();
      fixed = applyEdits(fixed, fix.edit!.changes![uri]);
    }
    expect(fixed).toContain('{ "typ", "client-authentication+jwt" }');
    expect(fixed).toContain('(JwtRegisteredClaimNames.Aud, "https://helseid-sts.test.nhn.no");');
  });

  it('offers "fix all" for the rule in the file', async () => {
    const d = lsp.current(uri).find((x) => x.code === 'api/maternity-hit-headers')!;
    const all = (await actionsFor(lsp, uri, d)).find((a) => a.title.startsWith('Fix all api/maternity-hit-headers in this file'))!;
    expect(all.title).toBe('Fix all api/maternity-hit-headers in this file (2)');
    const fixed = applyEdits(text, all.edit!.changes![uri]);
    expect(fixed).toContain('"nhn-user-role"');
    expect(fixed).toContain('"nhn-event-id"');
  });

  it('opens the source where the new value is not verified', async () => {
    const d = lsp.current(uri).find((x) => x.code === 'host/reseptformidleren-net')!;
    const actions = await actionsFor(lsp, uri, d);
    expect(actions.some((a) => a.edit && !a.title.startsWith('Ignore'))).toBe(false);
    expect(actions[0].command).toMatchObject({ command: 'nhn.openSource', arguments: ['https://www.nhn.no/tjenester/e-resept'] });
  });

  it("offers to ignore the rule on the line or in the file, in the file's comment syntax", async () => {
    const d = lsp.current(uri).find((x) => x.code === 'host/reseptformidleren-net')!;
    const actions = await actionsFor(lsp, uri, d);
    const line = actions.find((a) => a.title === 'Ignore host/reseptformidleren-net on this line')!;
    const fixed = applyEdits(text, line.edit!.changes![uri]);
    expect(fixed).toContain('// nhn-ignore-next-line host/reseptformidleren-net\nvar rf = ');
    const file = actions.find((a) => a.title === 'Ignore host/reseptformidleren-net in this file')!;
    expect(applyEdits(text, file.edit!.changes![uri]).startsWith('// nhn-ignore-file host/reseptformidleren-net\n// HelseID')).toBe(true);
    // Applied, the suppression silences exactly that finding.
    const sUri = 'file:///work/HelseIdClient.suppressed.cs';
    const pending = lsp.diagnostics(sUri);
    lsp.open(sUri, 'csharp', fixed);
    expect((await pending).map((x) => x.code)).not.toContain('host/reseptformidleren-net');
  });

  it('hovers with the namespace, its successor and the source', async () => {
    const nsUri = 'file:///work/Resept.xml';
    const xml = '<Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2010-05-01"/>\n';
    const pending = lsp.diagnostics(nsUri, (d) => d.some((x) => x.code === 'namespace/eresept-outdated'));
    lsp.open(nsUri, 'xml', xml);
    await pending;
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri: nsUri }, position: positionOf(xml, 'm1/2010') });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('`namespace/eresept-outdated`');
    expect(value).toContain('e-resept M1 Resept 2010-05-01 is an e-resept 2.4 namespace');
    expect(value).toContain('`http://www.kith.no/xmlstds/eresept/m1/2013-10-08`');
    expect(value).toContain('- Deadline: 2017-12-31');
    expect(value).toContain('https://ehelse.no/e-resept-kjernejournal-og-helsenorgeno/e-resept/dokumentasjon-for-e-resept');
    // The catalog's own card for the namespace comes with it.
    expect(value).toContain('**e-resept M1 Resept 2010-05-01**: outdated');
  });

  it('honours a suppression comment as you type and reports it when it becomes unused', async () => {
    const sUri = 'file:///work/Suppressed.java';
    const src = '// nhn-ignore-next-line message-type/dialog-innbygger-oppgave\nString t = "DIALOG_INNBYGGER_OPPGAVE";\n';
    const pending = lsp.diagnostics(sUri);
    lsp.open(sUri, 'java', src);
    expect(await pending).toEqual([]);
    const next = lsp.diagnostics(sUri, (d) => d.length > 0);
    lsp.change(sUri, 2, [{ text: src.replace('DIALOG_INNBYGGER_OPPGAVE"', 'DIALOG_INNBYGGER_EKONTAKT"') }]);
    const [unused] = await next;
    expect(unused.code).toBe('suppression/unused');
    expect(unused.severity).toBe(DiagnosticSeverity.Hint);
    expect(unused.tags).toContain(DiagnosticTag.Unnecessary);
  });
});

describe('rule base over LSP (Norwegian)', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ locale: 'nb', settings: { today: '2026-11-26', language: 'nb' } });
  });
  afterAll(async () => lsp?.close());

  it('titles "fix all" and the rewrite in Norwegian', async () => {
    const uri = 'file:///work/headers.ts';
    const text = "// maternity record\nconst h = { 'hit-user-role': 'LE', 'hit-source-system': 'EPJ' };\n";
    const pending = lsp.diagnostics(uri, (d) => d.length === 2);
    lsp.open(uri, 'typescript', text);
    const [d] = await pending;
    expect(d.message).toContain('nhn-*');
    const actions = await actionsFor(lsp, uri, d);
    expect(actions.map((a) => a.title)).toEqual([
      'Erstatt med nhn-user-role',
      'Ignorer api/maternity-hit-headers på denne linjen',
      'Ignorer api/maternity-hit-headers i denne filen',
      'Rett alle api/maternity-hit-headers i denne filen (2)',
    ]);
  });
});
