// The picker's own sentences in English and bokmål (pure, so the logic is tested without VS Code;
// the VS Code UI's fixed labels use vscode.l10n).

import { fill } from '../../../shared/fill';

export type Language = 'en' | 'nb';

const MESSAGES = {
  'team-yaml': { en: '{file}:{line}: not valid YAML: {detail}', nb: '{file}:{line}: ikke gyldig YAML: {detail}' },
  'team-json': { en: '{file}: not valid JSON: {detail}', nb: '{file}: ikke gyldig JSON: {detail}' },
  'team-schema': { en: '{file}:{line}: {where} {detail}', nb: '{file}:{line}: {where} {detail}' },
  'team-not-nin': {
    en: '{file}:{line}: persons[{index}] ({masked}) is not a valid identity number: {detail}',
    nb: '{file}:{line}: persons[{index}] ({masked}) er ikke et gyldig identitetsnummer: {detail}',
  },
  'team-not-synthetic': {
    en: '{file}:{line}: persons[{index}] ({masked}) is not synthetic (month + 65 or + 80): a PREG or real person has no place in a test-person list',
    nb: '{file}:{line}: persons[{index}] ({masked}) er ikke syntetisk (måned + 65 eller + 80): en PREG-person eller ekte person hører ikke hjemme i en testpersonliste',
  },
  'team-mismatch': {
    en: '{file}:{line}: persons[{index}] ({masked}): {field} {given} does not match the number ({derived})',
    nb: '{file}:{line}: persons[{index}] ({masked}): {field} {given} stemmer ikke med nummeret ({derived})',
  },
  'team-duplicate': {
    en: '{file}:{line}: persons[{index}] ({masked}) is listed twice (first as persons[{first}])',
    nb: '{file}:{line}: persons[{index}] ({masked}) står to ganger (først som persons[{first}])',
  },
  'problem-check-digits': { en: 'wrong check digits', nb: 'feil kontrollsiffer' },
  'problem-date': { en: 'no possible birth date', nb: 'ingen mulig fødselsdato' },
  'problem-format': { en: 'not 11 digits', nb: 'ikke 11 sifre' },
  'source-failed': { en: '{source}: {detail}', nb: '{source}: {detail}' },
  'live-fallback': {
    en: 'Live search: {detail} Showing the local test persons.',
    nb: 'Live-søk: {detail} Viser de lokale testpersonene.',
  },
  'label-catalog': { en: 'SyntPop catalog', nb: 'SyntPop-katalog' },
  'label-team': { en: 'team file', nb: 'teamfil' },
  'label-live': { en: 'Persontjenesten', nb: 'Persontjenesten' },
} satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof MESSAGES;

export function message(code: MessageCode, language: Language, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[code][language], params);
}
