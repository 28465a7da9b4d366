// The literal prefilter must never skip a file the full pattern would match: checked on the built-in
// rules with seeded random texts, and on hand-picked patterns for what the extractor may and may not take.
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import { requiredLiteral } from '../../server/src/engine/text-rules/literal-prefilter';
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

  it('never rejects a text the built-in rules match (seeded random texts)', () => {
    const rules = BUILTIN_RULES.filter((r) => r.match.regex);
    expect(rules.length).toBeGreaterThan(0);
    const r = random(7);
    let matched = 0;
    for (const rule of rules) {
      const literal = requiredLiteral(rule.match.regex!, rule.match.flags);
      if (!literal) continue;
      const re = new RegExp(rule.match.regex!, rule.match.flags ?? '');
      const pieces = [
        literal,
        literal.toUpperCase(),
        literal.slice(0, -1),
        literal.slice(1),
        'test.',
        'prod.',
        'a-',
        '.',
        '-',
        ' ',
        '\n',
        'x',
        'https://',
        '/',
        'ﬁ',
        'K',
      ];
      for (let i = 0; i < 3000; i++) {
        let s = '';
        for (let k = 1 + r.int(6); k > 0; k--) s += r.pick(pieces);
        const hay = rule.match.flags?.includes('i') ? s.toLowerCase() : s;
        const lit = rule.match.flags?.includes('i') ? literal.toLowerCase() : literal;
        if (re.test(s)) {
          matched++;
          expect(hay.includes(lit), `${rule.id} matched ${JSON.stringify(s)} without '${literal}'`).toBe(true);
        }
      }
    }
    expect(matched, 'the random texts should match the host rules often').toBeGreaterThan(100);
  });
});
