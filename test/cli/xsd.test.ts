// nhn-lint validates KITH XML against NHN's schemas: the examples (schemas found through
// xsi:schemaLocation) and --schemas folders, with libxml2 in its worker thread.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type JsonFinding, runCli } from '../helpers/cli';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures/nhn-schemas');

describe('nhn-lint: XSD validation', () => {
  it('examples/messages: the valid Dialogmelding passes, the invalid one shows its three schema errors', () => {
    const r = runCli(['--format', 'json', 'examples/messages']);
    const findings = (JSON.parse(r.stdout).findings as JsonFinding[]).filter((f) => f.rule.startsWith('xsd/'));
    expect(findings.map((f) => [path.basename(f.file), f.rule, f.line])).toEqual([
      ['dialogmelding-1.1-invalid.xml', 'xsd/fixed-value', 10],
      ['dialogmelding-1.1-invalid.xml', 'xsd/invalid-value', 11],
      ['dialogmelding-1.1-invalid.xml', 'xsd/unexpected-element', 39],
    ]);
    expect(r.status).toBe(1);
  });

  it('--schemas finds payload schemas by namespace; without it the message is named, not validated', () => {
    // kith off: only the XSD findings are the subject here.
    const with_ = runCli([
      '--format',
      'json',
      '--rule-off',
      'kith',
      '--schemas',
      path.join(FIXTURES, 'kith-core'),
      '--schemas',
      path.join(FIXTURES, 'eresept'),
      '--schemas',
      path.join(FIXTURES, 'felleskomponenter'),
      'test/xsd/instances/m911-2021-10-01-invalid.xml',
    ]);
    expect((JSON.parse(with_.stdout).findings as JsonFinding[]).map((f) => f.rule)).toEqual(['xsd/missing-element', 'xsd/invalid-value']);
    const without = runCli(['--format', 'json', '--rule-off', 'kith', 'test/xsd/instances/m911-2021-10-01-invalid.xml']);
    expect((JSON.parse(without.stdout).findings as JsonFinding[]).map((f) => [f.rule, f.severity])).toEqual([['xsd/no-schema', 'info']]);
    expect(without.status).toBe(0);
  });
});
