// Restricted mode: a cloned repository the user does not trust must not point the server at schema
// folders through its .vscode/settings.json (package.json: capabilities.untrustedWorkspaces,
// restrictedConfigurations). The same workspace setting works once the folder is trusted, which
// shows the difference comes from trust and not from a broken setting.

import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, Workbench } from './workbench';

describe('the extension in an untrusted workspace', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let workspace: string;
  const file = 'xml/msghead/ERM1-virkestoff-med-reservasjon.xml';

  beforeAll(async () => {
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-untrusted-')), 'examples');
    cpSync(path.join(ROOT, 'examples'), workspace, { recursive: true });
    const schemas = path.resolve(ROOT, '../shared/fixtures/nhn-schemas');
    mkdirSync(path.join(workspace, '.vscode'));
    writeFileSync(
      path.join(workspace, '.vscode/settings.json'),
      JSON.stringify({ 'nhn.xml.schemaPaths': [path.join(schemas, 'kith-core'), path.join(schemas, 'eresept')] }),
    );
    server = await startCodeServer({ trust: true });
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'untrusted');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it("checks files but ignores the workspace's schema folders until the folder is trusted", async () => {
    await wb.step('do not trust the authors', async () => {
      await wb.declineTrust();
    });
    await wb.step('restricted: retired namespace flagged, workspace schemas not used', async () => {
      await wb.openFile(file);
      await wb.waitForProblem(['namespace/eresept-outdated']);
      const rows = await wb.waitForProblem(['xsd/no-schema', 'no XSD found']);
      expect(rows.some((r) => r.includes('xsd/missing-element'))).toBe(false);
    });
    await wb.step('trusted: the same setting now validates against the XSDs', async () => {
      await wb.trustFolder();
      await wb.openFile(file);
      await wb.waitForProblem(['xsd/missing-element', "'Resept' is missing a required child element"]);
    });
  });
});
