import { defineConfig } from 'vitest/config';
import { compileRuleFile } from './server/src/engine/rules/compile';

// server/rules/*.yaml become validated rule arrays, exactly as esbuild.mjs does for the bundles.
export default defineConfig({
  plugins: [
    {
      name: 'nhn-rules-yaml',
      transform(code, id) {
        if (!id.endsWith('.yaml')) return null;
        return { code: `export default ${JSON.stringify(compileRuleFile(code, id))};`, map: null };
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
