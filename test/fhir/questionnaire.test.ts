// QuestionnaireResponse against its Questionnaire (in the same Bundle, contained, or not found):
// linkIds, required items, repeats, enableWhen, answer types, options, min/max values and lengths,
// UCUM-aware quantity limits; JSON and XML alike; English and Norwegian messages.

import { describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

// Errors and warnings only (the SDC extensions on the test questionnaire are unknown here: information).
const fhirOnly = (fs: Awaited<ReturnType<typeof fhirFindings>>) =>
  fs.filter((f) => f.ruleId.startsWith('fhir/') && (f.severity === 'error' || f.severity === 'warning'));
const UCUM = 'http://unitsofmeasure.org';

const questionnaire = {
  resourceType: 'Questionnaire',
  id: 'intake',
  url: 'http://example.org/fhir/Questionnaire/intake',
  status: 'active',
  item: [
    { linkId: 'smoker', text: 'Do you smoke?', type: 'boolean', required: true },
    {
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 10 }],
      linkId: 'packs',
      text: 'Packs a day',
      type: 'integer',
      enableWhen: [{ question: 'smoker', operator: '=', answerBoolean: true }],
    },
    { linkId: 'name', type: 'string', maxLength: 5 },
    {
      linkId: 'colour',
      type: 'choice',
      answerOption: [
        { valueCoding: { system: 'http://example.org/colour', code: 'red' } },
        { valueCoding: { system: 'http://example.org/colour', code: 'blue' } },
      ],
    },
    {
      extension: [
        {
          url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-minQuantity',
          valueQuantity: { value: 1, unit: 'kg', system: UCUM, code: 'kg' },
        },
      ],
      linkId: 'weight',
      type: 'quantity',
    },
    { linkId: 'about', type: 'group', item: [{ linkId: 'note', text: 'Thank you', type: 'display' }] },
  ],
};

function bundle(response: Record<string, unknown>): string {
  const doc = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'http://example.org/fhir/Questionnaire/intake', resource: questionnaire },
      {
        fullUrl: 'http://example.org/fhir/QuestionnaireResponse/r1',
        resource: { resourceType: 'QuestionnaireResponse', id: 'r1', questionnaire: 'http://example.org/fhir/Questionnaire/intake|1.0', ...response },
      },
    ],
  };
  return JSON.stringify(doc, null, 2);
}

