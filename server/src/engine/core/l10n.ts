// The engine's own sentences in English and Norwegian bokmål. Rule texts live in the rule data.
// (The editor-facing strings of the extension use @vscode/l10n; the engine has no editor.)

import type { Language } from './types';
import { fill } from '../../../../shared/fill';

const STRINGS = {
  retiredOn: { en: 'Retired on {0}.', nb: 'Utgår {0}.' },
  retiredSince: { en: 'Retired since {0}.', nb: 'Utgått siden {0}.' },
  enforcedFrom: { en: 'Enforced from {0}.', nb: 'Håndheves fra {0}.' },
  enforcedSince: { en: 'Enforced since {0}.', nb: 'Håndheves siden {0}.' },
  unverified: { en: '(UNVERIFIED: no public NHN source confirms this.)', nb: '(UVERIFISERT: ingen offentlig NHN-kilde bekrefter dette.)' },
  replaceWith: { en: 'Replace with {0}', nb: 'Erstatt med {0}' },
  fixAllInFile: { en: 'Fix all {0} in this file', nb: 'Rett alle {0} i denne filen' },
  fixAllNhn: { en: 'Fix all NHN findings in this file', nb: 'Rett alle NHN-funn i denne filen' },
  openSource: { en: 'Open the source of rule {0}', nb: 'Åpne kilden til regel {0}' },
  replacement: { en: 'Replacement', nb: 'Erstatning' },
  source: { en: 'Source', nb: 'Kilde' },
  announced: { en: 'Announced', nb: 'Varslet' },
  deadline: { en: 'Deadline', nb: 'Frist' },
  confidence: { en: 'Confidence', nb: 'Sikkerhet' },
  checkFailed: { en: 'Check {0} failed on this file: {1}', nb: 'Kontrollen {0} feilet på denne filen: {1}' },
  fileTooLarge: {
    en: 'File is {0} MB, above the limit of {1} MB (nhn.maxFileSize): not checked.',
    nb: 'Filen er {0} MB, over grensen på {1} MB (nhn.maxFileSize): ikke kontrollert.',
  },
  binaryFile: { en: 'Binary file: not checked.', nb: 'Binærfil: ikke kontrollert.' },
  ignoreOnLine: { en: 'Ignore {0} on this line', nb: 'Ignorer {0} på denne linjen' },
  ignoreInFile: { en: 'Ignore {0} in this file', nb: 'Ignorer {0} i denne filen' },
  removeSuppression: { en: 'Remove the unused suppression', nb: 'Fjern den ubrukte undertrykkingen' },
  allRules: { en: 'all rules', nb: 'alle regler' },
  tooManyHits: {
    en: 'More than {0} hits of {1} in this file: the rest are not reported.',
    nb: 'Mer enn {0} treff på {1} i denne filen: resten rapporteres ikke.',
  },
  inBase64Payload: { en: 'In the base64 payload', nb: 'I base64-innholdet' },
  embeddedLimit: {
    en: 'More than {0} findings in this base64 payload: the rest are not reported.',
    nb: 'Mer enn {0} funn i dette base64-innholdet: resten rapporteres ikke.',
  },
  unusedSuppression: { en: 'This suppression of {0} suppresses nothing.', nb: 'Denne undertrykkingen av {0} undertrykker ingenting.' },
  ninKind_fnr: { en: 'fødselsnummer', nb: 'fødselsnummer' },
  ninKind_dnr: { en: 'D-number', nb: 'D-nummer' },
  ninKind_hnr: { en: 'H-number or NAV Dolly number', nb: 'H-nummer eller NAV Dolly-nummer' },
  ninKind_tenor: { en: 'Tenor synthetic number', nb: 'syntetisk Tenor-nummer' },
  'ninKind_tenor-dnr': { en: 'Tenor synthetic D-number', nb: 'syntetisk Tenor-D-nummer' },
  ninKind_syntpop: { en: 'SyntPop reserved number', nb: 'reservert SyntPop-nummer' },
  'ninKind_syntpop-dnr': { en: 'SyntPop reserved D-number', nb: 'reservert SyntPop-D-nummer' },
  ninKind_invalid: { en: 'not a valid identity number', nb: 'ikke et gyldig identitetsnummer' },
  ninAbout: { en: '{0}, born {1}, {2}', nb: '{0}, født {1}, {2}' },
  ninSex_female: { en: 'female', nb: 'kvinne' },
  ninSex_male: { en: 'male', nb: 'mann' },
  ninSex_unknown: { en: 'sex not given', nb: 'kjønn ikke angitt' },
  ninReplaceSynthetic: {
    en: 'Replace with a synthetic number of the same birth date and sex ({0}; may not exist in SyntPop)',
    nb: 'Erstatt med et syntetisk nummer med samme fødselsdato og kjønn ({0}; finnes kanskje ikke i SyntPop)',
  },
  ninReplacePerson: { en: 'Replace with a SyntPop person…', nb: 'Erstatt med en SyntPop-person…' },
} satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof STRINGS;

export function t(lang: Language, key: MessageKey, ...args: (string | number)[]): string {
  return fill(STRINGS[key][lang], args);
}
