// A profile's minValue[x] / maxValue[x], maxLength and the minLength extension, from a profile
// written here and read from a package folder; JSON and XML alike.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rangeOf } from '../helpers/engine';
import { fhirFindings, seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const URL = 'http://example.org/fhir/StructureDefinition/vekt';

describe('profile value limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-limits-'));
    const sd = {
      resourceType: 'StructureDefinition',
      url: URL,
      name: 'Vekt',
      status: 'active',
      kind: 'resource',
      abstract: false,
      type: 'Observation',
      baseDefinition: 'http://hl7.org/fhir/StructureDefinition/Observation',
      derivation: 'constraint',
      differential: {
        element: [
          { id: 'Observation.id', path: 'Observation.id', extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/minLength', valueInteger: 4 }] },
          {
            id: 'Observation.valueQuantity',
            path: 'Observation.valueQuantity',
            minValueQuantity: { value: 0, system: 'http://unitsofmeasure.org', code: 'kg' },
            maxValueQuantity: { value: 500, system: 'http://unitsofmeasure.org', code: 'kg' },
          },
          { id: 'Observation.issued', path: 'Observation.issued', minValueInstant: '2020-01-01T00:00:00Z' },
          { id: 'Observation.note.text', path: 'Observation.note.text', maxLength: 10 },
          {
            id: 'Observation.effectiveDateTime',
            path: 'Observation.effectiveDateTime',
            minValueDuration: { value: 1, unit: 'year', system: 'http://unitsofmeasure.org', code: 'a' },
            maxValueDuration: { value: 2, unit: 'week', system: 'http://unitsofmeasure.org', code: 'wk' },
          },
        ],
      },
    };
    writeFileSync(path.join(dir, 'StructureDefinition-vekt.json'), JSON.stringify(sd));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const observation = (over: Record<string, unknown>) =>
    JSON.stringify(
      {
        resourceType: 'Observation',
        id: 'vekt-1',
        meta: { profile: [URL] },
        status: 'final',
        code: { text: 'Vekt' },
        issued: '2026-01-01T10:00:00Z',
        valueQuantity: { value: 80, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
        ...over,
      },
      null,
      2,
    );
  const limits = async (text: string, lang = 'json') =>
    (await fhirFindings(text, lang, { fhirPackagePaths: [dir] })).filter((f) => f.ruleId === 'fhir/value-limits');

  it('values within the limits are clean', async () => {
    expect(await limits(observation({}))).toEqual([]);
  });

  it('below the minimum, above the maximum, too short, too long: one finding each, on the value', async () => {
    const text = observation({
      id: 'v1',
      issued: '2019-06-01T10:00:00Z',
      valueQuantity: { value: 600, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
      note: [{ text: 'Målt etter frokost' }],
    });
    const expected = [
      { rule: 'fhir/value-limits', range: rangeOf(text, 'v1'), message: "Observation.id: 'v1' is shorter than the minimum length 4" },
      {
        rule: 'fhir/value-limits',
        range: rangeOf(text, '2019-06-01T10:00:00Z'),
        message: 'Observation.issued: 2019-06-01T10:00:00Z is less than the minimum 2020-01-01T00:00:00Z the profile allows',
      },
      {
        rule: 'fhir/value-limits',
        range: rangeOf(text, 'valueQuantity'),
        message: 'Observation.valueQuantity: 600 kg is greater than the maximum 500 kg the profile allows',
      },
      {
        rule: 'fhir/value-limits',
        range: rangeOf(text, 'Målt etter frokost'),
        message: "Observation.note[0].text: 'Målt etter frokost' is longer than the maximum length 10",
      },
    ];
    expect((await limits(text)).map(seen)).toEqual(expected);
    expect((await limits(fhirJsonToXml(text), 'xml')).map((f) => f.message)).toEqual(expected.map((e) => e.message));
  });

  it('a Duration limit on a date is relative to today: the minimum is today minus it, the maximum today plus it', async () => {
    // The tests' today is 2026-11-26: between 2025-11-26 and 2026-12-10.
    expect(await limits(observation({ effectiveDateTime: '2026-03-01' }))).toEqual([]);
    expect(await limits(observation({ effectiveDateTime: '2026-12' }))).toEqual([]);
    const old = observation({ effectiveDateTime: '2025-11-25T08:00:00+01:00' });
    expect((await limits(old)).map(seen)).toEqual([
      {
        rule: 'fhir/value-limits',
        range: rangeOf(old, '2025-11-25T08:00:00+01:00'),
        message: 'Observation.effectiveDateTime: 2025-11-25T08:00:00+01:00 is less than the minimum 2025-11-26 (2026-11-26 − 1 a) the profile allows',
      },
    ]);
    const future = observation({ effectiveDateTime: '2026-12-11' });
    expect((await limits(fhirJsonToXml(future), 'xml')).map((f) => f.message)).toEqual([
      'Observation.effectiveDateTime: 2026-12-11 is greater than the maximum 2026-12-10 (2026-11-26 + 2 wk) the profile allows',
    ]);
  });
});
