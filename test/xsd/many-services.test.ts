// libxml2 holds its input callbacks in one table of 15 per module instance, and none can be removed on its
// own. Every LibxmlXsdService in a process must still read its own in-memory files, however many there
// were before it: the 16th once read "No such file" for every import.

import { describe, expect, it } from 'vitest';
import { LibxmlXsdService } from '../../server/src/engine/xsd/libxml';

/** A schema whose root element `doc` has the type that the imported /types.xsd gives `t:Value`. */
const main = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:t="urn:example:types" targetNamespace="urn:example:doc" elementFormDefault="qualified">
  <xs:import namespace="urn:example:types" schemaLocation="/types.xsd"/>
  <xs:element name="doc" type="t:Value"/>
</xs:schema>`;
const types = (base: string) => `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:example:types">
  <xs:simpleType name="Value"><xs:restriction base="xs:${base}"/></xs:simpleType>
</xs:schema>`;

describe('LibxmlXsdService, many in one process', () => {
  it('each of 40 services compiles and validates against its own files at the same paths', () => {
    const services = Array.from({ length: 40 }, (_, i) => {
      const service = new LibxmlXsdService();
      const compiled = service.compileNow('set', { entry: '/main.xsd', files: { '/main.xsd': main, '/types.xsd': types(i % 2 ? 'integer' : 'boolean') } });
      expect(compiled, `service ${i}`).toMatchObject({ ok: true, issues: [] });
      return service;
    });
    // Interleaved, so that a service reading another's /types.xsd would get the other type.
    const word = '<doc xmlns="urn:example:doc">true</doc>';
    const number = '<doc xmlns="urn:example:doc">42</doc>';
    services.forEach((service, i) => {
      const good = i % 2 ? number : word;
      const bad = i % 2 ? word : number;
      expect(service.validateNow('set', undefined, good, '/doc.xml').issues, `service ${i}`).toEqual([]);
      expect(
        service
          .validateNow('set', undefined, bad, '/doc.xml')
          .issues.map((x) => x.message)
          .join(),
        `service ${i}`,
      ).toMatch(i % 2 ? /'true' is not a valid value of the atomic type '\{urn:example:types\}Value'/ : /'42' is not a valid value/);
    });
  });
});
