// Baselines, --max-warnings and --changed-since, as a CI runs them: write a baseline, edit the code
// (unrelated edits, moved lines, a fix, a new finding), run again; the baseline file never holds an
// identity number; exit codes follow the documented contract (0 clean, 1 findings, 2 usage).

import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliAsync, tempDir } from '../helpers/cli';
import { makeNin } from '../helpers/nin';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function tmp(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const RETIRED = (n: number) => `rf${n}=https://rf.test2-int.reseptformidleren.net/v${n}`;
const NILAR = 'lab=https://test.nilar.nhn.no';

type Json = { findings: { file: string; line: number; rule: string; baselineState?: string }[]; absent?: { file: string; rule: string; line: number }[] };

describe('nhn-lint baselines', () => {
  it('write → edit (moved lines, unrelated edits, one fixed, one new) → run: only the new one is reported, the fixed one is gone', async () => {
    const dir = tmp();
    const nin = makeNin(12, 3, 71, 345);
    const file = path.join(dir, 'app.properties');
    writeFileSync(file, [RETIRED(1), RETIRED(2), NILAR, `patient=${nin}`, 'x=1'].join('\n') + '\n');
    writeFileSync(path.join(dir, 'other.properties'), RETIRED(9) + '\n');
    const before = await runCliAsync(['--format', 'json', '.'], { cwd: dir });
    const total = (JSON.parse(before.stdout) as Json).findings.length;
    expect(total).toBeGreaterThanOrEqual(5);

    const w = await runCliAsync(['--baseline-write', 'nhn-baseline.json', '.'], { cwd: dir });
    expect(w.status).toBe(0);
    expect(w.stderr).toMatch(new RegExp(`baseline of ${total} finding\\(s\\) in 2 file\\(s\\) written`));
    const baselineText = readFileSync(path.join(dir, 'nhn-baseline.json'), 'utf8');
    expect(baselineText).not.toContain(nin);
    expect(baselineText).not.toContain(nin.slice(6));
    expect(JSON.parse(baselineText).entries).toHaveLength(total);

    // Unchanged code: nothing new, exit 0 although the baselined findings are errors.
    const same = await runCliAsync(['.', '--baseline', 'nhn-baseline.json'], { cwd: dir });
    expect(same.status).toBe(0);
    expect(same.stdout).toMatch(new RegExp(`Baseline: ${total} known finding\\(s\\) not shown, 0 gone\\.`));

    // Lines moved and inserted, a comment edited, rf2 fixed by hand, a new retired host added.
    writeFileSync(
      file,
      ['# header added', '', `patient=${nin}`, NILAR, '# note', RETIRED(1), 'x=2', 'new=https://rf.test1-na-int.reseptformidleren.net/'].join('\n') + '\n',
    );
    const r = await runCliAsync(['--format', 'json', '--baseline', 'nhn-baseline.json', '.'], { cwd: dir });
    const out = JSON.parse(r.stdout) as Json;
    expect(out.findings.map((f) => [f.file, f.line, f.rule, f.baselineState])).toEqual([['app.properties', 8, 'host/reseptformidleren-net', 'new']]);
    expect(out.absent!.map((a) => [a.file, a.rule, a.line])).toEqual([['app.properties', 'host/reseptformidleren-net', 2]]);
    expect(r.status).toBe(1);

    const text = await runCliAsync(['--baseline', 'nhn-baseline.json', '.'], { cwd: dir });
    expect(text.stdout).toMatch(/^app\.properties:8:\d+: error .*\[host\/reseptformidleren-net\]$/m);
    expect(text.stdout).toMatch(/^app\.properties:2: gone since the baseline \[host\/reseptformidleren-net\]$/m);
    expect(text.stdout).toMatch(new RegExp(`Baseline: ${total - 1} known finding\\(s\\) not shown, 1 gone\\.`));
    expect(text.stdout).not.toContain(nin);
  });

  it('the same finding twice in a file counts twice: a third copy is new', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.properties'), `${NILAR}\n${NILAR}\n`);
    await runCliAsync(['--baseline-write', 'b.json', '.'], { cwd: dir });
    writeFileSync(path.join(dir, 'a.properties'), `${NILAR}\n${NILAR}\n${NILAR}\n`);
    const out = JSON.parse((await runCliAsync(['--format', 'json', '--baseline', 'b.json', '.'], { cwd: dir })).stdout) as Json;
    expect(out.findings).toHaveLength(1);
  });

  it("a deleted file's entries are gone; a file outside this run's paths is not", async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a', 'x.properties'), NILAR + '\n');
    writeFileSync(path.join(dir, 'b', 'y.properties'), NILAR + '\n');
    await runCliAsync(['--baseline-write', 'b.json', 'a', 'b'], { cwd: dir });
    spawnSync('rm', [path.join(dir, 'a', 'x.properties')]);
    const out = JSON.parse((await runCliAsync(['--format', 'json', '--baseline', 'b.json', 'a'], { cwd: dir })).stdout) as Json;
    expect(out.absent!.map((a) => a.file)).toEqual(['a/x.properties']);
  });

  it('a file that is not a baseline is a usage error', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'b.json'), '{"entries": 3}');
    const r = await runCliAsync(['--baseline', 'b.json', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/b\.json: not an nhn-lint baseline/);
  });
});

