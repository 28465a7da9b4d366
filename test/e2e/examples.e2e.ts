// The workshop's sample workspace (a copy of examples/) in code-server with the packaged extension:
// what a vendor sees on screen when they open it.

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positionOf } from '../helpers/engine';
import { ROOT, startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, plain, until, Workbench } from './workbench';

describe('the extension in code-server, on the sample workspace', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let workspace: string;

  beforeAll(async () => {
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-ws-')), 'examples');
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    server = await startCodeServer();
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'examples');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  /** The 1-based line and column of `needle` in a workspace file, for Go to Line. */
  function where(file: string, needle: string): [number, number] {
    const p = positionOf(readFileSync(path.join(workspace, file), 'utf8'), needle);
    return [p.line + 1, p.character + 1];
  }

  it('activates when a C# file opens and starts the language server', async () => {
    await wb.step('open a C# file', () => wb.openFile('dotnet/EpjClient/LabResultClient.cs'));
    await wb.step('show the server log', async () => {
      await wb.command('NHN: Show output');
      const text = await until(() => wb.page.locator('.panel .output-view .view-lines').first().innerText().then(plain), (t) => t.includes('NHN language server started'), 'the server log line');
      expect(text).toContain('NHN language server started');
    });
  });

  it('lists the retired hosts of the sample workspace in the Problems panel', async () => {
    await wb.step('problems of a C# file', () => wb.waitForProblem(['host/nilar', 'Ln 9']));
    await wb.step('problems of Java, JSON and properties files', async () => {
      await wb.openFile('java/src/main/java/no/example/lab/PrescriptionGateway.java');
      await wb.openFile('dotnet/EpjClient/appsettings.json');
      await wb.openFile('config/application.properties');
      const files = ['PrescriptionGateway.java', 'appsettings.json', 'application.properties', 'LabResultClient.cs'];
      const rows = await until(() => wb.problems(), (r) => files.every((file) => r.some((row) => row.startsWith(file))), `Problems rows for ${files.join(', ')}`);
      expect(rows.filter((r) => r.includes('host/reseptformidleren-net')).length).toBeGreaterThanOrEqual(2);
    });
  });

  it('hovers with the rule story: id, deadline and source', async () => {
    await wb.step('hover over the old Reseptformidleren host', async () => {
      const file = 'java/src/main/java/no/example/lab/PrescriptionGateway.java';
      await wb.openFile(file);
      await wb.goTo(...where(file, 'reseptformidleren.net'));
      const hover = await wb.hoverAtCursor(['host/reseptformidleren-net', 'Deadline: 2024-10-15', 'Source']);
      expect(hover).toContain('Old Reseptformidleren DNS zone');
    });
  });

  it('applies the quick fix that rewrites a NILAR host to PPS', async () => {
    const file = 'dotnet/EpjClient/LabResultClient.cs';
    await wb.step('quick fix on prod.nilar.nhn.no', async () => {
      await wb.openFile(file);
      await wb.goTo(...where(file, 'prod.nilar.nhn.no'));
      await wb.quickFix('pps.nhn.no');
      await wb.save();
      const saved = await until(async () => readFileSync(path.join(workspace, file), 'utf8'), (t) => !t.includes('prod.nilar'), 'the fixed file on disk', 10_000);
      expect(saved).toContain('"https://pps.nhn.no/api/v1/labresults"');
      expect(saved).not.toContain('nilar');
    });
    await wb.step('the finding is gone from the Problems panel', async () => {
      await until(() => wb.problems(), (rows) => !rows.some((r) => r.startsWith('LabResultClient.cs')), 'LabResultClient.cs to leave the Problems panel');
    });
  });
});
