// A 5 MB .gitignore (400 000 rules of the shapes generated lists have: paths, names, `*.ext`, folders,
// anchored names, and a few thousand globs) costs a scan its compile, once, and a few look-ups per
// entry. Compared as a ratio (no timed assertion): nhn-lint over a 10 000-file tree with and without it.
// Before the compiled matcher the CLI spent 10–30 s per file on such a file, and ran out of heap (64 s)
// on this one. The walk alone is printed too (its compile is the whole difference there).

import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { walk } from '../../server/src/host/walk';
import { CLI, ROOT, tempDir } from '../helpers/cli';
import { spawn } from 'node:child_process';
import { random } from '../helpers/random';

const FOLDERS = 40;
const FILES_PER_FOLDER = 250;

function gitignore(rng: () => number): string {
  const word = () =>
    Math.floor(rng() * 36 ** 6)
      .toString(36)
      .padStart(6, '0');
  const lines: string[] = [];
  let bytes = 0;
  while (bytes < 5 * 1024 * 1024) {
    const k = lines.length % 100;
    const line =
      k < 40
        ? `gen/${word()}/${word()}.cs`
        : k < 60
          ? `${word()}.tmp`
          : k < 80
            ? `*.${word()}`
            : k < 90
              ? `${word()}/`
              : k < 99
                ? `/out-${word()}`
                : `**/g${word()}/*.cs`;
    lines.push(line);
    bytes += line.length + 1;
  }
  // Rules that do apply to the tree: its build output and logs.
  lines.push('build/', '*.log', '!keep.log');
  return lines.join('\n');
}

async function timeWalk(root: string): Promise<{ ms: number; files: number }> {
  const t0 = performance.now();
  let files = 0;
  for await (const _ of walk([root], [])) files++;
  return { ms: performance.now() - t0, files };
}

function lint(root: string): Promise<{ ms: number; files: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [CLI, '--format', 'json', root], { cwd: ROOT, env: { ...process.env, NHN_TODAY: '2026-11-26' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve({ ms: performance.now() - t0, files: (JSON.parse(out) as { files: number }).files });
      } catch (err) {
        reject(err);
      }
    });
  });
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

describe('a 5 MB .gitignore', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('costs nhn-lint at most 3× the same scan without it', async () => {
    const root = path.join(tmp.dir, 'repo');
    for (let d = 0; d < FOLDERS; d++) {
      const dir = path.join(root, 'src', `m${d}`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < FILES_PER_FOLDER; f++)
        writeFileSync(path.join(dir, `F${f}.${f % 10 === 0 ? 'log' : 'cs'}`), `// file ${f}\nvar url = "https://api.example.test/${f}";\n`);
    }
    mkdirSync(path.join(root, 'build'));
    writeFileSync(path.join(root, 'build', 'copy.xsd'), 'x\n');
    writeFileSync(path.join(root, 'src', 'm0', 'keep.log'), 'x\n');
    const ignoreFile = path.join(root, '.gitignore');
    const parked = path.join(tmp.dir, 'parked');
    writeFileSync(parked, gitignore(random(18).next));

    const walkWithout: number[] = [];
    const walkWith: number[] = [];
    const lintWithout: number[] = [];
    const lintWith: number[] = [];
    let counts: number[] = [];
    for (let run = 0; run < 4; run++) {
      const a = await timeWalk(root);
      const c = await lint(root);
      renameSync(parked, ignoreFile);
      const b = await timeWalk(root);
      const d = await lint(root);
      renameSync(ignoreFile, parked);
      if (run > 0) walkWithout.push(a.ms), walkWith.push(b.ms), lintWithout.push(c.ms), lintWith.push(d.ms);
      counts = [a.files, b.files, c.files, d.files];
    }
    const ratio = median(lintWith) / median(lintWithout);
    console.log(
      `robust/walk-cost: ${counts[0]} files; nhn-lint without .gitignore ${median(lintWithout).toFixed(0)} ms, with 5 MB ${median(lintWith).toFixed(0)} ms: ${ratio.toFixed(2)}×; ` +
        `walk alone ${median(walkWithout).toFixed(0)} ms → ${median(walkWith).toFixed(0)} ms`,
    );
    // The rules applied: build/ and the logs (except keep.log) are gone; the .gitignore itself is a file.
    const kept = FOLDERS * FILES_PER_FOLDER - FOLDERS * (FILES_PER_FOLDER / 10) + 1 + 1;
    expect(counts).toEqual([FOLDERS * FILES_PER_FOLDER + 2, kept, FOLDERS * FILES_PER_FOLDER + 2, kept]);
    expect(ratio).toBeLessThanOrEqual(3);
  });
});
