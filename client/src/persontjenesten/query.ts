// Turns the picker's query into the form Persontjenesten's search accepts, or says why it cannot. The
// API's rules (NHN-FACTS §6, the OpenAPI description of search/person): a name field; at least 3 letters
// across the names; and a birth date, or a municipality number, or a street name of at least 3 letters.
// Free text is read as name words plus an optional birth date (1948, 1948-01, 1948-01-23 or 23.01.1948).

import type { PersonQuery } from '../persons/model';

export type SearchForm = Record<string, string>;
export type QueryProblem = 'rules' | 'number-search';

const NAME_WORD = /^[\p{L}-]+$/u;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const NORWEGIAN_DATE = /^(\d{2})\.(\d{2})\.(\d{4})$/;

export function toSearchForm(query: PersonQuery): { form: SearchForm } | { problem: QueryProblem } {
  const words = query.text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 1 && /^\d{6,11}$/.test(words[0])) return { problem: 'number-search' };
  const names: string[] = [];
  let birthDate = query.birthDate && ISO_DATE.test(query.birthDate) ? query.birthDate : undefined;
  for (const word of words) {
    const norwegian = NORWEGIAN_DATE.exec(word);
    if (norwegian) birthDate = `${norwegian[3]}-${norwegian[2]}-${norwegian[1]}`;
    else if (ISO_DATE.test(word)) birthDate = word;
    else if (NAME_WORD.test(word)) names.push(word);
  }
  const letters = names.join('').replace(/[^\p{L}]/gu, '').length;
  const municipality = query.municipality && /^\d{4}$/.test(query.municipality) ? query.municipality : undefined;
  const street = query.street && query.street.replace(/[^\p{L}]/gu, '').length >= 3 ? query.street.trim() : undefined;
  if (letters < 3 || !(birthDate || municipality || street)) return { problem: 'rules' };
  const form: SearchForm = { FullName: names.join(' ') };
  if (birthDate) form.BirthDate = birthDate;
  if (municipality) form.MunicipalityNumber = municipality;
  if (street) form.StreetAddress = street;
  if (query.sex) form.Gender = query.sex === 'female' ? 'Female' : 'Male';
  return { form };
}
