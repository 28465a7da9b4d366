// nhn-lint on hostile file systems, beyond test/cli/foundation.test.ts (loops, broken links, unreadable as
// non-root): files unreadable for the user running it (run as `nobody` when we are root), unreadable
// folders, FIFOs, mutual and deep directory loops, and files that vanish while the run goes on.
// Each time: the rest is reported, the problem is named on stderr, and the exit code follows the findings.

import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../helpers/cli';

const BAD = 'url=https://rf.test2-int.reseptformidleren.net\n';
const NOBODY = 65534;
const root = process.getuid?.() === 0;

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) {
    try {
      execFileSync('chmod', ['-R', 'u+rwx', d]);
    } catch {
      /* best effort */
    }
    rmSync(d, { recursive: true, force: true });
  }
  dirs = [];
});
function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'nhn-fs-'));
  chmodSync(d, 0o755);
  dirs.push(d);
  return d;
}

function lint(
  args: string[],
  options: { uid?: number; timeoutMs?: number; during?: (pid: number) => void } = {},
): Promise<{ status: number | null; stdout: string; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, '--format', 'json', ...args], {
      cwd: ROOT,
      env: { ...process.env, NHN_TODAY: '2026-11-26', NO_COLOR: '1' },
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => ((killed = true), child.kill('SIGKILL')), options.timeoutMs ?? 60_000);
    child.on('spawn', () => options.during?.(child.pid!));
    child.on('close', (status) => (clearTimeout(timer), resolve({ status, stdout, stderr, killed })));
  });
}

const files = (stdout: string) => [...new Set((JSON.parse(stdout) as { findings: Array<{ file: string }> }).findings.map((f) => path.basename(f.file)))].sort();

describe('nhn-lint on hostile file systems', () => {
  it.runIf(root)('as a user who cannot read some files and folders: reports them and checks the rest', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'good.properties'), BAD);
    writeFileSync(path.join(dir, 'secret.properties'), BAD);
    chmodSync(path.join(dir, 'secret.properties'), 0o000);
    mkdirSync(path.join(dir, 'locked'));
    writeFileSync(path.join(dir, 'locked', 'inside.properties'), BAD);
    chmodSync(path.join(dir, 'locked'), 0o000);
    const r = await lint([dir], { uid: NOBODY });
    expect(files(r.stdout)).toEqual(['good.properties']);
    expect(r.stderr).toMatch(/secret\.properties: cannot read: EACCES/);
    expect(r.stderr).toMatch(/locked: cannot read folder: EACCES/);
    expect(r.status).toBe(1);
  });

  it('a FIFO in the tree or on the command line does not block the run', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'good.properties'), BAD);
    execFileSync('mkfifo', [path.join(dir, 'pipe.properties')]);
    symlinkSync(path.join(dir, 'pipe.properties'), path.join(dir, 'link-to-pipe.properties'));
    const r = await lint([dir, path.join(dir, 'pipe.properties')], { timeoutMs: 20_000 });
    expect(r.killed, 'hung on the FIFO').toBe(false);
    expect(files(r.stdout)).toEqual(['good.properties']);
    expect(r.stderr).toMatch(/pipe\.properties: not a regular file or folder/);
    expect(r.status).toBe(1);
  });

  it('mutual and deep directory loops end, each file reported once', async () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a', 'x.properties'), BAD);
    symlinkSync(path.join(dir, 'b'), path.join(dir, 'a', 'to-b'));
    symlinkSync(path.join(dir, 'a'), path.join(dir, 'b', 'to-a'));
    let deep = path.join(dir, 'deep');
    for (let i = 0; i < 150; i++) deep = path.join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(path.join(deep, 'bottom.properties'), BAD);
    symlinkSync(dir, path.join(deep, 'to-top'));
    const r = await lint([dir, path.join(dir, 'a'), path.join(dir, 'b', 'to-a')], { timeoutMs: 30_000 });
    expect(r.killed).toBe(false);
    const out = JSON.parse(r.stdout) as { files: number; findings: Array<{ file: string }> };
    expect(files(r.stdout)).toEqual(['bottom.properties', 'x.properties']);
    expect(out.findings).toHaveLength(2);
    expect(r.status).toBe(1);
  });

  it.runIf(process.platform === 'linux')('files that vanish during the run are reported and skipped', async () => {
    const dir = tmp();
    // The first file keeps the CLI busy for seconds (a large XML to parse); by then the folder has been
    // listed. When the CLI has used a second of CPU it is inside that file: the later files are deleted.
    writeFileSync(path.join(dir, 'a-big.xml'), `<r>${'<e a="1">t</e>\n'.repeat(500_000)}</r>`);
    const n = 400;
    const name = (i: number) => path.join(dir, `f${String(i).padStart(4, '0')}.properties`);
    for (let i = 0; i < n; i++) writeFileSync(name(i), i % 2 ? BAD : 'x=1\n');
    const cpuSeconds = (pid: number) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    };
    let deleted = 0;
    const r = await lint(['--max-file-size', '64', dir], {
      during: (pid) => {
        const poll = setInterval(() => {
          try {
            if (cpuSeconds(pid) < 1) return;
          } catch {
            /* exited */
          }
          clearInterval(poll);
          for (let i = 100; i < n; i++) unlinkSync(name(i)), deleted++;
        }, 10);
      },
    });
    const out = JSON.parse(r.stdout) as { files: number; findings: Array<{ file: string }> };
    const vanished = (r.stderr.match(/: cannot read: ENOENT/g) ?? []).length;
    console.log(`robust/cli-filesystem: ${vanished} of ${deleted} deleted files vanished between the walk and the read`);
    expect(deleted).toBe(n - 100);
    expect(vanished, 'files listed by the walk, gone at the read').toBeGreaterThan(0);
    expect(r.stderr.split('\n').filter((l) => l && !/^nhn-lint: .+: cannot read: ENOENT$/.test(l))).toEqual([]);
    expect(files(r.stdout)).toContain('f0001.properties');
    expect(out.files + vanished).toBe(n + 1);
    expect(r.status).toBe(1);
  });
});
