// Misses found on real files (issue 19): identity numbers the free-text scan did not see. Each case is
// a file as generators and people write it, with a made-up number that has valid check digits.

import { describe, expect, it } from 'vitest';
import { findingsFor } from '../helpers/engine';
import { makeNin } from '../helpers/nin';

const NIN = makeNin(17, 3, 81, 402);
const MASKED = `${NIN.slice(0, 6)}*****`;

const ninFindings = async (text: string, lang: string) => (await findingsFor(text, lang)).filter((f) => f.ruleId.startsWith('nin/'));

describe('an identity number inside a FHIR narrative (text.div)', () => {
  // Generated narrative renders an identifier as system#value.
  const json = JSON.stringify(
    {
      resourceType: 'Patient',
      id: 'p1',
      text: {
        status: 'generated',
        div: `<div xmlns="http://www.w3.org/1999/xhtml"><p><b>identifier</b>: urn:oid:2.16.578.1.12.4.1.4.1#${NIN}</p><p>Fødselsnummer#${NIN}</p></div>`,
      },
      name: [{ family: 'Test' }],
    },
    null,
    2,
  );
  const xml = `<Patient xmlns="http://hl7.org/fhir"><id value="p1"/><text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml"><p>identifier: http://hl7.no/fhir/NamingSystem/FNR#${NIN}</p></div></text></Patient>`;

  it('is found in JSON, each occurrence, masked in the message', async () => {
    const found = await ninFindings(json, 'json');
    expect(found.map((f) => f.ruleId)).toEqual(['nin/possibly-real-person', 'nin/possibly-real-person']);
    for (const f of found) {
      expect(f.message).toContain(MASKED);
      expect(f.message).not.toContain(NIN);
    }
  });

  it('is found in XML', async () => {
    expect((await ninFindings(xml, 'xml')).map((f) => f.ruleId)).toEqual(['nin/possibly-real-person']);
  });

  it('but `#` at a line start or after a space is still an issue reference or a hash', async () => {
    expect(await ninFindings(`fixed in #${NIN}\n#${NIN}\n`, 'markdown')).toEqual([]);
  });
});

describe('an identity number directly followed by `_`', () => {
  it('is found in an example e-mail address and a file name', async () => {
    const text = `contact: ${NIN}_test@example.invalid\nattachment = "${NIN}_journal.pdf"\n`;
    expect((await ninFindings(text, 'yaml')).map((f) => f.ruleId)).toEqual(['nin/possibly-real-person', 'nin/possibly-real-person']);
  });

  it('but not when the number is the tail of an identifier (`user_<number>`)', async () => {
    expect(await ninFindings(`user_${NIN}_x = 1`, 'python')).toEqual([]);
  });
});
