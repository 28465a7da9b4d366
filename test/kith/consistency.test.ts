// Identifiers and MsgHead/AppRec/ebXML consistency on messages written here, valid and broken, with the
// rule id and the exact range asserted.

import { describe, expect, it } from 'vitest';
import type { Finding } from '../../server/src/engine';
import { findingsFor, rangeOf } from '../helpers/engine';
import { makeNin } from '../helpers/nin';
import { appRec, her, msgHead } from './messages';

const kith = (fs: Finding[]) => fs.filter((f) => f.ruleId.startsWith('kith/'));
const xml = async (text: string, today?: string) => kith(await findingsFor(text, 'xml', today ? { today } : {}));
const ident = (id: string, type: string, s = '2.16.578.1.12.4.1.1.9051') => `<Ident><Id>${id}</Id><TypeId V="${type}" DN="x" S="${s}"/></Ident>`;

describe('organisation number (TypeId ENH)', () => {
  it('accepts a valid number and flags a wrong check digit and a wrong length', async () => {
    // 974760673: the mod-11 check digit is 3 (3·9+2·7+7·4+6·7+5·6+4·0+3·6+2·7 = 173; 173 mod 11 = 8; 11 − 8 = 3).
    expect(await xml(msgHead({ senderIdents: her('112374') + ident('974760673', 'ENH') }))).toEqual([]);
    const bad = msgHead({ senderIdents: her('112374') + ident('974760674', 'ENH') });
    const [f] = await xml(bad);
    expect(f.ruleId).toBe('kith/organisation-number');
    expect(f.range).toEqual(rangeOf(bad, '974760674'));
    expect(f.message).toContain('check digit');
    const short = msgHead({ senderIdents: her('112374') + ident('97476067', 'ENH') });
    expect((await xml(short))[0].message).toContain('9 digits');
  });
});

describe('HER-id and HPR number', () => {
  it('a HER-id must be a positive whole number', async () => {
    const text = msgHead({ receiverIdents: her('2397.1') + her('8142987') });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/her-id');
    expect(f.range).toEqual(rangeOf(text, '2397.1'));
    expect(await xml(msgHead({ receiverIdents: her('0') + her('8142987') }))).toHaveLength(1);
  });

  it('an HPR number holds digits only', async () => {
    const hcp = (id: string) =>
      `<HealthcareProfessional><Ident><Id>${id}</Id><TypeId V="HPR" DN="HPR-nummer" S="2.16.578.1.12.4.1.1.8116"/></Ident></HealthcareProfessional>`;
    expect(await xml(msgHead({ hcp: hcp('9144900') }))).toEqual([]);
    const text = msgHead({ hcp: hcp('HPR-9144900') });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/hpr-number');
    expect(f.range).toEqual(rangeOf(text, 'HPR-9144900'));
  });
});

describe('kith/ident-kind', () => {
  it('TypeId FNR holding a D-number is an error, and the number is never shown whole', async () => {
    const dnr = makeNin(14 + 40, 7, 77, 401);
    const text = msgHead({ patientIdent: `<Ident><Id>${dnr}</Id><TypeId V="FNR" DN="Fødselsnummer" S="2.16.578.1.12.4.1.1.8116"/></Ident>` });
    const fs = await xml(text);
    const f = fs.find((x) => x.ruleId === 'kith/ident-kind')!;
    expect(f.range).toEqual(rangeOf(text, dnr));
    expect(f.message).toContain('D-number');
    expect(f.message).toContain(`${dnr.slice(0, 6)}*****`);
    expect(JSON.stringify(fs)).not.toContain(dnr);
  });

  it('TypeId DNR holding a D-number passes', async () => {
    const dnr = makeNin(14 + 40, 7, 77, 401);
    const text = msgHead({ patientIdent: `<Ident><Id>${dnr}</Id><TypeId V="DNR" DN="D-nummer" S="2.16.578.1.12.4.1.1.8116"/></Ident>` });
    expect((await xml(text)).filter((f) => f.ruleId === 'kith/ident-kind')).toEqual([]);
  });
});