describe('QuestionnaireResponse against its Questionnaire', () => {
  it('a complete, correct response in the same Bundle has no findings', async () => {
    const text = bundle({
      status: 'completed',
      item: [
        { linkId: 'smoker', text: 'Do you smoke?', answer: [{ valueBoolean: true }] },
        { linkId: 'packs', answer: [{ valueInteger: 2 }] },
        { linkId: 'name', answer: [{ valueString: 'Kari' }] },
        { linkId: 'colour', answer: [{ valueCoding: { system: 'http://example.org/colour', code: 'blue' } }] },
        { linkId: 'weight', answer: [{ valueQuantity: { value: 1500, unit: 'g', system: UCUM, code: 'g' } }] },
        { linkId: 'about', item: [{ linkId: 'note', text: 'Thank you' }] },
      ],
    });
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([]);
    expect(fhirOnly(await fhirFindings(fhirJsonToXml(text), 'xml')).map(seen)).toEqual([]);
  });

  it('each problem gets its own finding, on the item or the answer value', async () => {
    const text = bundle({
      status: 'completed',
      item: [
        { linkId: 'smoker', answer: [{ valueBoolean: false }] },
        { linkId: 'packs', answer: [{ valueInteger: 3 }] },
        { linkId: 'name', answer: [{ valueString: 'Kari Nordmann' }] },
        { linkId: 'colour', answer: [{ valueCoding: { system: 'http://example.org/colour', code: 'green' } }] },
        { linkId: 'weight', answer: [{ valueQuantity: { value: 500, unit: 'g', system: UCUM, code: 'g' } }] },
        { linkId: 'extra', answer: [{ valueString: 'x' }] },
      ],
    });
    const line = (needle: string, occurrence = 0) => rangeOf(text, needle, occurrence);
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/questionnaire-enable-when',
        range: line('packs', 1),
        message: "QuestionnaireResponse.item[1]: item 'packs' has an answer, but it is not enabled (enableWhen)",
      },
      {
        rule: 'fhir/questionnaire-answer',
        range: line('Kari Nordmann'),
        message: "QuestionnaireResponse.item[2].answer[0].valueString: 'Kari Nordmann' is longer than the maximum length 5 of item 'name'",
      },
      {
        rule: 'fhir/questionnaire-answer',
        range: line('valueCoding', 2),
        message:
          "QuestionnaireResponse.item[3].answer[0].valueCoding: http://example.org/colour#green is not one of the answer options of item 'colour' (http://example.org/colour#red, http://example.org/colour#blue)",
      },
      {
        rule: 'fhir/questionnaire-answer',
        range: line('valueQuantity', 1),
        message: "QuestionnaireResponse.item[4].answer[0].valueQuantity: 500 g (UCUM#g) is less than the minimum 1 kg (UCUM#kg) of item 'weight'",
      },
      { rule: 'fhir/questionnaire-item', range: line('extra'), message: "QuestionnaireResponse.item[5]: linkId 'extra' is not in the questionnaire" },
    ]);
  });

  it('required items, repeats, groups and display items', async () => {
    const text = bundle({
      status: 'completed',
      item: [
        { linkId: 'name', answer: [{ valueString: 'a' }, { valueString: 'b' }] },
        { linkId: 'about', answer: [{ valueString: 'x' }] },
      ],
    });
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/questionnaire-required',
        range: rangeOf(text, '"QuestionnaireResponse"'),
        message: "QuestionnaireResponse: no answer for the required item 'smoker'",
      },
      {
        rule: 'fhir/questionnaire-item',
        range: rangeOf(text, '{\n                "valueString": "b"\n              }'),
        message: "QuestionnaireResponse.item[0]: item 'name' does not repeat: one answer allowed, found 2",
      },
      {
        rule: 'fhir/questionnaire-item',
        range: rangeOf(text, '{\n                "valueString": "x"\n              }'),
        message: "QuestionnaireResponse.item[1]: 'about' is a group: a group holds items, not answers",
      },
    ]);
  });

  it('an in-progress response may still lack required answers: a warning, not an error', async () => {
    const text = bundle({ status: 'in-progress' });
    expect(fhirOnly(await fhirFindings(text)).map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['fhir/questionnaire-required', 'warning', "QuestionnaireResponse: no answer for the required item 'smoker'"],
    ]);
  });

  it('answer types follow the item type; quantities in units that cannot be converted are not compared', async () => {
    const text = bundle({
      status: 'completed',
      item: [
        { linkId: 'smoker', answer: [{ valueString: 'yes' }] },
        { linkId: 'weight', answer: [{ valueQuantity: { value: 3, unit: 'm', system: UCUM, code: 'm' } }] },
      ],
    });
    expect(fhirOnly(await fhirFindings(text)).map(seen)).toEqual([
      {
        rule: 'fhir/questionnaire-answer',
        range: rangeOf(text, 'valueString'),
        message: "QuestionnaireResponse.item[0].answer[0].valueString: item 'smoker' is of type boolean, so the answer must be boolean, not string",
      },
      {
        rule: 'fhir/questionnaire-answer',
        range: rangeOf(text, 'valueQuantity', 1),
        message:
          'QuestionnaireResponse.item[1].answer[0].valueQuantity: 3 m (UCUM#m) cannot be compared with the minimum 1 kg (UCUM#kg): the units cannot be converted',
      },
    ]);
  });

  it('a contained questionnaire is found by #id; XML gives the same findings; Norwegian messages', async () => {
    const response = {
      resourceType: 'QuestionnaireResponse',
      contained: [{ ...questionnaire, id: 'q' }],
      questionnaire: '#q',
      status: 'completed',
      item: [
        { linkId: 'smoker', answer: [{ valueBoolean: true }] },
        { linkId: 'name', answer: [{ valueString: 'Ola Nordmann' }] },
      ],
    };
    const text = JSON.stringify(response, null, 2);
    const expected = [
      {
        rule: 'fhir/questionnaire-answer',
        message: "QuestionnaireResponse.item[1].answer[0].valueString: 'Ola Nordmann' is longer than the maximum length 5 of item 'name'",
      },
    ];
    expect(fhirOnly(await fhirFindings(text)).map((f) => ({ rule: f.ruleId, message: f.message }))).toEqual(expected);
    expect(fhirOnly(await fhirFindings(fhirJsonToXml(text), 'xml')).map((f) => ({ rule: f.ruleId, message: f.message }))).toEqual(expected);
    const { findingsFor } = await import('../helpers/engine');
    const { createHost } = await import('../../server/src/host/resolvers');
    const nb = (await findingsFor(text, 'json', { host: createHost(), language: 'nb' })).filter((f) => f.ruleId === 'fhir/questionnaire-answer');
    expect(nb.map((f) => f.message)).toEqual([
      "QuestionnaireResponse.item[1].answer[0].valueString: 'Ola Nordmann' er lengre enn maksimal lengde 5 for elementet 'name'",
    ]);
  });

  it('a questionnaire found nowhere is one information finding on the reference', async () => {
    const text = '{ "resourceType": "QuestionnaireResponse", "questionnaire": "http://forms.example.no/Questionnaire/none", "status": "completed" }';
    expect((await fhirFindings(text)).filter((f) => f.ruleId.startsWith('fhir/questionnaire')).map((f) => ({ ...seen(f), severity: f.severity }))).toEqual([
      {
        rule: 'fhir/questionnaire-not-found',
        range: rangeOf(text, 'http://forms.example.no/Questionnaire/none'),
        message:
          "Questionnaire 'http://forms.example.no/Questionnaire/none' was not found (contained, Bundle, workspace, nhn.fhir.packagePaths, ~/.fhir/packages): the answers are not checked against it",
        severity: 'info',
      },
    ]);
  });
});
