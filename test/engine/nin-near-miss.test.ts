// False positives: digit-heavy text that is not an identity number, each line built around a number
// that WOULD pass the check digits, so only the boundaries and contexts keep it out. Zero allowed.

import { describe, expect, it } from 'vitest';
import { findingsFor } from '../helpers/engine';
import { makeNin } from '../helpers/nin';

const V = makeNin(23, 4, 85, 207); // valid, plain, not in the PREG list
const W = makeNin(9, 11, 3, 612);

const NEAR_MISSES: string[] = [
  // inside longer digit runs and 13-digit values (epoch millis, EAN-13, order numbers)
  `9${V}`,
  `${V}7`,
  `1${V}3`,
  `timestamp: 1${V}9`,
  `"createdAt": 17${V}`,
  // UUIDs, hex, hashes, identifiers
  `550e8400-e29b-41d4-a716-a${V}`,
  `550e8400-e29b-41d4-a716-${V}f`,
  `id: 0x${V}`,
  `sha: deadbeef${V}cafe`,
  `${V}ff`,
  `thumbprint: "A1B2C3${V}"`,
  `var x${V} = 1;`,
  `user_${V}`,
  // version strings, decimals, times, dates
  `version 1.2.${V}`,
  `${V}.3`,
  `v${V}`,
  `pi = 3.${V}`,
  `2024-11-09T12:00:00.${V}Z`,
  `12:${V}`,
  `${V}:30`,
  `2024-${V}`,
  `${V}-01`,
  // phone numbers
  `+${V}`,
  `tlf. ${V}`,
  `Telefon: ${V}`,
  `phone = "${V}"`,
  `mobil ${V.slice(0, 6)} ${V.slice(6)}`,
  // account, KID, organisation, HER-id, invoice and order numbers
  `Kontonummer: ${V}`,
  `account_no = "${V}"`,
  `bankAccount: ${V}`,
  `KID: ${V}`,
  `KID-nummer ${V}`,
  `kidNumber = "${V}"`,
  `orgnr ${V}`,
  `organisationNumber: "${V}"`,
  `herId: ${V}`,
  `HER-id ${V}`,
  `Fakturanummer ${V}`,
  `orderNo=${V}`,
  `IBAN NO93${V}`,
  // spaced sequences that only look like DDMMYY IIIKK
  `12 ${V.slice(0, 6)} ${V.slice(6)}`,
  `${V.slice(0, 6)} ${V.slice(6)} 44`,
  // hashes, issue references, mentions
  `#${V}`,
  `@${V}`,
  // base64 (attachments, certificates)
  `${'TWFuIGlzIGRpc3Rpbmd1aXNoZWQsIG5vdCBvbmx5'}/${V}/${'IGJ5IGhpcyByZWFzb24sIGJ1dCBieSB0aGlz'}`,
  `MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ+${V}+RTESMBAGA1UEChMJQmFsdGltb3JlMRMwEQYDVQQL`,
  // numbers near but not 11 digits
  `${V.slice(0, 10)}`,
  `${V}${W}`,
  `${V.slice(1)}`,
];

describe('nin check: near-miss corpus', () => {
  it('has a valid number at the heart of every line', () => {
    expect(V).toMatch(/^\d{11}$/);
  });

  for (const lang of ['plaintext', 'csharp', 'json', 'xml']) {
    it(`gives zero findings in ${lang}`, async () => {
      const text = NEAR_MISSES.join('\n');
      const found = (await findingsFor(text, lang)).filter((f) => f.ruleId.startsWith('nin/'));
      const lines = text.split('\n');
      expect(found.map((f) => lines[f.range.start.line])).toEqual([]);
    });
  }

  it('still finds the number when a line says it is one, even after an account word', async () => {
    const text = `Konto for pasient ${V}`;
    const found = (await findingsFor(text)).filter((f) => f.ruleId.startsWith('nin/'));
    expect(found.map((f) => f.ruleId)).toEqual(['nin/possibly-real-person']);
  });

  it('gives zero findings on random digit-heavy text without valid numbers', async () => {
    // Deterministic pseudo-random digits in runs of 1–30, separated by spaces, dots, dashes and colons.
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const parts: string[] = [];
    for (let i = 0; i < 20000; i++) {
      let run = '';
      const len = 1 + rnd(30);
      for (let j = 0; j < len; j++) run += String(rnd(10));
      parts.push(run.length === 11 ? `${run}0` : run, ' .-:,;'[rnd(6)]);
    }
    const found = (await findingsFor(parts.join(''))).filter((f) => f.ruleId.startsWith('nin/'));
    expect(found).toEqual([]);
  });
});
