// Watching what a process really does: strace (Debian `strace`) logs its file opens and connects, and a
// local TCP listener counts connections made to URLs that point at it. strace is used when it works here
// (it needs ptrace); the listener always.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

let straceOk: boolean | undefined;
export function straceWorks(): boolean {
  straceOk ??= spawnSync('strace', ['-f', '-qq', '-o', '/dev/null', 'true'], { stdio: 'ignore' }).status === 0;
  return straceOk;
}

/** The command prefix that logs opens and connects of a process and its threads and children to `log`. */
export function straceWrap(log: string): string[] {
  return ['strace', '-f', '-qq', '-e', 'trace=open,openat,openat2,connect', '-o', log];
}

/** Opens of paths under any of `forbidden` (or equal to one), and every connect(), from a strace log. */
export function forbiddenSyscalls(log: string, forbidden: string[]): string[] {
  const bad: string[] = [];
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const open = /\bopen(?:at2?)?\((?:AT_FDCWD|\d+)?,?\s*"([^"]*)"/.exec(line);
    if (open && forbidden.some((f) => open[1] === f || open[1].startsWith(f + '/'))) bad.push(line.trim());
    if (/\bconnect\(/.test(line)) bad.push(line.trim());
  }
  return bad;
}

export interface Listener {
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}

/** A TCP listener on 127.0.0.1 that records every connection (and answers nothing). */
export function listen(): Promise<Listener> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      resolve({ port, connections: () => count, close: () => new Promise((r) => server.close(() => r())) });
    }),
  );
}
