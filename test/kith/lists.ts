// User-supplied code lists written for the tests, in the forms users get them: a Volven export (CSV and
// XML) and a FHIR CodeSystem (JSON and XML) from Helsedirektoratet's terminology server. The codes are
// list 8279 "Meldingens funksjon" (which the product holds only in part), with one code the built-in
// data lacks (DIALOG_TEST_NY) so a test can tell which list judged.

import { writeFileSync } from 'node:fs';
import path from 'node:path';

const CODES: [string, string][] = [
  ['APPREC', 'Applikasjonskvittering'],
  ['DIALOG_FORESPORSEL', 'Forespørsel'],
  ['DIALOG_HELSEFAGLIG', 'Helsefaglig dialog'],
  ['DIALOG_SVAR', 'Svar på forespørsel'],
  ['DIALOG_TEST_NY', 'Ny testmelding'],
];

export function volvenCsv(): string {
  const rows = CODES.map(([c, d]) => `${c};"${d}";;2020-01-01;`);
  return ['8279 Meldingens funksjon', 'Kodeverdi;Navn;Beskrivelse;Gyldig fra;Gyldig til', ...rows].join('\r\n') + '\r\n';
}

export function volvenXml(): string {
  const entries = CODES.map(([c, d]) => `    <Element>\n      <Kodeverdi>${c}</Kodeverdi>\n      <Navn>${d}</Navn>\n    </Element>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Kodeverk>\n  <OID>8279</OID>\n  <Kodeverknavn>Meldingens funksjon</Kodeverknavn>\n  <Elementer>\n${entries}\n  </Elementer>\n</Kodeverk>\n`;
}

/**
 * The field names Volven itself shows, as HL7 Norway's Volven → FHIR CodeSystem mapping lists them (no
 * real export was at hand): per list Navn, Beskrivelse, OID; per code Kode, Kodetekst and Beskrivelse,
 * where Beskrivelse is the code's definition, not its display text.
 */
export function volvenCsvByVolvenFields(): string {
  const rows = CODES.map(([c, d]) => `${c};${d};Definisjon av ${c.toLowerCase()}`);
  return ['OID;Navn', '2.16.578.1.12.4.1.1.8279;Meldingens funksjon', '', 'Kode;Kodetekst;Beskrivelse', ...rows].join('\n') + '\n';
}

export function volvenXmlByVolvenFields(): string {
  const codes = CODES.map(
    ([c, d]) =>
      `    <Kode>\n      <Kode>${c}</Kode>\n      <Kodetekst>${d}</Kodetekst>\n      <Beskrivelse>Definisjon av ${c.toLowerCase()}</Beskrivelse>\n    </Kode>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="ISO-8859-1"?>\n<Kodeverk>\n  <OID>2.16.578.1.12.4.1.1.8279</OID>\n  <Navn>Meldingens funksjon</Navn>\n  <Beskrivelse>Angir hvilken funksjon meldingen har</Beskrivelse>\n  <Status>Til utbredelse eller er i bruk</Status>\n  <Koder>\n${codes}\n  </Koder>\n</Kodeverk>\n`;
}

export function fhirJson(content = 'complete'): string {
  return JSON.stringify(
    {
      resourceType: 'CodeSystem',
      url: 'http://helsedir.no/fhir/CodeSystem/no-kodeverk-8279',
      identifier: [{ system: 'urn:ietf:rfc:3986', value: 'urn:oid:2.16.578.1.12.4.1.1.8279' }],
      title: 'Meldingens funksjon',
      status: 'active',
      content,
      concept: CODES.map(([code, display]) => ({
        code,
        display,
        designation: code === 'APPREC' ? [{ language: 'en', value: 'Application receipt' }] : undefined,
      })),
    },
    null,
    2,
  );
}

export function fhirXml(): string {
  const concepts = CODES.map(([c, d]) => `  <concept><code value="${c}"/><display value="${d}"/></concept>`).join('\n');
  return `<CodeSystem xmlns="http://hl7.org/fhir">\n  <url value="http://helsedir.no/fhir/CodeSystem/no-kodeverk-8279"/>\n  <identifier><system value="urn:ietf:rfc:3986"/><value value="urn:oid:2.16.578.1.12.4.1.1.8279"/></identifier>\n  <title value="Meldingens funksjon"/>\n  <status value="active"/>\n  <content value="complete"/>\n${concepts}\n</CodeSystem>\n`;
}

export function write(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
