// The language server's own sentences (work-done progress, refusals) in the product's message catalogue.

import { defineMessages } from '../../../shared/messages';

export const lspMessages = defineMessages('lsp', {
  'download-all-title': { en: 'Downloading NHN schemas', nb: 'Laster ned NHN-skjemaer' },
  'download-all-untrusted': {
    en: 'The workspace is not trusted: no schemas are downloaded.',
    nb: 'Arbeidsområdet er ikke klarert: ingen skjemaer lastes ned.',
  },
  'download-all-no-cache': { en: 'This editor gave the server no cache folder.', nb: 'Redigeringsprogrammet ga ikke serveren noen cache-mappe.' },
  'code-lists-not-loaded': {
    en: 'NHN: {0} code list(s) could not be loaded: {1}. See the NHN output for details.',
    nb: 'NHN: {0} kodeverk kunne ikke lastes inn: {1}. Se NHN-utdataene for detaljer.',
  },
});
