// Coded values (V/S/DN) in messages written here: V and S swapped, the wrong list in S, a code not in a
// complete list, a code not in a partial list, DN not the list's text, and the wrong letter case.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/engine';
import { findingsFor, positionOf, rangeOf } from '../helpers/engine';
import { appRec, msgHead } from './messages';

const kith = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('kith/'));
const xml = (text: string) => findingsFor(text, 'xml');

/** The range of the value inside the n-th `attr="value"` (the quotes excluded). */
function valueRange(text: string, attrAndValue: string, occurrence = 0) {
  const start = positionOf(text, attrAndValue, occurrence);
  const at = attrAndValue.indexOf('"') + 1;
  const length = attrAndValue.length - at - 1;
  return { start: { line: start.line, character: start.character + at }, end: { line: start.line, character: start.character + at + length } };
}

describe('valid messages', () => {
  it('an AppRec 1.1 and a MsgHead with Dialogmelding 1.1 have no kith findings', async () => {
    expect(kith(await xml(appRec()))).toEqual([]);
    expect(kith(await xml(msgHead()))).toEqual([]);
  });
});

describe('kith/code-value-system-swapped', () => {
  it('flags V when it holds the OID and S the code, and offers the swap', async () => {
    const text = appRec({ errors: '<Error V="2.16.578.1.12.4.1.1.8221" S="X99" DN="Annen feil"/>', status: '<Status V="2" DN="Avvist"/>' });
    const [f] = kith(await xml(text)).filter((x) => x.ruleId === 'kith/code-value-system-swapped');
    expect(f.range).toEqual(rangeOf(text, '2.16.578.1.12.4.1.1.8221'));
    expect(f.severity).toBe('error');
    const swap = f.fixes!.find((x) => x.title === 'Swap V and S')!;
    expect(swap.edits!.map((e) => e.newText)).toEqual(['X99', '2.16.578.1.12.4.1.1.8221']);
    expect(swap.edits![1].range).toEqual(rangeOf(text, 'X99'));
  });

  it('leaves a correct V/S pair alone', async () => {
    const text = appRec({ errors: '<Error V="X99" S="2.16.578.1.12.4.1.1.8221" DN="Annen feil"/>', status: '<Status V="2" DN="Avvist"/>' });
    expect(kith(await xml(text)).map((f) => f.ruleId)).toEqual([]);
  });
});

describe('kith/code-system-unexpected', () => {
  it('flags S on a person Ident that names the organisation list, with a fix to 8116', async () => {
    const text = msgHead({ patientIdent: '<Ident><Id>8142987</Id><TypeId V="HER" DN="HER-id" S="2.16.578.1.12.4.1.1.9051"/></Ident>' });
    const [f] = kith(await xml(text));
    expect(f.ruleId).toBe('kith/code-system-unexpected');
    expect(f.severity).toBe('warning');
    expect(f.range).toEqual(rangeOf(text, '2.16.578.1.12.4.1.1.9051', 2));
    expect(f.message).toContain('8116');
    expect(f.fixes![0].edits![0].newText).toBe('2.16.578.1.12.4.1.1.8116');
  });

  it('offers no single fix where the element takes several lists (TemaKodet)', async () => {
    const text = msgHead({ tema: '<TemaKodet V="8" DN="x" S="2.16.578.1.12.4.1.1.8221"/>' });
    const [f] = kith(await xml(text));
    expect(f.ruleId).toBe('kith/code-system-unexpected');
    expect(f.range).toEqual(rangeOf(text, '2.16.578.1.12.4.1.1.8221'));
    expect(f.fixes!.every((x) => !x.edits)).toBe(true);
  });
});

describe('kith/code-unknown (complete list)', () => {
  it('AppRec Status 4 is an error naming the list that judged it, with no guess', async () => {
    const text = appRec({ status: '<Status V="4" DN="OK"/>' });
    const [f] = kith(await xml(text));
    expect(f.ruleId).toBe('kith/code-unknown');
    expect(f.severity).toBe('error');
    expect(f.range).toEqual(valueRange(text, 'V="4"'));
    expect(f.message).toContain('8258');
    expect(f.message).toContain('built-in list (complete)');
    expect(f.data?.codeList).toMatchObject({ oid: '2.16.578.1.12.4.1.1.8258', complete: true, source: 'builtin' });
  });

  it('suggests the near code of a complete list (FNX → FNR) as a fix', async () => {
    const text = msgHead({ patientIdent: '<Ident><Id>123</Id><TypeId V="FNX" DN="Fødselsnummer" S="2.16.578.1.12.4.1.1.8116"/></Ident>' });
    const f = kith(await xml(text)).find((x) => x.ruleId === 'kith/code-unknown')!;
    expect(f.range).toEqual(rangeOf(text, 'FNX'));
    expect(f.message).toMatch(/Did you mean .*FNR/);
    expect(f.fixes!.some((x) => x.edits?.[0].newText === 'FNR')).toBe(true);
  });
});

describe('kith/code-not-in-partial-list', () => {
  it('is a hint at most, saying the list is partial and how to load the full one', async () => {
    const text = msgHead({ type: 'DIALOG_NYTT' });
    const [f] = kith(await xml(text));
    expect(f.ruleId).toBe('kith/code-not-in-partial-list');
    expect(f.severity).toBe('hint');
    expect(f.range).toEqual(rangeOf(text, 'DIALOG_NYTT'));
    expect(f.message).toContain('partial');
    expect(f.message).toContain('--code-lists');
  });
});

describe('kith/code-case', () => {
  it('apprec in AppRec MsgType is an error with the fix to APPREC', async () => {
    const text = appRec({ msgType: 'apprec' });
    const fs = kith(await xml(text));
    expect(fs.map((f) => f.ruleId)).toEqual(['kith/code-case']);
    expect(fs[0].range).toEqual(valueRange(text, 'V="apprec"'));
    expect(fs[0].fixes![0].edits![0].newText).toBe('APPREC');
  });
});

describe('kith/code-display-differs', () => {
  it('a DN that is not the complete list’s text is a hint with the fix', async () => {
    const text = appRec({ status: '<Status V="1" DN="Mottatt"/>' });
    const [f] = kith(await xml(text));
    expect(f.ruleId).toBe('kith/code-display-differs');
    expect(f.severity).toBe('hint');
    expect(f.range).toEqual(rangeOf(text, 'Mottatt'));
    expect(f.fixes![0].edits![0].newText).toBe('OK');
  });

  it('spacing, case and hyphens do not count (Hpr nummer is HPR-nummer)', async () => {
    const hcp =
      '<HealthcareProfessional><FamilyName>Lege</FamilyName><Ident><Id>123456</Id><TypeId V="HPR" DN="Hpr nummer" S="2.16.578.1.12.4.1.1.8116"/></Ident></HealthcareProfessional>';
    expect(kith(await xml(msgHead({ hcp })))).toEqual([]);
  });
});

describe('Norwegian messages', () => {
  it('says it in bokmål', async () => {
    const [f] = kith(await findingsFor(appRec({ status: '<Status V="4" DN="OK"/>' }), 'xml', { language: 'nb' }));
    expect(f.message).toContain('er ikke en kode i kodeverk 8258');
  });
});
