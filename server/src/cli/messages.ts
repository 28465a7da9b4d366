// The CLI's own sentences (`nhn-lint schemas`) in the product's message catalogue. Findings come from
// the engine's tables; usage text and argument errors stay English, like every command-line tool's.

import { defineMessages } from '../../../shared/messages';

export const cliMessages = defineMessages('cli', {
  'schema-fetched': { en: 'fetched', nb: 'hentet' },
  'schema-cached': { en: 'cached', nb: 'i cache' },
  'schema-failed': { en: 'FAILED', nb: 'FEILET' },
  'schema-missing': { en: 'missing', nb: 'mangler' },
  'schemas-summary': {
    en: '{0} schemas: {1} fetched, {2} already cached, {3} failed — cache {4}',
    nb: '{0} skjemaer: {1} hentet, {2} allerede i cache, {3} feilet — cache {4}',
  },
  'schemas-kept': {
    en: 'the schemas that were fetched are kept; run again to retry the rest',
    nb: 'skjemaene som ble hentet, beholdes; kjør på nytt for å prøve resten',
  },
  'schemas-held': { en: '{0} of {1} pinned schemas cached in {2}', nb: '{0} av {1} festede skjemaer ligger i cache i {2}' },
  'schemas-location': { en: 'kept on first use', nb: 'beholdt ved første bruk' },
});
