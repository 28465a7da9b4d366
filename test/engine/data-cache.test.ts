// The build's cache of compiled YAML data files (scripts/data-cache.mjs): the same file and text are
// compiled once, a changed text is compiled again, and what comes back is what the compiler made.

import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cachedCompiler } from '../../scripts/data-cache.mjs';

const CACHE = path.resolve(__dirname, '../../dist/.build/data');
const entries = () => (existsSync(CACHE) ? readdirSync(CACHE) : []);

describe('compiled data cache', () => {
  const before = new Set(entries());
  afterAll(() => {
    for (const e of entries()) if (!before.has(e)) rmSync(path.join(CACHE, e));
  });

  it('compiles a file and text once, and again when the text changes', () => {
    // npm test builds first, which records the compiler's inputs; without them nothing would be cached.
    expect(existsSync(path.resolve(__dirname, '../../dist/.build/data-compiler-inputs.json'))).toBe(true);
    const calls: string[] = [];
    const compile = cachedCompiler((text: string, file: string) => {
      calls.push(text);
      return { file, upper: text.toUpperCase(), at: calls.length };
    });
    const file = `test/data-cache-${process.pid}-${Date.now()}.yaml`;
    const first = compile('a: 1\n', file);
    expect(compile('a: 1\n', file)).toEqual(first);
    expect(compile('a: 2\n', file)).toEqual({ file, upper: 'A: 2\n', at: 2 });
    expect(calls).toEqual(['a: 1\n', 'a: 2\n']);
    expect(first).toEqual({ file, upper: 'A: 1\n', at: 1 });
  });

  it('does not cache a compile that fails', () => {
    let calls = 0;
    const compile = cachedCompiler(() => {
      calls++;
      throw new Error('bad rule file');
    });
    const file = `test/data-cache-bad-${process.pid}.yaml`;
    expect(() => compile('x', file)).toThrow('bad rule file');
    expect(() => compile('x', file)).toThrow('bad rule file');
    expect(calls).toBe(2);
  });
});
