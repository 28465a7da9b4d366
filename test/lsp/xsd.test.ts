// XSD validation, quick fixes, completion and hover through the built server (libxml2 in its worker).

import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/cli';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { positionOf } from '../helpers/engine';
import { inside, instance, nameAfter, SCHEMA_PATHS } from '../xsd/helpers';

const xsdOnly = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('xsd/'));

describe('XSD through the language server', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26', xml: { schemaPaths: SCHEMA_PATHS } } });
  });
  afterAll(async () => lsp?.close());

  const { file, text } = instance('dialog-1.1-invalid.xml');
  const uri = pathToFileURL(file).href;

  it('advertises completion', () => {
    expect(lsp.initializeResult.capabilities.completionProvider).toMatchObject({ triggerCharacters: expect.arrayContaining(['<']) });
  });

  it('publishes envelope and payload errors with exact ranges', async () => {
    const pending = lsp.diagnostics(uri, (d) => xsdOnly(d).length > 0);
    lsp.open(uri, 'xml', text);
    const diags = xsdOnly(await pending);
    expect(diags.map((d) => [d.code, d.range])).toEqual([
      ['xsd/unexpected-attribute', nameAfter(text, ' Prioritet')],
      ['xsd/fixed-value', inside(text, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25')],
      ['xsd/invalid-value', inside(text, '<GenDate>2026-11-31T10:00:00<', '2026-11-31T10:00:00')],
      ['xsd/invalid-value', inside(text, 'S="2.16.578.x"', '2.16.578.x')],
      ['xsd/unexpected-element', nameAfter(text, '<Tema')],
    ]);
  });

  it('tells the language-status item which schema won for each namespace', async () => {
    expect(await lsp.connection.sendRequest('nhn/schemaStatus', { uri })).toEqual({
      text: 'MsgHead 1.2 + Dialogmelding 1.1',
      detail: 'MsgHead-v1_2.xsd — nhn.xml.schemaPaths; dialogmelding-v1.1.xsd — nhn.xml.schemaPaths',
      missing: false,
    });
  });

  it('fixes MIGversion with one quick fix, and the error goes away', async () => {
    const mig = lsp.current(uri).find((d) => d.code === 'xsd/fixed-value')!;
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: mig.range,
      context: { diagnostics: [mig] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === "Replace with 'v1.2 2006-05-24'")!;
    expect(fix.isPreferred).toBe(true);
    const fixed = applyEdits(text, fix.edit!.changes![uri]);
    expect(fixed).toContain('<MIGversion>v1.2 2006-05-24</MIGversion>');
    const next = lsp.diagnostics(uri, (d) => xsdOnly(d).length > 0 && !d.some((x) => x.code === 'xsd/fixed-value'));
    lsp.change(uri, 2, [{ text: fixed }]);
    expect(xsdOnly(await next)).toHaveLength(4);
  });

  it('inserts a missing required child', async () => {
    const u = pathToFileURL(file.replace('dialog-1.1-invalid', 'missing-child')).href;
    const t = instance('apprec-1.1-valid.xml')
      .text.replace(/\s*<Status V="1" DN="OK"\/>/, '')
      .replace(/\s*<OriginalMsgId>[\s\S]*<\/OriginalMsgId>/, '');
    const pending = lsp.diagnostics(u, (d) => xsdOnly(d).length > 0);
    lsp.open(u, 'xml', t);
    const [missing] = xsdOnly(await pending);
    expect(missing).toMatchObject({ code: 'xsd/missing-element', range: nameAfter(t, '<AppRec') });
    const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: u },
      range: missing.range,
      context: { diagnostics: [missing] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Insert <Status>')!;
    expect(applyEdits(t, fix.edit!.changes![u])).toContain('</Receiver>\n  <Status></Status>\n</AppRec>');
  });

  it('replaces an invalid enumeration value, and completes values, children and attributes', async () => {
    const u = pathToFileURL(`${__dirname}/../xsd/schemas/priority.xml`).href;
    const t = '<Priority xmlns="urn:nhn-integrator:test:priority" scale="weeks">\n  <Level>haster</Level>\n  \n</Priority>';
    const other = await startServer({ settings: { xml: { schemaPaths: [`${__dirname}/../xsd/schemas`] } } });
    try {
      const pending = other.diagnostics(u, (d) => xsdOnly(d).length > 0);
      other.open(u, 'xml', t);
      const diags = xsdOnly(await pending);
      expect(diags.map((d) => d.code)).toEqual(['xsd/missing-element', 'xsd/invalid-value', 'xsd/invalid-value']);
      const level = diags[2];
      const actions = (await other.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: u },
        range: level.range,
        context: { diagnostics: [level] },
      })) as CodeAction[];
      // The value fixes, then the suppression actions every rule family has.
      expect(actions.map((a) => a.title)).toEqual([
        "Replace with 'Normal'",
        "Replace with 'Haster'",
        "Replace with 'Akutt'",
        'Ignore xsd/invalid-value on this line',
        'Ignore xsd/invalid-value in this file',
      ]);
      expect(actions.find((a) => a.isPreferred)!.title).toBe("Replace with 'Haster'");
      const values = (await other.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri: u },
        position: positionOf(t, 'weeks'),
      })) as CompletionItem[];
      expect(values.map((v) => v.label)).toEqual(['hours', 'days']);
      expect(values[0].textEdit).toMatchObject({
        newText: 'hours',
        range: { start: positionOf(t, 'weeks'), end: { ...positionOf(t, 'weeks'), character: positionOf(t, 'weeks').character + 5 } },
      });
      const afterLevel = { line: 2, character: 2 };
      const children = (await other.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: u }, position: afterLevel })) as CompletionItem[];
      expect(children.map((c) => [c.label, (c.textEdit as { newText: string }).newText, c.insertTextFormat])).toEqual([
        ['Level', '<Level>$1</Level>', 2],
        ['Reason', '<Reason>$1</Reason>', 2],
      ]);
      const hover = await other.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: positionOf(t, 'Level>haster') });
      expect((hover!.contents as { value: string }).value).toContain('Hvor raskt meldingen må behandles.');
    } finally {
      await other.close();
    }
  });

  it('no schema: one information with the "Choose schema folder…" command', async () => {
    const bare = await startServer({ settings: {} });
    try {
      const u = 'file:///tmp/nhn-xsd-none/dialog.xml';
      const t = '<Dialogmelding xmlns="http://www.kith.no/xmlstds/dialog/2013-01-23"/>';
      const pending = bare.diagnostics(u, (d) => xsdOnly(d).length > 0);
      bare.open(u, 'xml', t);
      const [info] = xsdOnly(await pending);
      expect(info).toMatchObject({
        code: 'xsd/no-schema',
        severity: 3,
        range: nameAfter(t, '<Dialogmelding'),
        message: expect.stringMatching(/^Dialogmelding 1\.1 — no XSD found/),
      });
      const actions = (await bare.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: u },
        range: info.range,
        context: { diagnostics: [info] },
      })) as CodeAction[];
      expect(actions.find((a) => a.command?.command === 'nhn.chooseSchemaFolder')?.title).toBe('Choose schema folder…');
    } finally {
      await bare.close();
    }
  });
});

