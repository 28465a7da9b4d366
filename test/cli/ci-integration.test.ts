// The CI integrations as a vendor uses them: `npm pack` → `npm install -g` into a temporary prefix →
// `nhn-lint` runs (and the pre-commit hook's entry is that binary); every nhn-lint command line of
// docs/ci.md (GitHub, GitLab, Azure DevOps, baselines, fixing) run as written in a workspace; the
// GitHub action's lint step run with its inputs.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XmlDocument } from 'libxml2-wasm';
import { parse } from 'yaml';
import { CLI, ROOT, tempDir } from '../helpers/cli';

const NILAR = 'lab=https://test.nilar.nhn.no\n';
const RETIRED = 'rf=https://rf.test2-int.reseptformidleren.net\n';

/** A process run without blocking the test worker (npm pack and install take a while). */
function run(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill(), 240000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

function sh(script: string, cwd: string, env: NodeJS.ProcessEnv = {}) {
  return run('bash', ['-c', script], { cwd, env: { ...process.env, NHN_TODAY: '2026-11-26', NO_COLOR: '1', ...env } });
}

describe('npm pack → npm install -g → nhn-lint', () => {
  const work = tempDir();
  afterAll(() => work.cleanup());

  it('installs from the tarball into a fresh prefix, without the network, and runs', async () => {
    const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work.dir], { cwd: ROOT });
    expect(packed.status, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    const files = info.files.map((f) => f.path);
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/xsd-worker.mjs');
    // Loaded on first use (FHIRPath invariants, UCUM, a proxy, a configuration file): files of their own beside the CLI.
    expect(files).toEqual(
      expect.arrayContaining([
        'dist/vendor/fhirpath.mjs',
        'dist/vendor/fhirpath-r4-model.mjs',
        'dist/vendor/ucum-lhc.mjs',
        'dist/vendor/undici.js',
        'dist/vendor/yaml.js',
        'dist/vendor/ajv.js',
      ]),
    );
    expect(files.some((f) => f.startsWith('dist/fhir-r4/'))).toBe(true);
    expect(files.filter((f) => /^(server|client|test|bench|node_modules)\//.test(f))).toEqual([]);

    const prefix = path.join(work.dir, 'prefix');
    const installed = await run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, path.join(work.dir, info.filename)]);
    expect(installed.status, installed.stderr).toBe(0);
    const bin = path.join(prefix, 'bin', 'nhn-lint');
    expect(existsSync(bin)).toBe(true);
    const version = await run(bin, ['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);

    // On a project, outside the repository: findings, XSD validation with the packed worker, FHIR definitions.
    const project = path.join(work.dir, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'a.properties'), RETIRED);
    writeFileSync(path.join(project, 'patient.json'), '{ "resourceType": "Patient", "gender": "Female" }\n');
    const r = await run(bin, ['--format', 'json', '.'], { cwd: project, env: { ...process.env, NHN_TODAY: '2026-11-26' } });
    expect(r.status, r.stderr).toBe(1);
    const rules = (JSON.parse(r.stdout).findings as { rule: string }[]).map((f) => f.rule).sort();
    // fhir/invariant (dom-6) proves the packed FHIR definitions were found.
    expect(rules).toEqual(['fhir/binding', 'fhir/invariant', 'host/reseptformidleren-net']);

    // pre-commit runs the hook's entry with the staged files as arguments.
    const [hook] = parse(readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string }[];
    expect(hook).toMatchObject({ id: 'nhn-lint', language: 'node' });
    const staged = await run(path.join(prefix, 'bin', hook.entry), ['a.properties', 'patient.json'], { cwd: project });
    expect(staged.status).toBe(1);
    expect(staged.stdout).toMatch(/^a\.properties:1:\d+: error .*\[host\/reseptformidleren-net\]$/m);
  }, 300000);
});

/** The `nhn-lint …` command lines of docs/ci.md's code blocks, in order, as a shell would run them. */
function commandsOfDocs(): string[] {
  const doc = readFileSync(path.join(ROOT, 'docs/ci.md'), 'utf8');
  const blocks = [...doc.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]);
  return blocks
    .flatMap((b) => b.split('\n'))
    .map((l) => l.replace(/^\s*-?\s*(?:run:|script:)?\s*/, '').replace(/\s+#.*$/, ''))
    .filter((l) => /^nhn-lint\s/.test(l) && !/--version$/.test(l));
}

describe('docs/ci.md: every nhn-lint command line runs as written', () => {
  let dir: string;
  let cleanup: () => void;
  let bin: string;
  beforeAll(() => {
    ({ dir, cleanup } = tempDir());
    bin = path.join(dir, '.bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'nhn-lint'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
    chmodSync(path.join(bin, 'nhn-lint'), 0o755);
    const repo = path.join(dir, 'repo');
    mkdirSync(repo);
    writeFileSync(path.join(repo, 'old.properties'), RETIRED);
    const git = (...args: string[]) =>
      spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    writeFileSync(path.join(repo, 'new.properties'), NILAR);
  });
  afterAll(() => cleanup());

  const commands = commandsOfDocs();
  it('finds the snippets for GitHub, GitLab, Azure DevOps, baselines and fixing', () => {
    for (const needle of [
      '--format sarif',
      '--format gitlab',
      '--format junit',
      '--changed-since origin/main',
      '--baseline-write',
      '--fix-dry-run',
      '--fix .',
    ]) {
      expect(
        commands.some((c) => c.includes(needle)),
        needle,
      ).toBe(true);
    }
  });

  it('each runs: exit 0 or 1 (never a usage error), and each report it writes is valid', async () => {
    const repo = path.join(dir, 'repo');
    // The baseline the snippets name is written first, as docs/ci.md's adoption section does.
    const ordered = [
      ...commands.filter((c) => c.includes('--baseline-write')),
      ...commands.filter((c) => !c.includes('--baseline-write') && !c.startsWith('nhn-lint --fix .')),
      ...commands.filter((c) => c.startsWith('nhn-lint --fix .')),
    ];
    const sarifSchema = new AjvDraft04({ strict: false, unicodeRegExp: false });
    addFormats(sarifSchema);
    const validSarif = sarifSchema.compile(JSON.parse(readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
    for (const command of ordered) {
      const r = await sh(command, repo, { PATH: `${bin}:${process.env.PATH}` });
      expect([0, 1], `${command}\n${r.stderr}`).toContain(r.status);
      expect(r.stderr, command).not.toMatch(/usage|internal error|Run 'nhn-lint --help'/);
      const written = /> (\S+)/.exec(command)?.[1];
      if (!written) continue;
      const text = readFileSync(path.join(repo, written), 'utf8');
      if (written.endsWith('.sarif')) expect(validSarif(JSON.parse(text)), command).toBe(true);
      else if (written.endsWith('.json')) expect(Array.isArray(JSON.parse(text)), command).toBe(true);
      else if (written.endsWith('.xml')) XmlDocument.fromString(text).dispose();
    }
    expect(existsSync(path.join(repo, 'nhn-baseline.json'))).toBe(true);
    // After the documented --fix, the fixable NILAR host is rewritten.
    expect(readFileSync(path.join(repo, 'new.properties'), 'utf8')).toBe('lab=https://test.pps.nhn.no\n');
  }, 300000);
});

describe('action.yml', () => {
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
    runs: { using: string; steps: { id?: string; name: string; run?: string; uses?: string; env?: Record<string, string>; if?: string }[] };
    inputs: Record<string, { default: string }>;
  };
  const lint = action.runs.steps.find((s) => s.id === 'lint')!;

  /** The lint step's script with the action's inputs, as the runner would run it. */
  async function runStep(cwd: string, inputs: Record<string, string>) {
    const out = path.join(cwd, '.github-output');
    writeFileSync(out, '');
    const env: NodeJS.ProcessEnv = { GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: out };
    for (const [name, expr] of Object.entries(lint.env!)) {
      const input = /inputs\.([\w-]+)/.exec(expr)![1];
      env[name] = inputs[input] ?? action.inputs[input].default;
    }
    const r = await sh(lint.run!, cwd, env);
    return { ...r, outputs: readFileSync(out, 'utf8') };
  }

  it('is a composite action that uploads SARIF and fails on new errors', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))).toBe(true);
    expect(action.runs.steps.at(-1)!.if).toMatch(/exit-code == '1'/);
  });

  it('its lint step writes valid SARIF and reports the exit code; with a baseline, old findings do not fail', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(path.join(dir, 'a.properties'), RETIRED);
      const first = await runStep(dir, { paths: '.' });
      expect(first.status).toBe(0);
      expect(first.outputs).toBe('exit-code=1\n');
      expect(JSON.parse(readFileSync(path.join(dir, 'nhn-lint.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
      await sh(`"${process.execPath}" "${CLI}" --baseline-write base.json .`, dir);
      expect((await runStep(dir, { paths: '.', baseline: 'base.json' })).outputs).toBe('exit-code=0\n');
      // A configuration error stops the step itself (exit 2).
      writeFileSync(path.join(dir, '.nhn-lint.yaml'), 'rules: {nope/x: off}\n');
      const broken = await runStep(dir, { paths: '.' });
      expect(broken.status).toBe(2);
      expect(broken.outputs).toBe('exit-code=2\n');
    } finally {
      cleanup();
    }
  }, 120000);
});
