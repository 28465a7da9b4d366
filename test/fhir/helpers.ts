// Shared by the FHIR tests: the engine with the host's real resolvers (so the generated R4
// definitions are read from dist/fhir-r4/ exactly as the server reads them).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../server/src/engine';
import { createHost } from '../../server/src/host/resolvers';
import { findingsFor } from '../helpers/engine';

export const VALID_DIR = path.resolve(__dirname, 'valid');
/** HL7 Norway no-basis profiles (XML, differential only), read where they lie. */
export const NO_BASIS = path.resolve(__dirname, '../../../shared/fixtures/fhir/no-basis-r4');
const resolvers = createHost();

export function fhirFindings(text: string, languageId = 'json', settings: Record<string, unknown> = { fhirPackagePaths: [NO_BASIS] }): Promise<Finding[]> {
  return findingsFor(text, languageId, { host: resolvers, settings });
}

export function validResources(ext: 'json' | 'xml'): { name: string; text: string }[] {
  return readdirSync(VALID_DIR)
    .filter((f) => f.endsWith(`.${ext}`))
    .map((f) => ({ name: f, text: readFileSync(path.join(VALID_DIR, f), 'utf8') }));
}

/** Rule, range and message: what a user sees. */
export const seen = (f: Finding) => ({ rule: f.ruleId, range: f.range, message: f.message });

/** Where the tests' own profiles live. */
export const PROFILE_BASE = 'http://example.org/fhir/StructureDefinition/';

/** A constraint profile on an R4 resource type, `<PROFILE_BASE><name>`, with these differential elements. */
export const constraintProfile = (name: string, type: string, elements: Record<string, unknown>[]) => ({
  resourceType: 'StructureDefinition',
  url: PROFILE_BASE + name,
  name,
  status: 'active',
  kind: 'resource',
  abstract: false,
  type,
  baseDefinition: `http://hl7.org/fhir/StructureDefinition/${type}`,
  derivation: 'constraint',
  differential: { element: elements },
});
