// Walks the given paths: skips .git and node_modules and whatever each folder's .gitignore ignores,
// guards against directory loops, and reports what it could not read instead of stopping.

import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface WalkProblem {
  file: string;
  message: string;
}

interface Scope {
  dir: string;
  ig: Ignore;
}

async function loadGitignore(dir: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await readFile(path.join(dir, '.gitignore'), 'utf8'));
  } catch {
    return undefined;
  }
}

function ignored(scopes: Scope[], file: string, isDir: boolean): boolean {
  for (const s of scopes) {
    const rel = path.relative(s.dir, file).split(path.sep).join('/');
    if (rel && !rel.startsWith('..') && s.ig.ignores(isDir ? rel + '/' : rel)) return true;
  }
  return false;
}

export async function* walk(roots: string[], problems: WalkProblem[]): AsyncGenerator<string> {
  const seenDirs = new Set<string>();
  async function* visit(dir: string, scopes: Scope[]): AsyncGenerator<string> {
    // A folder is known by device and inode (one stat, where realpath walks every path component).
    let id: string;
    try {
      const s = await stat(dir);
      id = `${s.dev}:${s.ino}`;
    } catch (err) {
      problems.push({ file: dir, message: (err as Error).message });
      return;
    }
    if (seenDirs.has(id)) return; // a symlink loop or a second path to the same folder
    seenDirs.add(id);
    const own = await loadGitignore(dir);
    const here = own ? [...scopes, { dir, ig: own }] : scopes;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ file: dir, message: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (ALWAYS_SKIPPED.has(e.name)) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const s = await stat(full);
          isDir = s.isDirectory();
          isFile = s.isFile();
        } catch {
          problems.push({ file: full, message: 'broken symbolic link' });
          continue;
        }
      }
      if (ignored(here, full, isDir)) continue;
      if (isDir) yield* visit(full, here);
      else if (isFile) yield full;
    }
  }
  for (const root of roots) {
    let s;
    try {
      s = await lstat(root);
      if (s.isSymbolicLink()) s = await stat(root);
    } catch {
      problems.push({ file: root, message: 'no such file or folder' });
      continue;
    }
    if (s.isDirectory()) yield* visit(root, []);
    else if (s.isFile()) yield root;
    // A FIFO, socket or device named on the command line: opening a FIFO would wait for a writer forever.
    else problems.push({ file: root, message: 'not a regular file or folder: skipped' });
  }
}
