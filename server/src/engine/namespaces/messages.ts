// The namespace feature's sentences (catalog status and hover labels) in the product's message catalogue.

import { defineMessages, type Language } from '../../../../shared/messages';
import type { NamespaceEntry } from './catalog';

export const namespaceMessages = defineMessages('namespaces', {
  'status-current': { en: 'current', nb: 'gjeldende' },
  'status-superseded': { en: 'superseded by a newer version', nb: 'erstattet av en nyere versjon' },
  'status-outdated': { en: 'outdated', nb: 'utdatert' },
  successor: { en: 'Newest', nb: 'Nyeste' },
  release: { en: 'e-resept release', nb: 'e-resept-versjon' },
  docs: { en: 'Documentation', nb: 'Dokumentasjon' },
});

/** A catalog status in words: `current`, `superseded by a newer version`, `outdated`. */
export const statusText = (status: NamespaceEntry['status'], lang: Language): string => namespaceMessages.text(lang, `status-${status}`);
