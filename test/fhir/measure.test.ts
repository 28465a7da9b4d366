// MeasureReport against its Measure and a Measure's CQL stratifier criteria against its Library's
// ELM, with a Measure and a Library written here to a package folder; JSON and XML alike.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const POP = 'http://terminology.hl7.org/CodeSystem/measure-population';
const MEASURE = 'http://example.org/fhir/Measure/ventetid';
const LIBRARY = 'http://example.org/fhir/Library/Ventetid';
/** The range of the innermost-but-one JSON object around `needle` (a population around its coding). */
function objectRange(text: string, needle: string) {
  const at = text.indexOf(needle);
  const start = text.lastIndexOf('{', text.lastIndexOf('"code": {', at));
  let depth = 0;
  let end = start;
  for (; end < text.length; end++) {
    if (text[end] === '{') depth++;
    else if (text[end] === '}' && --depth === 0) break;
  }
  const pos = (o: number) => {
    const before = text.slice(0, o).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(start), end: pos(end + 1) };
}
const pop = (code: string) => ({ code: { coding: [{ system: POP, code }] } });
const elm = `<library xmlns="urn:hl7-org:elm:r1"><identifier id="Ventetid"/><statements><def name="Initial Population"/><def name="Under18"/></statements></library>`;

describe('Measure and MeasureReport', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-measure-'));
    const measure = {
      resourceType: 'Measure',
      url: MEASURE,
      status: 'active',
      library: [LIBRARY],
      scoring: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-scoring', code: 'proportion' }] },
      group: [
        {
          population: [pop('initial-population'), pop('numerator'), pop('denominator')],
          stratifier: [{ code: { text: 'alder' }, criteria: { language: 'text/cql', expression: 'Ventetid.Under18' } }],
        },
      ],
    };
    const library = {
      resourceType: 'Library',
      url: LIBRARY,
      name: 'Ventetid',
      status: 'active',
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/library-type', code: 'logic-library' }] },
      content: [{ contentType: 'application/elm+xml', data: Buffer.from(elm).toString('base64') }],
    };
    writeFileSync(path.join(dir, 'Measure-ventetid.json'), JSON.stringify(measure));
    writeFileSync(path.join(dir, 'Library-ventetid.json'), JSON.stringify(library));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const of = async (text: string, rule: string, lang = 'json') =>
    (await fhirFindings(text, lang, { fhirPackagePaths: [dir] })).filter((f) => f.ruleId === rule);
  const report = (group: Record<string, unknown>, type = 'summary') =>
    JSON.stringify(
      { resourceType: 'MeasureReport', status: 'complete', type, measure: MEASURE, period: { start: '2026-01-01', end: '2026-06-30' }, group: [group] },
      null,
      2,
    );
  const goodGroup = {
    population: [
      { ...pop('initial-population'), count: 10 },
      { ...pop('numerator'), count: 4 },
      { ...pop('denominator'), count: 10 },
    ],
    measureScore: { value: 0.4 },
    stratifier: [{ code: [{ text: 'alder' }] }],
  };

  it('a report that matches its Measure is clean', async () => {
    const text = report(goodGroup);
    expect(await of(text, 'fhir/measure-report')).toEqual([]);
    expect(await of(fhirJsonToXml(text), 'fhir/measure-report', 'xml')).toEqual([]);
  });

  it('an unknown population code, subjects in a summary, a proportion score above 1 and with a unit', async () => {
    const text = report({
      population: [
        { ...pop('initial-population'), count: 10, subjectResults: { reference: 'List/l1' } },
        { ...pop('numerator'), count: 4 },
        { ...pop('denominator'), count: 10 },
        { ...pop('denominator-exclusion'), count: 1 },
      ],
      measureScore: { value: 1.5, unit: '%' },
      stratifier: [{ code: [{ text: 'alder' }] }],
    });
    const expected = [
      {
        rule: 'fhir/measure-report',
        range: rangeOf(text, 'subjectResults'),
        message: "MeasureReport.group[0].population[0]: subjectResults belong only in reports of type 'subject-list' (this one is 'summary')",
      },
      {
        rule: 'fhir/measure-report',
        range: objectRange(text, 'denominator-exclusion'),
        message:
          "MeasureReport.group[0].population[3]: the population code http://terminology.hl7.org/CodeSystem/measure-population#denominator-exclusion has no match in the Measure's group",
      },
      {
        rule: 'fhir/measure-report',
        range: rangeOf(text, '1.5'),
        message: 'MeasureReport.group[0].measureScore.value: a proportion score is between 0 and 1, not 1.5',
      },
      {
        rule: 'fhir/measure-report',
        range: rangeOf(text, 'unit'),
        message: 'MeasureReport.group[0].measureScore.unit: a proportion score is a number without unit',
      },
    ];
    expect((await of(text, 'fhir/measure-report')).map(seen)).toEqual(expected);
    expect((await of(fhirJsonToXml(text), 'fhir/measure-report', 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });

  it('a missing population and a missing required score', async () => {
    const text = report({
      population: [
        { ...pop('initial-population'), count: 10 },
        { ...pop('numerator'), count: 4 },
      ],
      stratifier: [{ code: [{ text: 'alder' }] }],
    });
    expect((await of(text, 'fhir/measure-report')).map((f) => f.message)).toEqual([
      "MeasureReport.group[0]: the Measure's http://terminology.hl7.org/CodeSystem/measure-population#denominator is missing from this group",
      'MeasureReport.group[0].measureScore: a measureScore is required when the scoring is proportion',
    ]);
  });

  it('CQL stratifier criteria: a definition the ELM has is clean, one it lacks is an error on the expression', async () => {
    const measure = (expression: string) =>
      JSON.stringify(
        {
          resourceType: 'Measure',
          status: 'active',
          library: [LIBRARY],
          group: [
            {
              population: [{ ...pop('initial-population'), criteria: { language: 'text/cql', expression: 'Ventetid.Initial Population' } }],
              stratifier: [{ code: { text: 'alder' }, criteria: { language: 'text/cql', expression } }],
            },
          ],
        },
        null,
        2,
      );
    expect(await of(measure('Ventetid.Under18'), 'fhir/measure-criteria')).toEqual([]);
    const text = measure('Ventetid.Under12');
    const expected = [
      {
        rule: 'fhir/measure-criteria',
        range: rangeOf(text, 'Ventetid.Under12'),
        message: `Measure.group[0].stratifier[0].criteria: 'Under12' is not defined in the library ${LIBRARY}`,
      },
    ];
    expect((await of(text, 'fhir/measure-criteria')).map(seen)).toEqual(expected);
    expect((await of(fhirJsonToXml(text), 'fhir/measure-criteria', 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
    expect((await of(measure('Annen.Under18'), 'fhir/measure-criteria')).map((f) => f.message)).toEqual([
      "Measure.group[0].stratifier[0].criteria: no library of the Measure is named 'Annen'",
    ]);
  });
});