describe('MsgHead', () => {
  it('kith/msg-type-payload: a Dialogmelding sent as SYKMELD', async () => {
    const text = msgHead({ type: 'SYKMELD' });
    const f = (await xml(text)).find((x) => x.ruleId === 'kith/msg-type-payload')!;
    expect(f.range).toEqual(rangeOf(text, 'SYKMELD'));
    expect(f.message).toContain('Dialogmelding 1.1');
    expect(f.message).toContain('DIALOG_…');
  });

  it('kith/mig-version with the fix to the namespace’s version', async () => {
    const text = msgHead({ mig: 'v1.1 2006-05-24' });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/mig-version');
    expect(f.range).toEqual(rangeOf(text, 'v1.1 2006-05-24'));
    expect(f.fixes![0].edits![0].newText).toBe('v1.2 2006-05-24');
  });

  it('kith/msg-id: MsgId not a UUID', async () => {
    const text = msgHead({ msgId: 'MSG-0001' });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/msg-id');
    expect(f.range).toEqual(rangeOf(text, 'MSG-0001'));
    expect(await xml(msgHead({ msgId: '37340D30-FE14-42B5-985F-A8FF8FFA0CB5' }))).toEqual([]);
  });

  it('kith/gen-date-future: judged against the engine’s today, one day of skew allowed', async () => {
    expect(await xml(msgHead({ genDate: '2026-11-27T01:00:00+02:00' }), '2026-11-26')).toEqual([]);
    const text = msgHead({ genDate: '2026-11-28T10:00:00' });
    const [f] = await xml(text, '2026-11-26');
    expect(f.ruleId).toBe('kith/gen-date-future');
    expect(f.range).toEqual(rangeOf(text, '2026-11-28T10:00:00'));
  });

  it('kith/party-her-id: a Receiver known only by organisation number', async () => {
    const text = msgHead({ receiverIdents: ident('974760673', 'ENH') });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/party-her-id');
    expect(f.range).toEqual(rangeOf(text, 'Receiver'));
  });

  it('kith/payload-missing: DIALOG_HELSEFAGLIG with an empty Content', async () => {
    const text = msgHead({ document: '<Document><RefDoc><MsgType V="XML" DN="XML-instans"/><Content></Content></RefDoc></Document>' });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/payload-missing');
    expect(f.range).toEqual(rangeOf(text, 'DIALOG_HELSEFAGLIG'));
  });
});

describe('AppRec', () => {
  it('kith/apprec-original-msg-id: missing, and missing its Id', async () => {
    const none = appRec({ original: '' });
    const [f] = await xml(none);
    expect(f.ruleId).toBe('kith/apprec-original-msg-id');
    expect(f.range).toEqual(rangeOf(none, 'AppRec'));
    const noId = appRec({
      original: '<OriginalMsgId><MsgType V="DIALOG_HELSEFAGLIG" DN="Helsefaglig dialog"/><IssueDate>2026-11-20T09:59:00</IssueDate></OriginalMsgId>',
    });
    const [g] = await xml(noId);
    expect(g.ruleId).toBe('kith/apprec-original-msg-id');
    expect(g.message).toContain('has no Id');
    expect(g.range).toEqual(rangeOf(noId, 'OriginalMsgId'));
  });

  it('kith/apprec-status-without-error: Status 2 with no Error; with one it passes', async () => {
    const text = appRec({ status: '<Status V="2" DN="Avvist"/>' });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/apprec-status-without-error');
    expect(f.range.start).toEqual({ ...rangeOf(text, '2" DN="Avvist').start });
    expect(
      await xml(appRec({ status: '<Status V="2" DN="Avvist"/>', errors: '<Error V="E10" S="2.16.578.1.12.4.1.1.8221" DN="Ugyldig meldingsidentifikator"/>' })),
    ).toEqual([]);
  });

  it('kith/apprec-error-with-ok: an Error beside Status 1 is a warning', async () => {
    const text = appRec({ errors: '<Error V="X99" S="2.16.578.1.12.4.1.1.8221" DN="Annen feil"/>' });
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/apprec-error-with-ok');
    expect(f.severity).toBe('warning');
    expect(f.range).toEqual(rangeOf(text, 'Error'));
  });

  it('AppRec 1.0 carries its own MIGversion; the 1.1 text there is flagged', async () => {
    const text = appRec({ mig: 'v1.1 2012-02-15' }).replace('apprec/2012-02-15', 'apprec/2004-11-21');
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/mig-version');
    expect(f.fixes![0].edits![0].newText).toBe('1.0 2004-11-21');
  });
});

