// The engine core's own sentences (dates, fix titles, skipped files, suppressions, identity numbers) in
// the product's message catalogue (shared/messages.ts). Rule texts live in the rule data.

import { defineMessages, type MessageKey as KeyOf } from '../../../../shared/messages';

export const coreMessages = defineMessages('core', {
  'retired-on': { en: 'Retired on {0}.', nb: 'Utgår {0}.' },
  'retired-since': { en: 'Retired since {0}.', nb: 'Utgått siden {0}.' },
  'enforced-from': { en: 'Enforced from {0}.', nb: 'Håndheves fra {0}.' },
  'enforced-since': { en: 'Enforced since {0}.', nb: 'Håndheves siden {0}.' },
  unverified: { en: '(UNVERIFIED: no public NHN source confirms this.)', nb: '(UVERIFISERT: ingen offentlig NHN-kilde bekrefter dette.)' },
  'replace-with': { en: 'Replace with {0}', nb: 'Erstatt med {0}' },
  'fix-all-in-file': { en: 'Fix all {0} in this file', nb: 'Rett alle {0} i denne filen' },
  'fix-all-nhn': { en: 'Fix all NHN findings in this file', nb: 'Rett alle NHN-funn i denne filen' },
  'open-source': { en: 'Open the source of rule {0}', nb: 'Åpne kilden til regel {0}' },
  replacement: { en: 'Replacement', nb: 'Erstatning' },
  source: { en: 'Source', nb: 'Kilde' },
  announced: { en: 'Announced', nb: 'Varslet' },
  deadline: { en: 'Deadline', nb: 'Frist' },
  confidence: { en: 'Confidence', nb: 'Sikkerhet' },
  'check-failed': { en: 'Check {0} failed on this file: {1}', nb: 'Kontrollen {0} feilet på denne filen: {1}' },
  'file-too-large': {
    en: 'File is {0} MB, above the limit of {1} MB (nhn.maxFileSize): not checked.',
    nb: 'Filen er {0} MB, over grensen på {1} MB (nhn.maxFileSize): ikke kontrollert.',
  },
  'binary-file': { en: 'Binary file: not checked.', nb: 'Binærfil: ikke kontrollert.' },
  'ignore-on-line': { en: 'Ignore {0} on this line', nb: 'Ignorer {0} på denne linjen' },
  'ignore-in-file': { en: 'Ignore {0} in this file', nb: 'Ignorer {0} i denne filen' },
  'remove-suppression': { en: 'Remove the unused suppression', nb: 'Fjern den ubrukte undertrykkingen' },
  'all-rules': { en: 'all rules', nb: 'alle regler' },
  'too-many-hits': {
    en: 'More than {0} hits of {1} in this file: the rest are not reported.',
    nb: 'Mer enn {0} treff på {1} i denne filen: resten rapporteres ikke.',
  },
  'in-base64-payload': { en: 'In the base64 payload', nb: 'I base64-innholdet' },
  'embedded-limit': {
    en: 'More than {0} findings in this base64 payload: the rest are not reported.',
    nb: 'Mer enn {0} funn i dette base64-innholdet: resten rapporteres ikke.',
  },
  'unused-suppression': { en: 'This suppression of {0} suppresses nothing.', nb: 'Denne undertrykkingen av {0} undertrykker ingenting.' },
  'nin-kind-fnr': { en: 'fødselsnummer', nb: 'fødselsnummer' },
  'nin-kind-dnr': { en: 'D-number', nb: 'D-nummer' },
  'nin-kind-hnr': { en: 'H-number or NAV Dolly number', nb: 'H-nummer eller NAV Dolly-nummer' },
  'nin-kind-tenor': { en: 'Tenor synthetic number', nb: 'syntetisk Tenor-nummer' },
  'nin-kind-tenor-dnr': { en: 'Tenor synthetic D-number', nb: 'syntetisk Tenor-D-nummer' },
  'nin-kind-syntpop': { en: 'SyntPop reserved number', nb: 'reservert SyntPop-nummer' },
  'nin-kind-syntpop-dnr': { en: 'SyntPop reserved D-number', nb: 'reservert SyntPop-D-nummer' },
  'nin-kind-invalid': { en: 'not a valid identity number', nb: 'ikke et gyldig identitetsnummer' },
  'nin-about': { en: '{0}, born {1}, {2}', nb: '{0}, født {1}, {2}' },
  'nin-sex-female': { en: 'female', nb: 'kvinne' },
  'nin-sex-male': { en: 'male', nb: 'mann' },
  'nin-sex-unknown': { en: 'sex not given', nb: 'kjønn ikke angitt' },
  'nin-replace-synthetic': {
    en: 'Replace with a synthetic number of the same birth date and sex ({0}; may not exist in SyntPop)',
    nb: 'Erstatt med et syntetisk nummer med samme fødselsdato og kjønn ({0}; finnes kanskje ikke i SyntPop)',
  },
  'nin-replace-person': { en: 'Replace with a SyntPop person…', nb: 'Erstatt med en SyntPop-person…' },
});

export type MessageKey = KeyOf<typeof coreMessages>;

/** The core table's lookup: `t(lang, 'retired-on', date)`. */
export const t = coreMessages.text;
