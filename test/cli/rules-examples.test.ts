// nhn-lint over examples/ (real-shaped vendor code, config, a CPA and MsgHeads) finds every retired
// value of NHN-FACTS §1–§4 that the rule base covers, exactly where it is written, and nothing on the
// near misses beside them (current hosts, v3 scopes, dpop+jwt, DIALOG_INNBYGGER_OPPGAVE_ARKIV, …).

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { type JsonFinding, runCli } from '../helpers/cli';

/** file (under examples/) → [rule, flagged text] in reading order. */
const EXPECTED: Record<string, [string, string][]> = {
  'config/application.properties': [
    ['host/nilar', 'test.nilar.nhn.no'],
    ['host/reseptformidleren-net', 'rf.test1-na-int.reseptformidleren.net'],
  ],
  'config/helseid.yaml': [
    ['api/helseid-assertion-typ', 'JWT'],
    ['api/helseid-assertion-aud', 'https://helseid-sts.test.nhn.no/connect/token'],
    ['api/nilar-scope', 'nhn:nilar'],
    ['api/nilar-scope', 'nhn:nilar/api'],
  ],
  'dotnet/EpjClient/HelseIdClientAssertion.cs': [
    ['api/helseid-assertion-typ', 'JWT'],
    ['api/helseid-assertion-aud', 'https://helseid-sts.test.nhn.no/connect/token'],
    ['api/nhn-claims', 'https://nhn.no/claims/identity/pid'],
  ],
  'dotnet/EpjClient/Helsenorge/HelsenorgeMessageTypes.cs': [
    ['message-type/dialog-innbygger-oppgave', 'DIALOG_INNBYGGER_OPPGAVE'],
    ['message-type/dialog-innbygger-oppgave', 'Dialog_Innbygger_Oppgave'],
    ['message-type/dialog-innbygger-digitalbruker', 'DIALOG_INNBYGGER_DIGITALBRUKER'],
    ['message-type/dialog-innbygger-digitalbruker', 'Dialog_Innbygger_Digitalbruker'],
    ['api/helsenorge-digitaltaktiv-v1', 'digitaltaktiv/v1'],
    ['api/digitalt-aktiv-omraade', 'DigitaltAktivOmraade'],
    ['api/digitalt-aktiv-status-endringer', 'DigitaltAktivStatusEndringer'],
    ['api/digitalt-aktiv-omraade', 'DigitaltAktivOmråde'],
    ['api/helsenorge-certificate-serial', '23505478017947796811956856'],
    ['api/helsenorge-certificate-serial', '23505464325639079589484676'],
  ],
  'dotnet/EpjClient/LabResultClient.cs': [['host/nilar', 'prod.nilar.nhn.no']],
  'dotnet/EpjClient/appsettings.Messaging.json': [
    ['host/servicebus-sts-endpoint', 'StsEndpoint=https://sb.test.nhn.no:9355/NHNTESTServiceBus'],
    ['host/adresseregister-soap', 'ws-web.test.nhn.no/v1/AR'],
    ['host/cppa-soap', 'ws-web.test.nhn.no/v1/CPPA'],
    ['api/cppa-scope-v1', 'nhn:cppa/access'],
    ['host/helseid-utvikling', 'helseid-sts.utvikling.nhn.no'],
    ['api/helseid-assertion-typ', 'JWT'],
    ['api/helseid-assertion-aud', 'https://helseid-sts.test.nhn.no/connect/token'],
  ],
  'dotnet/EpjClient/appsettings.json': [
    ['host/reseptformidleren-net', 'rf.test2-int.reseptformidleren.net'],
    ['host/reseptformidleren-net', 'rfadmin.test1.reseptformidleren.net'],
    ['host/nilar', 'test.nilar.nhn.no'],
    ['api/nilar-scope', 'nhn:nilar/api'],
  ],
  'java/src/main/java/no/example/eresept/EreseptNamespaces.java': [
    ['namespace/eresept-outdated', 'http://www.kith.no/xmlstds/eresept/m1/2010-05-01'],
    ['namespace/eresept-outdated', 'http://www.kith.no/xmlstds/eresept/m30/2010-09-01'],
    ['namespace/eresept-outdated', 'http://www.kith.no/xmlstds/eresept/utlevering/2010-05-01'],
    ['namespace/eresept-outdated', 'http://www.kith.no/xmlstds/eresept/m96/2009-03-18'],
    ['namespace/eresept-superseded', 'http://www.kith.no/xmlstds/eresept/m96/2015-05-01'],
    ['namespace/fm-epjapi', 'http://www.kith.no/xmlstds/eresept/forskrivningsmodul/epjapi/2019-07-26'],
    ['namespace/fm-export', 'http://www.kith.no/xmlstds/eresept/forskrivningsmodul/export/2019-11-13'],
    ['api/helseid-assertion-typ-constant', 'JOSEObjectType.JWT'],
    ['api/helseid-assertion-aud', 'https://helseid-sts.nhn.no/connect/token'],
  ],
  'java/src/main/java/no/example/lab/PrescriptionGateway.java': [['host/reseptformidleren-net', 'rf.test3-na-int.reseptformidleren.net']],
  'kotlin/src/main/kotlin/no/example/persons/PersonClient.kt': [
    ['api/persontjenesten-scope-v2', 'nhn:hgd-persontjenesten-api/read-with-legal-basis'],
    ['api/persontjenesten-scope-v2', 'nhn:hgd-persontjenesten-api/read-no-legal-basis'],
    ['api/persontjenesten-scope-v2', 'nhn:hgd-persontjenesten-api/read'],
    ['api/helseid-assertion-typ', 'JWT'],
    ['host/pmd-v1', 'test.pmd.nhn.no'],
    ['api/pmd-v1-headers', 'x-pmd-patient'],
    ['api/pmd-v1-headers', 'x-pmd-requester'],
    ['api/bearer-where-dpop-required', 'Bearer'],
    ['api/maternity-hit-headers', 'hit-user-role'],
    ['api/maternity-hit-headers', 'hit-source-system'],
    ['api/maternity-hit-headers', 'hit-access-basis'],
    ['api/maternity-hit-patient-pid', 'hit-patient-pid'],
    ['api/maternity-hit-headers', 'hit-event-id'],
  ],
  'typescript/src/integrations.ts': [
    ['api/syntpop-apikey', 'X-Syntpop-apikey'],
    ['api/edi-api-version-2', '2'],
    ['api/helseid-assertion-typ', 'JWT'],
    ['api/helseid-assertion-aud', 'https://helseid-sts.test.nhn.no/connect/token'],
  ],
  'xml/cpa/CPA_helsenorge.xml': [
    ['message-type/dialog-innbygger-oppgave', 'Dialog_Innbygger_Oppgave'],
    ['message-type/dialog-innbygger-digitalbruker', 'Dialog_Innbygger_Digitalbruker'],
  ],
  'xml/msghead/DIALOG_INNBYGGER_OPPGAVE.xml': [['message-type/dialog-innbygger-oppgave', 'DIALOG_INNBYGGER_OPPGAVE']],
  'xml/msghead/ERM1-virkestoff-med-reservasjon.xml': [
    ['namespace/eresept-outdated', 'http://www.kith.no/xmlstds/eresept/m1/2010-05-01'],
    ['namespace/eresept-outdated', 'http://www.kith.no/xmlstds/eresept/forskrivning/2010-04-01'],
    ['message-type/eresept-m1-virkestoff-reservation', '1'],
  ],
};

