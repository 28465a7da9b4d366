// A wrong MIGversion is one fault: the XSD's fixed value and the KITH check both see it at the same
// place. The user gets it once: from the XSD when the schema is at hand (as libxml2 and NHN's
// Meldingsvalidator say it), from kith/mig-version without a schema or with the XSD's rule off.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';

const SCHEMAS = path.resolve('../shared/fixtures/nhn-schemas/kith-core');

function messageWithMigVersion(version: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nhn-mig-'));
  const file = path.join(dir, 'message.xml');
  const text = readFileSync('examples/messages/dialogmelding-1.1-valid.xml', 'utf8');
  expect(text).toContain('<MIGversion>v1.2 2006-05-24</MIGversion>');
  writeFileSync(file, text.replace('<MIGversion>v1.2 2006-05-24</MIGversion>', `<MIGversion>${version}</MIGversion>`));
  return file;
}

const findingsOf = (args: string[]) =>
  JSON.parse(runCli(['--format', 'json', '--schemas', SCHEMAS, ...args]).stdout).findings as Array<{ rule: string; line: number }>;

describe('a wrong MIGversion', () => {
  it('is reported once, by the XSD, when the schema is at hand', () => {
    const found = findingsOf([messageWithMigVersion('v1.1 2006-05-24')]).filter((f) => f.line === 9);
    expect(found.map((f) => f.rule)).toEqual(['xsd/fixed-value']);
  });

  it('is reported by kith/mig-version without a schema, or with the XSD rule off', () => {
    const file = messageWithMigVersion('v1.1 2006-05-24');
    const noSchema = JSON.parse(runCli(['--format', 'json', file]).stdout).findings.filter((f: { line: number }) => f.line === 9);
    expect(noSchema.map((f: { rule: string }) => f.rule)).toEqual(['kith/mig-version']);
    const off = findingsOf(['--rule', 'xsd/fixed-value=off', file]).filter((f) => f.line === 9);
    expect(off.map((f) => f.rule)).toEqual(['kith/mig-version']);
  });

  it('is no finding when right', () => {
    expect(findingsOf([messageWithMigVersion('v1.2 2006-05-24')]).filter((f) => f.line === 9)).toEqual([]);
  });
});
