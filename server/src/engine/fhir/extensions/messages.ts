// The extension hover's labels in the product's message catalogue.

import { defineMessages, type MessageKey } from '../../../../../shared/messages';

export const extensionMessages = defineMessages('fhir-extensions', {
  extension: { en: 'Extension', nb: 'Utvidelse' },
  modifier: { en: 'Modifier extension', nb: 'Modifikatorutvidelse' },
  value: { en: 'Value', nb: 'Verdi' },
  'no-value': { en: 'no value: a complex extension', nb: 'ingen verdi: en kompleks utvidelse' },
  parts: { en: 'Parts', nb: 'Deler' },
  context: { en: 'Used on', nb: 'Brukes på' },
  'not-found': {
    en: 'No definition found (R4, workspace, nhn.fhir.packagePaths, ~/.fhir/packages)',
    nb: 'Ingen definisjon funnet (R4, arbeidsområdet, nhn.fhir.packagePaths, ~/.fhir/packages)',
  },
});

export type ExtensionMessage = MessageKey<typeof extensionMessages>;
