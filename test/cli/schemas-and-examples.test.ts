// Two checks that run the built CLI over whole fixture folders (moved here from test/engine/, where they
// were the only tests starting a process): schema files are not flagged for the namespaces they define,
// and every id the CLI reports on examples/ has a documentation page.

import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import type { ChecksFile } from '../../server/src/build/compile-checks';
import checksData from '../../server/rules/checks.yaml';
import { runCli } from '../helpers/cli';

const checks = checksData as unknown as ChecksFile;
const documented = new Set([...BUILTIN_RULES.map((r) => r.id), ...checks.checks.map((c) => c.id)]);
/** `<family>/check-failed` is one page; every other id has its own. */
const isDocumented = (id: string) => documented.has(id) || /^[a-z-]+\/check-failed$/.test(id);

describe('schema files define namespaces, they do not use them', () => {
  it('stays silent on the e-resept, SFM and KITH schemas themselves', () => {
    const out = JSON.parse(runCli(['--format', 'json', '../shared/fixtures/nhn-schemas']).stdout) as {
      files: number;
      findings: { rule: string; file: string }[];
    };
    expect(out.files).toBeGreaterThan(100);
    expect(out.findings.filter((f) => f.rule.startsWith('namespace/'))).toEqual([]);
  });
});

describe('documentation', () => {
  it('every id the CLI reports on the examples is documented', () => {
    const out = runCli(['--format', 'json', '--today', '2026-12-01', '--schemas', '../shared/fixtures/nhn-schemas', 'examples'], { timeoutMs: 120000 });
    const ids = new Set((JSON.parse(out.stdout).findings as { rule: string }[]).map((f) => f.rule));
    expect(ids.size).toBeGreaterThan(10);
    expect([...ids].filter((id) => !isDocumented(id))).toEqual([]);
  });
});
