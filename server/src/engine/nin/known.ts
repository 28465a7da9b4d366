// The known PREG-era test persons, as data (server/data/nin/preg-test-persons.json, checked against
// schemas/preg-test-persons.schema.json by the tests).

import data from '../../../data/nin/preg-test-persons.json';

const KNOWN_PREG = new Set<string>(data.persons.map((p) => p.nin));

export function isKnownPregPerson(nin: string): boolean {
  return KNOWN_PREG.has(nin);
}

export const PREG_LIST_SOURCE: string = data.source;
