// nhn-lint on mistakes in its command line (issue 18, "CLI behaviour"): each is a clear message and
// exit 2, never a silent default, a 0, or a stack trace.

import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { runCliAsync, tempDir } from '../helpers/cli';

let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((c) => c());
  cleanups = [];
});
function workspace(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  writeFileSync(path.join(t.dir, 'a.properties'), 'lab=https://test.nilar.nhn.no\n');
  return t.dir;
}

describe('nhn-lint: usage errors exit 2 with a clear message', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['a path that does not exist', (dir) => [path.join(dir, 'nothing-here')], /nothing-here: no such file or folder/],
    ['--today on a day that does not exist', (dir) => ['--today', '2026-02-30', dir], /--today expects a calendar date YYYY-MM-DD, got '2026-02-30'/],
    ['--today in a month that does not exist', (dir) => [dir, '--today', '2025-13-01'], /--today expects a calendar date/],
    ['--rule naming no rule', (dir) => ['--rule', 'no/such-rule=error', dir], /unknown rule or family: 'no\/such-rule'/],
    ['--rule-off naming no rule', (dir) => ['--rule-off', 'host/no-such-host', dir], /unknown rule or family: 'host\/no-such-host'/],
    ['--rule naming no check of a known family', (dir) => ['--rule', 'xsd/no-such-check=off', dir], /unknown rule or family: 'xsd\/no-such-check'/],
    ['--schemas naming a missing folder', (dir) => ['--schemas', path.join(dir, 'missing'), dir], /--schemas .*missing: no such folder/],
    ['--fhir-packages naming a missing folder', (dir) => ['--fhir-packages', '/no/such/folder', dir], /--fhir-packages \/no\/such\/folder: no such folder/],
    ['--fhir-profile without GLOB=', (dir) => ['--fhir-profile', 'nourl', dir], /--fhir-profile expects GLOB=URL .*got 'nourl'/],
    ['--fhir-profile with something not a URL', (dir) => ['--fhir-profile', '*.json=nourl', dir], /'nourl' is not a profile's canonical URL/],
    ['--max-warnings that is not a number', (dir) => ['--max-warnings', 'many', dir], /--max-warnings expects a whole number/],
    ['--fix with --fix-dry-run', (dir) => ['--fix', '--fix-dry-run', dir], /exclude each other/],
    ['--config with --no-config', (dir) => ['--config', 'x.yaml', '--no-config', dir], /exclude each other/],
    ['a missing --baseline', (dir) => ['--baseline', path.join(dir, 'none.json'), dir], /no such file \(write one with --baseline-write\)/],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const dir = workspace();
      const r = await runCliAsync(args(dir));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    });
  }

  it('NHN_TODAY that is not a calendar date', async () => {
    const r = await runCliAsync([workspace()], { env: { NHN_TODAY: '2026-02-29' } });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/NHN_TODAY must be a calendar date YYYY-MM-DD, got '2026-02-29'/);
  });

  it('accepts real rule ids, families, check-made ids and real calendar dates', async () => {
    const dir = workspace();
    const r = await runCliAsync([
      '--today',
      '2028-02-29',
      '--rule',
      'host/nilar=error',
      '--rule-off',
      'nin',
      '--rule',
      'xsd/invalid-value=warning',
      '--rule',
      'fhir/binding=off',
      dir,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('a missing path beside an existing one: the existing one is still reported, exit 2', async () => {
    const dir = workspace();
    const r = await runCliAsync(['--format', 'json', path.join(dir, 'gone'), dir]);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    expect(r.status).toBe(2);
  });
});
