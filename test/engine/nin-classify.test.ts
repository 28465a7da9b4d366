// The identity-number classifier, against numbers generated here from the definitions in
// NHN-FACTS §5 (weights and offsets), never from a copied list.

import { describe, expect, it } from 'vitest';
import { checkRuleOf, classifyNin, maskNin, syntheticFor } from '../../shared/nin-classify';
import { completions, makeNin, pad } from '../helpers/nin';

const make = makeNin;

describe('nin/classify: check digits', () => {
  it('accepts exactly the current-rule completion and rejects every other pair', () => {
    const first9 = '010180123';
    const good = completions(first9, 0);
    for (let k = 0; k < 100; k++) {
      const n = first9 + pad(k);
      const rule = checkRuleOf(n);
      if (good.includes(n)) expect(rule).toBe('current');
      else expect(rule).not.toBe('current');
    }
  });

  it('accepts the 2032 rules (first sum ≡ 1, 2 or 3) as 2032, without sex', () => {
    let seen = 0;
    for (const r of [1, 2, 3]) {
      for (const n of completions('150690457', r)) {
        const info = classifyNin(n);
        expect(info).toMatchObject({ kind: 'fnr', valid: true, checkRule: '2032', birthDate: '1990-06-15' });
        expect(info.sex).toBeUndefined();
        seen++;
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('rejects a first sum ≡ 4 as bad check digits, keeping the shape', () => {
    const [n] = completions('150690457', 4);
    expect(classifyNin(n)).toMatchObject({ kind: 'invalid', valid: false, problem: 'check-digits', shape: 'fnr' });
  });
});

describe('nin/classify: classes, birth date and sex', () => {
  const cases: [string, string, ReturnType<typeof classifyNin>['kind'], string, 'male' | 'female'][] = [
    ['fødselsnummer 1900s', make(14, 7, 77, 1), 'fnr', '1977-07-14', 'male'],
    ['fødselsnummer 2000s', make(29, 2, 4, 500), 'fnr', '2004-02-29', 'female'],
    ['fødselsnummer 1800s', make(3, 3, 60, 600), 'fnr', '1860-03-03', 'female'],
    ['fødselsnummer 1940s via 900s', make(9, 9, 45, 901), 'fnr', '1945-09-09', 'male'],
    ['D-number', make(45, 6, 98, 5), 'dnr', '1998-06-05', 'male'],
    ['H-number / Dolly', make(5, 48, 86, 490), 'hnr', '1986-08-05', 'female'],
    ['Tenor', make(4, 88, 68, 978), 'tenor', '1968-08-04', 'female'],
    ['Tenor D-number', make(44, 88, 68, 977), 'tenor-dnr', '1968-08-04', 'male'],
    ['SyntPop', make(15, 72, 2, 551), 'syntpop', '2002-07-15', 'male'],
    ['SyntPop D-number', make(55, 77, 2, 550), 'syntpop-dnr', '2002-12-15', 'female'],
  ];
  for (const [what, nin, kind, birthDate, sex] of cases) {
    it(what, () => {
      const info = classifyNin(nin);
      expect(info).toMatchObject({ kind, valid: true, checkRule: 'current', birthDate, sex });
      expect(info.synthetic).toBe(kind.startsWith('tenor') || kind.startsWith('syntpop'));
      expect(info.dNumber).toBe(kind.endsWith('dnr'));
    });
  }

  it('rejects impossible dates and wrong formats', () => {
    expect(classifyNin(make(29, 2, 5, 500)).problem).toBe('date'); // 2005 is no leap year (and make() ignores dates)
    expect(classifyNin(make(31, 4, 80, 100)).problem).toBe('date');
    expect(classifyNin(make(1, 13, 80, 100)).problem).toBe('date');
    expect(classifyNin(make(1, 60, 80, 100)).problem).toBe('date');
    expect(classifyNin(make(0, 1, 80, 100)).problem).toBe('date');
    expect(classifyNin(make(45, 45, 80, 100)).problem).toBe('date'); // D and H offsets together
    expect(classifyNin('1234567890').problem).toBe('format');
    expect(classifyNin('1407770016a').problem).toBe('format');
  });
});

describe('nin/classify: mask and synthetic stand-in', () => {
  it('masks as the first six digits and five stars', () => {
    expect(maskNin('01018012345')).toBe('010180*****');
  });

  it('gives a valid Tenor number of the same birth date and sex, deterministically', () => {
    for (const nin of [make(14, 7, 77, 1), make(29, 2, 4, 500), make(45, 6, 98, 5), make(3, 3, 60, 600)]) {
      const orig = classifyNin(nin);
      const synth = syntheticFor(nin)!;
      const info = classifyNin(synth);
      expect(info.valid).toBe(true);
      expect(info.synthetic).toBe(true);
      expect(info.checkRule).toBe('current');
      expect(info.birthDate).toBe(orig.birthDate);
      expect(info.sex).toBe(orig.sex);
      expect(info.dNumber).toBe(orig.dNumber);
      expect(Number(synth.slice(2, 4))).toBe(Number(nin.slice(2, 4)) + 80);
      expect(syntheticFor(nin)).toBe(synth);
    }
  });

  it('depends only on birth date and sex, not on the individual digits', () => {
    expect(syntheticFor(make(14, 7, 77, 1))).toBe(syntheticFor(make(14, 7, 77, 201)));
    expect(syntheticFor('12345678901')).toBeUndefined();
  });
});
