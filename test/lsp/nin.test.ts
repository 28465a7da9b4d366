// Identity numbers through the built server over a real LSP connection: diagnostics, the two quick
// fixes (synthetic stand-in as an edit, the picker as a client command), "fix all", and a masked hover.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, HoverRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { positionOf, rangeOf } from '../helpers/engine';
import { makeNin } from '../helpers/nin';
import { classifyNin } from '../../server/src/engine';

const PLAIN = makeNin(23, 4, 85, 207);
const OTHER = makeNin(2, 12, 1, 533);

describe('nin over LSP', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26' } });
  });
  afterAll(async () => lsp?.close());

  const uri = 'file:///work/PatientTest.java';
  const text = `class PatientTest {\n  String a = "${PLAIN}";\n  String b = "${OTHER}";\n  String c = "13116900216";\n}\n`;

  const actionsAt = async (needle: string) => {
    const diags = lsp.current(uri);
    const d = diags.find((x) => x.range.start.line === rangeOf(text, needle).start.line)!;
    return (await lsp.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  };

  it('publishes one diagnostic per number, exact ranges, masked messages', async () => {
    const pending = lsp.diagnostics(uri);
    lsp.open(uri, 'java', text);
    const diags = await pending;
    expect(diags.map((d) => [d.code, d.range])).toEqual([
      ['nin/possibly-real-person', rangeOf(text, PLAIN)],
      ['nin/possibly-real-person', rangeOf(text, OTHER)],
      ['nin/preg-test-person', rangeOf(text, '13116900216')],
    ]);
    expect(JSON.stringify(diags)).not.toMatch(/\d{11}/);
  });

  it('replaces a number with a synthetic one of the same birth date and sex, and the warning goes', async () => {
    const actions = await actionsAt(PLAIN);
    const synthetic = actions.find((a) => a.title.startsWith('Replace with a synthetic number'))!;
    expect(synthetic.title).toContain('may not exist in SyntPop');
    const fixed = applyEdits(text, synthetic.edit!.changes![uri]);
    const newNumber = /String a = "(\d{11})"/.exec(fixed)![1];
    expect(classifyNin(newNumber)).toMatchObject({ kind: 'tenor', birthDate: classifyNin(PLAIN).birthDate, sex: classifyNin(PLAIN).sex });
    const next = lsp.diagnostics(uri, (d) => d.length === 2);
    lsp.change(uri, 2, [{ text: fixed }]);
    expect((await next).map((d) => d.range.start.line)).toEqual([2, 3]);
    lsp.change(uri, 3, [{ text }]);
    await lsp.diagnostics(uri, (d) => d.length === 3);
  });

  it('leaves nhn.insertTestPerson to the client (the server does not claim it)', () => {
    const commands = lsp.initializeResult.capabilities.executeCommandProvider?.commands ?? [];
    expect(commands).not.toContain('nhn.insertTestPerson');
  });

  it('offers the picker as the preferred fix: a client command with the range and the masked number only', async () => {
    const actions = await actionsAt('13116900216');
    const picker = actions.find((a) => a.title === 'Replace with a SyntPop person…')!;
    expect(picker.isPreferred).toBe(true);
    expect(picker.edit).toBeUndefined();
    expect(picker.command).toEqual({
      command: 'nhn.insertTestPerson',
      title: 'Replace with a SyntPop person…',
      arguments: [{ uri, range: rangeOf(text, '13116900216'), masked: '131169*****', scopes: ['occurrence', 'file', 'workspace'] }],
    });
  });

  it('offers to replace all possibly-real numbers in the file at once', async () => {
    const actions = await actionsAt(PLAIN);
    const all = actions.find((a) => a.title.startsWith('Fix all nin/possibly-real-person'))!;
    const fixed = applyEdits(text, all.edit!.changes![uri]);
    expect(fixed).not.toContain(PLAIN);
    expect(fixed).not.toContain(OTHER);
    expect(fixed).toContain('13116900216');
  });

  it('hovers with the masked number, its class and the rule story', async () => {
    const hover = await lsp.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, '13116900216') });
    const value = (hover!.contents as { value: string }).value;
    expect(value).toContain('`131169*****`: fødselsnummer, born 1969-11-13, female');
    expect(value).toContain('nin/preg-test-person');
    expect(value).not.toMatch(/\d{11}/);
  });
});
