import { defineConfig } from 'vitest/config';
import { baseConfig as base } from './vitest.config';

// `npm run test:robust`: the robustness suite (fuzzing, hostile XML, crashes, hostile file systems),
// kept out of `npm test` because it runs for minutes; .ci/run runs both.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/robust/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 30 * 60_000,
    pool: 'forks',
    fileParallelism: false,
    // --expose-gc: the cost tests (test/helpers/cost.ts) collect before each timed run.
    poolOptions: { forks: { execArgv: ['--expose-gc'] } },
  },
});
