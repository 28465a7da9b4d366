// The YAML data files (rules, the namespace catalog, check ids, KITH data) are compiled and validated
// for every bundle the build makes and for every vitest project that imports them: 2.5 s of CPU each
// time, most of a single test file's start. The compiled JSON is kept on disk (dist/.build/data/),
// keyed by the file's path and text and by the compiler itself: the contents of every source file
// esbuild bundled into dist/.build/compile-rules.cjs, as its metafile lists them. Any change to the
// compiler (or to what it imports) changes one of those files, so a stale entry is never read.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'dist/.build');
const INPUTS = path.join(BUILD, 'data-compiler-inputs.json');

/** Called by the build after bundling the compiler: the files its output is made of. */
export function recordCompilerInputs(metafile) {
  writeFileSync(INPUTS, JSON.stringify(Object.keys(metafile.inputs).sort()));
}

/** The compiler's identity, or undefined when no build has recorded it (then nothing is cached). */
export function compilerKey() {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  for (const file of inputs) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(path.resolve(ROOT, file)));
    } catch {
      return undefined;
    }
  }
  return hash.digest('hex');
}

/** `compile` (text, file) → JSON-able data, looked up in and added to the cache. Errors are not cached. */
export function cachedCompiler(compile) {
  // The compiler does not change while a build or a test run goes on: its sources are hashed once.
  let key;
  return (text, file) => {
    key ??= compilerKey() ?? null;
    if (!key) return compile(text, file);
    const rel = path.relative(ROOT, path.resolve(file)).split(path.sep).join('/');
    const id = createHash('sha256').update(`${key}\0${rel}\0`).update(text).digest('hex');
    const entry = path.join(BUILD, 'data', `${id}.json`);
    try {
      return JSON.parse(readFileSync(entry, 'utf8'));
    } catch {
      // not cached yet
    }
    const data = compile(text, file);
    mkdirSync(path.dirname(entry), { recursive: true });
    // Written aside and renamed: a concurrent reader sees the whole entry or none.
    const partial = `${entry}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(data));
    renameSync(partial, entry);
    return data;
  };
}
