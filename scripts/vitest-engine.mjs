// vitest loads project code through vite-node: the worker asks the main process for each module, which
// runs vite's plugins, the SSR transform and source-map merging on it (~10 ms a module, in one process).
// The engine is 150 modules: that was 1.5-2.5 s of every engine test file's start, most of its time.
// Instead, the engine (server/src/engine/, shared/) is built by esbuild, one output file per source
// module (ES modules with code splitting, so that each module's code exists once and has one identity,
// as under vite-node), into dist/.build/vitest-engine/. Imports of those sources from code vitest
// transforms (tests, helpers, the host, the client) are redirected to the built files, which vite-node
// leaves to Node's own loader: ~150 ms for the whole engine.
//
// - Freshness: output names carry a hash of their content (and of what they import), so an edited module
//   gets a new URL; Node's module cache never serves old code under a new name. A manifest keyed by the
//   contents of every input (sources, data files, the data compiler) lets a test run reuse the last build
//   (~20 ms) instead of building (~0.5 s).
// - Watch mode: each module importing a built file is made to depend, in vite's module graph, on every
//   source that file was built from, so vitest reruns the tests an engine edit affects, and their next
//   import resolves to the rebuilt file.
// - Stack traces: the built files have linked source maps, which vitest's stack-trace support reads.
// - Limits: vi.mock() cannot replace an engine module, and coverage does not see the engine. Set
//   NHN_VITEST_SOURCES=1 to load the engine's sources through vite as before.

import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilerKey } from './data-cache.mjs';
import { importSpecifiers } from './vitest-warmup.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'dist/.build/vitest-engine');
const MANIFEST = path.join(OUT, 'manifest.json');
const PACKAGE = path.join(OUT, 'package.json');
/** What is built: the engine and what it imports of the project (the boundary check keeps it to these). */
const SOURCE_DIRS = ['server/src/engine', 'shared'].map((d) => path.join(ROOT, d));
/** Changes whenever the build options below change, so that an older manifest is not reused. */
const BUILD_VERSION = `1 esbuild ${esbuild.version}`;
/** Packages Node cannot load as they are (jsonc-parser's ES build imports files without extensions); vite-node transforms it too. */
const BUNDLED_PACKAGES = /^jsonc-parser(\/|$)/;
/** Marks, in vite's module graph, a source a built file was made of (see the watch-mode note above). */
const SOURCE_QUERY = '?nhn-engine-source';
/** Built files of an older build are deleted this long after a newer build replaced them (a test run may still use them). */
const STALE_MS = 60 * 60 * 1000;

const inSources = (file) => SOURCE_DIRS.some((dir) => file === dir || file.startsWith(`${dir}/`));
/** Whether `spec` imported by `importer` may name a source module: a cheap test before resolving it. */
const mayImportSource = (spec, importer) =>
  (spec.startsWith('.') || spec.startsWith('/')) &&
  !spec.includes('?') &&
  !importer.includes('/node_modules/') &&
  inSources(path.resolve(path.dirname(importer.split('?')[0]), spec));
const relative = (file) => path.relative(ROOT, file).split(path.sep).join('/');
const hashText = (text) => createHash('sha256').update(text).digest('hex');

/** The entry points: every module of the source folders. */
function sourceFiles(dirs = SOURCE_DIRS, out = []) {
  for (const dir of dirs)
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) sourceFiles([file], out);
      else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(relative(file));
    }
  return out.sort();
}

/** The identity of a build: its options, the data compiler, and the content of every file it read. */
function buildKey(inputHashes) {
  const hash = createHash('sha256').update(`${BUILD_VERSION}\0${compilerKey() ?? ''}\0`);
  for (const [file, contentHash] of Object.entries(inputHashes).sort(([a], [b]) => (a < b ? -1 : 1))) hash.update(`${file}\0${contentHash}\0`);
  return hash.digest('hex');
}

function lastManifest() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined; // none yet
  }
}

