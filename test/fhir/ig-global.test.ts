// Profiles an ImplementationGuide applies globally (ImplementationGuide.global): every resource of the
// type is checked against the profile, whether it names it or not, at the top level, inside a Bundle
// and contained; JSON and XML alike. The guide counts from an explicit package folder (found through
// the package's .index.json or by its file name) and from the workspace; without any global, the
// conformance index is not built for a document that names no profile.

import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, DEFAULT_SETTINGS } from '../../server/src/engine';
import { createHost } from '../../server/src/host/resolvers';
import { positionOf, rangeOf } from '../helpers/engine';
import { seen } from './helpers';
import { fhirJsonToXml } from './to-xml';

const IG_PACKAGE = path.resolve(__dirname, 'ig-global/package');
const GUIDE = 'http://example.org/fhir/ImplementationGuide/nhn-test';
const PATIENT_PROFILE = 'http://example.org/fhir/StructureDefinition/global-patient';

/** A Patient the global profile accepts; `undefined` in `over` drops an element. */
const patient = (over: Record<string, unknown> = {}): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify({
      resourceType: 'Patient',
      id: 'p1',
      identifier: [{ system: 'urn:oid:2.16.578.1.12.4.1.4.1', value: '04886897869' }],
      birthDate: '1968-08-04',
      ...over,
    }),
  );
const json = (r: unknown) => JSON.stringify(r, null, 2);

/** A fresh engine (its own caches) on the Node host; `workspace` folders as the server would have them. */
function engineWith(workspace: string[] = []) {
  const host = createHost({ workspaceFolders: () => workspace });
  const engine = createEngine({ ...host, workspaceFolders: () => workspace });
  const analyze = async (text: string, languageId = 'json', settings: Record<string, unknown> = { fhirPackagePaths: [IG_PACKAGE] }) =>
    (
      await engine.analyze(
        { uri: `file:///test/doc.${languageId}`, languageId, text },
        { today: '2026-11-26', language: 'en', settings: { ...DEFAULT_SETTINGS, ...settings } },
      )
    ).findings.filter((f) => f.ruleId.startsWith('fhir/') && f.severity !== 'hint');
  return { engine, analyze };
}

describe('ImplementationGuide.global from a package folder (--fhir-packages)', () => {
  const { analyze } = engineWith();

  it('a Patient that meets the global profile is clean; one that does not is reported against it', async () => {
    expect(await analyze(json(patient()))).toEqual([]);
    const bad = json(patient({ birthDate: undefined }));
    expect((await analyze(bad)).map(seen)).toEqual([
      { rule: 'fhir/cardinality', range: rangeOf(bad, '"Patient"'), message: "Patient: 'birthDate' is required (minimum 1, found 0)" },
    ]);
  });

  it('applies to every Patient: Bundle entries and contained resources, not to other types', async () => {
    const bundle = json({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'http://example.org/fhir/Patient/p1', resource: patient() },
        { fullUrl: 'http://example.org/fhir/Patient/p2', resource: patient({ id: 'p2', identifier: undefined }) },
        {
          fullUrl: 'http://example.org/fhir/Observation/o1',
          resource: {
            resourceType: 'Observation',
            id: 'o1',
            contained: [patient({ id: 'c1', birthDate: undefined })],
            status: 'final',
            code: { text: 'Puls' },
            subject: { reference: '#c1' },
          },
        },
      ],
    });
    const found = await analyze(bundle);
    // Placed as a profile places what a resource lacks: on the entry's `resource` key, on a contained resource's object.
    expect(found.map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/cardinality', "Patient: 'identifier' is required (minimum 1, found 0)"],
      ['fhir/cardinality', "Patient: 'birthDate' is required (minimum 1, found 0)"],
    ]);
    const key = rangeOf(bundle, '"resource"', 1);
    expect(found[0].range).toEqual({ start: { ...key.start, character: key.start.character + 1 }, end: { ...key.end, character: key.end.character - 1 } });
    expect(found[1].range.start).toEqual(positionOf(bundle, '{\n            "resourceType": "Patient",\n            "id": "c1"'));
  });

  it('XML is checked the same way', async () => {
    const xml = fhirJsonToXml(json(patient({ birthDate: undefined })));
    expect((await analyze(xml, 'xml')).map((f) => [f.ruleId, f.message])).toEqual([
      ['fhir/cardinality', "Patient: 'birthDate' is required (minimum 1, found 0)"],
    ]);
  });

  it('a resource that names the global profile itself is checked once', async () => {
    const text = json(patient({ meta: { profile: [PATIENT_PROFILE] }, birthDate: undefined }));
    expect((await analyze(text)).map((f) => f.message)).toEqual(["Patient: 'birthDate' is required (minimum 1, found 0)"]);
  });

  it('a global profile that is not found is one warning naming the guide, on the resource type', async () => {
    const text = json({ resourceType: 'Practitioner', id: 'x', name: [{ family: 'Berg' }] });
    expect((await analyze(text)).map((f) => ({ ...seen(f), severity: f.severity }))).toEqual([
      {
        rule: 'fhir/unknown-profile',
        severity: 'warning',
        range: rangeOf(text, '"Practitioner"'),
        message: `Profile 'http://example.org/fhir/StructureDefinition/not-in-this-package', which the ImplementationGuide '${GUIDE}' applies to every resource of this type, was not found: it has not been checked`,
      },
    ]);
  });

  it('without the package folder nothing is applied', async () => {
    expect(await analyze(json(patient({ birthDate: undefined })), 'json', { fhirPackagePaths: [] })).toEqual([]);
  });
});

