// How a picked person goes into the file: the bare number, a FHIR Identifier (JSON), a KITH XML
// <Ident>, or a string literal in the file's language. The user chooses once; the picker remembers.

import type { TestPerson } from './model';

export type InsertFormat = 'bare' | 'fhir-identifier' | 'kith-ident' | 'string-literal';
export const INSERT_FORMATS: readonly InsertFormat[] = ['bare', 'fhir-identifier', 'kith-ident', 'string-literal'];

/** FHIR system for fødselsnummer and D-number (NHN-FACTS §5). */
const FHIR_SYSTEM = { fnr: 'urn:oid:2.16.578.1.12.4.1.4.1', dnr: 'urn:oid:2.16.578.1.12.4.1.4.2' };

/** D-numbers (day + 40) take the D-number system and type. */
const isDNumber = (nin: string) => Number(nin.slice(0, 2)) > 40;

/** Languages whose string literals use single quotes by habit, and those that need none. */
const SINGLE_QUOTED = new Set(['python', 'shellscript', 'yaml', 'sql']);
const UNQUOTED = new Set(['properties', 'ini', 'dotenv', 'plaintext', 'markdown', 'csv', 'xml']);

export function stringLiteral(nin: string, languageId: string): string {
  if (UNQUOTED.has(languageId)) return nin;
  return SINGLE_QUOTED.has(languageId) ? `'${nin}'` : `"${nin}"`;
}

/**
 * The text to insert. Multi-line formats continue at `indent` (the current line's indentation), so
 * the result sits right where the cursor is.
 */
export function formatPerson(person: TestPerson, format: InsertFormat, languageId: string, indent = ''): string {
  const d = isDNumber(person.nin);
  switch (format) {
    case 'bare':
      return person.nin;
    case 'string-literal':
      return stringLiteral(person.nin, languageId);
    case 'fhir-identifier':
      return ['{', `  "system": "${d ? FHIR_SYSTEM.dnr : FHIR_SYSTEM.fnr}",`, `  "value": "${person.nin}"`, '}'].join(`\n${indent}`);
    case 'kith-ident': {
      const type = d ? 'V="DNR" DN="D-nummer"' : 'V="FNR" DN="Fødselsnummer"';
      return ['<Ident>', `  <Id>${person.nin}</Id>`, `  <TypeId ${type} S="2.16.578.1.12.4.1.1.8116"/>`, '</Ident>'].join(`\n${indent}`);
    }
  }
}

/** A sensible first choice for a file before the user has chosen. */
export function defaultFormatFor(languageId: string): InsertFormat {
  if (languageId === 'xml') return 'kith-ident';
  if (languageId === 'json' || languageId === 'jsonc') return 'fhir-identifier';
  return UNQUOTED.has(languageId) ? 'bare' : 'string-literal';
}
