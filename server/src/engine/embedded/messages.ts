// The embedded-payload hover's sentences in the product's message catalogue.

import { defineMessages, type MessageKey } from '../../../../shared/messages';

export const embeddedMessages = defineMessages('embedded', {
  title: { en: 'Base64 payload', nb: 'Base64-innhold' },
  xml: { en: 'an XML document', nb: 'et XML-dokument' },
  json: { en: 'a JSON document', nb: 'et JSON-dokument' },
  bytes: { en: 'bytes', nb: 'byte' },
  root: { en: 'Root element', nb: 'Rotelement' },
  namespaces: { en: 'Namespaces', nb: 'Navnerom' },
  checked: {
    en: 'Checked like any file; findings inside start with "In the base64 payload".',
    nb: 'Kontrollert som enhver fil; funn inni starter med «I base64-innholdet».',
  },
});

export type EmbeddedMessage = MessageKey<typeof embeddedMessages>;
