// Neovim's built-in LSP client against the built dist/server.js: proves the server serves an editor
// that is not VS Code. Neovim comes from Debian (`apt-get install neovim`, done by .ci/run); where it
// is missing the test is skipped, unless NHN_REQUIRE_NEOVIM=1 (set by CI) makes that a failure.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { SERVER } from '../helpers/lsp';

const SCRIPT = path.join(__dirname, 'diagnostics.lua');
const hasNvim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
const required = process.env.NHN_REQUIRE_NEOVIM === '1';

interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}

describe.skipIf(!hasNvim && !required)('Neovim as an LSP client of dist/server.js', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nhn-nvim-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function diagnosticsInNeovim(name: string, text: string, language = 'en'): { timedOut: boolean; diagnostics: NvimDiagnostic[] } {
    const file = path.join(dir, name);
    const out = path.join(dir, `${name}.out.json`);
    writeFileSync(file, text);
    execFileSync('nvim', ['--headless', '--clean', '-u', 'NONE', '-c', `luafile ${SCRIPT}`], {
      env: { ...process.env, NHN_SERVER: SERVER, NHN_FILE: file, NHN_OUT: out, NHN_TODAY: '2026-11-26', NHN_LANG: language },
      timeout: 60_000,
      stdio: 'pipe',
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  }

  const text = [
    'class LabClient {',
    '  const string Lab = "https://test.nilar.nhn.no/api/v1";',
    '  const string Rf = "https://rf.test1-na-int.reseptformidleren.net/RF";',
    '}',
    '',
  ].join('\n');

  it("shows the server's findings with rule ids, severities and exact ranges", () => {
    const result = diagnosticsInNeovim('LabClient.cs', text);
    expect(result.timedOut).toBe(false);
    const byCode = Object.fromEntries(result.diagnostics.map((d) => [d.code, d]));
    expect(Object.keys(byCode).sort()).toEqual(['host/nilar', 'host/reseptformidleren-net']);
    for (const [code, needle] of [
      ['host/nilar', 'test.nilar.nhn.no'],
      ['host/reseptformidleren-net', 'rf.test1-na-int.reseptformidleren.net'],
    ] as const) {
      const d = byCode[code];
      const r = rangeOf(text, needle);
      expect({ start: { line: d.lnum, character: d.col }, end: { line: d.end_lnum, character: d.end_col } }).toEqual(r);
      expect(d.source).toBe('nhn');
    }
    expect(byCode['host/reseptformidleren-net'].severity).toBe(1); // vim.diagnostic.severity.ERROR: past the deadline
    expect(byCode['host/nilar'].severity).toBe(2); // WARN
    expect(byCode['host/nilar'].message).toContain('Pasientens prøvesvar');
  }, 90_000);

  it('speaks Norwegian when the client asks for it', () => {
    const result = diagnosticsInNeovim('LabClientNb.cs', text, 'nb');
    const nilar = result.diagnostics.find((d) => d.code === 'host/nilar');
    expect(nilar?.message).toContain('NILAR er erstattet');
  }, 90_000);
});