describe('the workspace schema index', () => {
  it('finds an XSD that appears in the workspace after a file-watcher event, with no settings', async () => {
    const { dir, cleanup } = tempDir();
    const lsp = await startServer({ settings: {}, workspaceFolders: [dir] });
    try {
      const uri = pathToFileURL(path.join(dir, 'msg', 'priority.xml')).href;
      const t = '<Priority xmlns="urn:nhn-integrator:test:priority"><Level>Snart</Level><Reason>x</Reason></Priority>';
      const first = lsp.diagnostics(uri);
      lsp.open(uri, 'xml', t);
      expect(xsdOnly(await first)).toEqual([]);
      mkdirSync(path.join(dir, 'schemas', 'nested'), { recursive: true });
      const xsd = path.join(dir, 'schemas', 'nested', 'priority.xsd');
      copyFileSync(path.join(__dirname, '../xsd/schemas/priority.xsd'), xsd);
      const next = lsp.diagnostics(uri, (d) => xsdOnly(d).length > 0);
      void lsp.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: pathToFileURL(xsd).href, type: FileChangeType.Created }],
      });
      expect(xsdOnly(await next).map((d) => [d.code, d.range])).toEqual([['xsd/invalid-value', inside(t, '<Level>Snart<', 'Snart')]]);
    } finally {
      await lsp.close();
      cleanup();
    }
  });
});
