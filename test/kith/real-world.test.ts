// The real public messages in ../shared/fixtures (MANIFEST.tsv): no false error from the kith rules.
// Every error they do produce is listed here with why it is true; anything else fails the test.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze, createChecks, languageIdFor } from '../../server/src/engine';
import { decode } from '../../server/src/host/decode';
import { context } from '../helpers/engine';

const FIXTURES = path.resolve(__dirname, '../../../shared/fixtures');

function manifest(dir: string): string[] {
  const rows = readFileSync(path.join(FIXTURES, dir, 'MANIFEST.tsv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return rows
    .map((r) => r.split('\t'))
    .map(([, repo, file]) => path.join(FIXTURES, dir, repo, file))
    .filter((f) => /\.xml$/i.test(f));
}

/** True findings: `file name | rule | flagged text` → why it is right. */
const TRUE_ERRORS: Record<string, string> = {
  'ER-M21-2013-10-08-eksempel1-msghead.xml | kith/organisation-number | 1234567890-example': 'a placeholder, not an organisation number',
  'ER-M21-2013-10-08-eksempel1-msghead.xml | kith/party-her-id | Sender': 'the Sender is identified by a (placeholder) organisation number only',
  'ER-M21-2013-10-08-eksempel1-msghead.xml | kith/party-her-id | Receiver': 'the Receiver is identified by organisation number only',
  'M96-b64.xml | kith/her-id | 2397.1': 'a HER-id is a whole number',
  'M96-b64.xml | kith/party-her-id | Receiver': 'the Receiver is identified by organisation number only',
  'M96-b64.xml | kith/her-id | 9.1': 'in the base64 payload: a HER-id is a whole number',
  'M3 Søknad Legemiddelverket.xml | kith/her-id | 2397.1': 'a HER-id is a whole number',
  'dialogmelding_dialog_notat_dnr.xml | kith/organisation-number | 223456789': 'made-up organisation number: the check digit is wrong',
  'dialogmelding_dialog_notat_pridok_bug.xml | kith/organisation-number | 223456789': 'made-up organisation number: the check digit is wrong',
  'fellesformat_conversationref.xml | kith/organisation-number | 123456789': 'made-up organisation number: the check digit is wrong',
  'fellesformat_le_only_email.xml | kith/organisation-number | 123456789': 'made-up organisation number: the check digit is wrong',
  'fellesformatHprNumber10Digits.xml | kith/organisation-number | 123456789': 'made-up organisation number: the check digit is wrong',
  'fellesformat_new_without_vedlegg.xml | kith/organisation-number | 123456789': 'made-up organisation number: the check digit is wrong',
  'fellesformat_with_2_vedlegg.xml | kith/organisation-number | 123456789': 'made-up organisation number: the check digit is wrong',
  'sykmelding_virksomhet.xml | kith/organisation-number | 123456789': 'made-up organisation number: the check digit is wrong',
};

describe('real public messages', () => {
  const files = [...manifest('real-world'), ...manifest('real-world-nav')];

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(25);
  });

  it('produce no kith error beyond the listed true findings', async () => {
    const checks = createChecks();
    const seen: string[] = [];
    for (const file of files) {
      const { text } = decode(readFileSync(file));
      const { findings } = await analyze({ uri: file, languageId: languageIdFor(file), text }, context(), checks);
      const lines = text.split(/\r\n|\r|\n/);
      for (const f of findings.filter((x) => x.ruleId.startsWith('kith/') && x.severity === 'error')) {
        // Findings inside a base64 payload point at the payload: name them by the value in the message.
        const flagged = f.range.start.line === f.range.end.line ? lines[f.range.start.line].slice(f.range.start.character, f.range.end.character) : '';
        const embedded = /^In the base64 payload: (\S+)/.exec(f.message);
        const value = embedded ? embedded[1] : flagged;
        seen.push(`${path.basename(file)} | ${f.ruleId} | ${value}`);
      }
    }
    expect([...new Set(seen)].sort()).toEqual(Object.keys(TRUE_ERRORS).sort());
  });
});
