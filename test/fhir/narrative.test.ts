// Narrative XHTML: allowed elements, no active content, XML entities only (JSON), the XHTML
// namespace (JSON), some content (txt-2); exact ranges on the tag or entity, JSON and XML alike.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';

const narrative = (fs: Awaited<ReturnType<typeof fhirFindings>>) => fs.filter((f) => f.ruleId === 'fhir/narrative');
const json = (div: string) => JSON.stringify({ resourceType: 'Patient', text: { status: 'generated', div } });
const xml = (div: string) => `<Patient xmlns="http://hl7.org/fhir"><text><status value="generated"/>${div}</text></Patient>`;
const NS = 'xmlns="http://www.w3.org/1999/xhtml"';

describe('narrative XHTML', () => {
  it('basic HTML with a table, an image and a link is clean', async () => {
    const div = `<div ${NS}><p>Kari <b>Nordmann</b> &amp; co</p><table><tr><td>1</td></tr></table><img src="#x" alt="x"/><a href="https://www.nhn.no">NHN</a></div>`;
    expect(narrative(await fhirFindings(json(div)))).toEqual([]);
    expect(narrative(await fhirFindings(xml(div), 'xml'))).toEqual([]);
  });

  it('a script element and an event attribute: active content (txt-1), on the tag and the attribute', async () => {
    const div = `<div ${NS}><p onclick="steal()">Hei</p><script>alert(1)</script></div>`;
    for (const [text, lang] of [
      [json(div.replace(/"/g, '\\"').replace(/\\"/g, '"')), 'json'],
      [xml(div), 'xml'],
    ] as const) {
      expect(narrative(await fhirFindings(text, lang)).map(seen)).toEqual([
        {
          rule: 'fhir/narrative',
          range: rangeOf(text, 'onclick'),
          message: "Patient.text.div: 'onclick' on <p> is active content, not allowed in a narrative (txt-1)",
        },
        {
          rule: 'fhir/narrative',
          range: rangeOf(text, '<script'),
          message: 'Patient.text.div: <script> is not allowed in a narrative (basic HTML only, txt-1)',
        },
      ]);
    }
  });

  it('JSON: an HTML entity that XML does not declare, and a div without the XHTML namespace', async () => {
    const text = json('<div>Kari&nbsp;Nordmann</div>');
    expect(narrative(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/narrative',
        range: rangeOf(text, '<div'),
        message: 'Patient.text.div: the div must be in the XHTML namespace (xmlns="http://www.w3.org/1999/xhtml")',
      },
      {
        rule: 'fhir/narrative',
        range: rangeOf(text, '&nbsp;'),
        message: 'Patient.text.div: &nbsp; is not an XML entity (the narrative is XHTML: use the character or &#…;)',
      },
    ]);
  });

  it('an empty narrative (txt-2)', async () => {
    const text = xml(`<div ${NS}>  <p> </p></div>`);
    expect(narrative(await fhirFindings(text, 'xml')).map((f) => f.message)).toEqual([
      'Patient.text.div: the narrative has no content (txt-2: some non-whitespace content is required)',
    ]);
  });
});
