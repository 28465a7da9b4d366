// A real-file miss (issue 19): a KITH message inside an envelope that is not NHN's (a SOAP envelope, a
// vendor's wrapper) was validated silently, so a reader could not tell the envelope had not been. Now
// one notice on the envelope names what was validated (each message, by name and line) and what was not.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, instance, nameAfter, xsdFindings } from './helpers';

function body(name: string): string {
  return instance(name).text.replace(/^<\?xml[^>]*>\n<!--[^>]*-->\n/, '');
}

const soap = (...parts: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">\n<soap:Header><v:Routing xmlns:v="urn:example:vendor:routing" to="8142520"/></soap:Header>\n<soap:Body>\n${parts.join('')}</soap:Body>\n</soap:Envelope>\n`;
const file = path.join(FIXTURES, '../wrapped-soap.xml');

describe('a KITH message inside a SOAP envelope', () => {
  it('one notice on the envelope: the messages validated, by line; the envelope and the vendor header not', async () => {
    const text = soap(body('dialog-1.1-valid.xml'), body('dialog-1.1-valid.xml'));
    const found = await xsdFindings(text, file);
    const notices = found.filter((f) => f.ruleId === 'xsd/wrapped');
    expect(notices).toHaveLength(1);
    const [n] = notices;
    expect(n.severity).toBe('info');
    expect(n.range).toEqual(nameAfter(text, '<soap:Envelope'));
    const lines = [...text.matchAll(/<MsgHead\b/g)].map((m) => text.slice(0, m.index).split('\n').length);
    expect(n.message).toBe(
      `This document wraps its message(s) in <soap:Envelope> (http://schemas.xmlsoap.org/soap/envelope/), which has no schema here. ` +
        `Validated against their schemas: MsgHead 1.2 <MsgHead> at line ${lines[0]}, MsgHead 1.2 <MsgHead> at line ${lines[1]}. ` +
        `Not validated: the envelope <soap:Envelope> and everything outside the validated parts; urn:example:vendor:routing (no XSD).`,
    );
    // The messages themselves are valid: the notice is the only finding.
    expect(found.map((f) => f.ruleId)).toEqual(['xsd/wrapped']);
  });

  it('errors inside the message are still reported where they are, beside the notice; in Norwegian too', async () => {
    const text = soap(body('dialog-1.1-invalid.xml'));
    const found = await xsdFindings(text, file, undefined, 'nb');
    expect(found.filter((f) => f.ruleId === 'xsd/wrapped').map((f) => f.message)).toEqual([
      expect.stringMatching(
        /^Dokumentet pakker meldingen\(e\) inn i <soap:Envelope> .* Validert mot sine skjemaer: MsgHead 1\.2 <MsgHead> på linje 5\. Ikke validert: konvolutten <soap:Envelope>/,
      ),
    ]);
    expect(found.some((f) => f.ruleId === 'xsd/fixed-value')).toBe(true);
  });

  it('no notice for a message that is its own root, nor for an envelope with no message that has a schema', async () => {
    expect((await xsdFindings(instance('dialog-1.1-valid.xml').text, file)).filter((f) => f.ruleId === 'xsd/wrapped')).toEqual([]);
    expect((await xsdFindings(soap('<x xmlns="urn:example:other"/>'), file)).filter((f) => f.ruleId === 'xsd/wrapped')).toEqual([]);
  });
});
