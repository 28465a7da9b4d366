// What the live source says in the picker, in English and bokmål. Parameters are never secret.

import { defineMessages, type MessageKey } from '../../../shared/messages';

export const liveMessages = defineMessages('persontjenesten', {
  rules: {
    en: 'Persontjenesten needs a name of at least 3 letters plus a birth date (1948, 1948-01 or 1948-01-23), a municipality number (4 digits) or a street name (3+ letters). Try e.g. "lukt 1948".',
    nb: 'Persontjenesten trenger et navn på minst 3 bokstaver pluss fødselsdato (1948, 1948-01 eller 1948-01-23), kommunenummer (4 sifre) eller gatenavn (3+ bokstaver). Prøv f.eks. «lukt 1948».',
  },
  'number-search': {
    en: 'Live search finds persons by name; a number is looked up in the local lists only.',
    nb: 'Live-søket finner personer etter navn; et nummer slås bare opp i de lokale listene.',
  },
  'network-off': {
    en: 'Live search is off: it contacts NHN only when the setting nhn.allowDownloads is on.',
    nb: 'Live-søket er av: det kontakter NHN bare når innstillingen nhn.allowDownloads er på.',
  },
  'production-refused': {
    en: 'Live person search runs against the HelseID test environment only; set nhn.helseid.environment to "test".',
    nb: 'Live-søk etter personer går bare mot HelseIDs testmiljø; sett nhn.helseid.environment til «test».',
  },
  rejected: {
    en: 'Persontjenesten refused the search: {0}',
    nb: 'Persontjenesten avviste søket: {0}',
  },
  partial: {
    en: '{0} persons found before the search stopped: {1}',
    nb: '{0} personer funnet før søket stoppet: {1}',
  },
  failed: {
    en: 'Live search failed ({0}).',
    nb: 'Live-søket feilet ({0}).',
  },
});

export type LiveMessageCode = MessageKey<typeof liveMessages>;

export const liveMessage = liveMessages.text;
