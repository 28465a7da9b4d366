// Structural rules on parsed XML: MsgHead MsgInfo/Type, CPP/CPA process names and the M1
// virkestoff + reservation rule, on hand-written payloads and on real public files from ../shared.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findingsFor as engineFindings, rangeOf } from '../helpers/engine';

// These fragments are MsgHead snippets, not whole messages: the kith rules (test/kith/) are off here.
const findingsFor: typeof engineFindings = (text, languageId, over = {}) =>
  engineFindings(text, languageId, { ...over, settings: { ...over.settings, rules: { kith: 'off', ...over.settings?.rules } } });

const REAL = path.resolve(__dirname, '../../../shared/fixtures/real-world');

const msgHead = (type: string) => `<?xml version="1.0" encoding="UTF-8"?>
<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">
  <MsgInfo>
    <Type V="${type}" DN="Dialog med innbygger"/>
    <MIGversion>v1.2 2006-05-24</MIGversion>
  </MsgInfo>
  <!-- the old type was ${type} -->
</MsgHead>
`;

function m1(bytteres: string, product: string): string {
  return `<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24">
  <MsgInfo><Type V="ERM1" DN="Resept"/></MsgInfo>
  <Document><RefDoc><Content>
    <Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2013-10-08" xmlns:fs="http://www.kith.no/xmlstds/eresept/forskrivning/2014-12-01">
      <ReseptDokLegemiddel>
        <Reiterasjon>0</Reiterasjon>
        ${bytteres}
        <fs:Forskrivning>
          <fs:${product}><fs:Id>ID_1</fs:Id></fs:${product}>
        </fs:Forskrivning>
      </ReseptDokLegemiddel>
    </Resept>
  </Content></RefDoc></Document>
</MsgHead>
`;
}

describe('MsgHead MsgInfo/Type', () => {
  it('flags the Type value, not the comment that mentions it', async () => {
    const text = msgHead('DIALOG_INNBYGGER_OPPGAVE');
    const found = await findingsFor(text, 'xml');
    expect(found.map((f) => f.ruleId)).toEqual(['message-type/dialog-innbygger-oppgave']);
    expect(found[0].range).toEqual(rangeOf(text, 'DIALOG_INNBYGGER_OPPGAVE'));
    expect(found[0].severity).toBe('error');
  });

  it('flags DIALOG_INNBYGGER_DIGITALBRUKER and leaves current and near-miss types alone', async () => {
    expect((await findingsFor(msgHead('DIALOG_INNBYGGER_DIGITALBRUKER'), 'xml')).map((f) => f.ruleId)).toEqual(['message-type/dialog-innbygger-digitalbruker']);
    for (const ok of ['DIALOG_INNBYGGER_OPPGAVE_FOO', 'DIALOG_INNBYGGER_EKONTAKT', 'DIALOG_INNBYGGER_TIMERESERVASJON']) {
      expect(await findingsFor(msgHead(ok), 'xml'), ok).toEqual([]);
    }
  });

  it('is a warning before the production date and an error after', async () => {
    const text = msgHead('DIALOG_INNBYGGER_OPPGAVE');
    expect((await findingsFor(text, 'xml', { today: '2025-05-31' }))[0].severity).toBe('warning');
    expect((await findingsFor(text, 'xml', { today: '2025-06-01' }))[0].severity).toBe('error');
  });
});

describe('CPP/CPA process names', () => {
  it('flags the retired processes in the real Helsenorge.Messaging CPA, on the name attribute', async () => {
    const text = readFileSync(
      path.join(REAL, 'helsenorge/Helsenorge.Messaging/test/Helsenorge.Registries.Tests/Files/CPA_v2_51795e2c-9d39-44e0-9168-5bee38f20819.xml'),
      'utf8',
    );
    const found = (await findingsFor(text, 'xml')).filter((f) => f.ruleId.startsWith('message-type/'));
    for (const [rule, name] of [
      ['message-type/dialog-innbygger-oppgave', 'Dialog_Innbygger_Oppgave'],
      ['message-type/dialog-innbygger-digitalbruker', 'Dialog_Innbygger_Digitalbruker'],
    ]) {
      // One finding per ProcessSpecification, on its name value: not on the comment, not on the xlink:href.
      const attr = `tns:name="${name}"`;
      const expected = text
        .split(attr)
        .slice(1)
        .map((_, i) => {
          const r = rangeOf(text, attr, i);
          const start = { line: r.start.line, character: r.start.character + 'tns:name="'.length };
          return { start, end: { line: start.line, character: start.character + name.length } };
        });
      expect(expected.length).toBeGreaterThanOrEqual(2);
      expect(found.filter((f) => f.ruleId === rule).map((f) => f.range)).toEqual(expected);
    }
    // Current processes in the same CPA stay silent.
    expect(found.every((f) => /oppgave|digitalbruker/.test(f.ruleId))).toBe(true);
  });
});

