// The language server's own sentences (work-done progress, refusals) in the product's message catalogue.

import { defineMessages } from '../../../shared/messages';

export const lspMessages = defineMessages('lsp', {
  'download-all-title': { en: 'Downloading NHN schemas', nb: 'Laster ned NHN-skjemaer' },
  'download-all-untrusted': {
    en: 'The workspace is not trusted: no schemas are downloaded.',
    nb: 'Arbeidsområdet er ikke klarert: ingen skjemaer lastes ned.',
  },
  'download-all-no-cache': { en: 'This editor gave the server no cache folder.', nb: 'Redigeringsprogrammet ga ikke serveren noen cache-mappe.' },
});
