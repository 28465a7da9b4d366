// Conformance resources (StructureDefinition, ValueSet, CodeSystem) read from JSON or FHIR XML into
// plain FHIR JSON. XML gives strings and single children where JSON has numbers and arrays, so the
// fields the validator reads are normalised here.

import { parseFhirXml } from '../xml';
import { parseXml } from '../../xml/parse';
import { toJson } from '../tree';

export type Json = Record<string, unknown>;

/** Fields that repeat in FHIR (FHIR XML cannot say so for a single child), by the object that holds them. */
const REPEATING: Record<string, string[]> = {
  element: ['type', 'constraint', 'alias', 'code', 'condition', 'mapping', 'example'],
  type: ['profile', 'targetProfile', 'aggregation'],
  differential: ['element'],
  snapshot: ['element'],
  slicing: ['discriminator'],
  compose: ['include', 'exclude'],
  include: ['concept', 'filter', 'valueSet'],
  exclude: ['concept', 'filter', 'valueSet'],
  concept: ['concept', 'designation', 'property'],
  '': ['concept', 'contact', 'useContext', 'jurisdiction', 'identifier', 'context', 'contextInvariant'],
};
const NUMBERS = new Set(['min']);

function normalise(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => normalise(v, parentKey));
  if (value === null || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value as Json)) {
    let n = normalise(v, k);
    const repeats = REPEATING[parentKey]?.includes(k);
    if (repeats && !Array.isArray(n)) n = [n];
    if (NUMBERS.has(k) && typeof n === 'string' && /^\d+$/.test(n)) n = Number(n);
    out[k] = n;
  }
  return out;
}

/** The resource in a file's text, as FHIR JSON; undefined when it is not a FHIR resource. */
export function readConformance(text: string): Json | undefined {
  if (/^\s*</.test(text)) {
    const doc = parseFhirXml(text, parseXml(text));
    return doc ? (normalise(toJson(doc.root)) as Json) : undefined;
  }
  try {
    const json = JSON.parse(text) as unknown;
    return json && typeof json === 'object' && typeof (json as Json).resourceType === 'string' ? (normalise(json) as Json) : undefined;
  } catch {
    return undefined;
  }
}
