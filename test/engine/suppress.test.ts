import { describe, expect, it } from 'vitest';
import { findingsFor, rangeOf } from '../helpers/engine';

const HOST = 'https://test.nilar.nhn.no';

describe('suppression comments', () => {
  it("nhn-ignore-next-line silences that rule on the next line only, in the file's comment syntax", async () => {
    const cases: [string, string][] = [
      ['csharp', `// nhn-ignore-next-line host/nilar\nvar a = "${HOST}";\nvar b = "${HOST}";\n`],
      ['yaml', `# nhn-ignore-next-line host/nilar\na: ${HOST}\nb: ${HOST}\n`],
      ['xml', `<r><!-- nhn-ignore-next-line host/nilar -->\n<a href="${HOST}"/>\n<b href="${HOST}"/></r>\n`],
      ['properties', `! nhn-ignore-next-line host\na=${HOST}\nb=${HOST}\n`],
      ['java', `/* nhn-ignore-next-line host/nilar */\nString a = "${HOST}";\nString b = "${HOST}";\n`],
    ];
    for (const [lang, text] of cases) {
      const found = await findingsFor(text, lang);
      expect(
        found.map((f) => f.ruleId),
        lang,
      ).toEqual(['host/nilar']);
      expect(found[0].range.start.line, lang).toBe(2);
    }
  });

  it('nhn-ignore-file silences the rule everywhere in the file, and a family covers its rules', async () => {
    const text = `// nhn-ignore-file host/nilar\nvar a = "${HOST}";\nvar b = "${HOST}";\nvar rf = "rf.test2-int.reseptformidleren.net";\n`;
    expect((await findingsFor(text, 'csharp')).map((f) => f.ruleId)).toEqual(['host/reseptformidleren-net']);
    const family = `// nhn-ignore-file host\nvar a = "${HOST}";\nvar rf = "rf.test2-int.reseptformidleren.net";\n`;
    expect(await findingsFor(family, 'csharp')).toEqual([]);
  });

  it('ignores the directive outside a comment and in a foreign comment syntax', async () => {
    const notComment = `var s = "nhn-ignore-next-line host/nilar";\nvar a = "${HOST}";\n`;
    expect((await findingsFor(notComment, 'csharp')).map((f) => f.ruleId)).toEqual(['host/nilar']);
    const foreign = `# nhn-ignore-next-line host/nilar\nvar a = "${HOST}";\n`;
    expect((await findingsFor(foreign, 'csharp')).map((f) => f.ruleId)).toEqual(['host/nilar']);
  });

  it('reports a suppression that suppresses nothing as a hint with a removal fix', async () => {
    const text = `var x = 1;\n// nhn-ignore-next-line api/syntpop-apikey -- legacy\nvar a = "${HOST}";\n`;
    const found = await findingsFor(text, 'csharp');
    expect(found.map((f) => f.ruleId).sort()).toEqual(['host/nilar', 'suppression/unused']);
    const unused = found.find((f) => f.ruleId === 'suppression/unused')!;
    expect(unused.severity).toBe('hint');
    expect(unused.tags).toEqual(['unnecessary']);
    expect(unused.range).toEqual(rangeOf(text, 'api/syntpop-apikey'));
    expect(unused.message).toContain('api/syntpop-apikey');
    const edit = unused.fixes![0].edits![0];
    expect(edit.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 2, character: 0 } });
  });

  it('reports only the unused id of a directive with several, and speaks Norwegian', async () => {
    const text = `// nhn-ignore-next-line host/nilar, api/nhn-claims\nvar a = "${HOST}";\n`;
    const found = await findingsFor(text, 'csharp', { language: 'nb' });
    expect(found.map((f) => f.ruleId)).toEqual(['suppression/unused']);
    expect(found[0].range).toEqual(rangeOf(text, 'api/nhn-claims'));
    expect(found[0].message).toContain('undertrykker ingenting');
  });

  it('counts a suppression of a rule that settings turned off as used, and the hint itself can be turned off', async () => {
    const text = `// nhn-ignore-next-line host/nilar\nvar a = "${HOST}";\n// nhn-ignore-next-line api/nhn-claims\n`;
    const found = await findingsFor(text, 'csharp', { settings: { rules: { host: 'off' } } });
    expect(found.map((f) => `${f.ruleId}@${f.range.start.line}`)).toEqual(['suppression/unused@2']);
    expect(await findingsFor(text, 'csharp', { settings: { rules: { host: 'off', suppression: 'off' } } })).toEqual([]);
  });
});
