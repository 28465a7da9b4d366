// Starts code-server (VS Code 1.100's workbench and extension host) with the built .vsix installed,
// in throwaway user-data and extensions folders, on a free local port. Used by the e2e suite only.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const VSIX = path.join(ROOT, 'dist/nhn-integrator.vsix');

export interface CodeServer {
  url: string;
  userDataDir: string;
  log: () => string;
  close(): Promise<void>;
}

/** Installs code-server into the cache on first use (normally done already by global-setup.ts); returns its entry script. */
export function ensureCodeServer(): string {
  return execFileSync('bash', [path.join(__dirname, 'install-code-server.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off', // the web workbench saves after a delay by default; tests save explicitly
  'editor.hover.delay': 200,
  'chat.disableAIFeatures': true,
  'nhn.today': '2026-11-26',
};

/** `trust: true` keeps VS Code's workspace trust on, for the suite that tests restricted mode. */
export async function startCodeServer(options: { settings?: Record<string, unknown>; locale?: string; trust?: boolean } = {}): Promise<CodeServer> {
  const entry = ensureCodeServer();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'nhn-e2e-cs-'));
  const userDataDir = path.join(tmp, 'user-data');
  const extensionsDir = path.join(tmp, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  const trust = options.trust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'always' } : {};
  writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...trust, ...options.settings }, null, 2));
  if (options.locale) writeFileSync(path.join(userDataDir, 'User/locale.json'), JSON.stringify({ locale: options.locale }));
  const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
  execFileSync(process.execPath, [entry, ...common, '--install-extension', VSIX], { stdio: 'pipe', timeout: 120_000 });

  const port = await freePort();
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      ...common,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      ...(options.trust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...(options.locale ? ['--locale', options.locale] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VSCODE_PROXY_URI: '' } },
  );
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, () => log);
  return {
    url,
    userDataDir,
    log: () => log,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms:\n${log()}`);
}
