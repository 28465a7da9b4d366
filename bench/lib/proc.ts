// Processes as measured things: wall time, exit code, output, and peak RSS (from GNU time's %M when it is
// installed — Debian package `time` — or /proc/<pid>/status VmHWM for a process that is still running).

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';

export interface ProcResult {
  ms: number;
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set in MB, when it could be measured. */
  rssMB?: number;
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command to completion. Output is kept (up to `keepOutput` characters; the rest is counted, not stored). */
export function runProcess(
  cmd: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; keepOutput?: number; timeoutMs?: number } = {},
): Promise<ProcResult> {
  const measureRss = existsSync(GNU_TIME);
  const keep = options.keepOutput ?? 1 << 20;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = measureRss
      ? spawn(GNU_TIME, ['-f', '\n@@maxrss=%M', cmd, ...args], { cwd: options.cwd, env: options.env ?? process.env })
      : spawn(cmd, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < keep) stdout += d.slice(0, keep - stdout.length);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      let rssMB: number | undefined;
      const m = /\n?@@maxrss=(\d+)\s*$/.exec(stderr);
      if (m) {
        rssMB = Number(m[1]) / 1024;
        stderr = stderr.slice(0, m.index);
      }
      resolve({ ms, status, stdout, stderr, rssMB });
    });
  });
}

/** Peak RSS (VmHWM) of a live process in MB; undefined when /proc is not there. */
export function peakRssOfPid(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system, ms) a live process has used so far, from /proc; undefined elsewhere. */
export function cpuMsOfPid(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return undefined;
  }
}

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const CLOCK_TICKS = 100;

/** First line of `cmd --version`, for RESULTS.md. */
export function versionOf(cmd: string, args = ['--version']): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) return undefined;
  return (r.stdout || r.stderr).split('\n')[0].trim();
}
