// Typing in a big message while libxml2 validates it: through the built server, the stale validation is
// interrupted and the diagnostics published last are those of the final text.

import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lsp';
import { bigDialog, withBadGenDate } from '../xsd/big-message';
import { inside, SCHEMA_PATHS } from '../xsd/helpers';

const xsdOnly = (d: Diagnostic[]) => d.filter((x) => String(x.code).startsWith('xsd/'));

describe('editing a big message while it is validated', () => {
  let lsp: LspSession;
  const published: Array<number | undefined> = [];
  const uri = pathToFileURL(path.join(__dirname, '../xsd/instances/big-typing.xml')).href;
  beforeAll(async () => {
    lsp = await startServer({ settings: { today: '2026-11-26', xml: { schemaPaths: SCHEMA_PATHS } } });
  });
  afterAll(async () => lsp?.close());

  it('publishes the final version’s findings, and nothing for the superseded ones', async () => {
    const v1 = bigDialog(8_000_000);
    const v2 = withBadGenDate(v1);
    const v3 = v1.replace('<MIGversion>v1.2 2006-05-24<', '<MIGversion>v1.2 2006-05-25<');
    // Every publication for the document, until the one for version 3.
    const final = lsp.diagnostics(uri, () => published.push(lsp.version(uri)) > 0 && lsp.version(uri) === 3, 60000);
    // Open and let the server start on v1 (its own parse, then libxml2 in the worker), then type twice.
    lsp.open(uri, 'xml', v1);
    await new Promise((r) => setTimeout(r, 400));
    lsp.change(uri, 2, [{ text: v2 }]);
    await new Promise((r) => setTimeout(r, 50));
    lsp.change(uri, 3, [{ text: v3 }]);
    expect(xsdOnly(await final).map((d) => [d.code, d.range])).toEqual([['xsd/fixed-value', inside(v3, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25')]]);
    // v2 was superseded within the debounce; v1 only if it finished before the edits.
    expect(published.filter((v) => v !== 1)).toEqual([3]);
    expect(lsp.stderr()).not.toMatch(/Error|failed/);
  }, 90000);
});
