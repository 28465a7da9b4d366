// `npm run test:vscode`: the e2e scenarios through the `vscode` API in a real VS Code desktop build
// (@vscode/test-electron). Not run in CI here: it needs a VS Code executable (NHN_VSCODE_PATH) or
// network access to download one. The suite (test/vscode/suite.ts) is bundled with esbuild first.

import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const suite = path.join(root, 'out/vscode-suite/index.js');

await esbuild.build({
  entryPoints: [path.join(root, 'test/vscode/suite.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outfile: suite,
  external: ['vscode'],
  logLevel: 'warning',
});

// A throwaway copy of examples/ with the real NHN schemas configured, as in the code-server suite.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'nhn-vscode-test-'));
const workspace = path.join(tmp, 'examples');
cpSync(path.join(root, 'examples'), workspace, { recursive: true });
const schemas = path.resolve(root, '../shared/fixtures/nhn-schemas');
mkdirSync(path.join(workspace, '.vscode'));
writeFileSync(
  path.join(workspace, '.vscode/settings.json'),
  JSON.stringify(
    {
      'nhn.today': '2026-11-26',
      'nhn.xml.schemaPaths': [path.join(schemas, 'kith-core'), path.join(schemas, 'eresept')],
    },
    null,
    2,
  ),
);

try {
  await runTests({
    vscodeExecutablePath: process.env.NHN_VSCODE_PATH || undefined,
    version: process.env.NHN_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: suite,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { NHN_TEST_WORKSPACE: workspace },
  });
} catch (err) {
  console.error(`VS Code tests failed: ${err}`);
  process.exitCode = 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
