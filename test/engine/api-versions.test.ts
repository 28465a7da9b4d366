// Helsenorge's 12-month rule as data (server/rules/helsenorge-api-versions.yaml): each row becomes a rule
// whose deadline is the successor's publication date plus the support period, so the severity follows
// the date: a warning within the 12 months, an error after, information while the row is UNVERIFIED.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import { addMonths, compileApiVersionTable } from '../../server/src/build/compile-api-versions';
import { findingsFor } from '../helpers/engine';

const FILE = 'server/rules/helsenorge-api-versions.yaml';
const table = compileApiVersionTable(readFileSync(FILE, 'utf8'), FILE);

describe('the API version table', () => {
  it('adds whole months, clamped to the end of the month', () => {
    expect(addMonths('2023-09-14', 12)).toBe('2024-09-14');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-12-05', 1)).toBe('2025-01-05');
  });

  it('becomes built-in rules: announced = successor published, deadline 12 months later', () => {
    expect(table.length).toBeGreaterThanOrEqual(2);
    for (const rule of table) {
      expect(BUILTIN_RULES.find((r) => r.id === rule.id)).toEqual(rule);
      expect(rule.deadline).toBe(addMonths(rule.announced!, 12));
      expect(rule.severity).toBeUndefined();
      expect(rule.note).toContain('1346634744');
    }
  });

  it('names which rows are UNVERIFIED', () => {
    expect(table.filter((r) => r.confidence === 'unverified').map((r) => r.id)).toEqual(['api/helsenorge-videreformidling-1.0']);
  });

  it('severity follows the date: warning inside the 12 months, error after', async () => {
    const text = 'var url = $"{baseUrl}/digitaltaktiv/v1/DigitaltAktivOmraade";';
    const at = async (today: string) => (await findingsFor(text, 'csharp', { today })).find((f) => f.ruleId === 'api/helsenorge-digitaltaktiv-v1')!;
    const inside = await at('2024-03-01');
    expect(inside.severity).toBe('warning');
    expect(inside.message).toContain('HelsenorgeAktivSjekken v1');
    expect(inside.message).toContain('Retired on 2024-09-14');
    const after = await at('2024-09-14');
    expect(after.severity).toBe('error');
    expect(after.message).toContain('Retired since 2024-09-14');
    const nb = (await findingsFor(text, 'csharp', { today: '2026-01-01', language: 'nb' })).find((f) => f.ruleId === 'api/helsenorge-digitaltaktiv-v1')!;
    expect(nb.message).toContain('publisert 14.09.2023');
    expect(nb.message).toContain('i inntil 12 måneder');
  });

  it('an UNVERIFIED row is information and says so, whatever the date', async () => {
    const [f] = (await findingsFor('const string Process = "Videreformidling_1_0";', 'csharp', { today: '2027-01-01' })).filter((x) =>
      x.ruleId.startsWith('api/helsenorge-videreformidling'),
    );
    expect(f.severity).toBe('info');
    expect(f.message).toContain('UNVERIFIED');
  });

  it('a malformed row stops the build with the file named', () => {
    expect(() => compileApiVersionTable('source: https://x\nsupportMonths: 12\nversions:\n  - id: api/helsenorge-x\n    api: X\n', 'bad.yaml')).toThrow(
      /bad\.yaml:1: .*required property/,
    );
    const badRegex =
      'source: https://x\nsupportMonths: 12\nversions:\n  - { id: api/helsenorge-x, api: X, version: v1, regex: "(", successor: v2, successorPublished: "2025-01-01", source: "https://x", confidence: verified }\n';
    expect(() => compileApiVersionTable(badRegex, 'bad.yaml')).toThrow(/not a valid regular expression/);
  });
});
