// The one walker of the server and the CLI (server/src/host/walk.ts) on real folders: links followed only
// inside the roots (a link to / or to a folder beside the root is not), no folder twice (loops, two
// paths to one folder), .gitignore honoured per folder with deeper files overriding, each compiled once.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IgnorePolicy, walk, type WalkProblem } from '../../server/src/host/walk';
import { runCli, tempDir } from '../helpers/cli';

async function all(roots: string[], policy?: IgnorePolicy): Promise<{ files: string[]; problems: WalkProblem[] }> {
  const problems: WalkProblem[] = [];
  const files: string[] = [];
  for await (const f of walk(roots, problems, { policy })) files.push(f);
  return { files, problems };
}

describe('the folder walker', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  const base = tmp.dir;
  const root = path.join(base, 'root');
  const outside = path.join(base, 'outside');
  const put = (file: string, text = '<r/>\n') => (mkdirSync(path.dirname(file), { recursive: true }), writeFileSync(file, text));
  put(path.join(root, 'a', 'one.xml'));
  put(path.join(root, 'b', 'two.xml'));
  put(path.join(outside, 'secret.xml'));
  symlinkSync('/', path.join(root, 'slash'));
  symlinkSync(outside, path.join(root, 'to-outside'));
  symlinkSync(path.join(outside, 'secret.xml'), path.join(root, 'secret-link.xml'));
  symlinkSync(path.join(root, 'b'), path.join(root, 'a', 'to-b')); // inside: followed, but b is walked once
  symlinkSync(root, path.join(root, 'b', 'loop'));

  it('follows links only inside the root and walks no folder twice', async () => {
    const { files, problems } = await all([root]);
    const rel = files.map((f) => path.relative(root, f)).sort();
    expect(rel).toEqual(['a/one.xml', 'a/to-b/two.xml']);
    expect(problems.map((p) => [path.relative(root, p.file), p.message]).sort()).toEqual([
      ['secret-link.xml', 'symbolic link leads outside the scanned folders: not followed'],
      ['slash', 'symbolic link leads outside the scanned folders: not followed'],
      ['to-outside', 'symbolic link leads outside the scanned folders: not followed'],
    ]);
  });

  it('follows a link into another root given, once', async () => {
    const { files } = await all([root, outside]);
    expect(files.map((f) => path.relative(base, f)).sort()).toEqual([
      'root/a/one.xml',
      'root/a/to-b/two.xml',
      'root/secret-link.xml',
      'root/to-outside/secret.xml',
    ]);
  });

  it('honours .gitignore per folder, deeper files overriding, each compiled once', async () => {
    const dir = path.join(base, 'ignores');
    put(path.join(dir, '.gitignore'), 'build/\n*.log\n');
    put(path.join(dir, 'build', 'copy.xsd'));
    put(path.join(dir, 'src', 'a.log'));
    put(path.join(dir, 'src', 'keep.log'));
    put(path.join(dir, 'src', '.gitignore'), '!keep.log\n');
    put(path.join(dir, 'src', 'x.xsd'));
    const policy = new IgnorePolicy();
    const { files } = await all([dir], policy);
    expect(files.map((f) => path.relative(dir, f))).toEqual(['.gitignore', 'src/.gitignore', 'src/keep.log', 'src/x.xsd']);
    expect(policy.compilations).toBe(2);
    await all([dir], policy);
    expect(policy.compilations).toBe(2);
    // File events ask the same policy about one path.
    expect(await policy.ignores(dir, path.join(dir, 'build', 'copy.xsd'))).toBe(true);
    expect(await policy.ignores(dir, path.join(dir, 'src', 'keep.log'))).toBe(false);
    expect(await policy.ignores(dir, path.join(dir, 'src', 'a.log'))).toBe(true);
    expect(await policy.ignores(dir, path.join(dir, 'node_modules', 'p', 'x.xsd'))).toBe(true);
  });

  it('the CLI walks the same way: nothing behind a link to / or outside is read', () => {
    put(path.join(outside, 'bad.properties'), 'url=https://rf.test2-int.reseptformidleren.net\n');
    const r = runCli(['--format', 'json', root]);
    expect(JSON.parse(r.stdout).findings).toEqual([]);
    expect(r.stderr).toMatch(/slash: symbolic link leads outside the scanned folders: not followed/);
    expect(r.status).toBe(0);
  });
});
