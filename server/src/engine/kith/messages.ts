// The KITH feature's own sentences (hovers, fix titles, finding details) in English and Norwegian bokmål.
// Rule texts live in server/rules/kith.yaml.

import type { Language } from '../core/types';
import { fill } from '../../../../shared/fill';

const MESSAGES = {
  builtin: { en: "the product's built-in list", nb: 'produktets innebygde kodeverk' },
  'volven-xml': { en: 'a Volven export (XML) at {0}', nb: 'en Volven-eksport (XML) i {0}' },
  'volven-csv': { en: 'a Volven export (CSV) at {0}', nb: 'en Volven-eksport (CSV) i {0}' },
  'fhir-codesystem': { en: 'a FHIR CodeSystem at {0}', nb: 'et FHIR CodeSystem i {0}' },
  complete: { en: 'complete', nb: 'komplett' },
  partial: { en: 'partial: only some of its codes are known', nb: 'delvis: bare noen av kodene er kjent' },
  judge: { en: '{0} ({1})', nb: '{0} ({1})' },
  listLabel: { en: 'list {0} "{1}"', nb: 'kodeverk {0} «{1}»' },
  oneOf: { en: '{0}', nb: '{0}' },
  or: { en: ' or ', nb: ' eller ' },
  didYouMean: { en: 'Did you mean {0}?', nb: 'Mente du {0}?' },
  swap: { en: 'Swap V and S', nb: 'Bytt om V og S' },
  setSystem: { en: 'Set S to {0}', nb: 'Sett S til {0}' },
  setDisplay: { en: 'Set DN to "{0}"', nb: 'Sett DN til «{0}»' },
  setMigVersion: { en: 'Set MIGversion to "{0}"', nb: 'Sett MIGversion til «{0}»' },
  hoverList: { en: 'Code list {0}: **{1}**', nb: 'Kodeverk {0}: **{1}**' },
  hoverCode: { en: '`{0}`: {1}', nb: '`{0}`: {1}' },
  hoverCodeEn: { en: '`{0}`: {1} (Norwegian: {2})', nb: '`{0}`: {2}' },
  hoverNotInList: { en: '`{0}` is not among the codes known for this list.', nb: '`{0}` er ikke blant kodene som er kjent for dette kodeverket.' },
  hoverSource: { en: 'Judged by {0}, {1}.', nb: 'Vurdert mot {0}, {1}.' },
  hoverUnknownList: { en: 'Code list {0}: not known to the product (load it with nhn.codeLists.paths or --code-lists).', nb: 'Kodeverk {0}: ikke kjent for produktet (last det inn med nhn.codeLists.paths eller --code-lists).' },
  hoverExpected: { en: 'This element expects {0}.', nb: 'Dette elementet forventer {0}.' },
  missingOriginal: { en: 'OriginalMsgId is missing.', nb: 'OriginalMsgId mangler.' },
  missingOriginalPart: { en: 'OriginalMsgId has no {0}.', nb: 'OriginalMsgId mangler {0}.' },
  originalNotUuid: { en: 'OriginalMsgId/Id "{0}" is not a UUID.', nb: 'OriginalMsgId/Id «{0}» er ikke en UUID.' },
  orgLength: { en: 'it must have 9 digits', nb: 'det må ha 9 sifre' },
  orgCheckDigit: { en: 'the check digit (mod 11) is wrong', nb: 'kontrollsifferet (mod 11) er feil' },
  none: { en: 'no', nb: 'ingen' },
  sender: { en: 'Sender', nb: 'Sender' },
  receiver: { en: 'Receiver', nb: 'Receiver' },
} satisfies Record<string, Record<Language, string>>;

export type KithMessage = keyof typeof MESSAGES;

export function kithMessage(lang: Language, key: KithMessage, ...args: (string | number)[]): string {
  return fill(MESSAGES[key][lang], args);
}
