import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { compileDataFile } from './server/src/build/data-files';

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
        return { code: `export default ${JSON.stringify(compileDataFile(code, id))};`, map: null };
      },
    },
  ],
  test: {
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});

// Test files that run the engine in-process share one module graph per worker process: importing the
// engine anew for every file (vitest's default isolation) cost more CPU than their tests. They run in
// forks, not threads, because the engine runs on a process's main thread in the product too (a worker
// thread's smaller stack made the deep-nesting cases ten times slower). The rest start real processes
// (CLI, server, Neovim) or drive libxml2, whose input providers are global to its module instance, so
// each of those files gets a fresh worker thread.
const sharedModuleDirs = ['engine', 'fhir', 'kith', 'l10n', 'client', 'workspace', 'helseid', 'persontjenesten', 'cli', 'lsp', 'privacy', 'snippets', 'neovim'];
const shared = sharedModuleDirs.map((dir) => `test/${dir}/**/*.test.ts`);

// vitest's default is one worker fewer than the cores (one worker on a 2-core machine); most files
// here wait on child processes, so a worker per core keeps both cores busy.
const maxWorkers = Math.max(2, availableParallelism());

// `npm test`.
export default defineConfig({
  ...baseConfig,
  test: {
    ...baseConfig.test,
    maxWorkers,
    // Isolation is a setting of the pool, not of a project: forks share modules (in-process files),
    // each isolated file gets a fresh thread (its own module graph and libxml2 instance).
    poolOptions: { forks: { isolate: false }, threads: { isolate: true } },
    projects: [
      { extends: true, test: { name: 'in-process', include: shared, pool: 'forks' } },
      {
        extends: true,
        test: { name: 'isolated', pool: 'threads', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', 'test/robust/**', ...shared] },
      },
    ],
  },
});
