// Several messages in one document: every outermost subtree of a schema-less wrapper (EI_fellesformat,
// a SOAP envelope) is its own validation root, not only the first per namespace; and a MsgHead with
// several RefDoc payloads has each payload validated. Verdicts agree with native xmllint.

import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli';
import { FIXTURES, inside, instance, nameAfter, summary, xmllintValid, xsdFindings } from './helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** An instance without its XML declaration and comment, ready to be embedded. */
function body(name: string): string {
  return instance(name).text.replace(/^<\?xml[^>]*>\n<!--[^>]*-->\n/, '');
}

function fellesformat(...parts: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<EI_fellesformat xmlns="http://www.trygdeetaten.no/xml/eiff/1/">\n${parts.join('')}<MottakenhetBlokk ediLoggId="1"/>\n</EI_fellesformat>\n`;
}

const file = path.join(FIXTURES, '../wrapped.xml');

/** The findings on the messages; the one notice on the wrapper (xsd/wrapped) is tested on its own below. */
async function inner(...args: Parameters<typeof xsdFindings>) {
  return (await xsdFindings(...args)).filter((f) => f.ruleId !== 'xsd/wrapped');
}

describe('the wrapper itself', () => {
  it('EI_fellesformat: one notice on it, naming the messages validated and saying its own XSD was not found', async () => {
    const w = fellesformat(body('dialog-1.1-valid.xml'));
    const found = await xsdFindings(w, file);
    expect(summary(found)).toEqual(summary([{ ruleId: 'xsd/wrapped', range: nameAfter(w, '<EI_fellesformat') }] as never));
    expect(found[0].message).toMatch(
      /^This document wraps its message\(s\) in <EI_fellesformat> \(EI_fellesformat \(NAV envelope\) 1\).* Validated against their schemas: MsgHead 1\.2 <MsgHead> at line 3\. Not validated: the envelope <EI_fellesformat>.* EI_fellesformat \(NAV envelope\) 1 — no XSD found\./,
    );
    expect(found[0].fixes?.map((f) => f.command?.command)).toEqual(['nhn.chooseSchemaFolder', 'workbench.action.openSettings']);
  });
});

describe('a wrapper carrying several messages', () => {
  it('two MsgHeads: the errors of the second, at their real positions', async () => {
    const w = fellesformat(body('dialog-1.1-valid.xml'), body('dialog-1.1-invalid.xml'));
    expect(summary(await inner(w, file))).toEqual(
      summary([
        { ruleId: 'xsd/unexpected-attribute', range: nameAfter(w, ' Prioritet') },
        { ruleId: 'xsd/fixed-value', range: inside(w, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25') },
        { ruleId: 'xsd/invalid-value', range: inside(w, '<GenDate>2026-11-31T10:00:00<', '2026-11-31T10:00:00') },
        { ruleId: 'xsd/invalid-value', range: inside(w, 'S="2.16.578.x"', '2.16.578.x') },
        // '<Tema' 0 and 1 are the valid message's TemaKodet and Tema; 2 is the invalid one's Tema.
        { ruleId: 'xsd/unexpected-element', range: nameAfter(w, '<Tema', 2) },
      ] as never),
    );
  });

  it('two MsgHeads, invalid first: both messages are reported, each at its own position', async () => {
    const w = fellesformat(body('dialog-1.1-invalid.xml'), body('dialog-1.1-invalid.xml'));
    const findings = summary(await inner(w, file));
    expect(findings.filter((f) => f.rule === 'xsd/unexpected-element')).toEqual(
      summary([0, 1].map((n) => ({ ruleId: 'xsd/unexpected-element', range: nameAfter(w, '<Tema', n) })) as never),
    );
    expect(findings.filter((f) => f.rule === 'xsd/fixed-value')).toEqual(
      summary([0, 1].map((n) => ({ ruleId: 'xsd/fixed-value', range: inside(w, '<MIGversion>v1.2 2006-05-25<', 'v1.2 2006-05-25', n) })) as never),
    );
    expect(findings).toHaveLength(10);
  });

  it("a MsgHead and a second payload of its payload's namespace beside it: the sibling is validated too", async () => {
    const invalid = body('dialog-1.1-invalid.xml');
    const dialog = invalid.slice(invalid.indexOf('        <Dialogmelding'), invalid.indexOf('</Dialogmelding>') + '</Dialogmelding>\n'.length);
    const w = fellesformat(body('dialog-1.1-valid.xml'), dialog);
    expect(summary(await inner(w, file))).toEqual(summary([{ ruleId: 'xsd/unexpected-element', range: nameAfter(w, '<Tema', 2) }] as never));
  });

  it('one "no XSD found" per namespace, however many messages carry it', async () => {
    const m911 = body('m911-2021-10-01-valid.xml');
    const w = fellesformat(m911, m911);
    const findings = await inner(w, file, [path.join(FIXTURES, 'kith-core')]);
    expect(summary(findings)).toEqual(summary([{ ruleId: 'xsd/no-schema', range: nameAfter(w, '<M911') }] as never));
  });

  it('verdict parity: the wrapper is valid exactly when native xmllint finds every carried message valid', async () => {
    const pieces = ['dialog-1.1-valid.xml', 'apprec-1.1-valid.xml', 'dialog-1.1-invalid.xml'];
    const native = new Map<string, boolean | undefined>();
    for (const name of pieces) native.set(name, await xmllintValid(instance(name).text, instance(name).file, path.join(tmp.dir, name)));
    if (native.get(pieces[0]) === undefined && !process.env.CI) return; // no xmllint here; CI installs it
    for (const combo of [
      [pieces[0], pieces[1]],
      [pieces[1], pieces[0], pieces[2]],
      [pieces[2], pieces[1]],
    ]) {
      const w = fellesformat(...combo.map(body));
      const ours = (await inner(w, file)).filter((f) => f.severity === 'error').length === 0;
      expect({ combo, valid: ours }).toEqual({ combo, valid: combo.every((n) => native.get(n)) });
    }
  });
});

describe('a MsgHead with several RefDoc payloads', () => {
  const valid = instance('dialog-1.1-valid.xml').text;
  const documentOf = (t: string) => t.slice(t.indexOf('  <Document>'), t.indexOf('</Document>') + '</Document>\n'.length);
  const firstDoc = documentOf(valid);
  /** The valid message with a second Document whose payload is `second`'s. */
  const twoPayloads = (second: string) => valid.replace(firstDoc, firstDoc + documentOf(second));

  it('each payload is validated: an error in the second Dialogmelding is reported there', async () => {
    const t = twoPayloads(instance('dialog-1.1-invalid.xml').text);
    expect(summary(await inner(t, file))).toEqual(summary([{ ruleId: 'xsd/unexpected-element', range: nameAfter(t, '<Tema', 2) }] as never));
  });

  it('errors in both payloads are both reported', async () => {
    const broken = valid.replace(
      '<TekstNotatInnhold>Ettersender EKG tatt i dag.</TekstNotatInnhold>',
      '<TekstNotatInnhold>Ettersender EKG tatt i dag.</TekstNotatInnhold>\n            <Ukjent/>',
    );
    const t = twoPayloads(instance('dialog-1.1-invalid.xml').text).replace(firstDoc, documentOf(broken));
    expect(summary(await inner(t, file))).toEqual(
      summary([
        { ruleId: 'xsd/unexpected-element', range: nameAfter(t, '<Ukjent') },
        { ruleId: 'xsd/unexpected-element', range: nameAfter(t, '<Tema', 2) },
      ] as never),
    );
  });

  it('verdict parity with native xmllint on the whole message', async () => {
    for (const [name, t] of [
      ['two-valid.xml', twoPayloads(valid)],
      ['second-invalid.xml', twoPayloads(instance('dialog-1.1-invalid.xml').text)],
    ] as const) {
      const native = await xmllintValid(t, path.join(path.dirname(file), name), path.join(tmp.dir, name));
      if (native === undefined && !process.env.CI) return;
      const ours = (await inner(t, file)).filter((f) => f.severity === 'error').length === 0;
      expect({ name, valid: ours }).toEqual({ name, valid: native });
      expect(ours).toBe(name === 'two-valid.xml');
    }
  });
});
