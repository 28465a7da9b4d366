// Checks the validator does natively where R4's FHIRPath says less than the reference validator:
// Attachment.size against its data, ref-1 for `#` (a contained resource's reference to its
// container), dom-3 counting narrative references (and a warning, not an error), que-12 as written.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const problems = (fs: Awaited<ReturnType<typeof fhirFindings>>) =>
  fs.filter((f) => f.ruleId.startsWith('fhir/') && (f.severity === 'error' || f.severity === 'warning'));

describe('natively checked rules', () => {
  it('ele-1: a primitive with only an id has neither value nor children (an id is not content)', async () => {
    const xml =
      '<Patient xmlns="http://hl7.org/fhir">\n  <implicitRules id="i1"/>\n  <active id="a1"><extension url="http://hl7.org/fhir/StructureDefinition/data-absent-reason"><valueCode value="unknown"/></extension></active>\n</Patient>';
    expect(problems(await fhirFindings(xml, 'xml')).map(seen)).toEqual([
      { rule: 'fhir/empty-element', range: rangeOf(xml, 'implicitRules'), message: 'Patient.implicitRules: an element must have a value or children' },
    ]);
    const json = '{ "resourceType": "Patient", "_implicitRules": { "id": "i1" } }';
    expect(problems(await fhirFindings(json)).map(seen)).toEqual([
      { rule: 'fhir/empty-element', range: rangeOf(json, '_implicitRules'), message: 'Patient.implicitRules: an element must have a value or children' },
    ]);
  });

  it("que-7: 'exists' with answerBoolean holds (fhirpath.js misreads `answer is boolean`)", async () => {
    const q =
      '{ "resourceType": "Questionnaire", "status": "active", "item": [{ "linkId": "a", "type": "string" }, { "linkId": "b", "type": "string", "enableWhen": [{ "question": "a", "operator": "exists", "answerBoolean": true }] }] }';
    expect(problems(await fhirFindings(q))).toEqual([]);
    expect(problems(await fhirFindings(q.replace('"answerBoolean": true', '"answerString": "x"'))).map((f) => f.message)).toEqual([
      "Questionnaire.item[1].enableWhen[0]: If the operator is 'exists', the value must be a boolean (que-7)",
    ]);
  });

  it('Attachment.size that is not the length of the decoded data', async () => {
    const text =
      '{ "resourceType": "DocumentReference", "status": "current", "content": [{ "attachment": { "contentType": "text/plain", "data": "aGVsbG8=", "size": 6 } }] }';
    expect(problems(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/attachment',
        range: rangeOf(text, '6'),
        message: 'DocumentReference.content[0].attachment.size: the stated size 6 does not match the data, which is 5 bytes',
      },
    ]);
    expect(problems(await fhirFindings(text.replace('"size": 6', '"size": 5')))).toEqual([]);
  });

  it("ref-1: a contained resource may refer to its container with '#'", async () => {
    const text = JSON.stringify({
      resourceType: 'Patient',
      contained: [
        { resourceType: 'Provenance', id: 'p', target: [{ reference: '#' }], recorded: '2026-01-01T10:00:00Z', agent: [{ who: { display: 'Someone' } }] },
      ],
      gender: 'male',
    });
    expect(problems(await fhirFindings(text))).toEqual([]);
    expect(problems(await fhirFindings(fhirJsonToXml(text), 'xml'))).toEqual([]);
    const notContained =
      '{ "resourceType": "Provenance", "target": [{ "reference": "#" }], "recorded": "2026-01-01T10:00:00Z", "agent": [{ "who": { "display": "x" } }] }';
    expect(problems(await fhirFindings(notContained)).map((f) => f.message)).toEqual([
      'Provenance.target[0]: SHALL have a contained resource if a local reference is provided (ref-1)',
    ]);
  });

  it('dom-3: a reference from the narrative counts; an orphan contained resource is a warning', async () => {
    const div = '<div xmlns=\\"http://www.w3.org/1999/xhtml\\"><img src=\\"#img\\" alt=\\"x\\"/></div>';
    const withImg = `{ "resourceType": "Composition", "text": { "status": "generated", "div": "${div}" }, "contained": [{ "resourceType": "Binary", "id": "img", "contentType": "image/png" }], "status": "final", "type": { "text": "x" }, "date": "2026-01-01", "author": [{ "display": "y" }], "title": "z" }`;
    expect(problems(await fhirFindings(withImg))).toEqual([]);
    const orphan = withImg.replace('#img', '#other');
    expect(problems(await fhirFindings(orphan)).map((f) => [f.ruleId, f.severity])).toEqual([['fhir/invariant', 'warning']]);
  });

  it('que-12: more than one enableWhen needs enableBehavior (R4 writes "> 2")', async () => {
    const item = (behavior: string) =>
      `{ "linkId": "c", "type": "string", "enableWhen": [{ "question": "a", "operator": "exists", "answerBoolean": true }, { "question": "b", "operator": "exists", "answerBoolean": true }]${behavior} }`;
    const q = (behavior: string) =>
      `{ "resourceType": "Questionnaire", "status": "active", "item": [{ "linkId": "a", "type": "string" }, { "linkId": "b", "type": "string" }, ${item(behavior)}] }`;
    expect(problems(await fhirFindings(q(''))).map(seen)).toEqual([
      {
        rule: 'fhir/invariant',
        range: { start: rangeOf(q(''), '{ "linkId": "c"').start, end: rangeOf(q(''), 'true }] }').end },
        message: 'Questionnaire.item[2]: If there are more than one enableWhen, enableBehavior must be specified (que-12)',
      },
    ]);
    expect(problems(await fhirFindings(q(', "enableBehavior": "all"')))).toEqual([]);
  });
});
