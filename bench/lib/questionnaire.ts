// A Questionnaire with `items` questions (groups of ten; string, integer with limits, choice with
// options, boolean, date, quantity with a UCUM minimum, and an enableWhen in each group) and a
// completed, valid QuestionnaireResponse that answers every question, in one collection Bundle.

const UCUM = 'http://unitsofmeasure.org';

export function questionnaireBundle(items: number): { bundle: string; response: Record<string, unknown> } {
  const groups: Record<string, unknown>[] = [];
  const answered: Record<string, unknown>[] = [];
  for (let g = 0; g * 10 < items; g++) {
    const qs: Record<string, unknown>[] = [];
    const as: Record<string, unknown>[] = [];
    for (let i = g * 10; i < Math.min(items, g * 10 + 10); i++) {
      const id = `q${i}`;
      switch (i % 6) {
        case 0:
          qs.push({ linkId: id, text: `Question ${i}`, type: 'boolean', required: true });
          as.push({ linkId: id, text: `Question ${i}`, answer: [{ valueBoolean: true }] });
          break;
        case 1:
          qs.push({
            extension: [
              { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 0 },
              { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 100 },
            ],
            linkId: id,
            type: 'integer',
            enableWhen: [{ question: `q${i - 1}`, operator: '=', answerBoolean: true }],
          });
          as.push({ linkId: id, answer: [{ valueInteger: i % 100 }] });
          break;
        case 2:
          qs.push({
            linkId: id,
            type: 'choice',
            answerOption: ['a', 'b', 'c'].map((code) => ({ valueCoding: { system: 'http://example.org/options', code } })),
          });
          as.push({ linkId: id, answer: [{ valueCoding: { system: 'http://example.org/options', code: 'b' } }] });
          break;
        case 3:
          qs.push({ linkId: id, type: 'string', maxLength: 40 });
          as.push({ linkId: id, answer: [{ valueString: `Answer ${i}` }] });
          break;
        case 4:
          qs.push({ linkId: id, type: 'date', repeats: true });
          as.push({ linkId: id, answer: [{ valueDate: '2026-01-01' }, { valueDate: '2026-02-01' }] });
          break;
        default:
          qs.push({
            extension: [
              { url: 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-minQuantity', valueQuantity: { value: 1, system: UCUM, code: 'kg' } },
            ],
            linkId: id,
            type: 'quantity',
          });
          as.push({ linkId: id, answer: [{ valueQuantity: { value: 2500, unit: 'g', system: UCUM, code: 'g' } }] });
      }
    }
    groups.push({ linkId: `g${g}`, type: 'group', item: qs });
    answered.push({ linkId: `g${g}`, item: as });
  }
  const url = 'http://example.org/fhir/Questionnaire/bench';
  const response = { resourceType: 'QuestionnaireResponse', id: 'r', questionnaire: url, status: 'completed', item: answered };
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: url, resource: { resourceType: 'Questionnaire', id: 'bench', url, status: 'active', item: groups } },
      { fullUrl: 'http://example.org/fhir/QuestionnaireResponse/r', resource: response },
    ],
  };
  return { bundle: JSON.stringify(bundle, null, 2), response };
}
