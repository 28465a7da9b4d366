// One pass finds every rule literal (text-rules/literal-scan.ts), and the text-rules check finds exactly
// what the former per-rule gating found, on every rule's test cases and on the examples folder.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, createChecks, createEngine, DEFAULT_SETTINGS, languageIdFor, type Finding } from '../../server/src/engine';
import { LiteralScanner } from '../../server/src/engine/text-rules/literal-scan';
import { requiredLiteralAt } from '../../server/src/engine/text-rules/literal-prefilter';
import { textRulesCheck } from '../../server/src/engine/text-rules/check';
import { analyzed } from '../../server/src/engine/core/document';
import { random } from '../helpers/random';
import { CASES } from '../helpers/rule-cases';

const options = { today: '2026-11-26', language: 'en' as const, settings: DEFAULT_SETTINGS };
const summary = (fs: Finding[]) =>
  fs.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.message}`);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));
}

describe('literal scan', () => {
  it('finds overlapping literals and a literal inside another, case-insensitively or exactly', () => {
    const scanner = new LiteralScanner([
      { text: 'nhn.no', caseInsensitive: true },
      { text: 'test.nhn.no', caseInsensitive: true },
      { text: 'CPPA', caseInsensitive: false },
      { text: 'nilar', caseInsensitive: true },
    ]);
    expect([...scanner.scan('https://TEST.NHN.NO/v1/cppa')].sort()).toEqual([0, 1]);
    expect([...scanner.scan('x test.nhn.nO/CPPA')].sort()).toEqual([0, 1, 2]);
    expect([...scanner.scan('nila r')]).toEqual([]);
    expect([...scanner.scan('')]).toEqual([]);
  });

  it('gives the same findings as per-rule gating, with fewer passes over the text', async () => {
    const onePass = createEngine({});
    const perRule = createEngine({}, { checks: createChecks(BUILTIN_RULES, { literals: 'per-rule' }) });
    const texts = Object.values(CASES)
      .flat()
      .map((c, i) => ({ uri: `file:///case/${i}.${c.lang}`, languageId: c.lang, text: c.text }));
    const root = path.resolve(__dirname, '../../examples');
    for (const f of files(root)) texts.push({ uri: `file://${f}`, languageId: languageIdFor(f), text: readFileSync(f, 'utf8') });
    for (const doc of texts) {
      const a = await onePass.analyze(doc, options);
      const b = await perRule.analyze(doc, options);
      expect(summary(a.findings), doc.uri).toEqual(summary(b.findings));
    }
    expect(onePass.textPasses()).toBeLessThan(perRule.textPasses());
  });
});

describe('the search near a literal', () => {
  it('finds what a search of the whole text finds, for every built-in rule (seeded random texts)', () => {
    const r = random(13);
    const ctx = createEngine({}).context(options);
    let near = 0;
    let compared = 0;
    for (const rule of BUILTIN_RULES.filter((x) => x.match.regex && !x.match.fileContains && !x.match.fileLacks)) {
      const flags = rule.match.flags ?? '';
      const found = requiredLiteralAt(rule.match.regex!, flags);
      if (!found?.before || found.before.max - found.before.min > 64) continue;
      near++;
      const onePass = textRulesCheck([rule]);
      const whole = textRulesCheck([rule], 'per-rule');
      const lit = found.literal;
      const pieces = [
        lit,
        lit,
        lit.toUpperCase(),
        lit.slice(1),
        'test.',
        'prod.',
        'www.',
        'a-',
        '.',
        '-',
        '_',
        ' ',
        '"',
        '=',
        ':',
        '/',
        '\n',
        'x',
        '0',
        'https://',
      ];
      const lang = rule.match.languages?.[0] ?? 'plaintext';
      for (let i = 0; i < 400; i++) {
        let text = '';
        for (let k = 1 + r.int(12); k > 0; k--) text += r.pick(pieces);
        const doc = analyzed({ uri: `file:///near/${i}.txt`, languageId: lang, text });
        const a = summary(onePass.run(doc, ctx) as Finding[]);
        const b = summary(whole.run(doc, ctx) as Finding[]);
        expect(a, `${rule.id} on ${JSON.stringify(text)}`).toEqual(b);
        if (b.length) compared++;
      }
    }
    expect(near, 'rules searched near their literal').toBeGreaterThan(10);
    expect(compared, 'texts the rules matched').toBeGreaterThan(500);
  });
});

describe('literal scan against a reference', () => {
  // What the scan must equal: a literal occurs where a regular expression with the `i` flag (no `u`) finds it.
  const reference = (literals: { text: string; caseInsensitive: boolean }[], text: string) =>
    literals.flatMap((l, i) => (new RegExp(l.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), l.caseInsensitive ? 'i' : '').test(text) ? [i] : []));

  it('finds exactly the literals a case-insensitive regular expression finds, in random texts', () => {
    const literals = [
      { text: 'nilar.nhn.no', caseInsensitive: true },
      { text: 'nhn.no', caseInsensitive: true },
      { text: 'hit-', caseInsensitive: true },
      { text: 'hit-patient-pid', caseInsensitive: true },
      { text: 'Nhn', caseInsensitive: false },
      { text: 'jwt', caseInsensitive: true },
      { text: 'ki', caseInsensitive: true },
    ];
    const scanner = new LiteralScanner(literals);
    // Letters of the literals in both cases, separators, and characters outside ASCII that fold to ASCII
    // letters only under Unicode rules (Kelvin sign, long s, dotless i): a scan must not match them.
    const alphabet = [
      'n',
      'N',
      'h',
      'H',
      'i',
      'I',
      'l',
      'a',
      'r',
      't',
      'T',
      'j',
      'w',
      'W',
      'k',
      'K',
      '.',
      'o',
      '-',
      'p',
      'd',
      'e',
      ' ',
      '\u212a',
      '\u017f',
      '\u0131',
      'ø',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++)
        text += next() < 0.15 ? literals[Math.floor(next() * literals.length)].text : alphabet[Math.floor(next() * alphabet.length)];
      expect([...scanner.scan(text)].sort(), JSON.stringify(text)).toEqual(reference(literals, text));
    }
  });

  it('agrees on literals outside ASCII and of one character too', () => {
    const literals = [
      { text: 'Fødselsnummer', caseInsensitive: true },
      { text: 'x', caseInsensitive: false },
    ];
    const scanner = new LiteralScanner(literals);
    for (const text of ['FØDSELSNUMMER x', 'fødselsnummer', 'X', 'fodselsnummer x', ''])
      expect([...scanner.scan(text)].sort(), text).toEqual(reference(literals, text));
  });
});