describe('nhn-lint --max-warnings', () => {
  it('0 when warnings ≤ N, 1 when above, errors fail regardless', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.properties'), `${NILAR}\nprod=https://prod.nilar.nhn.no\n`);
    expect((await runCliAsync(['.'], { cwd: dir })).status).toBe(0);
    expect((await runCliAsync(['--max-warnings', '2', '.'], { cwd: dir })).status).toBe(0);
    const over = await runCliAsync(['--max-warnings', '1', '.'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/2 warning\(s\), more than --max-warnings 1/);
    writeFileSync(path.join(dir, 'b.properties'), RETIRED(1) + '\n');
    expect((await runCliAsync(['--max-warnings', '10', '.'], { cwd: dir })).status).toBe(1);
  });
});

describe('nhn-lint --changed-since', () => {
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return r.stdout.trim();
  };

  it('checks only files changed since the merge base, uncommitted and untracked ones included', async () => {
    const dir = tmp();
    git(dir, 'init', '-q', '-b', 'main');
    writeFileSync(path.join(dir, 'old.properties'), NILAR + '\n');
    writeFileSync(path.join(dir, 'touched.properties'), 'x=1\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'checkout', '-qb', 'feature');
    writeFileSync(path.join(dir, 'committed.properties'), NILAR + '\n');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'feature work');
    writeFileSync(path.join(dir, 'touched.properties'), `x=1\n${NILAR}\n`);
    writeFileSync(path.join(dir, 'untracked.properties'), NILAR + '\n');
    // main moves on after the branch point: its changes are not the pull request's.
    git(dir, 'checkout', '-q', 'main');
    writeFileSync(path.join(dir, 'mainline.properties'), NILAR + '\n');
    git(dir, 'add', 'mainline.properties');
    git(dir, 'commit', '-qm', 'main moves');
    git(dir, 'checkout', '-q', 'feature');

    const out = JSON.parse((await runCliAsync(['--format', 'json', '--changed-since', 'main', '.'], { cwd: dir })).stdout) as Json;
    expect(out.findings.map((f) => f.file).sort()).toEqual(['committed.properties', 'touched.properties', 'untracked.properties']);
  });

  it('an unknown ref or no repository is a usage error', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.properties'), NILAR + '\n');
    const outside = await runCliAsync(['--changed-since', 'main', '.'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(/--changed-since needs a git repository/);
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'one');
    const r = await runCliAsync(['--changed-since', 'no-such-branch', '.'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--changed-since no-such-branch: no such commit, branch or tag/);
  });
});
