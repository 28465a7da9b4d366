// Schema downloads in VS Code: nhn.allowDownloads is a machine setting, which VS Code applies even in
// restricted mode, so the client tells the server whether the workspace is trusted. Declining trust
// must mean no request at all; trusting the folder must bring the pinned schemas (from a local mirror
// standing in for GitHub) into the extension's storage and validate the message.

import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureMirror, type SchemaServer } from '../helpers/schema-server';
import { ROOT, startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, Workbench } from './workbench';

describe('schema downloads in VS Code', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let mirror: SchemaServer;
  let workspace: string;
  const file = 'dialog-1.1-invalid.xml';

  beforeAll(async () => {
    mirror = await startFixtureMirror();
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-downloads-')), 'messages');
    cpSync(path.join(ROOT, 'test/xsd/instances', file), path.join(workspace, file));
    server = await startCodeServer({ trust: true, settings: { 'nhn.allowDownloads': true, 'nhn.xml.downloadMirror': mirror.base } });
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'downloads');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    await mirror?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it('fetches nothing until the folder is trusted, then validates against the pinned schemas', async () => {
    await wb.step('do not trust the authors', async () => {
      await wb.declineTrust();
    });
    await wb.step('restricted: named, not validated, nothing asked', async () => {
      await wb.openFile(file);
      await wb.waitForProblem(['xsd/no-schema', 'no XSD found']);
      expect(mirror.requests).toEqual([]);
    });
    await wb.step('trusted: the pinned MsgHead and Dialogmelding schemas are fetched and the errors shown', async () => {
      await wb.trustFolder();
      await wb.openFile(file);
      await wb.waitForProblem(['xsd/fixed-value', 'MIGversion']);
      expect(mirror.requests.some((r) => r.endsWith('/MsgHead-v1_2.xsd'))).toBe(true);
    });
  });
});
