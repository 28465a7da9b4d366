// Norwegian diagnostics in the workbench: with `nhn.language` set to `nb` (what "auto" picks when
// VS Code's display language is Norwegian), the Problems panel and the hover speak bokmål.
// (code-server offers no display language without a Marketplace language pack, so the manifest's
// package.nls.nb.json is covered by test/l10n instead.)

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionOf } from '../helpers/engine';
import { ROOT, startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, Workbench } from './workbench';

describe('the extension in code-server with nhn.language = nb', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let workspace: string;

  beforeAll(async () => {
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-nb-')), 'examples');
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    server = await startCodeServer({ settings: { 'nhn.language': 'nb' } });
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'norwegian');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it('shows diagnostics and the rule story in Norwegian', async () => {
    const file = 'dotnet/EpjClient/LabResultClient.cs';
    await wb.step('norske diagnoser', async () => {
      await wb.openFile(file);
      await wb.waitForProblem(['host/nilar', 'NILAR er erstattet av API-et for Pasientens prøvesvar']);
    });
    await wb.step('norsk hover', async () => {
      const p = positionOf(readFileSync(path.join(workspace, file), 'utf8'), 'prod.nilar.nhn.no');
      await wb.goTo(p.line + 1, p.character + 1);
      const hover = await wb.hoverAtCursor(['NILAR-verter erstattet av Pasientens prøvesvar (PPS)', 'Kilde']);
      expect(hover).not.toContain('NILAR is replaced');
    });
  });
});
