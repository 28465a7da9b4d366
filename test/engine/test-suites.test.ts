// The three vitest suites must each run their own files. The robust and e2e configurations once
// inherited `npm test`'s projects, whose file lists replaced theirs: test:robust ran the unit tests
// again and test:e2e ran no end-to-end test at all, both green.

import { describe, expect, it } from 'vitest';
import unit from '../../vitest.config';
import e2e from '../../vitest.e2e.config';
import robust from '../../vitest.robust.config';

describe('vitest configurations', () => {
  it('test:robust and test:e2e have no projects and list only their own files', () => {
    expect(robust.test?.projects).toBeUndefined();
    expect(robust.test?.include).toEqual(['test/robust/**/*.test.ts']);
    expect(e2e.test?.projects).toBeUndefined();
    expect(e2e.test?.include).toEqual(['test/e2e/**/*.e2e.ts']);
  });

  it('npm test keeps the robust and e2e files out', () => {
    expect(unit.test?.projects).toBeUndefined();
    expect(unit.test?.include).toEqual(['test/**/*.test.ts']);
    expect(unit.test?.exclude).toContain('test/robust/**');
  });
});

describe('the vitest plugins', () => {
  it('read the specifiers a transformed module imports: static ones for the warm-up, dynamic ones too for the engine build', async () => {
    const { importSpecifiers } = await import('../../scripts/vitest-warmup.mjs');
    const code = [
      "import { a } from './a';",
      'export * from "./b";',
      "import './c';",
      "const d = await import('./d');",
      "helper.import('./e');",
      "const text = 'not an import from ./f';",
    ].join('\n');
    expect(importSpecifiers(code, { dynamic: false })).toEqual(['./a', './b', './c']);
    expect(importSpecifiers(code, { dynamic: true })).toEqual(['./a', './b', './c', './d']);
  });
});
