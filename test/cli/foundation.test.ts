// The built nhn-lint, run as a process on examples/ and on temporary folders.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { positionOf } from '../helpers/engine';
import path from 'node:path';
import { runCli, tempDir } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function tmp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('nhn-lint on examples/', () => {
  it('prints file:line:col findings and exits 1 when one is an error', () => {
    const r = runCli(['examples']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^examples\/java\/src\/main\/java\/no\/example\/lab\/PrescriptionGateway\.java:\d+:\d+: error .*\[host\/reseptformidleren-net\]$/m,
    );
    expect(r.stdout).toMatch(/^examples\/dotnet\/EpjClient\/LabResultClient\.cs:\d+:\d+: warning .*\[host\/nilar\]$/m);
    expect(r.stdout).toMatch(/file\(s\) checked: [1-9]\d* error\(s\)/);
  });

  it('writes the JSON format of version 1', () => {
    const r = runCli(['--format', 'json', 'examples']);
    const out = JSON.parse(r.stdout);
    expect(out.version).toBe(1);
    expect(out.files).toBeGreaterThan(3);
    const f = out.findings.find((x: { rule: string; file: string }) => x.rule === 'host/nilar' && x.file.endsWith('LabResultClient.cs'));
    const source = readFileSync('examples/dotnet/EpjClient/LabResultClient.cs', 'utf8');
    const at = positionOf(source, 'prod.nilar.nhn.no');
    expect(f).toMatchObject({ line: at.line + 1, column: at.character + 1, severity: 'warning' });
    expect(f.endColumn - f.column).toBe('prod.nilar.nhn.no'.length);
    expect(Object.keys(f).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'fingerprint', 'line', 'message', 'rule', 'severity']);
  });

  it('writes SARIF 2.1.0 with rules and help links', () => {
    const sarif = JSON.parse(runCli(['--format', 'sarif', 'examples']).stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'host/reseptformidleren-net');
    expect(rule.helpUri).toMatch(/^https:\/\//);
    const result = run.results.find((r: { ruleId: string }) => r.ruleId === 'host/reseptformidleren-net');
    expect(result.level).toBe('error');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  });

  it('--rule-off and --today change the outcome and the exit code', () => {
    const off = runCli(['--format', 'json', '--rule-off', 'host', 'examples']);
    expect(JSON.parse(off.stdout).findings.filter((f: { rule: string }) => f.rule.startsWith('host/'))).toEqual([]);
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), 'rf: https://rf.test2-int.reseptformidleren.net\n');
    expect(runCli(['--today', '2024-10-01', dir]).status).toBe(0);
    expect(runCli(['--today', '2024-10-16', dir]).status).toBe(1);
    expect(runCli([dir], { env: { NHN_TODAY: '2024-09-30' } }).status).toBe(0);
  });
});

describe('nhn-lint usage and bad input', () => {
  it('exits 2 on bad usage with a message', () => {
    for (const args of [[], ['--format', 'xml', '.'], ['--today', 'yesterday', '.'], ['--bogus', '.'], ['--rule', 'host=loud', '.']]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^nhn-lint: /);
    }
  });

  it('fails with file and line on a broken extra rule file', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'rules.yaml'), 'rules:\n  - id: host/x\n    titel: oops\n');
    const r = runCli(['--rules', path.join(dir, 'rules.yaml'), dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rules\.yaml:\d+: /);
  });

  it('skips binary, over-large, unreadable and ignored files, survives loops and broken links, and still reports the rest', () => {
    const dir = tmp();
    const bad = 'url=https://rf.test2-int.reseptformidleren.net\n';
    writeFileSync(path.join(dir, 'good.properties'), bad);
    writeFileSync(path.join(dir, 'empty.txt'), '');
    writeFileSync(path.join(dir, 'image.png'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), Buffer.from(bad)]));
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x66, 0xe6, 0xff, 0x20, ...Buffer.from(bad)]));
    writeFileSync(path.join(dir, 'big.txt'), 'x'.repeat(2 * 1024 * 1024) + bad);
    writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
    mkdirSync(path.join(dir, 'ignored'));
    writeFileSync(path.join(dir, 'ignored', 'x.properties'), bad);
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', 'x.properties'), bad);
    symlinkSync(dir, path.join(dir, 'loop'));
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken-link'));
    writeFileSync(path.join(dir, 'secret.properties'), bad);
    chmodSync(path.join(dir, 'secret.properties'), 0o000);
    const r = runCli(['--format', 'json', '--max-file-size', '1', dir]);
    const files = JSON.parse(r.stdout)
      .findings.map((f: { file: string }) => path.basename(f.file))
      .sort();
    const expected = ['good.properties', 'latin1.txt'];
    // root can read a 000 file; everyone else gets a notice instead
    if (process.getuid?.() === 0) expected.push('secret.properties');
    expect(files).toEqual(expected.sort());
    // Skipped files are counted apart from the checked ones, and the PNG says nothing on stderr.
    const out = JSON.parse(r.stdout);
    expect(out.skipped).toEqual({ binary: 1, tooLarge: 1 });
    expect(out.files).toBe(expected.length + 2); // + empty.txt and .gitignore
    expect(r.stderr).not.toMatch(/image\.png/);
    const text = runCli(['--max-file-size', '1', dir]);
    expect(text.stdout).toMatch(/file\(s\) checked: .* Skipped: 1 binary file\(s\), 1 file\(s\) above --max-file-size\.$/m);
    expect(r.stderr).toMatch(/big\.txt: skipped/);
    expect(r.stderr).toMatch(/latin1\.txt: invalid UTF-8/);
    expect(r.stderr).toMatch(/broken-link: broken symbolic link/);
    expect(r.status).toBe(1);
  });

  it('reports a missing path, goes on with the others, and exits 2', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.properties'), 'lab=https://test.nilar.nhn.no\n');
    const r = runCli(['--format', 'json', path.join(dir, 'missing'), dir]);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    expect(r.stderr).toMatch(/missing: no such file or folder/);
    expect(r.status).toBe(2);
  });
});