/** Whether the sources still are what `manifest` was built from. */
function isCurrent(manifest, entries) {
  if (manifest?.entries?.join('\n') !== entries.join('\n')) return false;
  const inputHashes = {};
  try {
    for (const file of Object.keys(manifest.inputHashes)) inputHashes[file] = hashText(readFileSync(path.join(ROOT, file)));
  } catch {
    return false; // a file it read is gone
  }
  return buildKey(inputHashes) === manifest.key;
}

/** Writes a file beside its place and renames it there: a concurrent test run sees all of it or nothing. */
function writeAtomically(file, contents) {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, contents);
  renameSync(partial, file);
}

async function build(entries, compileData, previous) {
  const inputHashes = {};
  // Every file esbuild reads goes through here, so the manifest's key covers exactly what was built.
  const loadPlugin = {
    name: 'nhn-vitest-engine-load',
    setup(b) {
      b.onLoad({ filter: /.*/ }, (args) => {
        const bytes = readFileSync(args.path);
        inputHashes[relative(args.path)] = hashText(bytes);
        const text = bytes.toString('utf8');
        const ext = path.extname(args.path);
        // server/rules/*.yaml and the other data files become validated data, as in esbuild.mjs and vitest.config.ts.
        if (ext === '.yaml') return { contents: JSON.stringify(compileData(text, args.path)), loader: 'json' };
        return { contents: text, loader: ext === '.ts' ? 'ts' : ext === '.json' ? 'json' : 'js' };
      });
    },
  };
  const externalPackages = {
    name: 'nhn-vitest-engine-packages',
    setup(b) {
      // Node loads packages from node_modules itself, as vite-node does for the tests.
      b.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: entries,
    outdir: OUT,
    outbase: '.',
    entryNames: '[dir]/[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Function and class names stay as in the sources (a bundle renames clashing top-level names).
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    // shared/lazy-deps.ts uses require() for packages loaded on first use.
    banner: { js: "import { createRequire as __nhnCreateRequire } from 'node:module'; const require = __nhnCreateRequire(import.meta.url);" },
    plugins: [externalPackages, loadPlugin],
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  const now = new Date();
  const current = new Set([MANIFEST, PACKAGE]);
  for (const file of result.outputFiles) {
    current.add(file.path);
    // A built file's name is a hash of its content and its source map's: one already there is this file
    // (dated now, so that no other run's clean-up takes it for an older build's).
    if (!touch(file.path, now)) writeAtomically(file.path, file.contents);
  }
  // .js, not .mjs (vitest has vite-node transform any .mjs outside node_modules), in an ES module package.
  if (!existsSync(PACKAGE)) writeAtomically(PACKAGE, '{ "type": "module" }\n');
  const outputs = {};
  for (const [out, info] of Object.entries(result.metafile.outputs)) if (info.entryPoint) outputs[info.entryPoint] = out.slice(relative(OUT).length + 1);
  const graph = {};
  for (const [input, info] of Object.entries(result.metafile.inputs)) graph[input] = info.imports.filter((i) => !i.external).map((i) => i.path);
  const files = [...current].map((file) => path.relative(OUT, file));
  const manifest = { key: buildKey(inputHashes), entries, inputHashes, outputs, graph, files };
  writeAtomically(MANIFEST, JSON.stringify(manifest));
  // The last build's files are dated now, when they stop being current; they go an hour later.
  for (const file of previous?.files ?? []) if (!current.has(path.join(OUT, file))) touch(path.join(OUT, file), now);
  removeStale(current);
  return manifest;
}

/** Sets a file's time to `time`; false when it is not there (a clean-up of another test run may have removed it). */
function touch(file, time) {
  try {
    utimesSync(file, time, time);
    return true;
  } catch (err) {
    if (err.code === 'ENOENT') return false;
    throw err;
  }
}

function removeStale(current, dir = OUT) {
  const now = Date.now();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) removeStale(current, file);
    else if (!current.has(file)) {
      try {
        if (now - statSync(file).mtimeMs > STALE_MS) unlinkSync(file);
      } catch (err) {
        if (err.code !== 'ENOENT') throw err; // removed by another test run's clean-up
      }
    }
  }
}

