import { describe, expect, it } from 'vitest';
import { findingsFor, rangeOf } from '../helpers/engine';
import { compileRuleFile, RuleFileError } from '../../server/src/build/compile-rules';
import { resolveToday } from '../../server/src/engine';
import { readFileSync } from 'node:fs';

describe('engine: retired hosts end to end', () => {
  const code = 'var rf = "https://rf.test2-int.reseptformidleren.net/RFService";\nvar ok = "https://helseid-sts.test.nhn.no";\n';

  it('flags the exact host range with rule id, source and deprecated tag', async () => {
    const [f, ...rest] = await findingsFor(code, 'csharp');
    expect(rest).toEqual([]);
    expect(f.ruleId).toBe('host/reseptformidleren-net');
    expect(f.range).toEqual(rangeOf(code, 'rf.test2-int.reseptformidleren.net'));
    expect(f.tags).toEqual(['deprecated']);
    expect(f.source).toMatch(/^https:\/\//);
  });

  it('is a warning before the deadline and an error after it, saying when', async () => {
    const before = (await findingsFor(code, 'csharp', { today: '2024-10-01' }))[0];
    const after = (await findingsFor(code, 'csharp', { today: '2024-10-15' }))[0];
    expect(before.severity).toBe('warning');
    expect(before.message).toContain('Retired on 2024-10-15');
    expect(after.severity).toBe('error');
    expect(after.message).toContain('Retired since 2024-10-15');
  });

  it('speaks Norwegian when asked', async () => {
    const [f] = await findingsFor(code, 'csharp', { language: 'nb' });
    expect(f.message).toContain('Utgått siden 15.10.2024');
  });

  it('rewrites a host only where the new one is verified', async () => {
    const text = 'base: https://test.nilar.nhn.no/api\nprod: https://prod.nilar.nhn.no/api\n';
    const [t, p] = await findingsFor(text, 'yaml');
    expect(t.fixes?.[0].edits?.[0].newText).toBe('test.pps.nhn.no');
    expect(p.fixes?.[0].edits?.[0].newText).toBe('pps.nhn.no');
    const [rf] = await findingsFor(code, 'csharp');
    expect(rf.fixes?.[0].edits).toBeUndefined();
    expect(rf.fixes?.[0].command?.command).toBe('nhn.openSource');
  });

  it('respects host boundaries', async () => {
    for (const near of [
      'xreseptformidleren.net',
      'reseptformidleren.network',
      'mytest.nilar.nhn.no',
      'test.nilar.nhn.no.example.com',
      'no.ergo.reseptformidleren.Foo',
    ]) {
      expect(await findingsFor(`url = "${near}"`, 'properties'), near).toEqual([]);
    }
  });

  it('applies rule settings by id and family', async () => {
    expect(await findingsFor(code, 'csharp', { settings: { rules: { host: 'off' } } })).toEqual([]);
    const [f] = await findingsFor(code, 'csharp', { settings: { rules: { host: 'off', 'host/reseptformidleren-net': 'hint' } } });
    expect(f.severity).toBe('hint');
  });

  it('skips binary and over-large documents with a reason', async () => {
    const { createEngine, DEFAULT_SETTINGS } = await import('../../server/src/engine');
    const engine = createEngine({});
    const ctx = { today: '2026-01-01', language: 'en' as const, settings: { ...DEFAULT_SETTINGS, maxFileBytes: 10 } };
    expect((await engine.analyze({ uri: 'x', languageId: 'plaintext', text: 'reseptformidleren.net and more' }, ctx)).skipped?.reason).toBe('too-large');
    ctx.settings.maxFileBytes = 1e6;
    expect((await engine.analyze({ uri: 'x', languageId: 'plaintext', text: 'a\u0000b reseptformidleren.net' }, ctx)).skipped?.reason).toBe('binary');
  });
});

describe('rule files', () => {
  it('the built-in rule files compile', () => {
    expect(compileRuleFile(readFileSync('server/rules/hosts.yaml', 'utf8'), 'hosts.yaml').length).toBeGreaterThan(0);
  });

  it('a typo fails loudly with the file and line', () => {
    const bad = [
      'rules:',
      '  - id: host/x',
      '    title: { en: a, nb: b }',
      '    match: { regx: "x" }',
      '    message: { en: a, nb: b }',
      '    source: https://x.no',
      '    confidence: verified',
      '',
    ].join('\n');
    try {
      compileRuleFile(bad, 'bad.yaml');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RuleFileError);
      expect((err as RuleFileError).message).toMatch(/^bad\.yaml:4: .*regx/);
    }
  });

  it('rejects bad YAML, bad regexes and duplicate ids with a line', () => {
    expect(() => compileRuleFile('rules:\n  - id: [\n', 'y.yaml')).toThrow(/^y\.yaml:\d+: YAML/);
    const rule = (id: string, re: string) =>
      `  - id: ${id}\n    title: { en: a, nb: b }\n    match: { regex: '${re}' }\n    message: { en: a, nb: b }\n    source: https://x.no\n    confidence: verified\n`;
    expect(() => compileRuleFile(`rules:\n${rule('host/a', '(')}`, 'r.yaml')).toThrow(/r\.yaml:2: .*not a valid regular expression/);
    expect(() => compileRuleFile(`rules:\n${rule('host/a', 'a')}${rule('host/a', 'b')}`, 'd.yaml')).toThrow(/d\.yaml:8: duplicate rule id/);
  });
});

describe('today', () => {
  it('comes from the explicit value, then NHN_TODAY, then the clock', () => {
    expect(resolveToday('2025-01-02', {})).toBe('2025-01-02');
    expect(resolveToday(undefined, { NHN_TODAY: '2024-02-03' })).toBe('2024-02-03');
    expect(resolveToday(undefined, {}, new Date('2030-05-06T10:00:00Z'))).toBe('2030-05-06');
    expect(() => resolveToday('26.11.2026', {})).toThrow(/not a date/);
  });
});

describe('date wording', () => {
  it('says "enforced" for a new requirement and "retired" for a retirement', async () => {
    const { datedSeverity } = await import('../../server/src/engine/rules/dates');
    const base = {
      id: 'api/x',
      title: { en: 'a', nb: 'a' },
      match: { regex: 'x' },
      message: { en: 'a', nb: 'a' },
      source: 'https://x.no',
      confidence: 'verified' as const,
      deadline: '2024-11-23',
    };
    expect(datedSeverity(base, '2025-01-01', 'en').when).toBe('Retired since 2024-11-23.');
    expect(datedSeverity({ ...base, deprecated: false }, '2025-01-01', 'en').when).toBe('Enforced since 2024-11-23.');
    expect(datedSeverity({ ...base, deprecated: false }, '2024-01-01', 'nb').when).toBe('Håndheves fra 23.11.2024.');
  });
});
