// Every built-in text and catalog rule: a true positive in each file type where it occurs (exact
// range of the offending token, rule id, fix), near misses that must stay silent, and severity
// before and after the rule's deadline.

import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../server/src/engine';
import { findingsFor } from '../helpers/engine';
import { CASES, expectedRange } from '../helpers/rule-cases';

/** Text near misses: each must produce no finding at all. */
const NEAR_MISSES: [string, string][] = [
  ['csharp', 'var sts = "https://helseid-sts.test.nhn.no"; var prod = "https://helseid-sts.nhn.no";'],
  ['csharp', '// HelseID\nvar tokenEndpoint = "https://helseid-sts.test.nhn.no/connect/token";'],
  ['csharp', '// HelseID client assertion\nvar response = await http.PostAsync(disco.TokenEndpoint, body); new Claim(JwtClaimTypes.Audience, disco.Issuer);'],
  ['json', '{ "aud": "https://helseid-sts.test.nhn.no" }'],
  [
    'csharp',
    '// HelseID client assertion\nvar dpop = new Dictionary<string, object> { { "typ", "dpop+jwt" } }; var ok = new { typ = "client-authentication+jwt" };',
  ],
  ['json', '{ "typ": "JWT", "note": "a plain JWT header in a file about some other identity provider" }'],
  [
    'csharp',
    '// HelseID client_assertion\nvar d = new SecurityTokenDescriptor { TokenType = "client-authentication+jwt" }; var t = new JwtSecurityToken(h, p);',
  ],
  ['java', '// HelseID client assertion\nnew JWSHeader.Builder(JWSAlgorithm.RS256).type(new JOSEObjectType("client-authentication+jwt")).build();'],
  ['csharp', '// Maskinporten token, nothing to do with the other IdP\nvar t = new JwtSecurityToken(issuer, aud, claims);'],
  ['java', '// HelseID DPoP proof\nJwts.builder().header().type("dpop+jwt"); var t = record.type("JWT-ish"); Header.JWT_TYPE_X;'],
  ['csharp', 'const string T = "DIALOG_INNBYGGER_OPPGAVE_FOO"; const string U = "MY_DIALOG_INNBYGGER_OPPGAVE"; const string V = "Dialog_Innbygger_Oppgavex";'],
  ['csharp', 'const string T = "DIALOG_INNBYGGER_DIGITALBRUKER_V2";'],
  [
    'json',
    '{ "Scopes": ["nhn:cppa/access-with-dpop", "nhn:hgd-persontjenesten-api/full-access", "nhn:hgd-persontjenesten-api/restricted-access", "nhn:pps/provesvar-read"] }',
  ],
  ['properties', 'url=https://pmd.test.nhn.no/ pps=https://test.pps.nhn.no cppa=https://cppa.test.grunndata.nhn.no'],
  ['yaml', 'azure:\n  api-version: 2024-01-01\nedi: https://api.tjener.test.melding.nhn.no\napi-version: 3\n'],
  ['typescript', "// maternity\nheaders: { 'nhn-user-role': 'LE', 'nhn-patient-nin': pid, 'white-hit-user-role': 'x' }"],
  // Pasientens journaldokumenter still takes hit-access-basis: not the maternity record API.
  ['csharp', '// Pasientens journaldokumenter\nrequest.Headers.Add("hit-access-basis", "SAMTYKKE");'],
  [
    'xml',
    '<!-- was http://www.kith.no/xmlstds/eresept/m1/2010-05-01 until 2015 --><Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2013-10-08"><!-- http://www.kith.no/xmlstds/eresept/m30/2010-09-01 --></Resept>',
  ],
  [
    'xml',
    '<Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2013-10-08"><ext xmlns="http://www.kith.no/xmlstds/eresept/m1/2013-10-08/extension/1"/></Resept>',
  ],
  ['xml', '<a xmlns:f="http://www.kith.no/xmlstds/eresept/m1/2030-01-01" xmlns:u="http://www.kith.no/xmlstds/eresept/m99/2009-01-01"/>'],
  [
    'xml',
    '<a xmlns:m3="http://www.kith.no/xmlstds/eresept/m3/2010-05-01" xmlns:m14="http://www.kith.no/xmlstds/eresept/m14/2008-12-12" xmlns:m22="http://www.kith.no/xmlstds/eresept/m22/2006-10-06"/>',
  ],
  ['csharp', 'var cs = "amqps://user:pw@sb.test.nhn.no:5671/NHNTestServiceBus"; var serial = "235054780179477968119568561";'],
  ['csharp', 'var m = "DigitaltAktivOmraadeX"; var n = "HelsenorgeAktivSjekken";'],
  // Bearer where DPoP is required: code that also makes DPoP proofs, PPS outside /v2/, a bearer API that does not require DPoP.
  [
    'csharp',
    'var url = "https://test.maternity-record.hit.nhn.no/api/";\nvar h = new AuthenticationHeaderValue("DPoP", token); req.Headers.Add("DPoP", proof); var legacy = "Bearer ";',
  ],
  ['java', 'String pps = "https://pps.nhn.no/api/provesvar";\nheaders.setBearerAuth(token);'],
  ['typescript', "await fetch('https://helseid-sts.test.nhn.no/connect/userinfo', { headers: { Authorization: `Bearer ${token}` } });"],
  ['json', '{ "claim": "helseid://claims/identity/pid", "ar": "https://ws-web.test.nhn.no/v1/ARX" }'],
  // Kjernejournal still requires the old claim names: its code (host, scope, client, headers) is left alone …
  [
    'csharp',
    '// Kjernejournal: the user token must carry these\nvar pid = user.FindFirst("https://nhn.no/claims/identity/pid"); var lvl = user.FindFirst("https://nhn.no/claims/identity/security_level");',
  ],
  ['json', '{ "Scopes": ["nhn:kjernejournal/api"], "Claims": ["https://nhn.no/claims/identity/pid", "https://nhn.no/claims/identity/security_level"] }'],
  ['java', 'req.header("X-KJ-TICKET", ticket); String claim = "https://nhn.no/claims/identity/security_level";'],
  // … and a Kjernejournal call that sets X-EPJ-System, or a configuration file that only holds the URL, is fine.
  [
    'csharp',
    'var client = new HttpClient { BaseAddress = new Uri("https://api.st2.kjernejournal-test.no/") };\nclient.DefaultRequestHeaders.Add("X-EPJ-System", "ACME EPJ 42.01"); var c = "https://nhn.no/claims/identity/pid";',
  ],
  ['json', '{ "Kjernejournal": { "BaseUrl": "https://api.kjernejournal.no" } }'],
  ['csharp', '// Kjernejournal portal link, no API call here\nconst string Portal = "https://kjernejournal.no/";'],
  // EDI 2.0 v3: /notifications, one message by id, POST /messages, and /messages outside the Meldingstjener.
  [
    'http',
    '### EDI 2.0\nGET https://api.tjener.test.melding.nhn.no/notifications?offset=0\napi-version: 3\nGET https://api.tjener.test.melding.nhn.no/messages/3fa85f64-5717-4562-b3fc-2c963f66afa6\nPOST https://api.tjener.test.melding.nhn.no/messages\n',
  ],
  ['csharp', 'var chat = await http.GetFromJsonAsync<List<Msg>>($"{slackBase}/messages?channel={c}");'],
  ['json', '{ "overrides": { "ebXml": true }, "myEbXmlOverridesX": 1 }'],
  // HelseID PAR: the code flow with S256, private_key_jwt, and other identity providers.
  [
    'csharp',
    'options.Authority = "https://helseid-sts.test.nhn.no";\noptions.ResponseType = "code"; options.UsePkce = true; var m = new { code_challenge_method = "S256" };',
  ],
  ['typescript', "// Azure AD login\nconst q = { response_type: 'id_token token', code_challenge_method: 'plain', client_secret: s };"],
  [
    'csharp',
    'options.Authority = "https://helseid-sts.test.nhn.no";\n// no client secret here, HelseID takes private_key_jwt\nvar t = "client_secret_basic"; bool ClientSecretUsed = false;',
  ],
  ['json', '{ "HelseId": { "response_type": "code", "response_types_supported": ["code id_token"] } }'],
  // Helsenorge.Messaging 7+, and the REST registry.
  [
    'xml',
    '<ItemGroup><PackageReference Include="Helsenorge.Messaging" Version="7.0.2" /><PackageReference Include="Helsenorge.MessagingX" Version="6.0.0" /><PackageReference Include="Other" Version="6.0.0" /></ItemGroup>',
  ],
  [
    'csharp',
    'var registry = new CollaborationProtocolRegistryRest(restSettings, addressRegistry, cache, helseIdClient, logger); ICollaborationProtocolRegistry r = registry; var s = new CollaborationProtocolRegistryRestSettings();',
  ],
  ['json', '{ "CollaborationProtocolRegistrySettings": { "RestConfiguration": { "Address": "https://cppa.test.grunndata.nhn.no" } } }'],
  // Helsenorge API versions: the successor itself, and other versions.
  ['http', 'POST https://{{BaseUrl}}/digitaltaktiv/helsenorgeaktivsjekken/v1\n'],
  [
    'xml',
    '<cpp xmlns:tns="http://www.oasis-open.org/committees/ebxml-cppa/schema/cpp-cpa-2_0.xsd"><tns:ProcessSpecification tns:name="Videreformidling" tns:version="1.1"/><x name="Videreformidling_1_01"/></cpp>',
  ],
  // DIALOG_NOTAT inside a longer constant, and the successor.
  ['csharp', 'const string A = "DIALOG_NOTAT_V2"; const string B = "MY_DIALOG_NOTAT"; const string C = "DIALOG_HELSEFAGLIG";'],
];

