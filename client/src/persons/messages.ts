// The picker's own sentences in the product's message catalogue (pure, so the logic is tested without
// VS Code; the VS Code UI's fixed labels use vscode.l10n). `{0}` is the team file and `{1}` its line,
// `{2}` the person's index and `{3}` the masked number wherever a sentence is about one person.

import { defineMessages, type Language, type MessageKey } from '../../../shared/messages';

export type { Language };

export const personMessages = defineMessages('persons', {
  'team-yaml': { en: '{0}:{1}: not valid YAML: {2}', nb: '{0}:{1}: ikke gyldig YAML: {2}' },
  'team-json': { en: '{0}: not valid JSON: {2}', nb: '{0}: ikke gyldig JSON: {2}' },
  'team-schema': { en: '{0}:{1}: {2} {3}', nb: '{0}:{1}: {2} {3}' },
  'team-not-nin': {
    en: '{0}:{1}: persons[{2}] ({3}) is not a valid identity number: {4}',
    nb: '{0}:{1}: persons[{2}] ({3}) er ikke et gyldig identitetsnummer: {4}',
  },
  'team-not-synthetic': {
    en: '{0}:{1}: persons[{2}] ({3}) is not synthetic (month + 65 or + 80): a PREG or real person has no place in a test-person list',
    nb: '{0}:{1}: persons[{2}] ({3}) er ikke syntetisk (måned + 65 eller + 80): en PREG-person eller ekte person hører ikke hjemme i en testpersonliste',
  },
  'team-mismatch': {
    en: '{0}:{1}: persons[{2}] ({3}): {4} {5} does not match the number ({6})',
    nb: '{0}:{1}: persons[{2}] ({3}): {4} {5} stemmer ikke med nummeret ({6})',
  },
  'team-duplicate': {
    en: '{0}:{1}: persons[{2}] ({3}) is listed twice (first as persons[{4}])',
    nb: '{0}:{1}: persons[{2}] ({3}) står to ganger (først som persons[{4}])',
  },
  'problem-check-digits': { en: 'wrong check digits', nb: 'feil kontrollsiffer' },
  'problem-date': { en: 'no possible birth date', nb: 'ingen mulig fødselsdato' },
  'problem-format': { en: 'not 11 digits', nb: 'ikke 11 sifre' },
  'source-failed': { en: '{0}: {1}', nb: '{0}: {1}' },
  'live-fallback': {
    en: 'Live search: {0} Showing the local test persons.',
    nb: 'Live-søk: {0} Viser de lokale testpersonene.',
  },
  'label-catalog': { en: 'SyntPop catalog', nb: 'SyntPop-katalog' },
  'label-team': { en: 'team file', nb: 'teamfil' },
  'label-live': { en: 'Persontjenesten', nb: 'Persontjenesten' },
});

export type MessageCode = MessageKey<typeof personMessages>;

export const personText = personMessages.text;
