import { defineConfig, mergeConfig } from 'vitest/config';
import { baseConfig as base } from './vitest.config';

// The end-to-end suite (`npm run test:e2e`): the packaged .vsix in code-server, driven in Chromium.
// One file at a time (each starts its own code-server); generous timeouts because the UI is slow on
// a shared machine, and one retry because a workbench can drop a keystroke under load.
const config = mergeConfig(
  base,
  defineConfig({
    test: {
      testTimeout: 120_000,
      hookTimeout: 240_000,
      pool: 'forks',
      fileParallelism: false,
      retry: 1,
      reporters: ['verbose'],
    },
  }),
);
config.test!.include = ['test/e2e/**/*.e2e.ts'];
config.test!.globalSetup = ['test/e2e/global-setup.ts'];
export default config;
