// The compiled .gitignore matcher against the `ignore` package (a reference implementation of
// gitignore(5), case-sensitive as git is on Linux): the same verdict for every rule shape we index
// (names, `*suffix`, `prefix*`, anchored paths) and the general ones (`**`, classes, negation, escapes).

import ignore from 'ignore';
import { describe, expect, it } from 'vitest';
import { IgnoreRules } from '../../server/src/host/ignore-rules';

const RULES = [
  ['*.log', '!keep.log'],
  ['build/', 'out'],
  ['/dist', 'docs/generated/'],
  ['**/gen/*.cs', 'a/**/z.txt', 'logs/**'],
  ['tmp*', '!tmp-keep', '*~'],
  ['[abc].txt', 'file[!0-9].md', 'x?.ini'],
  ['\\#hash', '\\!bang', 'space\\ ', 'trailing   '],
  ['*.xsd', '!schemas/*.xsd'],
  ['# comment', '', 'sub/deep/file.xml', 'name.with.dots'],
  ['**/node', 'vendor/**/*.json', '!vendor/keep/**'],
];
const PATHS: Array<[string, boolean]> = [
  ['app.log', false],
  ['keep.log', false],
  ['src/app.log', false],
  ['build', true],
  ['build', false],
  ['src/build', true],
  ['out', false],
  ['out', true],
  ['src/out/x', false],
  ['dist', true],
  ['src/dist', true],
  ['docs/generated', true],
  ['docs/generated', false],
  ['x/docs/generated', true],
  ['gen/a.cs', false],
  ['p/q/gen/a.cs', false],
  ['gen/a.cs.bak', false],
  ['a/z.txt', false],
  ['a/b/c/z.txt', false],
  ['b/a/z.txt', false],
  ['logs/x', false],
  ['logs/a/b', false],
  ['logs', true],
  ['tmp', false],
  ['tmpfile', false],
  ['tmp-keep', false],
  ['src/tmp1', true],
  ['notes~', false],
  ['a.txt', false],
  ['d.txt', false],
  ['fileX.md', false],
  ['file1.md', false],
  ['x1.ini', false],
  ['x12.ini', false],
  ['#hash', false],
  ['!bang', false],
  ['space ', false],
  ['space', false],
  ['trailing', false],
  ['a.xsd', false],
  ['schemas/a.xsd', false],
  ['schemas/x/a.xsd', false],
  ['sub/deep/file.xml', false],
  ['x/sub/deep/file.xml', false],
  ['name.with.dots', false],
  ['node', true],
  ['a/b/node', false],
  ['vendor/a.json', false],
  ['vendor/x/y/a.json', false],
  ['vendor/keep/a.json', false],
  ['Build', true],
  ['APP.LOG', false],
];

describe('compiled .gitignore rules', () => {
  for (const rules of RULES) {
    it(`decides as gitignore does for ${JSON.stringify(rules)}`, () => {
      const ours = IgnoreRules.compile(rules.join('\n'), false);
      const reference = ignore({ ignorecase: false }).add(rules);
      for (const [p, isDir] of PATHS) {
        // The walker never descends into an ignored folder, so a path counts only when no parent is ignored.
        const parents = p
          .split('/')
          .slice(0, -1)
          .map((_, i, a) => a.slice(0, i + 1).join('/'));
        if (parents.some((d) => reference.ignores(d + '/'))) continue;
        const expected = reference.ignores(isDir ? p + '/' : p);
        expect([p, isDir, ours.decide(p, isDir) === true]).toEqual([p, isDir, expected]);
      }
    });
  }

  for (const rules of RULES) {
    it(`ignores files, their folders included, as gitignore does for ${JSON.stringify(rules)} (the configuration's ignore list)`, () => {
      const ours = IgnoreRules.compile(rules.join('\n'), false);
      const reference = ignore({ ignorecase: false }).add(rules);
      for (const [p, isDir] of PATHS) {
        if (isDir) continue;
        expect([p, ours.ignoresFile(p)]).toEqual([p, reference.ignores(p)]);
      }
    });
  }

  it('says when a negation re-includes and when no rule speaks', () => {
    const rules = IgnoreRules.compile('*.log\n!keep.log\n', false);
    expect(rules.decide('keep.log', false)).toBe(false);
    expect(rules.decide('a.log', false)).toBe(true);
    expect(rules.decide('a.txt', false)).toBeUndefined();
  });

  it('matches a hostile pattern in linear-ish time (no backtracking blow-up)', () => {
    const rules = IgnoreRules.compile(`${'*a'.repeat(30)}*b\n`, false);
    expect(rules.decide('a'.repeat(250), false)).toBeUndefined();
    expect(rules.decide('a'.repeat(40) + 'b', false)).toBe(true);
  });
});
