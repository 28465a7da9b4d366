// `--changed-since GIT_REF`: the files a pull request touches. Compared with the merge base of the ref
// and HEAD (what the pull request added, not what the target branch moved on with), plus uncommitted
// and untracked files, so a local run before a commit sees the same set.

import { spawnSync } from 'node:child_process';
import path from 'node:path';

export class GitError extends Error {}

function git(args: string[], cwd: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new GitError(`git is not available: ${r.error.message}`);
  if (r.status !== 0) throw new GitError(r.stderr.trim().split('\n')[0] || `git ${args[0]} failed`);
  return r.stdout;
}

/** Absolute paths (native separators) of the files changed since `ref`; deleted files are not listed. */
export function changedSince(ref: string, cwd = process.cwd()): Set<string> {
  if (ref.startsWith('-')) throw new GitError(`'${ref}' is not a git ref`);
  let top: string;
  try {
    top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  } catch (err) {
    throw new GitError(`--changed-since needs a git repository: ${(err as Error).message}`);
  }
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new GitError(`--changed-since ${ref}: no such commit, branch or tag (a shallow clone may need 'git fetch' of it)`);
  }
  let base = ref;
  try {
    base = git(['merge-base', ref, 'HEAD'], cwd).trim() || ref;
  } catch {
    // Unrelated histories: compare with the ref itself.
  }
  const listed = [
    ...git(['diff', '--name-only', '-z', '--no-renames', '--diff-filter=ACMRT', base, '--'], top).split('\0'),
    ...git(['ls-files', '--others', '--exclude-standard', '-z'], top).split('\0'),
  ];
  return new Set(listed.filter(Boolean).map((p) => path.resolve(top, p)));
}