/** The retired values of NHN-FACTS §1–§4 the examples must show flagged (rule families of this rule base). */
const RETIRED_VALUES = [
  'reseptformidleren.net',
  'ws-web.test.nhn.no/v1/CPPA',
  'nilar.nhn.no',
  'nhn:nilar/api',
  'StsEndpoint=',
  'helseid-sts.utvikling.nhn.no',
  'test.pmd.nhn.no',
  'x-pmd-',
  'ws-web.test.nhn.no/v1/AR',
  'JWT',
  '/connect/token',
  'persontjenesten-api/read',
  'nhn:cppa/access',
  'X-Syntpop-apikey',
  'hit-',
  '2',
  'https://nhn.no/claims/',
  'DigitaltAktivOmraade',
  'DigitaltAktivOmråde',
  'DigitaltAktivStatusEndringer',
  'DIALOG_INNBYGGER_OPPGAVE',
  'Dialog_Innbygger_Oppgave',
  'DIALOG_INNBYGGER_DIGITALBRUKER',
  'Dialog_Innbygger_Digitalbruker',
  '23505478017947796811956856',
  '23505464325639079589484676',
  'eresept/m1/2010-05-01',
  'forskrivningsmodul/epjapi',
  'BytteresRekvirent',
];

const OURS = /^(host|api|message-type|namespace|suppression)\//;

describe('nhn-lint over examples/: the rule base', () => {
  const out = JSON.parse(runCli(['--format', 'json', 'examples']).stdout) as { findings: JsonFinding[] };
  const ours = out.findings.filter((f) => OURS.test(f.rule));
  const flagged = (f: JsonFinding) =>
    readFileSync(f.file, 'utf8')
      .split(/\r?\n/)
      [f.line - 1].slice(f.column - 1, f.endColumn - 1);

  it('finds exactly the expected values, file by file, and nothing on the near misses', () => {
    const actual: Record<string, [string, string][]> = {};
    for (const f of ours) (actual[f.file.replace(/^examples\//, '')] ??= []).push([f.rule, flagged(f)]);
    expect(actual).toEqual(EXPECTED);
  });

  it('covers every retired value of NHN-FACTS §1–§4 in the rule families', () => {
    const texts = ours.map((f) => flagged(f));
    const xmlM1 = readFileSync('examples/xml/msghead/ERM1-virkestoff-med-reservasjon.xml', 'utf8');
    for (const value of RETIRED_VALUES) {
      const found =
        value === 'BytteresRekvirent'
          ? ours.some((f) => f.rule === 'message-type/eresept-m1-virkestoff-reservation') && xmlM1.includes(value)
          : texts.some((t) => t.includes(value));
      expect(found, value).toBe(true);
    }
  });

  it('honours the suppression comment in the examples and reports no unused one', () => {
    const source = readFileSync('examples/dotnet/EpjClient/Helsenorge/HelsenorgeMessageTypes.cs', 'utf8').split('\n');
    const suppressedLine = source.findIndex((l) => l.includes('ArchivedOppgave')) + 1;
    expect(ours.filter((f) => f.line === suppressedLine && f.file.endsWith('HelsenorgeMessageTypes.cs'))).toEqual([]);
    expect(ours.filter((f) => f.rule === 'suppression/unused')).toEqual([]);
  });

  it('judges the deadlines by --today', () => {
    const early = JSON.parse(runCli(['--format', 'json', '--today', '2025-05-31', 'examples/xml/msghead/DIALOG_INNBYGGER_OPPGAVE.xml']).stdout) as {
      findings: JsonFinding[];
    };
    expect(early.findings.find((f) => f.rule === 'message-type/dialog-innbygger-oppgave')?.severity).toBe('warning');
    expect(ours.find((f) => f.rule === 'message-type/dialog-innbygger-oppgave')?.severity).toBe('error');
  });
});