describe('M1: prescription on active substance with a reservation against substitution', () => {
  it('flags BytteresRekvirent on a LegemiddelVirkestoff prescription inside a MsgHead', async () => {
    const text = m1('<BytteresRekvirent V="1" DN="Reservasjon"/>', 'LegemiddelVirkestoff');
    const found = (await findingsFor(text, 'xml')).filter((f) => f.ruleId === 'message-type/eresept-m1-virkestoff-reservation');
    expect(found).toHaveLength(1);
    expect(found[0].range).toEqual(rangeOf(text, '1', text.slice(0, text.indexOf('V="1"')).split('1').length - 1));
    expect(found[0].severity).toBe('info');
    expect(found[0].message).toContain('UNVERIFIED');
    expect(found[0].message).toContain('Enforced since 2024-11-23.');
    expect(found[0].tags).toBeUndefined();
  });

  it('flags a standalone M1 too', async () => {
    const text = m1('<BytteresRekvirent V="R"/>', 'LegemiddelVirkestoff')
      .replace(/^[\s\S]*?(<Resept )/, '$1')
      .replace(/<\/Content>[\s\S]*$/, '');
    expect((await findingsFor(text, 'xml')).some((f) => f.ruleId === 'message-type/eresept-m1-virkestoff-reservation')).toBe(true);
  });

  it('stays silent for a brand prescription with a reservation, and for a substance prescription without one', async () => {
    const rule = 'message-type/eresept-m1-virkestoff-reservation';
    expect((await findingsFor(m1('<BytteresRekvirent V="1"/>', 'LegemiddelMerkevare'), 'xml')).filter((f) => f.ruleId === rule)).toEqual([]);
    expect((await findingsFor(m1('', 'LegemiddelVirkestoff'), 'xml')).filter((f) => f.ruleId === rule)).toEqual([]);
    expect((await findingsFor(m1('<BytteresRekvirent V="0"/>', 'LegemiddelVirkestoff'), 'xml')).filter((f) => f.ruleId === rule)).toEqual([]);
  });
});

describe('namespaces in real payloads', () => {
  it('finds the e-resept 2.4 namespaces embedded in the Helsenorge.Messaging sample', async () => {
    const text = readFileSync(path.join(REAL, 'helsenorge/Helsenorge.Messaging/Examples/SimpleSender/DIALOG_INNBYGGER_RESEPTFORNYELSE.xml'), 'utf8');
    const outdated = (await findingsFor(text, 'xml')).filter((f) => f.ruleId === 'namespace/eresept-outdated');
    const uris = new Set(outdated.map((f) => f.data?.vars && (f.data.vars as Record<string, string>).uri));
    expect(uris).toEqual(new Set(['http://www.kith.no/xmlstds/eresept/m1/2010-05-01', 'http://www.kith.no/xmlstds/eresept/forskrivning/2010-04-01']));
  });
});

describe('real NHN sample code (Pasientens journaldokumenter demo client)', () => {
  const file = path.join(REAL, 'NorskHelsenett/Pasientens-journaldokumenter/.NET/NativeClients/SimpleRequestObjectsDemo/Program.cs');
  const text = readFileSync(file, 'utf8');

  it("does not mistake the journal-document API's hit-access-basis for the maternity record header", async () => {
    const found = (await findingsFor(text, 'csharp')).filter((f) => f.ruleId.startsWith('api/maternity'));
    expect(found).toEqual([]);
  });

  it('flags its client assertion, built with JwtSecurityToken (typ JWT), and nothing else of the rule base', async () => {
    const found = (await findingsFor(text, 'csharp')).filter((f) => /^(host|api|message-type|namespace)\//.test(f.ruleId));
    expect(found.map((f) => [f.ruleId, f.range])).toEqual([['api/helseid-assertion-typ-missing', rangeOf(text, 'new JwtSecurityToken')]]);
  });
});
