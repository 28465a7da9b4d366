// Every rule's first case through the built server: the diagnostic at the exact token, and its quick
// fix as the editor gets it: the rewrite applied to the text, or the command that opens the source.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, type CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits, startServer, type LspSession } from '../helpers/lsp';
import { CASES, expectedRange } from '../helpers/rule-cases';

const EXT: Record<string, string> = {
  csharp: 'cs',
  java: 'java',
  kotlin: 'kt',
  typescript: 'ts',
  json: 'json',
  yaml: 'yaml',
  xml: 'xml',
  properties: 'properties',
  http: 'http',
};

describe('quick fix of every rule through the real server', () => {
  let lsp: LspSession;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26' } });
  });
  afterAll(async () => lsp?.close());

  for (const [ruleId, cases] of Object.entries(CASES)) {
    const c = cases.find((x) => x.fix) ?? cases[0];
    it(`${ruleId} (${c.lang})`, async () => {
      const uri = `file:///work/fixes/${ruleId.replace('/', '-')}.${EXT[c.lang] ?? 'txt'}`;
      const pending = lsp.diagnostics(uri, (d) => d.some((x) => x.code === ruleId));
      lsp.open(uri, c.lang, c.text);
      const d = (await pending).find((x) => x.code === ruleId)!;
      expect(d.range).toEqual(expectedRange(c));
      const actions = (await lsp.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      const rewrite = actions.find((a) => a.edit && !a.title.includes(ruleId));
      expect(
        actions.some((a) => a.title === `Ignore ${ruleId} on this line`),
        'suppression offered',
      ).toBe(c.lang !== 'json');
      if (c.fix) {
        const fixed = applyEdits(c.text, rewrite!.edit!.changes![uri]);
        const start = c.text.split('\n').slice(0, d.range.start.line).join('\n').length + (d.range.start.line ? 1 : 0) + d.range.start.character;
        expect(fixed.slice(start, start + c.fix.length)).toBe(c.fix);
        expect(fixed.length).toBe(c.text.length - (d.range.end.character - d.range.start.character) + c.fix.length);
      } else {
        expect(rewrite).toBeUndefined();
        expect(actions.find((a) => a.command)?.command).toMatchObject({ command: 'nhn.openSource', arguments: [expect.stringMatching(/^https:\/\//)] });
      }
    });
  }
});
