// The KITH feature's own sentences (hovers, fix titles, finding details) in English and Norwegian bokmål.
// Rule texts live in server/rules/kith.yaml.

import { defineMessages, type MessageKey } from '../../../../shared/messages';

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
});

export type KithMessage = MessageKey<typeof kithMessages>;

export const kithMessage = kithMessages.text;