describe('ImplementationGuide.global from the workspace, kept current by file events', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-ig-global-'));
    cpSync(path.join(IG_PACKAGE, 'StructureDefinition-global-patient.json'), path.join(dir, 'StructureDefinition-global-patient.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an ImplementationGuide file in the workspace (by its name, XML) applies; a new or deleted guide takes effect on its event', async () => {
    const { engine, analyze } = engineWith([dir]);
    const bad = json(patient({ identifier: undefined }));
    // No guide yet: the profile is in the workspace but nothing applies it, and no index is built for it.
    expect(await analyze(bad, 'json', {})).toEqual([]);
    expect((await engine.workspaceIndexStats()).profiles).toBeUndefined();

    const guide = path.join(dir, 'ImplementationGuide-nhn-test.xml');
    writeFileSync(
      guide,
      `<ImplementationGuide xmlns="http://hl7.org/fhir">
  <id value="ws"/>
  <url value="http://example.org/fhir/ImplementationGuide/ws"/>
  <name value="Ws"/>
  <status value="draft"/>
  <packageId value="example.ws"/>
  <fhirVersion value="4.0.1"/>
  <global>
    <type value="Patient"/>
    <profile value="${PATIENT_PROFILE}"/>
  </global>
</ImplementationGuide>
`,
    );
    expect(await engine.workspaceFilesChanged([{ path: guide, kind: 'created' }])).toEqual({ schemas: false, profiles: true });
    expect((await analyze(bad, 'json', {})).map((f) => f.message)).toEqual(["Patient: 'identifier' is required (minimum 1, found 0)"]);

    rmSync(guide);
    expect(await engine.workspaceFilesChanged([{ path: guide, kind: 'deleted' }])).toEqual({ schemas: false, profiles: true });
    expect(await analyze(bad, 'json', {})).toEqual([]);
  });
});

describe('the cost is paid only where globals exist', () => {
  it('a package folder with profiles but no guide: a document that names no profile builds no conformance index', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nhn-fhir-no-global-'));
    try {
      cpSync(path.join(IG_PACKAGE, 'StructureDefinition-global-patient.json'), path.join(dir, 'StructureDefinition-global-patient.json'));
      const { engine, analyze } = engineWith();
      expect(await analyze(json(patient({ birthDate: undefined })), 'json', { fhirPackagePaths: [dir] })).toEqual([]);
      expect((await engine.workspaceIndexStats()).profiles).toBeUndefined();
      // With the guide's package, the index is built once and kept for the next documents.
      await analyze(json(patient()));
      await analyze(json(patient()));
      expect((await engine.workspaceIndexStats()).profiles?.builds).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
