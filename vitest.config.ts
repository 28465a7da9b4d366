import { defineConfig } from 'vitest/config';
import { compileDataFile } from './server/src/build/data-files';

// server/rules/*.yaml and schemas/namespaces.yaml become validated data, exactly as esbuild.mjs does for the bundles.
export default defineConfig({
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
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/robust/**'],
    testTimeout: 30000,
    hookTimeout: 60000,
    pool: 'forks',
  },
});
