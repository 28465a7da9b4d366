// Generated inputs for the bench: KITH-like XML of a given number of lines and a FHIR Bundle of N entries,
// deterministic (seeded) and with a few planted findings so the checks have real work to report.

import { random } from '../../test/helpers/random';

/** A MsgHead-shaped XML document of about `lines` lines (~70 bytes each), with a retired host every ~500 lines. */
export function kithXml(lines: number, seed = 1): string {
  const rnd = random(seed);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<MsgHead xmlns="http://www.kith.no/xmlstds/msghead/2006-05-24" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '  <MsgInfo><Type V="SVAR_LAB" DN="Svar laboratorium"/><MIGversion>v1.2 2006-05-24</MIGversion></MsgInfo>',
    '  <Document><RefDoc><Content><Message>',
  ];
  let i = 0;
  while (out.length < lines - 4) {
    i++;
    const n = rnd.int(1_000_000);
    out.push(`    <Result id="r${i}"><Code V="${n}" S="2.16.578.1.12.4.1.1.7280" DN="Analyse ${n % 997}"/>`);
    out.push(
      i % 250 === 0 ? `      <Url>https://test.nilar.nhn.no/svar/${n}</Url>` : `      <Value V="${(n / 1000).toFixed(2)}" U="mmol/L"/><Ref>${n % 7}</Ref>`,
    );
    out.push('    </Result>');
  }
  out.push('  </Message></Content></RefDoc></Document>', '</MsgHead>');
  return out.slice(0, Math.max(lines, 6)).join('\n') + '\n';
}

/** A FHIR R4 transaction Bundle with `entries` Patient/Observation entries (JSON, pretty-printed). */
export function fhirBundle(entries: number, seed = 2): string {
  const rnd = random(seed);
  const entry = [];
  for (let i = 0; i < entries; i++) {
    const id = `e${i}`;
    const resource =
      i % 2 === 0
        ? {
            resourceType: 'Patient',
            id,
            meta: { profile: ['http://hl7.no/fhir/StructureDefinition/no-basis-Patient'] },
            name: [{ family: `Etternavn${rnd.int(10000)}`, given: ['Kari'] }],
            birthDate: `19${10 + rnd.int(89)}-0${1 + rnd.int(9)}-1${rnd.int(9)}`,
          }
        : {
            resourceType: 'Observation',
            id,
            status: 'final',
            code: { coding: [{ system: 'http://loinc.org', code: `${1000 + rnd.int(9000)}-${rnd.int(10)}` }] },
            subject: { reference: `urn:uuid:e${i - 1}` },
            valueQuantity: { value: rnd.int(1000) / 10, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
          };
    entry.push({ fullUrl: `urn:uuid:${id}`, resource, request: { method: 'POST', url: resource.resourceType } });
  }
  return JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry }, null, 2) + '\n';
}

/** A C# source of about `lines` lines: classes, methods, strings and comments, with a retired NHN host every ~1000 lines. */
export function csharpSource(lines: number, seed = 3): string {
  const rnd = random(seed);
  const out = ['using System;', 'using System.Net.Http;', '', 'namespace Vendor.Integration;', ''];
  let i = 0;
  while (out.length < lines - 1) {
    i++;
    const n = rnd.int(1_000_000);
    out.push(`public sealed class Handler${i}`, '{');
    out.push(`    private const string Endpoint = "${i % 100 === 0 ? 'https://test.nilar.nhn.no/api' : `https://api.example.com/v${n % 9}/items`}";`);
    out.push(`    // Retries the request ${n % 5} times before giving up.`);
    out.push(`    public async Task<int> Run${i}Async(HttpClient client, int value)`, '    {');
    out.push(`        var response = await client.GetAsync($"{Endpoint}/{value + ${n % 97}}");`);
    out.push('        return (int)response.StatusCode;', '    }', '}', '');
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/** A YAML configuration of about `lines` lines (service settings), with a retired NHN host every ~1000 lines. */
export function yamlConfig(lines: number, seed = 4): string {
  const rnd = random(seed);
  const out = ['services:'];
  let i = 0;
  while (out.length < lines) {
    i++;
    const n = rnd.int(1_000_000);
    out.push(`  service${i}:`, `    url: ${i % 200 === 0 ? 'https://test.nilar.nhn.no/fhir' : `https://svc${n % 50}.example.org/api`}`);
    out.push(`    timeoutSeconds: ${n % 120}`, `    retries: ${n % 4}`, `    description: "Service number ${i}, owner team ${n % 13}"`);
  }
  return out.slice(0, lines).join('\n') + '\n';
}
