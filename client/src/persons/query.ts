// What the user types in the picker, turned into a PersonQuery. Free words search names and numbers;
// a few filter words narrow the list the way SyntPop's filters do (sex, ID type, age, children,
// registers), in English or Norwegian: `kvinne 50-60 barn flr`, `male age:30-40 hpr dnr`, `-krr` (not in KRR).

import type { PersonQuery, Sex, TestPerson } from './model';

const SEX_WORDS: Record<string, Sex> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  k: 'female',
  kvinne: 'female',
  kvinner: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  mann: 'male',
  menn: 'male',
};
const CHILDREN_WORDS = new Set(['children', 'child', 'kids', 'barn', 'har-barn']);
const ID_TYPE_WORDS: Record<string, 'fnr' | 'dnr'> = {
  fnr: 'fnr',
  fødselsnummer: 'fnr',
  fodselsnummer: 'fnr',
  dnr: 'dnr',
  'd-nummer': 'dnr',
  dnummer: 'dnr',
  'd-number': 'dnr',
};
const REGISTERS = ['hpr', 'krr', 'flr'] as const;

/** Parses the picker's text. Words it does not know stay in `text` for the name/number search. */
export function parseQuery(input: string): PersonQuery {
  const query: PersonQuery = { text: '' };
  const rest: string[] = [];
  for (const raw of input.trim().split(/\s+/).filter(Boolean)) {
    const word = raw.toLowerCase();
    const negated = word.startsWith('-') && word.length > 1 && !/^-\d/.test(word);
    const bare = negated ? word.slice(1) : word;
    const age = /^(?:age:|alder:)?(\d{1,3})?-(\d{1,3})?$/.exec(word);
    const sex = /^(?:sex:|kjønn:)?(.+)$/.exec(word)![1];
    if (SEX_WORDS[sex] && (word.includes(':') || sex.length > 1)) query.sex = SEX_WORDS[sex];
    else if (age && (age[1] || age[2])) {
      if (age[1]) query.minAge = Number(age[1]);
      if (age[2]) query.maxAge = Number(age[2]);
    } else if (/^(?:age:|alder:)\d{1,3}$/.test(word)) {
      query.minAge = query.maxAge = Number(word.split(':')[1]);
    } else if (CHILDREN_WORDS.has(bare)) query.hasChildren = !negated;
    else if (!negated && ID_TYPE_WORDS[word]) query.idType = ID_TYPE_WORDS[word];
    else if ((REGISTERS as readonly string[]).includes(bare)) query[bare as (typeof REGISTERS)[number]] = !negated;
    else rest.push(raw);
  }
  query.text = rest.join(' ');
  return query;
}

/** Age in whole years on `today` (ISO dates). */
export function ageOn(birthDate: string, today: string): number {
  const [y, m, d] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/** Folds case and diacritics so `miljogift` finds MILJØGIFT. */
function fold(s: string): string {
  return s.toLowerCase().replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/å/g, 'a').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Whether a person answers the query. A filter excludes persons whose fact it asks about is unknown. */
export function matches(person: TestPerson, query: PersonQuery, today: string): boolean {
  for (const word of query.text.split(/\s+/).filter(Boolean)) {
    const found = /^\d+$/.test(word) ? person.nin.includes(word) : fold(person.name).includes(fold(word));
    if (!found) return false;
  }
  if (query.sex && person.sex !== query.sex) return false;
  if (query.minAge !== undefined || query.maxAge !== undefined) {
    if (!person.birthDate) return false;
    const age = ageOn(person.birthDate, today);
    if (age < (query.minAge ?? 0) || age > (query.maxAge ?? Infinity)) return false;
  }
  if (query.hasChildren !== undefined && (person.children === undefined || person.children > 0 !== query.hasChildren)) return false;
  // A D-number's day is raised by 40: its first digit is 4–7.
  if (query.idType && (Number(person.nin[0]) >= 4 ? 'dnr' : 'fnr') !== query.idType) return false;
  for (const r of REGISTERS) {
    const wanted = query[r];
    if (wanted !== undefined && (person.registers?.[r] ?? undefined) !== wanted) return false;
  }
  return true;
}
