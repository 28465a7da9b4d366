// The KITH feature's own sentences (hovers, fix titles, finding details) in English and Norwegian bokmål.
// Rule texts live in server/rules/kith.yaml.

import { defineMessages, type Language, type MessageKey } from '../../../../shared/messages';
import type { LoadReason } from './user-lists';

export const kithMessages = defineMessages('kith', {
  builtin: { en: "the product's built-in list", nb: 'produktets innebygde kodeverk' },
  'volven-xml': { en: 'a Volven export (XML) at {0}', nb: 'en Volven-eksport (XML) i {0}' },
  'volven-csv': { en: 'a Volven export (CSV) at {0}', nb: 'en Volven-eksport (CSV) i {0}' },
  'fhir-codesystem': { en: 'a FHIR CodeSystem at {0}', nb: 'et FHIR CodeSystem i {0}' },
  complete: { en: 'complete', nb: 'komplett' },
  partial: { en: 'partial: only some of its codes are known', nb: 'delvis: bare noen av kodene er kjent' },
  judge: { en: '{0} ({1})', nb: '{0} ({1})' },
  'list-label': { en: 'list {0} "{1}"', nb: 'kodeverk {0} «{1}»' },
  or: { en: ' or ', nb: ' eller ' },
  'did-you-mean': { en: 'Did you mean {0}?', nb: 'Mente du {0}?' },
  swap: { en: 'Swap V and S', nb: 'Bytt om V og S' },
  'set-mig-version': { en: 'Set MIGversion to "{0}"', nb: 'Sett MIGversion til «{0}»' },
  'hover-list': { en: 'Code list {0}: **{1}**', nb: 'Kodeverk {0}: **{1}**' },
  'hover-code': { en: '`{0}`: {1}', nb: '`{0}`: {1}' },
  'hover-code-en': { en: '`{0}`: {1} (Norwegian: {2})', nb: '`{0}`: {1} (norsk: {2})' },
  'hover-not-in-list': { en: '`{0}` is not among the codes known for this list.', nb: '`{0}` er ikke blant kodene som er kjent for dette kodeverket.' },
  'hover-source': { en: 'Judged by {0}, {1}.', nb: 'Vurdert mot {0}, {1}.' },
  'hover-unknown-list': {
    en: 'Code list {0}: not known to the product (load it with nhn.codeLists.paths or --code-lists).',
    nb: 'Kodeverk {0}: ikke kjent for produktet (last det inn med nhn.codeLists.paths eller --code-lists).',
  },
  'hover-expected': { en: 'This element expects {0}.', nb: 'Dette elementet forventer {0}.' },
  'missing-original': { en: 'OriginalMsgId is missing.', nb: 'OriginalMsgId mangler.' },
  'missing-original-part': { en: 'OriginalMsgId has no {0}.', nb: 'OriginalMsgId mangler {0}.' },
  'org-length': { en: 'it must have 9 digits', nb: 'det må ha 9 sifre' },
  'org-check-digit': { en: 'the check digit (mod 11) is wrong', nb: 'kontrollsifferet (mod 11) er feil' },
  none: { en: 'no', nb: 'ingen' },
  sender: { en: 'Sender', nb: 'Sender' },
  receiver: { en: 'Receiver', nb: 'Receiver' },
  // A user's code list that could not be loaded: "{file}: code list not loaded: {reason}".
  'list-not-loaded': {
    en: 'code list not loaded: {0}; codes are judged by the built-in lists',
    nb: 'kodeverket ble ikke lastet inn: {0}; kodene vurderes mot de innebygde kodeverkene',
  },
  'load-missing': { en: 'no such file or folder', nb: 'filen eller mappen finnes ikke' },
  'load-unreadable': { en: 'the file cannot be read', nb: 'filen kan ikke leses' },
  'load-empty-folder': { en: 'the folder holds no code-list files (.csv, .xml, .json)', nb: 'mappen inneholder ingen kodeverksfiler (.csv, .xml, .json)' },
  'load-unsupported': { en: 'not a .csv, .xml or .json file', nb: 'ikke en .csv-, .xml- eller .json-fil' },
  'load-malformed-xml': { en: 'not well-formed XML ({0})', nb: 'ikke velformet XML ({0})' },
  'load-malformed-json': { en: 'not valid JSON ({0})', nb: 'ikke gyldig JSON ({0})' },
  'load-not-codesystem': { en: 'JSON, but not a FHIR CodeSystem (resourceType {0})', nb: 'JSON, men ikke et FHIR CodeSystem (resourceType {0})' },
  'load-other-document': { en: 'a {0} document, not a code list', nb: 'et {0}-dokument, ikke et kodeverk' },
  'load-no-oid': {
    en: 'the CodeSystem names no Volven list (an identifier urn:oid:2.16.578.1.12.4.1.1.NNNN or a url ending in no-kodeverk-NNNN)',
    nb: 'CodeSystem-et navngir ikke noe Volven-kodeverk (en identifier urn:oid:2.16.578.1.12.4.1.1.NNNN eller en url som slutter på no-kodeverk-NNNN)',
  },
  'load-no-oid-csv': {
    en: 'the file does not say which list it is (an OID column or field, a title line "NNNN Name", or the list number in the file name)',
    nb: 'filen sier ikke hvilket kodeverk den er (en OID-kolonne eller et OID-felt, en tittellinje «NNNN Navn» eller kodeverksnummeret i filnavnet)',
  },
  'load-no-code-column': {
    en: 'no code column or field (Kode, Kodeverdi, Verdi, Code)',
    nb: 'ingen kolonne eller felt for koden (Kode, Kodeverdi, Verdi, Code)',
  },
  'load-no-codes': { en: 'no codes found in it', nb: 'ingen koder funnet i den' },
});

export type KithMessage = MessageKey<typeof kithMessages>;

export const kithMessage = kithMessages.text;

/** "code list not loaded: <why>" for a user's list that gave nothing. */
export function loadProblemText(lang: Language, problem: { reason: LoadReason; detail?: string }): string {
  return kithMessage(lang, 'list-not-loaded', kithMessage(lang, `load-${problem.reason}`, problem.detail));
}
