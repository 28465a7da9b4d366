import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { cachedCompiler } from './scripts/data-cache.mjs';
import { prebuiltEngine } from './scripts/vitest-engine.mjs';
import { warmStaticImports } from './scripts/vitest-warmup.mjs';
import { compileDataFile } from './server/src/build/data-files';

// The build's cache of compiled data files (scripts/data-cache.mjs), shared with esbuild.mjs.
const compileData = cachedCompiler(compileDataFile);

/**
 * What every suite shares (`npm test`, `test:robust`, `test:e2e`): server/rules/*.yaml and
 * schemas/namespaces.yaml become validated data, exactly as esbuild.mjs does for the bundles. Each suite
 * starts from this, never from the default export below, whose projects would replace its own file list.
 */
export const baseConfig = defineConfig({
  plugins: [
    {
      name: 'nhn-rules-yaml',
      transform(code, id) {
        if (!id.endsWith('.yaml')) return null;
        return { code: `export default ${JSON.stringify(compileData(code, id))};`, map: null };
      },
    },
    // The engine is loaded as files esbuild built, not module by module through vite (scripts/vitest-engine.mjs).
    prebuiltEngine(compileData),
    // The other imports of a test file are transformed ahead of the worker's requests (scripts/vitest-warmup.mjs).
    warmStaticImports(),
  ],
  test: {
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});

// Test files share one module graph per worker process (`isolate: false`): importing the engine, the
// LSP client and the helpers anew for every file (vitest's default isolation) cost more CPU than many
// files' tests. They run in forks, not threads, because the engine runs on a process's main thread in
// the product too (a worker thread's smaller stack made the deep-nesting cases ten times slower). A file
// must leave no state behind (close its servers and processes, restore what it changed). libxml2's
// input callbacks are global to its module instance: engine/xsd/libxml.ts registers one for all its
// services, so the XSD files share a worker too.

// vitest's default is one worker fewer than the cores (one worker on a 2-core machine); most files
// here wait on child processes, so a worker per core keeps both cores busy.
const maxWorkers = Math.max(2, availableParallelism());

// `npm test`.
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    maxWorkers,
    pool: 'forks',
    poolOptions: { forks: { isolate: false } },
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/robust/**'],
  },
});
