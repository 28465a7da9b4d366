// nhn-lint piped into a reader that stops early (`| head`): the run ends quietly with its own exit code,
// not with an EPIPE stack on stderr.

import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { CLI, tempDir } from '../helpers/cli';

const workspace = tempDir();
afterAll(() => workspace.cleanup());

it('ends quietly when the reader closes the pipe after the first bytes', async () => {
  // Enough findings that the report is far larger than a pipe's buffer.
  const lines = Array.from({ length: 4000 }, (_, i) => `lab${i}=https://test.nilar.nhn.no/api/${i}`);
  writeFileSync(path.join(workspace.dir, 'many.properties'), lines.join('\n') + '\n');
  const child = spawn(process.execPath, [CLI, '--format', 'json', '--today', '2026-11-26', workspace.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  let first = '';
  child.stdout.setEncoding('utf8').once('data', (d: string) => {
    first = d;
    child.stdout.destroy();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(first).toContain('"findings"');
  expect(stderr).not.toMatch(/EPIPE|Error|at /);
  // The findings are warnings at most: the run's own exit code (0), not a crash's.
  expect(code).toBe(0);
});
