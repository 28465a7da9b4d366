// The language server dies (killed, out of memory): VS Code's client must start it again on its own,
// and the open files must be checked again, without the user restarting anything.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCodeServer, type CodeServer } from './code-server';
import { launchBrowser, until, Workbench } from './workbench';

/** PIDs of this code-server's NHN language server processes (found by the extension folder in their command line). */
function serverPids(server: CodeServer): number[] {
  const marker = path.join(path.dirname(server.userDataDir), 'extensions');
  try {
    return execFileSync('pgrep', ['-f', `${marker}/.*dist/server.js`], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

describe('the language server crashes', () => {
  let server: CodeServer;
  let browser: Browser;
  let wb: Workbench;
  let workspace: string;

  beforeAll(async () => {
    workspace = path.join(mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-crash-')), 'ws');
    execFileSync('mkdir', ['-p', workspace]);
    writeFileSync(path.join(workspace, 'Client.cs'), 'class Client {\n  const string Lab = "https://prod.nilar.nhn.no/api";\n}\n');
    server = await startCodeServer();
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url, workspace, 'crash');
  });

  afterAll(async () => {
    await wb?.close();
    await browser?.close();
    await server?.close();
    if (workspace) rmSync(path.dirname(workspace), { recursive: true, force: true });
  });

  it('is started again by the client and the open file is checked again', async () => {
    const before = await wb.step('a finding from the running server', async () => {
      await wb.openFile('Client.cs');
      await wb.waitForProblem(['host/nilar']);
      const pids = await until(
        async () => serverPids(server),
        (p) => p.length === 1,
        'one language server process',
      );
      return pids[0];
    });
    await wb.step('kill -9 the server', async () => {
      process.kill(before, 'SIGKILL');
      const after = await until(
        async () => serverPids(server),
        (p) => p.length === 1 && p[0] !== before,
        'a new language server process',
        60_000,
      );
      expect(after[0]).not.toBe(before);
    });
    await wb.step('the new server checks what is typed next', async () => {
      await wb.goTo(3, 2);
      await wb.page.keyboard.type('\n  const string Rf = "https://test.reseptformidleren.net/x";');
      await wb.waitForProblem(['host/reseptformidleren-net']);
      await wb.waitForProblem(['host/nilar']);
    });
  });
});
