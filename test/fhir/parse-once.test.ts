// The FHIR tree is built once per analyzed document: the FHIR check, kith's organisation-number check
// and the hover participant all read the same parse (issue 14).

import { describe, expect, it } from 'vitest';
import { analyzed } from '../../server/src/engine/core/document';
import { parseFhir } from '../../server/src/engine/fhir/check';
import { fhirJsonToXml } from './to-xml';

const text = JSON.stringify(
  { resourceType: 'Organization', identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.101', value: '974760673' }], name: 'Sykehuset' },
  null,
  2,
);

describe('FHIR parse per analysis', () => {
  it('JSON and XML: every caller of one analyzed document gets the same tree; a new analysis parses anew', () => {
    for (const [languageId, body] of [
      ['json', text],
      ['xml', fhirJsonToXml(text)],
    ] as const) {
      const doc = analyzed({ uri: `file:///t/org.${languageId}`, languageId, text: body });
      const first = parseFhir(doc);
      expect(first?.root.resourceType).toBe('Organization');
      expect(parseFhir(doc)).toBe(first);
      expect(parseFhir(analyzed({ uri: `file:///t/org.${languageId}`, languageId, text: body }))).not.toBe(first);
    }
  });
});
