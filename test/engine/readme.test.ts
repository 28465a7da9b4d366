import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import { withRulesTable } from '../../server/src/engine/rules/table';

describe('README', () => {
  it('lists every rule exactly as the data says (run `npm run docs` after editing rules)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withRulesTable(readme, BUILTIN_RULES));
    for (const r of BUILTIN_RULES) expect(readme).toContain(`\`${r.id}\``);
  });
});
