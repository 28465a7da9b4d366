// The literal prefilter must never skip a file the full pattern would match: checked on the built-in
// rules with seeded random texts, and on hand-picked patterns for what the extractor may and may not take.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import { requiredLiteral, requiredLiteralAt, requiredLiterals } from '../../server/src/engine/text-rules/literal-prefilter';
import { random } from '../helpers/random';

describe('requiredLiteral', () => {
  it.each([
    ['(?<![\\w.-])(?:[a-z0-9-]+\\.)*reseptformidleren\\.net(?![\\w-]|\\.[a-z])', 'reseptformidleren.net'],
    ['(?<![\\w.-])(?:(?<env>test\\.)|prod\\.)nilar\\.nhn\\.no(?![\\w-]|\\.[a-z])', 'nilar.nhn.no'],
    ['ab?cdef', 'cdef'],
    ['foo(bar)?bazq', 'bazq'],
    ['a[bc]defg*h', 'def'],
    ['\\k<name>abcd', 'abcd'],
    ['x\\d+abc\\1', 'abc'],
    ['helse\\u00e5id', 'helse'],
    ['scope\\s*=\\s*"nhn:kj', '"nhn:kj'],
    ['(?<![\\w.-])(?<hit>(?:ws-web\\.test|ws-web|ws)\\.nhn\\.no\\/v1\\/AR)(?![\\w-])', '.nhn.no/v1/AR'],
    ['(abcd)+x', 'abcd'],
  ])('%s → %s', (pattern, literal) => {
    expect(requiredLiteral(pattern)).toBe(literal);
  });

  it.each(['abc|def', 'a(b', 'ab', '\\d{11}', 'x{2,', '(?<=abcd)x', '(?<!abcd)x', '(?=abcd)x', '(abcd)?x', '(abcd)*x', '(?:abcd|efgh)xy'])(
    '%s → none',
    (pattern) => {
      expect(requiredLiteral(pattern)).toBeUndefined();
    },
  );

  it.each([
    ['helseid|client[_-]?assertion|private_key_jwt', ['helseid', 'assertion', 'private_key_jwt']],
    ['melding\\.nhn\\.no|edi ?2\\.0|nhn:msh', ['melding.nhn.no', 'edi', 'nhn:msh']],
    ['(?<![0-9A-Za-z])(?<hit>2350547801|0*13717a84411b)(?![0-9A-Za-z])', ['2350547801', '13717a84411b']],
    ['(?:x(?:abcd|efgh)|ijkl)yz', ['abcd', 'efgh', 'ijkl']],
    ['abcd', ['abcd']],
    ['(?:abc|def)?ghi|jk', undefined],
    ['abc|[|]def|x', undefined],
    ['a\\|bcd', ['a|bcd']],
    ['(?<!abcd|efgh)x', undefined],
    ['(?:abcd|e)xy', undefined],
  ])('literals of %s → %j', (pattern, literals) => {
    expect(requiredLiterals(pattern)).toEqual(literals);
  });

  it.each([
    ['(?<![\\w.-])(?:(?<env>test\\.)|prod\\.)nilar\\.nhn\\.no(?![\\w-]|\\.[a-z])', 'nilar.nhn.no', { min: 5, max: 5 }],
    ['(?<![\\w.-])(?:(?<env>test\\.)|prod\\.)?nilar\\.nhn\\.no', 'nilar.nhn.no', { min: 0, max: 5 }],
    ['ab?cdef', 'cdef', { min: 1, max: 2 }],
    ['(?<![\\w:/-])(?<hit>nhn:nilar(?:/api)?)(?![\\w/:-])', 'nhn:nilar', { min: 0, max: 0 }],
    ['[a-z]{2,4}\\bxyz(?=q)', 'xyz', { min: 2, max: 4 }],
    ['^(?:ab|c)\\d{0,3}(?<n>q(rstu))', 'rstu', { min: 2, max: 6 }],
    ['scope\\s*=\\s*"nhn:kj', '"nhn:kj', undefined],
    ['x\\d+abc\\1', 'abc', undefined],
    ['(a)\\1defg', 'defg', undefined],
  ])('%s: %s after %j', (pattern, literal, before) => {
    expect(requiredLiteralAt(pattern)).toEqual({ literal, before });
  });

  it('never rejects a text the built-in rules match (seeded random texts)', () => {
    const rules = BUILTIN_RULES.filter((r) => r.match.regex);
    expect(rules.length).toBeGreaterThan(0);
    const r = random(7);
    let matched = 0;
    let alternatives = 0;
    const filler = ['test.', 'prod.', 'a-', '.', '-', '_', ' ', '\n', 'x', 'https://', '/', '"', '=', ':', '0', 'ﬁ', 'K'];
    for (const rule of rules) {
      const flags = rule.match.flags ?? '';
      const literals = requiredLiterals(rule.match.regex!, flags);
      if (!literals) continue;
      if (literals.length > 1) alternatives++;
      const re = new RegExp(rule.match.regex!, flags);
      const fold = (x: string) => (flags.includes('i') ? x.toLowerCase() : x);
      const pieces = [...literals.flatMap((l) => [l, l.toUpperCase(), l.slice(0, -1), l.slice(1)]), ...filler];
      for (let i = 0; i < 3000; i++) {
        let s = '';
        for (let k = 1 + r.int(6); k > 0; k--) s += r.pick(pieces);
        if (!re.test(s)) continue;
        matched++;
        expect(
          literals.some((l) => fold(s).includes(fold(l))),
          `${rule.id} matched ${JSON.stringify(s)} without any of ${literals.join(', ')}`,
        ).toBe(true);
      }
    }
    expect(matched, 'the random texts should match the host rules often').toBeGreaterThan(100);
    expect(alternatives, 'rules gated by one literal per alternative').toBeGreaterThan(2);
  });
});
