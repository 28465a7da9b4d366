// FHIRPath, its R4 model, UCUM, undici, yaml and ajv are not in dist/cli.js: they are files of their own
// under dist/vendor/, loaded on first use. The built CLI must still find and use each of them.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, type JsonFinding, runCli, tempDir } from '../helpers/cli';

const UCUM = 'http://unitsofmeasure.org';

/** A Questionnaire asking for at least 1 kg, and a response answering 500 g: only UCUM can tell. */
const questionnaireBundle = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [
    {
      fullUrl: 'http://example.org/fhir/Questionnaire/weight',
      resource: {
        resourceType: 'Questionnaire',
        id: 'weight',
        url: 'http://example.org/fhir/Questionnaire/weight',
        status: 'active',
        // per-1 (start ≤ end) needs FHIRPath's R4 model to know the element types.
        effectivePeriod: { start: '2026-02-01', end: '2026-01-01' },
        item: [
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
        ],
      },
    },
    {
      fullUrl: 'http://example.org/fhir/QuestionnaireResponse/r1',
      resource: {
        resourceType: 'QuestionnaireResponse',
        id: 'r1',
        questionnaire: 'http://example.org/fhir/Questionnaire/weight',
        status: 'completed',
        item: [{ linkId: 'weight', answer: [{ valueQuantity: { value: 500, unit: 'g', system: UCUM, code: 'g' } }] }],
      },
    },
  ],
};

describe('lazily loaded packages of the built CLI', () => {
  const work = tempDir();
  afterAll(() => work.cleanup());

  it('are not inside dist/cli.js but beside it', () => {
    const vendor = path.join(path.dirname(CLI), 'vendor');
    for (const file of ['fhirpath.mjs', 'fhirpath-r4-model.mjs', 'ucum-lhc.mjs', 'undici.js', 'yaml.js', 'ajv.js'])
      expect(existsSync(path.join(vendor, file)), file).toBe(true);
    const cli = readFileSync(CLI, 'utf8');
    expect(cli).toContain('require("./vendor/undici.js")');
    // FHIRPath's parser (antlr4), UCUM's unit table, yaml's and ajv's code were inside it before.
    for (const marker of ['antlr4', 'ucumDefs', 'YAMLParseError', 'strictSchema']) expect(cli, marker).not.toContain(marker);
  });

  it('a YAML configuration is parsed (yaml) and validated (ajv) from dist/vendor/', () => {
    const dir = path.join(work.dir, 'configured');
    mkdirSync(dir);
    writeFileSync(path.join(dir, '.nhn-lint.yaml'), 'rules:\n  host: off\n  nin: [1]\n');
    writeFileSync(path.join(dir, 'a.properties'), 'rf=https://rf.test2-int.reseptformidleren.net\n');
    const r = runCli(['--format', 'json', dir]);
    // The schema refuses `nin: [1]`: the error names the file and the line ajv's pointer leads to.
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.nhn-lint\.yaml:3:/);
  });

  it('FHIRPath invariants and UCUM conversions run from dist/vendor/', () => {
    const file = path.join(work.dir, 'questionnaire.json');
    writeFileSync(file, JSON.stringify(questionnaireBundle, null, 2));
    const r = runCli(['--format', 'json', file]);
    expect(r.stderr).toBe('');
    const findings = JSON.parse(r.stdout).findings as JsonFinding[];
    // dom-6 and per-1 come from FHIRPath and its R4 model; 500 g < 1 kg from UCUM.
    expect(findings.filter((f) => f.rule.startsWith('fhir/invariant')).map((f) => f.message)).toEqual([
      'Questionnaire: A resource should have narrative for robust management (dom-6)',
      'Questionnaire.effectivePeriod: If present, start SHALL have a lower value than end (per-1)',
      'QuestionnaireResponse: A resource should have narrative for robust management (dom-6)',
    ]);
    expect(findings.filter((f) => f.rule === 'fhir/questionnaire-answer').map((f) => f.message)).toEqual([
      "QuestionnaireResponse.item[0].answer[0].valueQuantity: 500 g (UCUM#g) is less than the minimum 1 kg (UCUM#kg) of item 'weight'",
    ]);
  });
});