/**
 * The vite plugin for vitest.config.ts. `compileData` compiles a data file (YAML) as the build does.
 * @param {(text: string, file: string) => unknown} compileData
 * @returns {import('vite').Plugin | undefined}
 */
export function prebuiltEngine(compileData) {
  if (process.env.NHN_VITEST_SOURCES === '1') return undefined;
  /** @type {Promise<{ manifest: any, closures: Map<string, string[]> }> | undefined} */
  let current;
  /** What `current` settled to, for the watcher's synchronous look. */
  let built;
  let watching = false;

  const load = () => {
    if (current) return current;
    const loading = (async () => {
      const entries = sourceFiles();
      const last = lastManifest();
      const manifest = isCurrent(last, entries) ? last : await build(entries, compileData, last);
      return { manifest, closures: new Map() };
    })();
    current = loading;
    loading.then(
      (state) => current === loading && (built = state),
      // A failed build (a syntax error, say) is reported by the import that needed it, and tried again by the next.
      () => current === loading && (current = undefined),
    );
    return loading;
  };

  /** The project files a source module is built from: itself and all it imports, transitively. */
  const closure = (state, entry) => {
    let files = state.closures.get(entry);
    if (!files) {
      const seen = new Set([entry]);
      for (const file of seen) for (const next of state.manifest.graph[file] ?? []) if (!next.includes('node_modules/')) seen.add(next);
      files = [...seen];
      state.closures.set(entry, files);
    }
    return files;
  };

  return {
    name: 'nhn-prebuilt-engine',
    config: () => ({
      // Written by this plugin, read by Node: nothing for vite to watch.
      server: { watch: { ignored: [`${OUT}/**`] } },
      test: { server: { deps: { external: [/\/dist\/\.build\/vitest-engine\//] } } },
    }),
    configureServer(server) {
      // vitest sets `server.watch` to null when it runs once.
      watching = server.config.server.watch !== null;
      // Checked (and built if need be) while vitest starts its workers, not when a test first imports it.
      load().catch(() => {});
      if (!watching) return;
      server.watcher.on('all', (_event, file) => {
        // Any change under the sources (a new module is a new entry) or to a data file the build read.
        if (inSources(file) || (built && relative(file) in built.manifest.inputHashes)) current = built = undefined;
      });
    },
    resolveId: {
      order: 'pre',
      async handler(source, importer, options) {
        // Without an importer vite is looking up a module of its graph (or a test file), not importing.
        if (!importer || !mayImportSource(source, importer)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        if (!resolved || resolved.external) return null;
        const out = (await load()).manifest.outputs[relative(resolved.id)];
        // vite-node leaves the built file to Node (the `deps.external` pattern above).
        return out ? { id: path.join(OUT, out), external: true } : null;
      },
    },
    // In the normal order: after TypeScript is stripped, before vite records the importer's imports.
    transform: {
      async handler(code, id, options) {
        if (!watching || !options?.ssr || id.includes('/node_modules/')) return null;
        for (const spec of importSpecifiers(code, { dynamic: true })) {
          if (!mayImportSource(spec, id)) continue;
          // A plugin's own resolve skips its resolveId: this is the source the import is redirected from.
          const resolved = await this.resolve(spec, id);
          if (!resolved) continue;
          const state = await load();
          const entry = relative(resolved.id);
          if (!(entry in state.manifest.outputs)) continue;
          // The importer now depends on each source in vite's graph: an edit there invalidates it.
          for (const file of closure(state, entry)) this.addWatchFile(path.join(ROOT, file) + SOURCE_QUERY);
        }
        return null;
      },
    },
  };
}