describe('ebXML', () => {
  const header = (
    from: string,
    to: string,
  ) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:eb="http://www.oasis-open.org/committees/ebxml-msg/schema/msg-header-2_0.xsd">
  <soap:Header>
    <eb:MessageHeader>
      <eb:From>${from}</eb:From>
      <eb:To>${to}</eb:To>
    </eb:MessageHeader>
  </soap:Header>
</soap:Envelope>
`;
  const party = (id: string) => `<eb:PartyId eb:type="HER">${id}</eb:PartyId>`;

  it('From and To with one HER PartyId each pass', async () => {
    expect(await xml(header(party('8142987'), party('8143060')))).toEqual([]);
  });

  it('two HER PartyIds in From, none in To', async () => {
    const text = header(party('8142987') + party('8142988'), '<eb:PartyId eb:type="ENH">974760673</eb:PartyId>');
    const fs = await xml(text);
    expect(fs.map((f) => [f.ruleId, f.range])).toEqual([
      ['kith/ebxml-party-her', rangeOf(text, 'eb:From')],
      ['kith/ebxml-party-her', rangeOf(text, 'eb:To')],
    ]);
    expect(fs[0].message).toContain('2 PartyId');
    expect(fs[1].message).toContain('no PartyId');
  });

  // A SOAP envelope with the ebXML header and, in its body, the MsgHead it carries.
  const envelope = (from: string, senderIdents?: string) =>
    header(from, party('8142987')).replace(
      '</soap:Header>\n',
      `</soap:Header>\n  <soap:Body>\n${msgHead({ senderIdents }).replace(/^<\?xml[^>]*>\n/, '')}  </soap:Body>\n`,
    );

  it('the ebXML sender is one of the HER-ids of MsgHead’s Sender: passes (organisation or department level)', async () => {
    expect(await xml(envelope(party('112374')))).toEqual([]);
    const dept = `${her('112374')}<Organisation><OrganisationName>Avdeling</OrganisationName>${her('8142000')}</Organisation>`;
    expect(await xml(envelope(party('8142000'), dept))).toEqual([]);
  });

  it('an ebXML sender HER-id that MsgHead’s Sender does not name: a spoofing error on the PartyId', async () => {
    const text = envelope(party('9999999'));
    const fs = await xml(text);
    expect(fs.map((f) => [f.ruleId, f.range])).toEqual([['kith/ebxml-sender-her', rangeOf(text, '9999999')]]);
    expect(fs[0].severity).toBe('error');
    expect(fs[0].message).toContain('HER-id 9999999');
    expect(fs[0].message).toContain('(112374)');
  });

  it('nothing to compare: no MsgHead, or a Sender without a HER-id (kith/party-her-id says that)', async () => {
    expect(await xml(header(party('9999999'), party('8142987')))).toEqual([]);
    const fs = await xml(envelope(party('9999999'), '<Ident><Id>974760673</Id><TypeId V="ENH" DN="x" S="2.16.578.1.12.4.1.1.9051"/></Ident>'));
    expect(fs.map((f) => f.ruleId)).toEqual(['kith/party-her-id']);
  });
});

describe('organisation number in FHIR', () => {
  const org = (value: string) => `{
  "resourceType": "Organization",
  "identifier": [
    { "system": "urn:oid:2.16.578.1.12.4.1.4.101", "value": "${value}" },
    { "system": "urn:oid:2.16.578.1.12.4.1.4.102", "value": "12345" }
  ],
  "name": "Legekontoret"
}
`;

  it('JSON: a wrong check digit under the organisation-number system; a valid number passes', async () => {
    expect(kith(await findingsFor(org('974760673'), 'json'))).toEqual([]);
    const text = org('974760674');
    const [f] = kith(await findingsFor(text, 'json'));
    expect(f.ruleId).toBe('kith/organisation-number');
    expect(f.range).toEqual(rangeOf(text, '974760674'));
  });

  it('XML: the same, on the value attribute', async () => {
    const text = `<Organization xmlns="http://hl7.org/fhir">
  <identifier><system value="urn:oid:2.16.578.1.12.4.1.4.101"/><value value="97476067"/></identifier>
  <name value="Legekontoret"/>
</Organization>
`;
    const [f] = await xml(text);
    expect(f.ruleId).toBe('kith/organisation-number');
    expect(f.range).toEqual(rangeOf(text, '97476067'));
    expect(f.message).toContain('9 digits');
  });
});
