// The outgoing-text filter: every valid identity number masked (birth date + *****) wherever it sits
// in a text, the digits that are no number left alone, long values cut to a head … tail, and the
// JSON walk that leaves document URIs and inserted text as they are.

import { describe, expect, it } from 'vitest';
import { boundTokens, boundValue, maskIdentityNumbers, outgoingFinding, outgoingJson, outgoingText } from '../../shared/outgoing';
import { makeNin, withBadCheckDigits } from '../helpers/nin';
import { classifyNin } from '../../shared/nin-classify';

const FNR = makeNin(1, 1, 80, 123);
const DNR = makeNin(41, 1, 80, 223);
const HNR = makeNin(1, 41, 80, 323);
const TENOR = makeNin(1, 81, 80, 423);
const SYNTPOP = makeNin(1, 66, 80, 523);
const ALL = [FNR, DNR, HNR, TENOR, SYNTPOP];

describe('maskIdentityNumbers', () => {
  it.each(ALL)('masks %s alone, inside words and quotes, as birth date + *****', (n) => {
    const masked = `${n.slice(0, 6)}*****`;
    expect(maskIdentityNumbers(n)).toBe(masked);
    expect(maskIdentityNumbers(`'${n}' is not a valid date`)).toBe(`'${masked}' is not a valid date`);
    expect(maskIdentityNumbers(`Elem${n}x`)).toBe(`Elem${masked}x`);
    expect(maskIdentityNumbers(`https://x.no/p?fnr=${n}&a=1`)).toBe(`https://x.no/p?fnr=${masked}&a=1`);
  });

  it('masks the spaced, dashed and digit-by-digit forms and a number inside a longer digit run', () => {
    expect(maskIdentityNumbers(`${FNR.slice(0, 6)} ${FNR.slice(6)}`)).toBe(`${FNR.slice(0, 6)} *****`);
    expect(maskIdentityNumbers(`${FNR.slice(0, 6)}-${FNR.slice(6)}`)).toBe(`${FNR.slice(0, 6)}-*****`);
    expect(maskIdentityNumbers([...FNR].join(' '))).toBe(`${[...FNR.slice(0, 6)].join(' ')} * * * * *`);
    expect(maskIdentityNumbers(`99${FNR}99`)).toBe(`99${FNR.slice(0, 6)}*****99`);
    // Two numbers back to back: both hidden.
    expect(maskIdentityNumbers(`${FNR}${DNR}`)).toBe(`${FNR.slice(0, 6)}*****${DNR.slice(0, 6)}*****`);
  });

  it.each(ALL)('masks the first ten digits of %s (they fix the eleventh), as when markup split the number', (n) => {
    expect(maskIdentityNumbers(`'${n.slice(0, 10)}' is not allowed`)).toBe(`'${n.slice(0, 6)}****' is not allowed`);
    expect(maskIdentityNumbers(`<Id>${n.slice(0, 10)}<b/>${n[10]}</Id>`)).toBe(`<Id>${n.slice(0, 6)}****<b/>${n[10]}</Id>`);
  });

  it('leaves ten digits inside a hex or base64 token alone (a sha256 is no number)', () => {
    const ten = FNR.slice(0, 10);
    for (const text of [`635d8c8d5a05ed29cbdf${ten}dee15e`, `QUJD${ten}QUJD`]) expect(maskIdentityNumbers(text)).toBe(text);
  });

  it('leaves ten digits alone that start no valid number: a phone number with its country code, a bad k1', () => {
    const badK1 = withBadCheckDigits(FNR).slice(0, 10);
    for (const text of ['tel 4722334455', `x ${badK1} y`, '2026112610']) {
      if (text.includes(badK1) && [...Array(10).keys()].some((k) => classifyNin(`${badK1}${k}`).valid)) continue; // a ten that does start a number
      expect(maskIdentityNumbers(text)).toBe(text);
    }
  });

  it('leaves digits alone that are no valid number: dates, HER-ids, organisation numbers, bad check digits', () => {
    for (const text of [
      '2026-11-26T10:00:00',
      'HER-id 8093240',
      'orgnr 974600951',
      withBadCheckDigits(FNR),
      '12345678901',
      'line 12, column 40',
      '00000000000',
    ]) {
      expect(maskIdentityNumbers(text)).toBe(text);
    }
  });
});

describe('bounds', () => {
  it('cuts a long value to a head … tail and keeps short ones', () => {
    expect(boundValue('short')).toBe('short');
    const body = 'QUJD'.repeat(16_000);
    const cut = boundValue(body);
    expect(cut.length).toBeLessThanOrEqual(160);
    expect(cut).toMatch(/^QUJD.*….*QUJD$/);
  });

  it('cuts overlong tokens in a sentence, gives URLs more room, and leaves ordinary text whole', () => {
    const body = 'A'.repeat(64_000);
    expect(boundTokens(`bad value '${body}' here`).length).toBeLessThan(260);
    const url = `https://www.nhn.no/${'a'.repeat(300)}`;
    expect(boundTokens(`see ${url}`)).toBe(`see ${url}`);
    const sentence = 'word '.repeat(100);
    expect(boundTokens(sentence)).toBe(sentence);
  });

  it('outgoingText does both', () => {
    expect(outgoingText(`'${FNR}${'B'.repeat(5000)}'`)).toMatch(new RegExp(`^'${FNR.slice(0, 6)}\\*{5}B+…B+'$`));
  });
});

describe('outgoingFinding and outgoingJson', () => {
  it('masks message, fix and command titles and the hover detail; leaves the edit text', () => {
    const f = outgoingFinding({
      ruleId: 'xsd/invalid-value',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
      severity: 'error',
      message: `'${FNR}' is not a valid date`,
      fixes: [
        {
          title: `Replace with '${DNR}'`,
          edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, newText: TENOR }],
          command: { command: 'x', title: HNR },
        },
      ],
      data: { hoverDetail: `\`${SYNTPOP}\`` },
    });
    expect(JSON.stringify({ ...f, fixes: f.fixes!.map((x) => ({ ...x, edits: [] })) })).not.toMatch(/\d{11}/);
    expect(f.fixes![0].edits![0].newText).toBe(TENOR);
  });

  it('walks a JSON-RPC message: URIs, newText and changes keys stay, every other string is masked; the original is untouched', () => {
    const uri = `file:///w/${FNR}.xml`;
    const msg = {
      jsonrpc: '2.0',
      id: 1,
      result: [{ title: `Replace ${FNR}`, diagnostics: [{ message: `'${DNR}'`, range: {} }], edit: { changes: { [uri]: [{ newText: TENOR, range: {} }] } } }],
      params: { uri, message: `Validation of ${uri} failed` },
    };
    const before = JSON.stringify(msg);
    const out = outgoingJson(msg);
    expect(JSON.stringify(msg)).toBe(before);
    expect(out.result[0].title).toBe(`Replace ${FNR.slice(0, 6)}*****`);
    expect(out.result[0].diagnostics[0].message).toBe(`'${DNR.slice(0, 6)}*****'`);
    expect(Object.keys(out.result[0].edit.changes)).toEqual([uri]);
    expect(out.result[0].edit.changes[uri][0].newText).toBe(TENOR);
    expect(out.params.uri).toBe(uri);
    expect(out.params.message).toBe(`Validation of file:///w/${FNR.slice(0, 6)}*****.xml failed`);
    // Nothing to change: the very same object.
    const clean = { a: ['x', { b: 'y' }] };
    expect(outgoingJson(clean)).toBe(clean);
  });
});
