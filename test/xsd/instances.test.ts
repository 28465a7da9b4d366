// Instances written for these tests (MsgHead + Dialogmelding 1.1, AppRec 1.1, M1 2013-10-08 in a
// MsgHead with its extension, M9.11): the exact set of (rule, range) the XSD check reports.

import { describe, expect, it } from 'vitest';
import { instance, inside, nameAfter, span, summary, xsdFindings } from './helpers';

const VALID = ['dialog-1.1-valid.xml', 'apprec-1.1-valid.xml', 'm1-2013-10-08-valid.xml', 'm911-2021-10-01-valid.xml'];

describe('valid instances', () => {
  for (const name of VALID) {
    it(`${name} has no XSD findings`, async () => {
      const { file, text } = instance(name);
      expect(await xsdFindings(text, file)).toEqual([]);
    });
  }
});

describe('invalid instances: exact rules and ranges', () => {
  it('MsgHead + Dialogmelding 1.1: envelope errors and the payload error at its real position', async () => {
    const { file, text } = instance('dialog-1.1-invalid.xml');
    const findings = await xsdFindings(text, file);
    expect(summary(findings)).toEqual(
      summary([
        { ruleId: 'xsd/unexpected-attribute', range: nameAfter(text, ' Prioritet') },
        { ruleId: 'xsd/fixed-value', range: inside(text, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25') },
        { ruleId: 'xsd/invalid-value', range: inside(text, '<GenDate>2026-11-31T10:00:00<', '2026-11-31T10:00:00') },
        { ruleId: 'xsd/invalid-value', range: inside(text, 'S="2.16.578.x"', '2.16.578.x') },
        { ruleId: 'xsd/unexpected-element', range: nameAfter(text, '<Tema') },
      ] as never),
    );
    const mig = findings.find((f) => f.ruleId === 'xsd/fixed-value')!;
    expect(mig.message).toBe("MIGversion must be 'v1.2 2006-05-24', not 'v1.2 2006-05-25'.");
    expect(mig.fixes?.[0]).toMatchObject({
      title: "Replace with 'v1.2 2006-05-24'",
      preferred: true,
      edits: [{ range: mig.range, newText: 'v1.2 2006-05-24' }],
    });
    expect(findings.find((f) => f.ruleId === 'xsd/unexpected-element')!.message).toBe("'Tema' is not allowed here. Expected: TemaKodet.");
    expect(findings.find((f) => f.range.start.line === inside(text, 'S="2.16.578.x"', 'x').start.line)!.message).toBe(
      "'2.16.578.x' in TypeId/@S does not match the pattern (\\d+\\.?)*\\d+.",
    );
  });

  it('AppRec 1.1', async () => {
    const { file, text } = instance('apprec-1.1-invalid.xml');
    const findings = await xsdFindings(text, file);
    expect(summary(findings)).toEqual(
      summary([
        { ruleId: 'xsd/invalid-value', range: inside(text, '<GenDate>i dag<', 'i dag') },
        { ruleId: 'xsd/unexpected-element', range: nameAfter(text, '<Error') },
      ] as never),
    );
    expect(findings[0].message).toBe("'i dag' is not a valid xs:dateTime in GenDate.");
  });

  it('M1 2013-10-08 inside a MsgHead: payload errors at their real positions', async () => {
    const { file, text } = instance('m1-2013-10-08-invalid.xml');
    expect(summary(await xsdFindings(text, file))).toEqual(
      summary([
        { ruleId: 'xsd/invalid-value', range: inside(text, '<Forskrivningsdato>26.11.2026<', '26.11.2026') },
        { ruleId: 'xsd/unexpected-element', range: nameAfter(text, '<Antall') },
        { ruleId: 'xsd/unexpected-element', range: nameAfter(text, '<Ukjent') },
      ] as never),
    );
  });

  it('M9.11 2021-10-01 inside a MsgHead', async () => {
    const { file, text } = instance('m911-2021-10-01-invalid.xml');
    const findings = await xsdFindings(text, file);
    expect(summary(findings)).toEqual(
      summary([
        { ruleId: 'xsd/missing-element', range: nameAfter(text, '<M911') },
        { ruleId: 'xsd/invalid-value', range: inside(text, '<InklReseptinfo>ja<', 'ja') },
      ] as never),
    );
  });

  it('M9.11: of the three elements libxml2 says may come next, only Komprimering is required: that is the fix', async () => {
    const { file, text } = instance('m911-2021-10-01-invalid.xml');
    const missing = (await xsdFindings(text, file)).find((f) => f.ruleId === 'xsd/missing-element')!;
    expect(missing.message).toBe("'M911' is missing a required child element: InklM25Meldinger, AnstattId, Komprimering.");
    expect(missing.fixes).toEqual([
      {
        title: 'Insert <Komprimering>',
        preferred: true,
        edits: [
          {
            range: span(text, text.indexOf('</InklReseptinfo>') + '</InklReseptinfo>'.length, text.indexOf('</InklReseptinfo>') + '</InklReseptinfo>'.length),
            newText: '\n          <Komprimering></Komprimering>',
          },
        ],
      },
    ]);
  });

  it('speaks Norwegian when asked', async () => {
    const { file, text } = instance('apprec-1.1-invalid.xml');
    const findings = await xsdFindings(text, file, undefined, 'nb');
    expect(findings.map((f) => f.message)).toContain("'Error' er ikke tillatt her. Forventet: Status.");
  });
});