describe('every built-in rule has test cases', () => {
  it('covers every rule that is matched by text or catalog', () => {
    const tested = new Set(Object.keys(CASES));
    const missing = BUILTIN_RULES.filter((r) => (r.match.regex || r.match.catalog) && !tested.has(r.id)).map((r) => r.id);
    expect(missing).toEqual([]);
  });
});

for (const [ruleId, cases] of Object.entries(CASES)) {
  describe(ruleId, () => {
    for (const c of cases) {
      it(`fires in ${c.lang} on the exact token`, async () => {
        const found = (await findingsFor(c.text, c.lang)).filter((f) => f.ruleId === ruleId);
        expect(found, JSON.stringify(found.map((f) => f.range))).toHaveLength(1);
        const [f] = found;
        expect(f.range).toEqual(expectedRange(c));
        expect(f.source).toMatch(/^https:\/\//);
        const rewrite = f.fixes?.find((x) => x.edits)?.edits?.[0].newText;
        if (c.fix) expect(rewrite).toBe(c.fix);
        else expect(rewrite).toBeUndefined();
        if (!c.fix) expect(f.fixes?.[0].command?.command).toBe('nhn.openSource');
      });
    }
  });
}

describe('near misses stay silent', () => {
  for (const [lang, text] of NEAR_MISSES) {
    it(`${lang}: ${text.slice(0, 60)}`, async () => {
      expect((await findingsFor(text, lang)).map((f) => `${f.ruleId} ${JSON.stringify(f.range)}`)).toEqual([]);
    });
  }
});

describe('severity follows the dates', () => {
  const dated = BUILTIN_RULES.filter((r) => r.deadline && !r.severity && r.confidence === 'verified' && CASES[r.id]);
  it('has dated rules to check', () => expect(dated.length).toBeGreaterThanOrEqual(6));
  for (const rule of dated) {
    it(`${rule.id}: warning before ${rule.deadline}, error from it`, async () => {
      const c = CASES[rule.id][0];
      const day = new Date(Date.parse(rule.deadline!) - 86400000).toISOString().slice(0, 10);
      const [before] = (await findingsFor(c.text, c.lang, { today: day })).filter((f) => f.ruleId === rule.id);
      const [after] = (await findingsFor(c.text, c.lang, { today: rule.deadline })).filter((f) => f.ruleId === rule.id);
      expect(before.severity).toBe('warning');
      expect(before.message).toContain(`Retired on ${rule.deadline}`);
      expect(after.severity).toBe('error');
      expect(after.message).toContain(`Retired since ${rule.deadline}`);
      expect(after.tags).toEqual(['deprecated']);
    });
  }
  it('unverified rules are information and say so', async () => {
    const [f] = await findingsFor('helseid.authority=https://helseid-sts.utvikling.nhn.no\n', 'properties');
    expect(f.severity).toBe('info');
    expect(f.message).toContain('UNVERIFIED');
    expect(f.fixes?.[0].preferred).toBe(false);
  });
  it('the Adresseregister SOAP host is information without a deprecated tag', async () => {
    const [f] = await findingsFor('{ "Address": "https://ws-web.test.nhn.no/v1/AR/Basic" }', 'json');
    expect(f.severity).toBe('info');
    expect(f.tags).toBeUndefined();
  });
  it('names the successor of an outdated namespace, in Norwegian too', async () => {
    const text = '<Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2010-05-01"/>';
    const [en] = await findingsFor(text, 'xml');
    expect(en.message).toContain('e-resept M1 Resept 2010-05-01 is an e-resept 2.4 namespace');
    expect(en.message).toContain('Move the message to http://www.kith.no/xmlstds/eresept/m1/2013-10-08');
    expect(en.fixes?.find((x) => x.edits)?.preferred).toBe(false);
    const [nb] = await findingsFor(text, 'xml', { language: 'nb' });
    expect(nb.message).toContain('Utgått siden 31.12.2017');
    expect(nb.message).toContain('Flytt meldingen til http://www.kith.no/xmlstds/eresept/m1/2013-10-08');
  });
});

describe('schema files define namespaces, they do not use them', () => {
  // That the CLI stays silent on the schema files themselves: test/cli/schemas-and-examples.test.ts.
  it('but flags the same namespace in an instance document', async () => {
    const text = '<Resept xmlns="http://www.kith.no/xmlstds/eresept/m1/2010-05-01"/>';
    const { analyze, createChecks } = await import('../../server/src/engine');
    const { context } = await import('../helpers/engine');
    const run = async (uri: string) => (await analyze({ uri, languageId: 'xml', text }, context(), createChecks())).findings.map((f) => f.ruleId);
    expect(await run('file:///schemas/ER-M1-2010-05-01.xsd')).not.toContain('namespace/eresept-outdated');
    expect(await run('file:///messages/resept.xml')).toContain('namespace/eresept-outdated');
  });
});
